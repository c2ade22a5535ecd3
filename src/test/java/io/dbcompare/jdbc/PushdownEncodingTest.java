package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.Checksum;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.FetchStats;
import io.dbcompare.compare.Row;
import io.dbcompare.compare.RowCursor;
import io.dbcompare.compare.RowHasher;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.DatabaseFacts;
import io.dbcompare.dialect.Dialects;
import io.dbcompare.it.PgTestDb;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hash push-down must compute exactly what the Java reference computes: per dialect, a corpus of
 * awkward values (every pushed-down type, NULLs, empty strings, long strings, Unicode, scales) is
 * encoded by the database and by {@link RowHasher}, and the SQL SHA-256 checksum equals SHA-256 of the
 * Java encoding (Java's own row hash is another function: the digest is computed here for the check).
 */
class PushdownEncodingTest {
  @TempDir
  Path dir;

  private static final String[] TEXTS = {"", " ", "a", "a  ", "ü😀 ünïcödé", "it's \"q\"", "N", "V1:x", "NULL",
      "line1\nline2", "x".repeat(3000), "tab\there", "€"};
  private static final String[] NUMBERS = {"0", "1", "1.0", "1.50", "-0.5", "0.001", "-12345.678900", "100",
      "1000000", "99999999999999999999.99999999", "-0.0000000001", "10", "7.10"};

  /** Rows: ID, N (numeric 30,10), I (bigint), S (varchar), C (char 5), B (bytes), T (timestamp 6), D (date-time 0). */
  private static List<Object[]> corpus() {
    List<Object[]> rows = new ArrayList<>();
    int id = 1;
    for (int i = 0; i < 40; i++) {
      String text = TEXTS[i % TEXTS.length];
      rows.add(new Object[] {id++, i % 9 == 8 ? null : new BigDecimal(NUMBERS[i % NUMBERS.length]),
          i % 5 == 4 ? null : (long) (i * 1_000_003L - 20_000_000L), i % 11 == 10 ? null : text,
          i % 7 == 6 ? null : "ab",
          i % 6 == 5 ? null : new byte[] {(byte) i, 0, (byte) 0xFF, (byte) 0x80},
          i % 8 == 7 ? null : LocalDateTime.of(1999 + i, 1 + i % 12, 1 + i % 28, i % 24, i % 60, i % 60, (i * 123_457) % 1_000_000 * 1000),
          LocalDateTime.of(2020, 2, 29, 23, 59, 59).minusDays(i)});
    }
    rows.add(new Object[] {id, BigDecimal.ZERO.setScale(5), 0L, "", null, new byte[0], null,
        LocalDateTime.of(2000, 1, 1, 0, 0)});
    return rows;
  }

  static TableSpec spec(String schema, Map<String, String> types, boolean emptyIsNull) {
    List<ColumnSpec> cols = List.of(
        new ColumnSpec(n("ID", schema), n("ID", schema), ValueKind.NUMBER, types.get("ID"), types.get("ID"), true),
        new ColumnSpec(n("N", schema), n("N", schema), ValueKind.NUMBER, types.get("N"), types.get("N"), false),
        new ColumnSpec(n("I", schema), n("I", schema), ValueKind.NUMBER, types.get("I"), types.get("I"), false),
        new ColumnSpec(n("S", schema), n("S", schema), ValueKind.TEXT, types.get("S"), types.get("S"), false),
        new ColumnSpec(n("C", schema), n("C", schema), ValueKind.TEXT, types.get("C"), types.get("C"), false),
        new ColumnSpec(n("B", schema), n("B", schema), ValueKind.BYTES, types.get("B"), types.get("B"), false),
        new ColumnSpec(n("T", schema), n("T", schema), ValueKind.DATETIME, types.get("T"), types.get("T"), false),
        new ColumnSpec(n("D", schema), n("D", schema), ValueKind.DATETIME, types.get("D"), types.get("D"), false));
    return new TableSpec(schema + "_CORPUS", schema + ".corpus", new TableRef(schema, n("CORPUS", schema)),
        new TableRef(schema, n("CORPUS", schema)), cols, 1, Optional.empty(), emptyIsNull);
  }

  private static String n(String name, String schema) {
    return schema.equals("app") ? name.toLowerCase(java.util.Locale.ROOT) : name;
  }

  static void fill(Connection c, String ddl, String table) throws Exception {
    try (Statement st = c.createStatement()) {
      st.execute(ddl);
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Object[] r : corpus()) {
        for (int i = 0; i < r.length; i++) {
          ps.setObject(i + 1, r[i]);
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
    if (!c.getAutoCommit()) {
      c.commit();
    }
  }

  /**
   * The standard digest the databases compute in push-down across platforms: the first 128 bits of
   * SHA-256 of the UTF-8 encoding, as two big-endian slices.
   */
  static RowHasher.RowHash digest(TableSpec t, Object[] values) {
    byte[] b = Hashing.sha256().hashString(new RowHasher(t.kinds()).encode(values), StandardCharsets.UTF_8).asBytes();
    ByteBuffer bb = ByteBuffer.wrap(b);
    return new RowHasher.RowHash(bb.getLong(0), bb.getLong(8));
  }

  /** Java's checksum of the rows the table holds (read back through the tool's own reader). */
  private static Checksum javaChecksum(JdbcRowSource rows, TableSpec t) throws Exception {
    long count = 0;
    BigInteger hi = BigInteger.ZERO;
    BigInteger lo = BigInteger.ZERO;
    try (RowCursor c = rows.open(t, Side.SOURCE, new ChunkBounds(0, null, null))) {
      Row r;
      while ((r = c.next()) != null) {
        count++;
        RowHasher.RowHash h = digest(t, r.values());
        hi = hi.add(unsigned(h.hi()));
        lo = lo.add(unsigned(h.lo()));
      }
    }
    return new Checksum(count, List.of(hi, lo));
  }

  private static BigInteger unsigned(long v) {
    BigInteger b = BigInteger.valueOf(v);
    return v < 0 ? b.add(BigInteger.ONE.shiftLeft(64)) : b;
  }

  static void check(DatabaseConfig db, TableSpec t) throws Exception {
    try (Pools pools = new Pools(new ConnectionPool(db, Dialects.of(db.platform()), 3, 10),
        new ConnectionPool(new DatabaseConfig("target", db.url(), db.username(), db.password(), db.platform(),
            Map.of()), Dialects.of(db.platform()), 3, 10))) {
      // cross-platform mode: the standard digest
      JdbcHashPushdown digest = crossPlatform(pools);
      assertNull(digest.blocker(t), "every corpus column can be pushed down");
      ChunkBounds all = new ChunkBounds(0, null, null);
      assertNull(digest.verify(t, Side.SOURCE, all), "database encoding = Java encoding for every corpus row");
      JdbcRowSource rows = new JdbcRowSource(pools, 100);
      Checksum java = javaChecksum(rows, t);
      assertEquals(corpus().size(), java.count());
      Checksum sql = digestChecksum(pools, t);
      assertEquals(java, sql, "SQL SHA-256 checksum = Java SHA-256 checksum");
      // key + hash stream: per row the same 128 bits as Java
      try (RowCursor s = digestHashes(pools, t); RowCursor j = rows.open(t, Side.SOURCE, all)) {
        Row a;
        int n = 0;
        while ((a = s.next()) != null) {
          Row b = j.next();
          assertNotNull(b);
          assertEquals(digest(t, b.values()), a.hash(), "row hash of key " + a.values()[0]);
          n++;
        }
        assertEquals(corpus().size(), n);
      }
    }
  }

  private static Checksum digestChecksum(Pools pools, TableSpec t) {
    return crossPlatform(pools).checksum(t, Side.SOURCE, new ChunkBounds(0, null, null));
  }

  private static RowCursor digestHashes(Pools pools, TableSpec t) {
    return crossPlatform(pools).openHashes(t, Side.SOURCE, new ChunkBounds(0, null, null));
  }

  /** Push-down with the standard digest even where both sides are the same platform. */
  private static JdbcHashPushdown crossPlatform(Pools pools) {
    return JdbcHashPushdown.withDigest(pools, 100, new FetchStats());
  }

  @Test
  void h2EncodesLikeJava() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("corpus") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH";
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      c.createStatement().execute("CREATE SCHEMA APP");
      fill(c, "CREATE TABLE APP.CORPUS (ID NUMBER(10) PRIMARY KEY, N NUMBER(30,10), I NUMBER(19), S VARCHAR2(4000),"
          + " C CHAR(5), B RAW(100), T TIMESTAMP(6), D DATE)", "APP.CORPUS");
    }
    TableSpec t = spec("APP", Map.of("ID", "NUMERIC", "N", "NUMERIC", "I", "NUMERIC", "S", "CHARACTER VARYING",
        "C", "CHARACTER", "B", "BINARY VARYING", "T", "TIMESTAMP", "D", "TIMESTAMP"), true);
    check(new DatabaseConfig("source", url, "sa", "", Platform.H2, Map.of()), t);
  }

  @Test
  void postgresEncodesLikeJava() throws Exception {
    PgTestDb db = PgTestDb.create("tc_corpus_" + ProcessHandle.current().pid());
    try {
      try (Connection c = db.connect()) {
        fill(c, "CREATE TABLE app.corpus (id integer PRIMARY KEY, n numeric(30,10), i bigint, s varchar(4000),"
            + " c char(5), b bytea, t timestamp(6), d timestamp(0))", "app.corpus");
      }
      for (boolean emptyIsNull : new boolean[] {false, true}) {
        TableSpec t = spec("app", Map.of("ID", "int4", "N", "numeric", "I", "int8", "S", "varchar", "C", "bpchar",
            "B", "bytea", "T", "timestamp", "D", "timestamp"), emptyIsNull);
        check(new DatabaseConfig("source", db.url(), db.user(), "", Platform.POSTGRESQL, Map.of()), t);
      }
    } finally {
      db.drop();
    }
  }

  @Test
  void aColumnWithoutAnExactSqlEncodingBlocksPushdown() {
    TableSpec t = new TableSpec("APP_F", "APP.F", new TableRef("APP", "F"), new TableRef("APP", "F"),
        List.of(new ColumnSpec("ID", "ID", ValueKind.NUMBER, "NUMERIC", "NUMERIC", true),
            new ColumnSpec("X", "X", ValueKind.FLOAT, "DOUBLE PRECISION", "DOUBLE PRECISION", false)),
        1, Optional.empty(), true);
    PushdownQueries.Result r = PushdownQueries.of(t, Side.SOURCE, Dialects.of(Platform.H2), false, DatabaseFacts.UTF8);
    assertNull(r.queries());
    assertTrue(r.blocker().contains("column X (DOUBLE PRECISION)"), r.blocker());
  }
}
