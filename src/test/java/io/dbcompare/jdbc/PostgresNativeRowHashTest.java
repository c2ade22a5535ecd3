package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.FetchStats;
import io.dbcompare.compare.Row;
import io.dbcompare.compare.RowCursor;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.Dialects;
import io.dbcompare.it.PgTestDb;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * PostgreSQL's native row hash (issue 13: each column hashed by its type's own hash function, or its
 * text's) against the Java reference on the real server: per supported type, every pair of a list of
 * edge values is put in one row, the first value on the source table and the second on the target
 * table, and for every pair
 * <ul>
 *   <li>equal native hashes imply equal canonical values (the direction that matters: a real difference
 *       never hashes alike), and
 *   <li>differing native hashes imply differing canonical values: equal values in other spellings
 *       (numeric scale, float -0), which the row's text printed apart, hash alike.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresNativeRowHashTest {
  private PgTestDb db;

  /** A column type as CREATE TABLE writes it, as the catalog reports it, its kind and its edge values (SQL). */

  private static final List<NativeRowEquivalence.Type> TYPES = List.of(
      new NativeRowEquivalence.Type("int2", "int2", ValueKind.NUMBER, List.of("0", "1", "-1", "32767", "'-32768'", "NULL")),
      new NativeRowEquivalence.Type("int4", "int4", ValueKind.NUMBER, List.of("0", "'-2147483648'", "2147483647", "10", "NULL")),
      new NativeRowEquivalence.Type("int8", "int8", ValueKind.NUMBER, List.of("0", "'-9223372036854775808'", "9223372036854775807",
          // hashint8extended hashes the XOR of the halves: 2^32 + 1 like 0, -1 like -2^32 - 1... (not used)
          "4294967297", "'-4294967297'", "'-1'", "4294967296", "1", "NULL")),
      new NativeRowEquivalence.Type("numeric", "numeric", ValueKind.NUMBER, List.of("0", "0.0", "-0.00", "1", "1.0", "1.00", "1.5", "1.50",
          "-1.5", "'NaN'", "'Infinity'", "'-Infinity'", "123456789012345678901234567890.000000000000000000001",
          "0.000000000000000000000000000001", "10", "NULL")),
      new NativeRowEquivalence.Type("numeric(12,2)", "numeric", ValueKind.NUMBER, List.of("1.5", "1.50", "0", "-0.01", "0.01", "NULL")),
      new NativeRowEquivalence.Type("float8", "float8", ValueKind.FLOAT, List.of("0", "'-0'", "1", "0.1", "0.30000000000000004", "0.3",
          "1e308", "-1e-308", "4.9e-324", "'NaN'", "'Infinity'", "'-Infinity'", "1.0000000000000002", "NULL")),
      new NativeRowEquivalence.Type("float4", "float4", ValueKind.FLOAT, List.of("0", "'-0'", "0.1", "0.100000001", "3.4028235e38",
          "1e-45", "'NaN'", "16777217", "16777216", "NULL")),
      new NativeRowEquivalence.Type("text", "text", ValueKind.TEXT, List.of("''", "' '", "'a'", "'a '", "'A'", "'a,b'", "'(a)'",
          "'\"q\"'", "'back\\slash'", "'ü'", "E'tab\\t'", "'()'", "'\"\"'", "'NULL'", "NULL")),
      new NativeRowEquivalence.Type("varchar(10)", "varchar", ValueKind.TEXT, List.of("''", "'x'", "'x '", "NULL")),
      new NativeRowEquivalence.Type("char(3)", "bpchar", ValueKind.TEXT, List.of("'a'", "'a  '", "' a'", "''", "NULL")),
      new NativeRowEquivalence.Type("bytea", "bytea", ValueKind.BYTES, List.of("'\\x'", "'\\x00'", "'\\x0000'", "'\\xff'", "NULL")),
      new NativeRowEquivalence.Type("bool", "bool", ValueKind.BOOLEAN, List.of("true", "false", "NULL")),
      new NativeRowEquivalence.Type("date", "date", ValueKind.DATETIME, List.of("'2024-02-29'", "'0001-01-01 BC'", "'0001-01-01'",
          "'infinity'", "'-infinity'", "NULL")),
      new NativeRowEquivalence.Type("timestamp", "timestamp", ValueKind.DATETIME, List.of("'2000-01-01 00:00:00'",
          // 2^32 + 1 microseconds after PostgreSQL's epoch: timestamp_hash_extended hashes it like the epoch
          "'2000-01-01 01:11:34.967297'", "'2024-02-29 23:59:59.999999'",
          "'2024-02-29 23:59:59.99999'", "'4713-01-01 00:00:00 BC'", "'4713-01-01 00:00:00'", "'infinity'", "NULL")),
      new NativeRowEquivalence.Type("timestamptz", "timestamptz", ValueKind.DATETIME_TZ, List.of("'2024-02-29 23:59:59.5+05:30'",
          "'2024-02-29 18:29:59.5+00'", "'2024-02-29 18:29:59.5+01'", "'0044-03-15 12:00:00+00 BC'", "'infinity'",
          "NULL")),
      new NativeRowEquivalence.Type("interval", "interval", ValueKind.INTERVAL, List.of("'1 day'", "'24:00:00'", "'1 mon'", "'30 days'",
          "'-1 day +01:00:00'", "'0'", "'00:00:00.000001'", "'-00:00:00.000001'", "NULL")),
      new NativeRowEquivalence.Type("uuid", "uuid", ValueKind.BYTES, List.of("'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'",
          "'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'", "'00000000-0000-0000-0000-000000000000'", "NULL")),
      new NativeRowEquivalence.Type("json", "json", ValueKind.TEXT, List.of("'{\"a\":1}'", "'{\"a\": 1}'", "'\"\"'", "NULL")),
      new NativeRowEquivalence.Type("jsonb", "jsonb", ValueKind.TEXT, List.of("'{\"a\":1}'", "'{\"a\": 1}'", "'{\"b\":1,\"a\":2}'",
          "'{\"a\":2,\"b\":1}'", "NULL")),
      new NativeRowEquivalence.Type("inet", "inet", ValueKind.TEXT, List.of("'10.0.0.1'", "'10.0.0.1/32'", "'10.0.0.1/8'", "NULL")),
      new NativeRowEquivalence.Type("varbit", "varbit", ValueKind.TEXT, List.of("B''", "B'1'", "B'10'", "B'01'", "NULL")),
      new NativeRowEquivalence.Type("app.mood", "\"app\".\"mood\"", ValueKind.TEXT, List.of("'sad'", "'happy'", "NULL")));

  @BeforeAll
  void database() throws Exception {
    db = PgTestDb.create("tc_native_" + ProcessHandle.current().pid());
  }

  @AfterAll
  void drop() throws Exception {
    if (db != null) {
      db.drop();
    }
  }

  @Test
  void nativeHashEqualImpliesCanonicalEqualForEveryTypeAndEdgeValue() throws Exception {
    DatabaseConfig cfg = new DatabaseConfig("source", db.url(), db.user(), "", Platform.POSTGRESQL, Map.of());
    Set<String> representation;
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      st.execute("CREATE TYPE app.mood AS ENUM ('sad', 'happy')");
      representation = NativeRowEquivalence.check(c, cfg, "app", "int4", TYPES, (v, type) -> v + "::" + type,
          "each row's own values hashed: per-column hash functions");
    }
    // numeric is hashed as its text (1.0 and 1.00 apart: confirmed, never reported); floats by their values
    // (the row's text printed -0 and 0 apart)
    assertEquals(Set.of("numeric"), representation);
  }

  /**
   * The chunk checksum sums row hashes. Were a row's hash a plain sum of its columns' hashes, values
   * swapped between two rows of a chunk (or between two columns of one type) would leave the sums
   * unchanged: a false match. The column hashes have their own seeds and the row's combination is hashed
   * once more, so each swap changes the checksum; so does a NULL moved to another row.
   */
  @Test
  void valuesSwappedBetweenRowsOrColumnsChangeTheChecksum() throws Exception {
    String ddl = " (id int4 PRIMARY KEY, a int4, b int4, n numeric, s text)";
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      for (String t : List.of("sw_src", "sw_rows", "sw_cols", "sw_text", "sw_null", "sw_null_src")) {
        st.execute("CREATE TABLE app." + t + ddl);
      }
      st.execute("INSERT INTO app.sw_src VALUES (1, 10, 20, 1.5, 'x'), (2, 30, 40, 2.5, 'y')");
      st.execute("INSERT INTO app.sw_rows VALUES (1, 30, 20, 1.5, 'x'), (2, 10, 40, 2.5, 'y')");
      st.execute("INSERT INTO app.sw_cols VALUES (1, 20, 10, 1.5, 'x'), (2, 30, 40, 2.5, 'y')");
      st.execute("INSERT INTO app.sw_text VALUES (1, 10, 20, 1.5, 'y'), (2, 30, 40, 2.5, 'x')");
      st.execute("INSERT INTO app.sw_null_src VALUES (1, NULL, 20, 1.5, 'x'), (2, 30, 40, 2.5, 'y')");
      st.execute("INSERT INTO app.sw_null VALUES (1, 10, 20, 1.5, 'x'), (2, NULL, 40, 2.5, 'y')");
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
    DatabaseConfig cfg = new DatabaseConfig("source", db.url(), db.user(), "", Platform.POSTGRESQL, Map.of());
    try (Pools pools = new Pools(new ConnectionPool(cfg, Dialects.of(Platform.POSTGRESQL), 2, 10),
        new ConnectionPool(cfg, Dialects.of(Platform.POSTGRESQL), 2, 10))) {
      JdbcHashPushdown pushdown = new JdbcHashPushdown(pools, 100, new FetchStats());
      ChunkBounds all = new ChunkBounds(0, null, null);
      for (String[] pair : List.of(new String[] {"sw_src", "sw_src"}, new String[] {"sw_src", "sw_rows"},
          new String[] {"sw_src", "sw_cols"}, new String[] {"sw_src", "sw_text"}, new String[] {"sw_null_src", "sw_null"})) {
        // a table of its own per pair (the push-down caches its queries per table)
        TableSpec t = new TableSpec("app_" + pair[1], "app." + pair[1], new TableRef("app", pair[0]),
            new TableRef("app", pair[1]),
            List.of(new ColumnSpec("id", "id", ValueKind.NUMBER, "int4", "int4", true),
                new ColumnSpec("a", "a", ValueKind.NUMBER, "int4", "int4", false),
                new ColumnSpec("b", "b", ValueKind.NUMBER, "int4", "int4", false),
                new ColumnSpec("n", "n", ValueKind.NUMBER, "numeric", "numeric", false),
                new ColumnSpec("s", "s", ValueKind.TEXT, "text", "text", false)), 1, Optional.empty(), false);
        assertTrue(pushdown.hashing(t).startsWith("each row's own values hashed"), pushdown.hashing(t));
        boolean same = pair[0].equals(pair[1]);
        assertEquals(same, pushdown.checksum(t, Side.SOURCE, all).equals(pushdown.checksum(t, Side.TARGET, all)),
            pair[0] + " against " + pair[1]);
        assertEquals(same, pushdown.checksums(t, Side.SOURCE, List.of(all)).equals(
            pushdown.checksums(t, Side.TARGET, List.of(all))), pair[0] + " against " + pair[1] + ", batched");
      }
    }
  }

  /**
   * Why extra_float_digits is pinned and checked: at 0 two different floats print alike (a false match
   * of the native text), and the settings check names every setting the text depends on.
   */
  @Test
  void theSessionSettingsTheTextDependsOnAreCheckedAndPinned() throws Exception {
    String check = new io.dbcompare.dialect.PostgresPushdownSql().nativeSettingsCheck();
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      st.execute("SET extra_float_digits = 0");
      try (var rs = st.executeQuery("SELECT ROW(0.30000000000000004::float8)::text = ROW(0.3::float8)::text")) {
        rs.next();
        assertTrue(rs.getBoolean(1), "at 0, two floats print alike");
      }
      // (pgJDBC itself refuses a DateStyle that does not begin with ISO)
      st.execute("SET intervalstyle = 'sql_standard'");
      st.execute("SET TIME ZONE 'Europe/Berlin'");
      st.execute("SET bytea_output = 'escape'");
      try (var rs = st.executeQuery(check)) {
        rs.next();
        assertEquals("IntervalStyle is sql_standard; TimeZone is Europe/Berlin;"
            + " extra_float_digits is 0; bytea_output is escape", rs.getString(1));
      }
    }
    DatabaseConfig cfg = new DatabaseConfig("source", db.url(), db.user(), "", Platform.POSTGRESQL, Map.of());
    try (ConnectionPool pool = new ConnectionPool(cfg, Dialects.of(Platform.POSTGRESQL), 1, 10)) {
      java.sql.Connection c = pool.borrow();
      try (Statement st = c.createStatement(); var rs = st.executeQuery(check)) {
        rs.next();
        assertEquals("", rs.getString(1), "a comparison connection has every setting pinned");
      } finally {
        ConnectionPool.release(c);
      }
    }
  }

  /** A table whose column types differ (int4 and int8) or whose text is stored in two character sets. */
  @Test
  void mixedTypesAndCharacterSetsNeverTakeTheNativePath() throws Exception {
    TableSpec mixed = new TableSpec("APP_X", "app.x", new TableRef("app", "x"), new TableRef("app", "y"),
        List.of(new ColumnSpec("id", "id", ValueKind.NUMBER, "int4", "int8", true)), 1, Optional.empty(), false);
    String why = NativeRowHash.blocker(mixed, new io.dbcompare.dialect.PostgresPushdownSql(),
        io.dbcompare.dialect.DatabaseFacts.UTF8, io.dbcompare.dialect.DatabaseFacts.UTF8);
    assertEquals("column id is int4 on the source and int8 on the target", why);
    TableSpec text = spec(0, new NativeRowEquivalence.Type("text", "text", ValueKind.TEXT, List.of()));
    assertNull(NativeRowHash.blocker(text, new io.dbcompare.dialect.PostgresPushdownSql(),
        io.dbcompare.dialect.DatabaseFacts.UTF8, io.dbcompare.dialect.DatabaseFacts.UTF8));
    assertEquals("text is stored in UTF8 on the source and LATIN1 on the target",
        NativeRowHash.blocker(text, new io.dbcompare.dialect.PostgresPushdownSql(), io.dbcompare.dialect.DatabaseFacts.UTF8,
            new io.dbcompare.dialect.DatabaseFacts("LATIN1", null, 15, 0)));
    DatabaseConfig cfg = new DatabaseConfig("source", db.url(), db.user(), "", Platform.POSTGRESQL, Map.of());
    try (Pools pools = new Pools(new ConnectionPool(cfg, Dialects.of(Platform.POSTGRESQL), 2, 10),
        new ConnectionPool(cfg, Dialects.of(Platform.POSTGRESQL), 2, 10))) {
      JdbcHashPushdown pushdown = new JdbcHashPushdown(pools, 100, new FetchStats());
      assertNotNull(pushdown.nativeRowBlocker(mixed));
      assertEquals("canonical encoding hashed: hashtextextended; not each row's own text: column id is int4 on the"
          + " source and int8 on the target", pushdown.hashing(mixed));
      assertNotNull(JdbcHashPushdown.withDigest(pools, 100, new FetchStats()).nativeRowBlocker(text),
          "the standard digest stands for a pair across platforms");
    }
  }

  /**
   * A column under a case-insensitive (nondeterministic) collation: hashtextextended would hash the
   * collation's sort key, so 'ABC' and 'abc' hashed alike on both the native and the canonical path
   * before COLLATE "C" made it hash the bytes.
   */
  @Test
  void aNondeterministicCollationDoesNotHideACaseDifference() throws Exception {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      try {
        st.execute("CREATE COLLATION app.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false)");
      } catch (java.sql.SQLException e) {
        org.junit.jupiter.api.Assumptions.abort("no ICU collations on this server: " + e.getMessage());
      }
      st.execute("CREATE TABLE app.ci_src (id integer PRIMARY KEY, v text COLLATE app.ci)");
      st.execute("CREATE TABLE app.ci_tgt (id integer PRIMARY KEY, v text COLLATE app.ci)");
      st.execute("INSERT INTO app.ci_src VALUES (1, 'ABC')");
      st.execute("INSERT INTO app.ci_tgt VALUES (1, 'abc')");
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
    TableSpec t = new TableSpec("app_ci", "app.ci", new TableRef("app", "ci_src"), new TableRef("app", "ci_tgt"),
        List.of(new ColumnSpec("id", "id", ValueKind.NUMBER, "int4", "int4", true),
            new ColumnSpec("v", "v", ValueKind.TEXT, "text", "text", false)), 1, Optional.empty(), false);
    TableSpec mixed = new TableSpec("app_ci2", "app.ci2", new TableRef("app", "ci_src"), new TableRef("app", "ci_tgt"),
        List.of(new ColumnSpec("id", "id", ValueKind.NUMBER, "int4", "int8", true),
            new ColumnSpec("v", "v", ValueKind.TEXT, "text", "text", false)), 1, Optional.empty(), false);
    DatabaseConfig cfg = new DatabaseConfig("source", db.url(), db.user(), "", Platform.POSTGRESQL, Map.of());
    try (Pools pools = new Pools(new ConnectionPool(cfg, Dialects.of(Platform.POSTGRESQL), 2, 10),
        new ConnectionPool(cfg, Dialects.of(Platform.POSTGRESQL), 2, 10))) {
      JdbcHashPushdown pushdown = new JdbcHashPushdown(pools, 100, new FetchStats());
      ChunkBounds all = new ChunkBounds(0, null, null);
      for (TableSpec spec : List.of(t, mixed)) {
        assertEquals(spec == t, pushdown.nativeRowBlocker(spec) == null, pushdown.hashing(spec));
        Row s = read(pushdown.openHashes(spec, Side.SOURCE, all)).get(0);
        Row g = read(pushdown.openHashes(spec, Side.TARGET, all)).get(0);
        assertTrue(!s.hash().equals(g.hash()), "'ABC' and 'abc' hash apart: " + pushdown.hashing(spec));
        assertTrue(!pushdown.checksum(spec, Side.SOURCE, all).equals(pushdown.checksum(spec, Side.TARGET, all)));
      }
    }
  }

  private static TableSpec spec(int i, NativeRowEquivalence.Type ty) {
    return new TableSpec("app_t" + i, "app.t" + i, new TableRef("app", "src" + i), new TableRef("app", "tgt" + i),
        List.of(new ColumnSpec("id", "id", ValueKind.NUMBER, "int4", "int4", true),
            new ColumnSpec("v", "v", ty.kind(), ty.name(), ty.name(), false)), 1, Optional.empty(), false);
  }

  private static List<Row> read(RowCursor cursor) throws Exception {
    return NativeRowEquivalence.read(cursor);
  }
}
