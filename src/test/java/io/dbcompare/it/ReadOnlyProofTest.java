package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof that no write reaches the compared databases: a full comparison with differences succeeds
 * with database access that cannot write, and leaves no trace of a write behind.
 *
 * <ul>
 *   <li>PostgreSQL: a role with only CONNECT, USAGE and SELECT, whose transactions are read-only
 *       ({@code default_transaction_read_only = on}); the insert/update/delete counters of
 *       {@code pg_stat_user_tables} are the same before and after the run.
 *   <li>H2: both databases opened with {@code ACCESS_MODE_DATA=r}; the database files are unchanged.
 * </ul>
 */
class ReadOnlyProofTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private PgTestDb source;
  private PgTestDb target;
  private String role;

  @AfterEach
  void drop() throws Exception {
    if (source != null) {
      source.drop();
    }
    if (target != null) {
      target.drop();
    }
    if (role != null) {
      admin("DROP ROLE IF EXISTS " + role);
    }
  }

  @Test
  void postgresqlWithAReadOnlySelectOnlyRoleCompletesAndWritesNothing() throws Exception {
    String suffix = Long.toHexString(System.nanoTime() & 0xffffffL) + "_" + ProcessHandle.current().pid();
    source = PgTestDb.create("tc_ro_src_" + suffix);
    target = PgTestDb.create("tc_ro_tgt_" + suffix);
    differences(source, target);
    role = "tc_reader_" + suffix;
    admin("CREATE ROLE " + role + " LOGIN", "ALTER ROLE " + role + " SET default_transaction_read_only = on");
    for (PgTestDb db : List.of(source, target)) {
      db.exec("REVOKE ALL ON DATABASE " + db.database() + " FROM PUBLIC",
          "GRANT CONNECT ON DATABASE " + db.database() + " TO " + role,
          "GRANT USAGE ON SCHEMA app TO " + role,
          "GRANT SELECT ON ALL TABLES IN SCHEMA app TO " + role);
    }
    // the role really cannot write: read-only transactions, and no INSERT privilege either
    try (Connection c = DriverManager.getConnection(target.url(), role, "")) {
      SQLException e = assertThrows(SQLException.class,
          () -> c.createStatement().execute("INSERT INTO app.acct VALUES (-1, 'x', 0, NULL, NULL)"));
      assertEquals("25006", e.getSQLState(), e.getMessage());
      c.createStatement().execute("SET default_transaction_read_only = off");
      SQLException denied = assertThrows(SQLException.class,
          () -> c.createStatement().execute("INSERT INTO app.acct VALUES (-1, 'x', 0, NULL, NULL)"));
      assertEquals("42501", denied.getSQLState(), denied.getMessage());
    }
    // the setup's own writes are counted once its backends have flushed their statistics
    Map<String, List<Long>> sourceBefore = settledStats(source, s -> s.get(0) == 300L);
    Map<String, List<Long>> targetBefore = settledStats(target, s -> s.equals(List.of(302L, 4L, 3L)));

    String tables = Tables.entry(source, target, "acct", "");
    Path cfg = Tables.config(dir, Tables.database(source.url(), role, "unused"),
        Tables.database(target.url(), role, "unused"), "  chunk_size: 40\n  threads: 2\n", tables);
    CliRunner.Result r = CliRunner.run(cfg.toString());
    assertEquals(1, r.code(), r.all());
    JsonNode t = session(dir).get("table_progress").get("app_acct");
    assertEquals("completed", t.get("status").asText());
    assertEquals(3, t.get("missing_in_target").asInt());
    assertEquals(2, t.get("missing_in_source").asInt());
    assertEquals(4, t.get("different_rows").asInt());

    // once the tool's backends are gone and their reads are counted, no insert, update or delete is
    awaitNoToolBackends();
    Map<String, List<Long>> sourceAfter = statsAfterReads(source, sourceBefore);
    Map<String, List<Long>> targetAfter = statsAfterReads(target, targetBefore);
    assertEquals(writes(sourceBefore), writes(sourceAfter), "source: n_tup_ins, n_tup_upd, n_tup_del");
    assertEquals(writes(targetBefore), writes(targetAfter), "target: n_tup_ins, n_tup_upd, n_tup_del");
  }

  @Test
  void h2DatabasesOpenedReadOnlyAreComparedAndTheirFilesStayUnchanged() throws Exception {
    H2TestDb src = new H2TestDb(dir.resolve("db").resolve("source"));
    H2TestDb tgt = new H2TestDb(dir.resolve("db").resolve("target"));
    src.exec("CREATE SCHEMA APP");
    tgt.exec("CREATE SCHEMA APP");
    differences(src, tgt);
    String readOnlySource = src.url() + ";ACCESS_MODE_DATA=r";
    String readOnlyTarget = tgt.url() + ";ACCESS_MODE_DATA=r";
    try (Connection c = DriverManager.getConnection(readOnlyTarget, tgt.user(), tgt.password())) {
      SQLException e = assertThrows(SQLException.class,
          () -> c.createStatement().execute("DELETE FROM APP.ACCT"), "the database is really read-only");
      assertEquals(90097, e.getErrorCode(), e.getMessage());
    }
    Map<Path, String> before = digests(dir.resolve("db"));

    Path cfg = Tables.config(dir.resolve("run"), Tables.database(readOnlySource, src.user(), src.password()),
        Tables.database(readOnlyTarget, tgt.user(), tgt.password()), "  chunk_size: 40\n  threads: 2\n",
        Tables.entry(src, tgt, "ACCT", ""));
    CliRunner.Result r = CliRunner.run(cfg.toString());
    assertEquals(1, r.code(), r.all());
    JsonNode t = session(dir.resolve("run")).get("table_progress").get("APP_ACCT");
    assertEquals("completed", t.get("status").asText());
    assertEquals(3, t.get("missing_in_target").asInt());
    assertEquals(2, t.get("missing_in_source").asInt());
    assertEquals(4, t.get("different_rows").asInt());
    assertEquals(before, digests(dir.resolve("db")), "the database files are unchanged");
  }

  /** 300 rows; the target misses 3, has 2 more and 4 changed: 302 inserts, 4 updates, 3 deletes there. */
  private static void differences(TestDb s, TestDb t) throws SQLException {
    for (TestDb db : List.of(s, t)) {
      Tables.create(db, "ACCT", Tables.ORDERS);
      Tables.insert(db, "ACCT", Tables.orders(1, 300, 1));
    }
    String a = t.schema() + ".ACCT";
    Tables.insert(t, "ACCT", List.of(Tables.order(0), Tables.order(1000)));
    t.exec("DELETE FROM " + a + " WHERE ID IN (5, 150, 300)",
        "UPDATE " + a + " SET NAME = 'changed' WHERE ID IN (7, 70, 170, 270)");
  }

  // ---------------------------------------------------------------- PostgreSQL statistics

  /** n_tup_ins, n_tup_upd, n_tup_del, seq_scan + idx_scan per table of schema app. */
  private static Map<String, List<Long>> stats(PgTestDb db) throws SQLException {
    Map<String, List<Long>> out = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(db.url(), PgTestDb.ADMIN_USER, "");
        Statement st = c.createStatement()) {
      st.execute("SELECT pg_stat_clear_snapshot()");
      try (ResultSet rs = st.executeQuery("SELECT relname, n_tup_ins, n_tup_upd, n_tup_del,"
          + " COALESCE(seq_scan, 0) + COALESCE(idx_scan, 0) FROM pg_stat_user_tables WHERE schemaname = 'app'"
          + " ORDER BY relname")) {
        while (rs.next()) {
          out.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
        }
      }
    }
    return out;
  }

  private static Map<String, List<Long>> writes(Map<String, List<Long>> stats) {
    Map<String, List<Long>> out = new LinkedHashMap<>();
    stats.forEach((table, s) -> out.put(table, s.subList(0, 3)));
    return out;
  }

  /** The statistics once the table's write counters satisfy {@code settled} (they arrive asynchronously). */
  private static Map<String, List<Long>> settledStats(PgTestDb db, Predicate<List<Long>> settled) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Map<String, List<Long>> s = stats(db);
    while (!(s.containsKey("acct") && settled.test(s.get("acct").subList(0, 3))) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      s = stats(db);
    }
    assertTrue(s.containsKey("acct") && settled.test(s.get("acct").subList(0, 3)), "setup statistics: " + s);
    return s;
  }

  /** The statistics once the tool's scans of the table are counted (so its backends' counters are in). */
  private static Map<String, List<Long>> statsAfterReads(PgTestDb db, Map<String, List<Long>> before) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Map<String, List<Long>> s = stats(db);
    while (s.get("acct").get(3) <= before.get("acct").get(3) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      s = stats(db);
    }
    assertTrue(s.get("acct").get(3) > before.get("acct").get(3), "the tool's reads are counted: " + before + " " + s);
    return s;
  }

  private void awaitNoToolBackends() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try (Connection c = DriverManager.getConnection(PgTestDb.adminUrl("postgres"), PgTestDb.ADMIN_USER, "");
          ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity WHERE usename = '"
              + role + "'")) {
        rs.next();
        if (rs.getInt(1) == 0) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the tool's connections did not end");
  }

  private static void admin(String... sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(PgTestDb.adminUrl("postgres"), PgTestDb.ADMIN_USER, "");
        Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  // ---------------------------------------------------------------- files

  private static Map<Path, String> digests(Path folder) throws Exception {
    Map<Path, String> out = new LinkedHashMap<>();
    try (var files = Files.walk(folder)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        out.put(p, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)))
            + " " + Files.getLastModifiedTime(p));
      }
    }
    return out;
  }

  private static JsonNode session(Path folder) throws Exception {
    List<Path> files = Tables.files(folder.resolve("state"), "oracle_session_*.json");
    assertEquals(1, files.size());
    return JSON.readTree(files.get(0).toFile());
  }
}
