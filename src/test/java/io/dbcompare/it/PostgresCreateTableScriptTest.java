package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Platform;
import io.dbcompare.config.TableConfig;
import io.dbcompare.config.TableName;
import io.dbcompare.dialect.DdlTypes;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.jdbc.ConnectionPool;
import io.dbcompare.jdbc.TableCatalog;
import io.dbcompare.repair.RepairFixtures;
import io.dbcompare.sync.Golden;
import io.dbcompare.vendor.DatabaseTypes;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The golden CREATE TABLE scripts for a PostgreSQL target run on PostgreSQL, and the tables they create
 * hold, column by column, the comparison's kind of the source column; the catalog facts the PostgreSQL
 * source fixture of the golden files assumes are those of a live server (skipped without PostgreSQL
 * unless PG_REQUIRED=true).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresCreateTableScriptTest {
  private PgTestDb db;

  @BeforeAll
  void create() throws Exception {
    db = PgTestDb.create("ct_" + Long.toHexString(System.nanoTime() & 0xffffff) + "_" + ProcessHandle.current().pid());
  }

  @AfterAll
  void drop() throws Exception {
    if (db != null) {
      db.drop();
    }
  }

  private TableCatalog.Table describe(String table) {
    DatabaseConfig cfg = new DatabaseConfig("target", db.url(), db.user(), null, Platform.POSTGRESQL, Map.of());
    TableName n = TableName.parse(table, "test");
    try (ConnectionPool pool = new ConnectionPool(cfg, 1, 10, 0)) {
      return TableCatalog.describe(pool, new TableConfig(n, n, List.of(), Optional.empty(), List.of(), List.of(),
          Optional.empty()));
    }
  }

  @Test
  void everyScriptForAPostgresTargetRunsAndMatchesItsSource() throws Exception {
    Dialect pg = DatabaseTypes.of(Platform.POSTGRESQL).dialect();
    for (Platform from : Platform.values()) {
      String file = "create_table/" + from.name().toLowerCase(Locale.ROOT) + "_to_postgresql.sql";
      db.exec("DROP SCHEMA IF EXISTS app CASCADE", "CREATE SCHEMA app");
      db.runScript(Golden.dir().resolve(file));
      TableCatalog.Table created = describe("app.orders_x");
      TableCatalog.Table source = from == Platform.ORACLE ? RepairFixtures.oracle()
          : from == Platform.POSTGRESQL ? RepairFixtures.postgres() : RepairFixtures.h2();
      Dialect sd = DatabaseTypes.of(from).dialect();
      assertEquals(source.columns().size(), created.columns().size(), file);
      for (int i = 0; i < source.columns().size(); i++) {
        TableCatalog.Column s = source.columns().get(i);
        TableCatalog.Column t = created.columns().get(i);
        Optional<ValueKind> sk = sd.kindOf(s.type());
        assertTrue(sk.isPresent(), s.toString());
        assertEquals(sk, pg.kindOf(t.type()), file + ": " + s + " became " + t);
      }
      assertEquals(source.uniques().size(), created.uniques().size(), file);
    }
  }

  /** The PostgreSQL fixture of the golden files says what a live catalog says, type for type. */
  @Test
  void thePostgresFixtureIsWhatTheCatalogReports() throws Exception {
    db.exec("DROP SCHEMA IF EXISTS app CASCADE", "CREATE SCHEMA app",
        "CREATE TABLE app.orders_x (id bigint PRIMARY KEY, code varchar(20) NOT NULL UNIQUE, name varchar,"
            + " amount numeric(12,2), big numeric, small smallint, qty integer, flag char(1) NOT NULL,"
            + " created timestamp(0) NOT NULL, updated timestamp, day date, at_tz timestamptz, notes text, data bytea,"
            + " score float8, f4 real, active boolean)");
    TableCatalog.Table live = describe("app.orders_x");
    TableCatalog.Table fixture = RepairFixtures.postgres();
    DdlTypes types = DatabaseTypes.of(Platform.POSTGRESQL).ddlTypes();
    assertEquals(fixture.columns().size(), live.columns().size());
    for (int i = 0; i < live.columns().size(); i++) {
      TableCatalog.Column l = live.columns().get(i);
      TableCatalog.Column f = fixture.columns().get(i);
      assertEquals(f.name(), l.name());
      assertEquals(types.read(f.type()), types.read(l.type()), l.toString());
      assertEquals(f.nullable(), l.nullable(), l.toString());
    }
    assertEquals(fixture.key(), live.key());
    assertEquals(fixture.uniques(), live.uniques());
  }
}
