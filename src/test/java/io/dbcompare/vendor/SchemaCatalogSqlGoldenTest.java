package io.dbcompare.vendor;

import io.dbcompare.config.Platform;
import io.dbcompare.dialect.SchemaCatalogSql;
import io.dbcompare.sync.Golden;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The set-based catalog queries a schema is read with, as text ({@code golden/schema_catalog_<platform>.sql};
 * regenerate with {@code -Dgolden.update=true}): its tables and views, primary keys and unique indexes in
 * one query each, and the schemas a bare name is looked up in.
 */
class SchemaCatalogSqlGoldenTest {

  @ParameterizedTest
  @EnumSource(Platform.class)
  void matchesGolden(Platform p) throws IOException {
    SchemaCatalogSql sql = DatabaseTypes.of(p).schemaCatalogSql();
    StringBuilder sb = new StringBuilder();
    section(sb, "tables and views of a schema", sql.tables());
    section(sb, "primary keys of a schema", sql.primaryKeys());
    section(sb, "unique indexes and constraints of a schema", sql.uniqueKeys());
    section(sb, "schemas a bare table name is looked up in", sql.defaultSchemas());
    section(sb, "computed and identity columns and triggers of a schema's tables", sql.targetTraits());
    Golden.check("schema_catalog_" + p.name().toLowerCase(Locale.ROOT) + ".sql", sb.toString());
  }

  private static void section(StringBuilder sb, String title, String sql) {
    sb.append("-- ").append(title).append('\n').append(sql).append(";\n\n");
  }
}
