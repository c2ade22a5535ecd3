package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.jdbc.ConnectionPool;
import io.dbcompare.jdbc.SchemaCatalog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema read with the vendor's set-based catalog queries ({@link SchemaCatalog}) equals what JDBC
 * metadata read table by table before (the reference below is that former code: getTables, getColumns,
 * getPrimaryKeys, getIndexInfo): the same tables and views, columns with types, sizes and nullability in
 * order, primary keys in key order, unique indexes and constraints. It costs the same five round trips
 * for 3 tables as for 40, and a schema name with '_' is not mixed up with one that has another
 * character there.
 */
class SchemaCatalogTest {
  @TempDir Path dir;
  private PgTestDb pg;

  @AfterEach
  void drop() throws SQLException {
    if (pg != null) {
      pg.drop();
    }
  }

  @Test
  void h2() throws Exception {
    H2TestDb db = new H2TestDb(dir.resolve("cat"));
    db.exec("CREATE SCHEMA A_B", "CREATE SCHEMA AXB", "CREATE SCHEMA BIG");
    check(db.url(), db.user(), db.password(), String::toUpperCase, db::exec);
    db.exec("CREATE TABLE AXB.TRAITS (ID INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, A INT,"
        + " TWICE INT GENERATED ALWAYS AS (A * 2))",
        "CREATE TRIGGER TRAITS_T BEFORE INSERT ON AXB.TRAITS FOR EACH ROW CALL \"" + NoopTrigger.class.getName() + "\"");
    traits(db.url(), db.user(), db.password(), "AXB", "TRAITS", new SchemaCatalog.Traits(List.of("TWICE"),
        List.of("ID"), List.of("TRAITS_T")));
  }

  @Test
  void postgresql() throws Exception {
    pg = PgTestDb.create("tc_cat_" + ProcessHandle.current().pid());
    pg.exec("CREATE SCHEMA a_b", "CREATE SCHEMA axb", "CREATE SCHEMA big",
        // what the reference does not see as this code does: a partial unique index is marked partial,
        // an index on an expression makes no column unique, INCLUDE columns are not part of the key
        "CREATE TABLE axb.extra (id INT PRIMARY KEY, a INT, b INT, c VARCHAR(10))",
        "CREATE UNIQUE INDEX extra_a ON axb.extra (a) WHERE a > 0",
        "CREATE UNIQUE INDEX extra_lower ON axb.extra (lower(c))",
        "CREATE UNIQUE INDEX extra_b ON axb.extra (b) INCLUDE (c)");
    check(pg.url(), pg.user(), null, String::toLowerCase, pg::exec);
    try (ConnectionPool pool = pool(pg.url(), pg.user(), null)) {
      SchemaCatalog.Table extra = pool.catalog().schema("axb").table("extra").orElseThrow();
      assertEquals(List.of(new SchemaCatalog.UniqueKey("extra_pkey", List.of("id"), false),
          new SchemaCatalog.UniqueKey("extra_a", List.of("a"), true),
          new SchemaCatalog.UniqueKey("extra_b", List.of("b"), false)), sorted(extra.uniqueKeys()));
    }
    pg.exec("CREATE TABLE axb.traits (id INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, a INT,"
            + " twice INT GENERATED ALWAYS AS (a * 2) STORED)",
        "CREATE FUNCTION axb.noop() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'",
        "CREATE TRIGGER traits_b BEFORE INSERT ON axb.traits FOR EACH ROW EXECUTE FUNCTION axb.noop()",
        "CREATE TRIGGER traits_a BEFORE UPDATE ON axb.traits FOR EACH ROW EXECUTE FUNCTION axb.noop()");
    traits(pg.url(), pg.user(), null, "axb", "traits", new SchemaCatalog.Traits(List.of("twice"), List.of("id"),
        List.of("traits_a", "traits_b")));
  }

  /**
   * A target table's computed and identity columns and triggers, read for the whole schema in one query,
   * equal what the per-table queries ({@code TargetCatalogSql}) give, for that table and every other one
   * of the schema; a second table costs no query.
   */
  private static void traits(String url, String user, String password, String schema, String table,
      SchemaCatalog.Traits expected) throws Exception {
    try (ConnectionPool pool = pool(url, user, password);
        Connection c = DriverManager.getConnection(url, user, password == null ? "" : password)) {
      io.dbcompare.dialect.TargetCatalogSql sql = pool.databaseType().catalogSql();
      assertEquals(expected, pool.catalog().traits(schema, table));
      int before = pool.catalog().queries();
      for (String t : pool.catalog().schema(schema).tables().keySet()) {
        assertEquals(new SchemaCatalog.Traits(perTable(c, sql.generatedColumns(), schema, t),
            perTable(c, sql.identityAlwaysColumns(), schema, t), perTable(c, sql.triggers(), schema, t)),
            pool.catalog().traits(schema, t), t);
      }
      assertEquals(5, pool.catalog().queries() - before, "the schema's tables once; its traits were read already");
    }
  }

  private static List<String> perTable(Connection c, String sql, String schema, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, schema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  interface Exec {
    void exec(String... sql) throws SQLException;
  }

  private void check(String url, String user, String password, UnaryOperator<String> fold, Exec exec) throws Exception {
    exec.exec("CREATE TABLE a_b.orders (region VARCHAR(5) NOT NULL, id INT NOT NULL, code CHAR(3), note VARCHAR(200),"
            + " amount NUMERIC(12,2), created TIMESTAMP, PRIMARY KEY (id, region), CONSTRAINT orders_code UNIQUE (code, note))",
        "CREATE UNIQUE INDEX orders_note ON a_b.orders (note)",
        "CREATE TABLE a_b.nokey (a INT, b VARCHAR(10))",
        "CREATE VIEW a_b.orders_v AS SELECT id, note FROM a_b.orders",
        "CREATE TABLE axb.orders (other INT PRIMARY KEY)");
    for (int i = 0; i < 40; i++) {
      exec.exec("CREATE TABLE big.t" + i + " (id INT PRIMARY KEY, v VARCHAR(20))");
    }
    try (ConnectionPool pool = pool(url, user, password);
        Connection c = DriverManager.getConnection(url, user, password == null ? "" : password)) {
      DatabaseMetaData md = c.getMetaData();
      String schema = fold.apply("a_b");
      SchemaCatalog.Schema read = pool.catalog().schema(schema);
      assertTrue(read.exists());
      assertEquals(5, pool.catalog().queries(), "one schema: existence, tables, columns, keys, unique indexes");
      assertEquals(Set.of(fold.apply("orders"), fold.apply("nokey"), fold.apply("orders_v")), read.tables().keySet());
      assertEquals(SchemaCatalog.Kind.VIEW, read.table(fold.apply("orders_v")).orElseThrow().kind());
      assertEquals(SchemaCatalog.Kind.TABLE, read.table(fold.apply("orders")).orElseThrow().kind());
      for (SchemaCatalog.Table t : read.tables().values()) {
        assertEquals(columns(md, schema, t.name()), t.columns(), t.name());
        assertEquals(primaryKey(md, schema, t.name()), t.primaryKey(), t.name());
        if (t.kind() == SchemaCatalog.Kind.TABLE) {
          assertEquals(uniqueKeys(md, schema, t.name()), new TreeSet<>(t.uniqueKeys().stream()
              .map(u -> String.join(",", u.columns())).toList()), t.name());
        }
      }
      SchemaCatalog.Table orders = read.table(fold.apply("orders")).orElseThrow();
      assertEquals(List.of(fold.apply("id"), fold.apply("region")), orders.primaryKey(), "in key order");
      assertFalse(orders.columns().get(2).nullable() == orders.columns().get(0).nullable(), "code NULL, region NOT NULL");
      assertEquals(List.of(fold.apply("other")), pool.catalog().schema(fold.apply("axb")).table(fold.apply("orders"))
          .orElseThrow().columns().stream().map(SchemaCatalog.Column::name).toList(), "axb is not a_b");

      int before = pool.catalog().queries();
      SchemaCatalog.Schema big = pool.catalog().schema(fold.apply("big"));
      assertEquals(40, big.tables().size());
      assertEquals(5, pool.catalog().queries() - before, "40 tables cost what 3 do");
      pool.catalog().schema(fold.apply("big"));
      assertEquals(5, pool.catalog().queries() - before, "kept for the run");
      assertFalse(pool.catalog().schema(fold.apply("nosuch")).exists());
    }
  }

  private static ConnectionPool pool(String url, String user, String password) {
    DatabaseConfig db = new DatabaseConfig("source", url, user, password, io.dbcompare.config.Platform.fromUrl(url, "t"),
        Map.of());
    return new ConnectionPool(db, 2, 10, 0);
  }

  private static List<SchemaCatalog.UniqueKey> sorted(List<SchemaCatalog.UniqueKey> keys) {
    List<SchemaCatalog.UniqueKey> out = new ArrayList<>(keys);
    out.sort((a, b) -> a.name().compareTo(b.name()));
    List<SchemaCatalog.UniqueKey> pkFirst = new ArrayList<>();
    out.stream().filter(k -> k.name().endsWith("pkey")).forEach(pkFirst::add);
    out.stream().filter(k -> !k.name().endsWith("pkey")).forEach(pkFirst::add);
    return pkFirst;
  }

  // ----- the former code (JDBC metadata per table), kept here as the reference

  private static List<SchemaCatalog.Column> columns(DatabaseMetaData md, String schema, String table) throws SQLException {
    TreeMap<Integer, SchemaCatalog.Column> byPosition = new TreeMap<>();
    try (ResultSet rs = md.getColumns(null, schema.replace("_", md.getSearchStringEscape() + "_"), table, "%")) {
      while (rs.next()) {
        if (!schema.equals(rs.getString("TABLE_SCHEM")) || !table.equals(rs.getString("TABLE_NAME"))) {
          continue;
        }
        byPosition.put(rs.getInt("ORDINAL_POSITION"), new SchemaCatalog.Column(rs.getString("COLUMN_NAME"),
            new io.dbcompare.dialect.ColumnType(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"),
                rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS")),
            rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
      }
    }
    return new ArrayList<>(byPosition.values());
  }

  private static List<String> primaryKey(DatabaseMetaData md, String schema, String table) throws SQLException {
    TreeMap<Integer, String> pk = new TreeMap<>();
    try (ResultSet rs = md.getPrimaryKeys(null, schema, table)) {
      while (rs.next()) {
        pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    return new ArrayList<>(pk.values());
  }

  private static Set<String> uniqueKeys(DatabaseMetaData md, String schema, String table) throws SQLException {
    Map<String, TreeMap<Integer, String>> byIndex = new LinkedHashMap<>();
    try (ResultSet rs = md.getIndexInfo(null, schema, table, true, true)) {
      while (rs.next()) {
        if (rs.getString("INDEX_NAME") == null || rs.getString("COLUMN_NAME") == null || rs.getBoolean("NON_UNIQUE")) {
          continue;
        }
        byIndex.computeIfAbsent(rs.getString("INDEX_NAME"), k -> new TreeMap<>())
            .put(rs.getInt("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
      }
    }
    Set<String> out = new TreeSet<>();
    byIndex.values().forEach(cols -> out.add(String.join(",", cols.values())));
    return out;
  }
}
