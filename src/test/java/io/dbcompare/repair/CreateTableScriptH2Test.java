package io.dbcompare.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.jdbc.ConnectionPool;
import io.dbcompare.jdbc.TableCatalog;
import io.dbcompare.sync.Golden;
import io.dbcompare.vendor.DatabaseTypes;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The golden CREATE TABLE scripts for an H2 target run on H2 (Oracle mode), and the table they create
 * has, column by column, the kind of value the comparison reads from the source column: the repair and
 * the comparison can work on it at once.
 */
class CreateTableScriptH2Test {

  @Test
  void everyScriptForAnH2TargetRunsAndMatchesItsSource() throws Exception {
    for (Platform from : Platform.values()) {
      String url = "jdbc:h2:mem:create_" + from.name() + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
      String script = Files.readString(Golden.dir().resolve(CreateTableScriptGoldenTest.file(from, Platform.H2)));
      try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
        st.execute("CREATE SCHEMA APP");
        st.execute(script.replaceAll("(?m)^--.*$", "").strip().replaceAll(";$", ""));
        DatabaseConfig db = new DatabaseConfig("target", url, "sa", "", Platform.H2, Map.of());
        TableCatalog.Table created;
        try (ConnectionPool pool = new ConnectionPool(db, 1, 10, 0)) {
          created = TableCatalog.describe(pool, CreateTableFixtures.table("APP.ORDERS_X"));
        }
        TableCatalog.Table source = CreateTableScriptGoldenTest.source(from);
        assertSameKinds(source, DatabaseTypes.of(from).dialect(), created, DatabaseTypes.of(Platform.H2).dialect());
        assertEquals(1, created.key().size());
        assertEquals(source.uniques().size(), created.uniques().size(), from + ": unique constraints");
        st.execute("DROP ALL OBJECTS");
      }
    }
  }

  /** Same columns in the same order, each with the comparison's kind of the source column, and NOT NULL kept. */
  static void assertSameKinds(TableCatalog.Table source, Dialect sd, TableCatalog.Table created, Dialect td) {
    assertEquals(source.columns().size(), created.columns().size(), created.columns().toString());
    for (int i = 0; i < source.columns().size(); i++) {
      TableCatalog.Column s = source.columns().get(i);
      TableCatalog.Column t = created.columns().get(i);
      assertTrue(s.name().equalsIgnoreCase(t.name()), s + " / " + t);
      Optional<ValueKind> sk = sd.kindOf(s.type());
      assertTrue(sk.isPresent(), "the comparison reads " + s);
      assertEquals(sk, td.kindOf(t.type()), s + " became " + t);
      assertEquals(s.nullable() && !source.key().contains(s.name()), t.nullable(), s + " became " + t);
    }
  }
}
