package io.dbcompare.vendor;

import io.dbcompare.config.Platform;
import io.dbcompare.dialect.TargetCatalogSql;
import io.dbcompare.sync.Golden;
import io.dbcompare.vendor.oracle.OracleCatalogNames;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every catalog query a vendor object asks about a table, as text ({@code golden/catalog_<platform>.sql};
 * regenerate with {@code -Dgolden.update=true}): computed and identity columns, enabled triggers, the
 * foreign keys of a schema in one query, and (Oracle) what a configured name is.
 */
class CatalogSqlGoldenTest {

  @ParameterizedTest
  @EnumSource(Platform.class)
  void matchesGolden(Platform p) throws IOException {
    TargetCatalogSql sql = DatabaseTypes.of(p).catalogSql();
    StringBuilder sb = new StringBuilder();
    section(sb, "generated columns", sql.generatedColumns());
    section(sb, "identity ALWAYS columns", sql.identityAlwaysColumns());
    section(sb, "triggers", sql.triggers());
    section(sb, "foreign keys of a schema", sql.foreignKeys());
    if (DatabaseTypes.of(p).catalogNames().isPresent()) {
      section(sb, "object types of a name", OracleCatalogNames.OBJECT_TYPES);
      section(sb, "what a synonym stands for", OracleCatalogNames.SYNONYM);
    }
    Golden.check("catalog_" + p.name().toLowerCase(Locale.ROOT) + ".sql", sb.toString());
  }

  private static void section(StringBuilder sb, String title, String sql) {
    sb.append("-- ").append(title).append('\n').append(sql).append(";\n\n");
  }
}
