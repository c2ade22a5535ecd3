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
import io.dbcompare.dialect.DatabaseFacts;
import io.dbcompare.dialect.Dialects;
import io.dbcompare.it.PgTestDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The push-down encoding of the types issue 11 added equals the Java reference on their awkward values
 * (SQL text = Java text per row, SQL checksum = Java checksum): PostgreSQL uuid, json, jsonb, inet,
 * cidr, macaddr, macaddr8, bit, varbit, enums, interval, infinite date-times and numeric NaN and
 * infinities; H2 UUID. Types that are hashed in Java say why.
 */
class SchemaTypePushdownTest {
  @TempDir
  Path dir;

  /** Column name, type as the catalog reports it, kind, and the SQL of each row's value. */
  private record Col(String name, String type, ValueKind kind, List<String> values) {}

  private static final List<Col> POSTGRES = List.of(
      new Col("u", "uuid", ValueKind.BYTES, List.of("'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'",
          "'00000000-0000-0000-0000-000000000000'", "'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF'", "NULL")),
      new Col("j", "json", ValueKind.TEXT, List.of("'{\"b\": 1,  \"a\":[1, 2.50, \"ü😀\"]}'", "'[]'", "'\"\"'",
          "NULL", "' {\"a\" :null}  '")),
      new Col("jb", "jsonb", ValueKind.TEXT, List.of("'{\"b\": 1,  \"a\":[1, 2.50, \"ü😀\"], \"b\": 2}'", "'{}'",
          "'1e3'", "NULL", "'\"\\u00e9\"'")),
      new Col("ip", "inet", ValueKind.TEXT, List.of("'192.168.1.1/32'", "'10.0.0.1/8'", "'::ffff:1.2.3.4'",
          "'2001:DB8::1/64'", "NULL")),
      new Col("ci", "cidr", ValueKind.TEXT, List.of("'10.0.0.0/8'", "'2001:db8::/32'", "NULL")),
      new Col("mc", "macaddr", ValueKind.TEXT, List.of("'08:00:2B:01:02:03'", "'0800.2b01.0203'", "NULL")),
      new Col("m8", "macaddr8", ValueKind.TEXT, List.of("'08:00:2b:01:02:03:04:05'", "NULL")),
      new Col("b4", "bit", ValueKind.TEXT, List.of("B'0101'", "B'0000'", "NULL")),
      new Col("vb", "varbit", ValueKind.TEXT, List.of("B''", "B'1'", "B'10101010101'", "NULL")),
      new Col("e", "\"app\".\"mood\"", ValueKind.TEXT, List.of("'happy'", "'sad'", "'it''s ünï'", "NULL")),
      new Col("dm", "text", ValueKind.TEXT, List.of("'domain text'", "''", "NULL")),
      new Col("iv", "interval", ValueKind.INTERVAL, List.of("'1 year 2 mons -3 days 36:00:00.5'", "'-1 day +01:00:00'",
          "'0'", "'-00:00:00.000001'", "'178000000 years'", "'2000000000 hours'", "'P-1Y-2M3DT-4H-5M-6.789S'",
          "NULL", "'1 day'", "'24:00:00'")),
      new Col("ts", "timestamp", ValueKind.DATETIME, List.of("'infinity'", "'-infinity'", "'2024-02-29 23:59:59.999999'",
          "NULL", "'0001-01-01 00:00:00'")),
      new Col("d", "date", ValueKind.DATETIME, List.of("'infinity'", "'-infinity'", "'2024-02-29'", "NULL")),
      new Col("tz", "timestamptz", ValueKind.DATETIME_TZ, List.of("'infinity'", "'-infinity'",
          "'2024-02-29 23:59:59.5+05:30'", "NULL")),
      new Col("n", "numeric", ValueKind.NUMBER, List.of("'NaN'", "'Infinity'", "'-Infinity'", "'1.50'", "NULL", "'0'",
          "'-0.000100'")));

  private static final String POSTGRES_DDL = "CREATE TYPE app.mood AS ENUM ('sad', 'happy', 'it''s ünï');"
      + " CREATE DOMAIN app.dtext AS text; CREATE TABLE app.types (id integer PRIMARY KEY, u uuid, j json, jb jsonb,"
      + " ip inet, ci cidr, mc macaddr, m8 macaddr8, b4 bit(4), vb varbit, e app.mood, dm app.dtext, iv interval,"
      + " ts timestamp, d date, tz timestamptz, n numeric)";

  /** Every value of every column appears in some row, with the other columns cycling through theirs. */
  private static void fill(Connection c, String ddl, String table, List<Col> cols) throws Exception {
    int rows = cols.stream().mapToInt(k -> k.values().size()).max().orElse(0) * 3;
    try (Statement st = c.createStatement()) {
      st.execute(ddl);
      for (int r = 0; r < rows; r++) {
        List<String> v = new ArrayList<>();
        v.add(String.valueOf(r + 1));
        for (int k = 0; k < cols.size(); k++) {
          List<String> values = cols.get(k).values();
          v.add(values.get((r + k) % values.size()));
        }
        st.execute("INSERT INTO " + table + " VALUES (" + String.join(", ", v) + ")");
      }
    }
    if (!c.getAutoCommit()) {
      c.commit();
    }
  }

  private static TableSpec spec(String schema, String table, String idType, List<Col> cols) {
    List<ColumnSpec> specs = new ArrayList<>();
    String id = schema.equals("app") ? "id" : "ID";
    specs.add(new ColumnSpec(id, id, ValueKind.NUMBER, idType, idType, true));
    for (Col c : cols) {
      specs.add(new ColumnSpec(c.name(), c.name(), c.kind(), c.type(), c.type(), false));
    }
    return new TableSpec(schema + "_" + table, schema + "." + table, new TableRef(schema, table),
        new TableRef(schema, table), specs, 1, Optional.empty(), false);
  }

  private static void checkEncoding(DatabaseConfig db, TableSpec t, int rows) throws Exception {
    try (Pools pools = new Pools(new ConnectionPool(db, Dialects.of(db.platform()), 2, 10),
        new ConnectionPool(new DatabaseConfig("target", db.url(), db.username(), db.password(), db.platform(),
            Map.of()), Dialects.of(db.platform()), 2, 10))) {
      JdbcHashPushdown digest = JdbcHashPushdown.withDigest(pools, 100, new FetchStats());
      assertNull(digest.blocker(t), "every column of the table can be pushed down");
      ChunkBounds all = new ChunkBounds(0, null, null);
      assertNull(digest.verify(t, Side.SOURCE, all), "database encoding = Java encoding for every row");
      JdbcRowSource source = new JdbcRowSource(pools, 100);
      try (RowCursor s = digest.openHashes(t, Side.SOURCE, all); RowCursor j = source.open(t, Side.SOURCE, all)) {
        Row a;
        int n = 0;
        while ((a = s.next()) != null) {
          Row b = j.next();
          assertNotNull(b);
          assertEquals(PushdownEncodingTest.digest(t, b.values()), a.hash(), "row hash of key " + a.values()[0]);
          n++;
        }
        assertEquals(rows, n);
      }
    }
  }

  @Test
  void postgresEncodesTheNewTypesLikeJava() throws Exception {
    PgTestDb db = PgTestDb.create("tc_types_" + ProcessHandle.current().pid());
    try {
      try (Connection c = db.connect()) {
        fill(c, POSTGRES_DDL, "app.types", POSTGRES);
      }
      int rows = POSTGRES.stream().mapToInt(k -> k.values().size()).max().orElse(0) * 3;
      checkEncoding(new DatabaseConfig("source", db.url(), db.user(), "", Platform.POSTGRESQL, Map.of()),
          spec("app", "types", "int4", POSTGRES), rows);
    } finally {
      db.drop();
    }
  }

  @Test
  void h2EncodesUuidsLikeJava() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("types") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH";
    List<Col> cols = List.of(new Col("U", "UUID", ValueKind.BYTES, List.of("UUID 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'",
        "UUID '00000000-0000-0000-0000-000000000000'", "UUID 'ffffffff-ffff-ffff-ffff-ffffffffffff'", "NULL")));
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      c.createStatement().execute("CREATE SCHEMA APP");
      fill(c, "CREATE TABLE APP.TYPES (ID NUMBER(10) PRIMARY KEY, U UUID)", "APP.TYPES", cols);
    }
    checkEncoding(new DatabaseConfig("source", url, "sa", "", Platform.H2, Map.of()),
        spec("APP", "TYPES", "NUMERIC", cols), 12);
  }

  /**
   * A BC date-time: to_char prints its year without the era, so without the inexact marker 4713 BC
   * would encode like 4713 AD and the two rows' hashes would match.
   */
  @Test
  void postgresBcDateTimesNeverHashLikeAdOnes() throws Exception {
    PgTestDb db = PgTestDb.create("tc_bc_" + ProcessHandle.current().pid());
    try {
      List<Col> cols = List.of(new Col("ts", "timestamp", ValueKind.DATETIME,
          List.of("'4713-01-01 00:00:00 BC'", "'4713-01-01 00:00:00'")));
      try (Connection c = db.connect()) {
        fill(c, "CREATE TABLE app.bc (id integer PRIMARY KEY, ts timestamp)", "app.bc", cols);
      }
      TableSpec t = spec("app", "bc", "int4", cols);
      DatabaseConfig cfg = new DatabaseConfig("source", db.url(), db.user(), "", Platform.POSTGRESQL, Map.of());
      try (Pools pools = new Pools(new ConnectionPool(cfg, Dialects.of(Platform.POSTGRESQL), 2, 10),
          new ConnectionPool(cfg, Dialects.of(Platform.POSTGRESQL), 2, 10))) {
        JdbcHashPushdown digest = JdbcHashPushdown.withDigest(pools, 100, new FetchStats());
        List<Row> rows = new ArrayList<>();
        try (RowCursor s = digest.openHashes(t, Side.SOURCE, new ChunkBounds(0, null, null))) {
          Row r;
          while ((r = s.next()) != null) {
            rows.add(r);
          }
        }
        assertEquals(6, rows.size());
        assertTrue(!rows.get(0).hash().equals(rows.get(1).hash()), "4713 BC and 4713 AD hash apart");
      }
    } finally {
      db.drop();
    }
  }

  /**
   * Arrays of integers and of text are pushed down as {@code c::text}: PostgreSQL's array output equals
   * the Java canonical text on dimensions, lower bounds, NULL elements against the text "NULL", and every
   * character that makes array_out quote an element (quotes, backslashes, braces, commas, each white space
   * character), unicode, empty strings and empty arrays.
   */
  @Test
  void postgresEncodesIntegerAndTextArraysLikeJava() throws Exception {
    PgTestDb db = PgTestDb.create("tc_arrays_" + ProcessHandle.current().pid());
    try {
      List<Col> cols = List.of(
          new Col("ai", "_int4", ValueKind.ARRAY, List.of("'{1,NULL,-3}'", "'{}'", "'[0:1]={1,2}'", "'{{1,2},{3,4}}'",
              "'[-2:-1][5:6]={{1,2},{3,4}}'", "NULL", "ARRAY[NULL]::int4[]")),
          new Col("al", "_int8", ValueKind.ARRAY, List.of("'{9223372036854775807,-9223372036854775808}'", "NULL")),
          new Col("at", "_text", ValueKind.ARRAY, List.of(
              "ARRAY['a,b', 'q\"x', 'back\\slash', '{br}', 'NULL', 'null', NULL, ' sp ', '', 'é😀', E'tab\\t',"
                  + " E'vt\\x0bx', E'ff\\fx', E'nl\\nx', E'cr\\rx', 'Null', 'NULLX', 'plain']::text[]",
              "'{}'", "NULL", "'{{a,b},{c,NULL}}'")),
          new Col("ab", "_bpchar", ValueKind.ARRAY, List.of("ARRAY['a', NULL, 'NULL']::char(4)[]", "NULL")),
          new Col("av", "_varchar", ValueKind.ARRAY, List.of("ARRAY['x y', '\"']::varchar(5)[]", "'{}'")));
      try (Connection c = db.connect()) {
        fill(c, "CREATE TABLE app.arrays (id integer PRIMARY KEY, ai int4[], al int8[], at text[], ab char(4)[],"
            + " av varchar(5)[])", "app.arrays", cols);
      }
      int rows = cols.stream().mapToInt(k -> k.values().size()).max().orElse(0) * 3;
      checkEncoding(new DatabaseConfig("source", db.url(), db.user(), "", Platform.POSTGRESQL, Map.of()),
          spec("app", "arrays", "int4", cols), rows);
    } finally {
      db.drop();
    }
  }

  /** Arrays whose elements PostgreSQL prints otherwise than their canonical text are hashed in Java. */
  @Test
  void otherArraysAreHashedInJava() {
    for (String type : List.of("_numeric", "_bool", "_date", "_timestamp", "_timestamptz", "_uuid", "_bytea")) {
      PushdownQueries.Result r = PushdownQueries.of(table(Platform.POSTGRESQL, type, ValueKind.ARRAY), Side.SOURCE,
          Dialects.of(Platform.POSTGRESQL), false, DatabaseFacts.UTF8);
      assertNull(r.queries(), type);
      assertTrue(r.blocker().contains("column X (" + type + ") "), r.blocker());
    }
    PushdownQueries.Result latin = PushdownQueries.of(table(Platform.POSTGRESQL, "_text", ValueKind.ARRAY),
        Side.SOURCE, Dialects.of(Platform.POSTGRESQL), false, new DatabaseFacts("LATIN1", null, 15, 0));
    assertTrue(latin.blocker().contains("LATIN1 is not UTF8"), latin.blocker());
    assertNotNull(PushdownQueries.of(table(Platform.POSTGRESQL, "_int4", ValueKind.ARRAY), Side.SOURCE,
        Dialects.of(Platform.POSTGRESQL), false, new DatabaseFacts("LATIN1", null, 15, 0)).queries());
    for (String[] h2 : new String[][] {{"INTEGER ARRAY", "ARRAY"}, {"JSON", "TEXT"}}) {
      PushdownQueries.Result r = PushdownQueries.of(table(Platform.H2, h2[0], ValueKind.valueOf(h2[1])), Side.SOURCE,
          Dialects.of(Platform.H2), false, DatabaseFacts.UTF8);
      assertNull(r.queries(), h2[0]);
      assertTrue(r.blocker().contains("column X (" + h2[0] + ") cannot be hashed in H2 SQL exactly"), r.blocker());
    }
  }

  /** Intervals and Oracle's new types are hashed in Java, and the reason names the column and why. */
  @Test
  void typesWithoutAnExactSqlEncodingSayWhy() {
    assertBlocked(Platform.H2, "INTERVAL DAY TO SECOND", ValueKind.INTERVAL, "H2 intervals are compared field by field");
    assertBlocked(Platform.ORACLE, "INTERVAL DAY(2) TO SECOND(6)", ValueKind.INTERVAL, "Oracle intervals");
    assertBlocked(Platform.ORACLE, "XMLTYPE", ValueKind.TEXT, "XMLSERIALIZE");
    assertBlocked(Platform.ORACLE, "JSON", ValueKind.TEXT, "JSON_SERIALIZE");
    assertBlocked(Platform.ORACLE, "UROWID", ValueKind.TEXT, "rowid");
    assertBlocked(Platform.ORACLE, "LONG", ValueKind.TEXT, "LONG can be used in no SQL expression");
    assertBlocked(Platform.ORACLE, "LONG RAW", ValueKind.BYTES, "LONG RAW can be used in no SQL expression");
    assertBlocked(Platform.ORACLE, "TIMESTAMP(6) WITH LOCAL TIME ZONE", ValueKind.DATETIME_TZ, "instant");
    PushdownQueries.Result old = PushdownQueries.of(table(Platform.POSTGRESQL, "interval", ValueKind.INTERVAL),
        Side.SOURCE, Dialects.of(Platform.POSTGRESQL), false, new DatabaseFacts("UTF8", null, 13, 0));
    assertTrue(old.blocker().contains("column X (interval) is hashed in Java: PostgreSQL 13 extracts interval"),
        old.blocker());
    assertNotNull(PushdownQueries.of(table(Platform.POSTGRESQL, "interval", ValueKind.INTERVAL), Side.SOURCE,
        Dialects.of(Platform.POSTGRESQL), false, new DatabaseFacts("UTF8", null, 14, 0)).queries());
  }

  private static TableSpec table(Platform p, String type, ValueKind kind) {
    String idType = p == Platform.POSTGRESQL ? "int4" : "NUMBER";
    return new TableSpec("APP_X", "APP.X", new TableRef("APP", "X"), new TableRef("APP", "X"),
        List.of(new ColumnSpec("ID", "ID", ValueKind.NUMBER, idType, idType, true),
            new ColumnSpec("X", "X", kind, type, type, false)), 1, Optional.empty(), false);
  }

  private static void assertBlocked(Platform p, String type, ValueKind kind, String why) {
    DatabaseFacts facts = p == Platform.ORACLE ? DatabaseFacts.ORACLE_AL32UTF8 : DatabaseFacts.UTF8;
    PushdownQueries.Result r = PushdownQueries.of(table(p, type, kind), Side.SOURCE, Dialects.of(p), false, facts);
    assertNull(r.queries(), type);
    assertTrue(r.blocker().contains("column X (" + type + ") is hashed in Java") && r.blocker().contains(why),
        r.blocker());
  }
}
