package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool's PostgreSQL backend is terminated while it reads a chunk ({@code pg_terminate_backend}, as
 * a DBA or a failover would): the chunk is retried and the result is that of an undisturbed run; with
 * no retries the table fails with the database's error, the other tables complete, and
 * {@code --retry-failed} completes it later.
 *
 * <p>To give the terminator a wide window, the target's rows pass a filter function that sleeps briefly
 * every 250 rows (the same filter, without the sleep, on the source), and rows are fetched 50 at a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresConnectionDropTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private PgTestDb source;
  private PgTestDb target;
  private Path work;
  private JsonNode undisturbed;

  @BeforeAll
  void databases(@TempDir Path folder) throws Exception {
    work = folder;
    String suffix = Long.toHexString(System.nanoTime() & 0xffffffL) + "_" + ProcessHandle.current().pid();
    source = PgTestDb.create("tc_drop_src_" + suffix);
    target = PgTestDb.create("tc_drop_tgt_" + suffix);
    source.exec("CREATE FUNCTION app.pace(id numeric) RETURNS boolean LANGUAGE sql VOLATILE AS 'SELECT true'");
    target.exec("CREATE FUNCTION app.pace(id numeric) RETURNS boolean LANGUAGE plpgsql VOLATILE AS"
        + " 'BEGIN IF id % 250 = 0 THEN PERFORM pg_sleep(0.05); END IF; RETURN true; END'");
    for (PgTestDb db : List.of(source, target)) {
      Tables.create(db, "small_a", Tables.ORDERS);
      Tables.create(db, "big", Tables.ORDERS);
      Tables.create(db, "small_b", Tables.ORDERS);
      Tables.insert(db, "small_a", Tables.orders(1, 100, 1));
      Tables.insert(db, "big", Tables.orders(1, 9000, 1));
      Tables.insert(db, "small_b", Tables.orders(1, 100, 1));
    }
    target.exec("DELETE FROM app.big WHERE id IN (10, 4500)", "UPDATE app.big SET name = 'x' WHERE id IN (7, 8999)",
        "DELETE FROM app.small_a WHERE id = 3", "UPDATE app.small_b SET note = 'changed' WHERE id = 4");
    Tables.insert(target, "big", List.<Object[]>of(Tables.order(20_000)));

    CliRunner.Result r = CliRunner.run(config(work.resolve("undisturbed"), 2).toString());
    assertEquals(1, r.code(), r.all());
    undisturbed = session(work.resolve("undisturbed"));
    assertCounts(undisturbed, "big", 2, 1, 2);
  }

  @AfterAll
  void drop() throws Exception {
    if (source != null) {
      source.drop();
    }
    if (target != null) {
      target.drop();
    }
  }

  @Test
  void aChunkWhoseConnectionIsKilledIsRetriedAndTheResultIsUnchanged() throws Exception {
    Path dir = work.resolve("retried");
    Path cfg = config(dir, 2);
    CliRunner.Result r;
    try (Terminator t = new Terminator()) {
      r = CliRunner.run(cfg.toString());
      assertEquals(1, t.terminated.get(), "one backend reading app.big was terminated");
    }
    assertEquals(1, r.code(), r.all());
    assertTrue(r.out().contains("retry 1 after"), r.out());
    // reading rows, or (with push-down) the chunk's checksum or hash stream, or the table's push-down
    // check before its chunks: whichever the cut hit is retried
    assertTrue(r.out().matches("(?s).*app\\.big( chunk \\d+/\\d+)?: retry 1 after: target database: [^\n]*app\\.big[^\n]*"
        + " failed: [^\n]*\\(SQLState (57P01|08006|08003), code 0\\).*"), r.out());
    JsonNode s = session(dir);
    for (String table : List.of("small_a", "big", "small_b")) {
      JsonNode want = undisturbed.get("table_progress").get("app_" + table);
      JsonNode got = s.get("table_progress").get("app_" + table);
      for (String f : List.of("status", "total_chunks", "source_rows", "target_rows", "missing_in_target",
          "missing_in_source", "different_rows")) {
        assertEquals(want.get(f).asText(), got.get(f).asText(), table + "." + f);
      }
    }
    assertEquals(Tables.statements(script(work.resolve("undisturbed"))), Tables.statements(script(dir)));
  }

  @Test
  void withoutRetriesTheTableFailsTheOthersCompleteAndRetryFailedCompletesIt() throws Exception {
    Path dir = work.resolve("failed");
    Path cfg = config(dir, 0);
    CliRunner.Result r;
    try (Terminator t = new Terminator()) {
      r = CliRunner.run(cfg.toString());
      assertEquals(1, t.terminated.get());
    }
    assertEquals(2, r.code(), r.all());
    assertFalse(r.out().contains("retry 1 after"), r.out());
    JsonNode s = session(dir);
    JsonNode big = s.get("table_progress").get("app_big");
    assertEquals("failed", big.get("status").asText(), big.toString());
    String error = big.get("error").asText();
    assertTrue(error.matches("target database: [^:]*app\\.big[^:]* failed: .*\\(SQLState (57P01|08006|08003), code 0\\).*"),
        "the database's error: " + error);
    assertEquals("completed", s.get("table_progress").get("app_small_a").get("status").asText());
    assertEquals("completed", s.get("table_progress").get("app_small_b").get("status").asText());
    assertTrue(r.out().contains("--retry-failed"), r.out());

    String id = s.get("session_id").asText();
    CliRunner.Result retried = CliRunner.run(cfg.toString(), "--resume", id, "--retry-failed");
    assertEquals(1, retried.code(), retried.all());
    big = session(dir).get("table_progress").get("app_big");
    assertEquals("completed", big.get("status").asText());
    assertCounts(session(dir), "big", 2, 1, 2);
    assertEquals(undisturbed.get("table_progress").get("app_big").get("source_rows").asLong(),
        big.get("source_rows").asLong());
    assertEquals(Tables.statements(script(work.resolve("undisturbed"))), Tables.statements(script(dir)));
  }

  private Path config(Path dir, int maxRetries) throws Exception {
    String pace = "    where: \"app.pace(id)\"\n";
    String tables = Tables.entry(source, target, "small_a", "") + Tables.entry(source, target, "big",
        "    chunk_size: 3000\n" + pace) + Tables.entry(source, target, "small_b", "");
    return Tables.config(dir, Tables.database(source), Tables.database(target),
        "  chunk_size: 1000\n  threads: 1\n  fetch_size: 50\n  max_retries: " + maxRetries + "\n", tables);
  }

  private static JsonNode session(Path dir) throws Exception {
    List<Path> files = Tables.files(dir.resolve("state"), "oracle_session_*.json");
    assertEquals(1, files.size());
    return JSON.readTree(files.get(0).toFile());
  }

  private static Path script(Path dir) throws Exception {
    List<Path> scripts = Tables.files(dir.resolve("output"), "sync_target_app_big_*.sql");
    assertEquals(1, scripts.size(), scripts.toString());
    return scripts.get(0);
  }

  private static void assertCounts(JsonNode session, String table, long missingInTarget, long missingInSource,
      long different) {
    JsonNode t = session.get("table_progress").get("app_" + table);
    assertEquals(missingInTarget, t.get("missing_in_target").asLong(), t.toString());
    assertEquals(missingInSource, t.get("missing_in_source").asLong(), t.toString());
    assertEquals(different, t.get("different_rows").asLong(), t.toString());
  }

  /**
   * Terminates, once, the tool's backend on the target database while it runs a query of a chunk of
   * app.big (rows, or with push-down a checksum or hash stream). Only an active backend is cut: one
   * that just finished could go back to the pool and fail another table's chunk instead.
   */
  private final class Terminator implements AutoCloseable {
    final AtomicInteger terminated = new AtomicInteger();
    private volatile boolean stop;
    private final Thread thread;

    Terminator() {
      thread = new Thread(this::loop, "terminator");
      thread.setDaemon(true);
      thread.start();
    }

    private void loop() {
      String sql = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'table-compare'"
          + " AND datname = ? AND pid <> pg_backend_pid() AND state = 'active'"
          + " AND query LIKE 'SELECT % FROM \"app\".\"big\"%'";
      try (Connection c = DriverManager.getConnection(PgTestDb.adminUrl("postgres"), PgTestDb.ADMIN_USER, "");
          PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, target.database());
        while (!stop && terminated.get() == 0) {
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              if (rs.getBoolean(1)) {
                terminated.incrementAndGet();
              }
            }
          }
          Thread.sleep(20);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() throws InterruptedException {
      stop = true;
      thread.join(10_000);
    }
  }
}
