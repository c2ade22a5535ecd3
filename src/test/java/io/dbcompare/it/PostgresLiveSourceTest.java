package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live pair on the local PostgreSQL server: a writer keeps changing the source (TPC-B-like transactions
 * over accounts, tellers and a few hot branches) while a replica carries every source transaction to
 * the target after a lag ({@link TriggerReplica}: trigger-captured change log, replayed once each). A
 * handful of real differences are planted on the target in rows the writer never touches. The
 * comparison runs during the load with a recheck delay well above the replica's lag: it must report
 * exactly the planted rows, and count rows in flight (or changing) besides. Then the writer stops, the
 * replica drains, the sync script runs, and a new comparison finds nothing.
 */
class PostgresLiveSourceTest {
  private static final int ACCOUNTS = 20_000;
  /** The writer touches accounts 1..WRITTEN_ACCOUNTS and tellers 1..WRITTEN_TELLERS only. */
  private static final int WRITTEN_ACCOUNTS = 19_000;
  private static final int TELLERS = 50;
  private static final int WRITTEN_TELLERS = 49;
  private static final int BRANCHES = 5;
  private static final long REPLICA_LAG_MILLIS = 300;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static PgTestDb source;
  private static PgTestDb target;

  @TempDir Path dir;

  @BeforeAll
  static void databases() throws Exception {
    source = PgTestDb.create("live_src");
    target = PgTestDb.create("live_tgt");
  }

  @AfterAll
  static void drop() throws Exception {
    if (source != null) {
      source.drop();
      target.drop();
    }
  }

  @Test
  void aRunDuringTheLoadReportsExactlyThePlantedDifferences() throws Exception {
    for (PgTestDb db : new PgTestDb[] {source, target}) {
      db.exec("CREATE TABLE app.branches (bid int PRIMARY KEY, bbalance int NOT NULL, filler char(88))",
          "CREATE TABLE app.tellers (tid int PRIMARY KEY, bid int NOT NULL, tbalance int NOT NULL, filler char(84))",
          "CREATE TABLE app.accounts (aid int PRIMARY KEY, bid int NOT NULL, abalance int NOT NULL, filler char(84))",
          "INSERT INTO app.branches SELECT g, 0, 'b' FROM generate_series(1, " + BRANCHES + ") g",
          "INSERT INTO app.tellers SELECT g, 1 + g % " + BRANCHES + ", 0, 't' FROM generate_series(1, " + TELLERS + ") g",
          "INSERT INTO app.accounts SELECT g, 1 + g % " + BRANCHES + ", 0, 'a' FROM generate_series(1, " + ACCOUNTS
              + ") g");
    }
    try (TriggerReplica replica = TriggerReplica.install(source, target, REPLICA_LAG_MILLIS, "branches", "tellers",
        "accounts")) {
      // the real differences, on rows the writer never touches (the target's own changes are not captured)
      target.exec("UPDATE app.accounts SET abalance = 999 WHERE aid IN (19001, 19500, 19999)",
          "DELETE FROM app.accounts WHERE aid IN (19100, 19200)",
          "INSERT INTO app.accounts VALUES (20001, 1, 7, 'only in the target')",
          "UPDATE app.tellers SET tbalance = -1 WHERE tid = 50");
      replica.start();
      Writer writer = new Writer();
      writer.start();
      try {
        writer.awaitTransactions(200);
        Path cfg = config(dir.resolve("live"), "  recheck: { rounds: 3, delay_seconds: 3 }\n");
        CliRunner.Result r = CliRunner.run(name -> null, Clock.systemUTC(), cfg.toString());
        assertEquals(1, r.code(), r.all());
        JsonNode session = session(dir.resolve("live"));
        assertCounts(table(session, "accounts"), 2, 1, 3, r);
        assertCounts(table(session, "tellers"), 0, 0, 1, r);
        assertCounts(table(session, "branches"), 0, 0, 0, r);
        long settled = 0;
        for (String t : List.of("accounts", "tellers", "branches")) {
          settled += table(session, t).get("in_flight_rows").asLong() + table(session, t).get("changing_rows").asLong();
        }
        assertTrue(settled > 0, "rows were in flight during the load: " + r.all());
        assertTrue(table(session, "branches").get("recheck_rounds").size() > 0, "the hot branches were rechecked");
        assertTrue(r.out().contains("Replication lag: unknown (the target is not a standby"), r.out());
        assertEquals(1, r.out().split("Replication lag", -1).length - 1, "said once: " + r.out());
        JsonNode lag = session.get("replication_lag");
        assertEquals(2, lag.size(), lag.toString());
        assertTrue(lag.get(0).get("lag_millis").isNull() && lag.get(1).get("lag_millis").isNull(),
            "unknown is never 0: " + lag);
        assertTrue(writer.committed.get() > 200, "the writer kept writing during the run");
      } finally {
        writer.stop();
      }
      replica.drain();

      List<Path> scripts = new ArrayList<>();
      for (String t : List.of("accounts", "tellers")) {
        List<Path> s = Tables.files(dir.resolve("live").resolve("output"), "sync_target_app_" + t + "_*.sql");
        assertEquals(1, s.size(), t + ": " + s);
        scripts.add(s.get(0));
      }
      for (Path s : scripts) {
        target.runScript(s);
      }
      CliRunner.Result again = CliRunner.run(name -> null, Clock.systemUTC(),
          config(dir.resolve("after"), "  recheck: { rounds: 1, delay_seconds: 0 }\n").toString());
      assertEquals(0, again.code(), again.all());
    }
  }

  private static Path config(Path folder, String recheck) throws Exception {
    StringBuilder tables = new StringBuilder();
    for (String t : List.of("branches", "tellers", "accounts")) {
      tables.append(Tables.entry(source, target, t, ""));
    }
    return Tables.config(folder, Tables.database(source), Tables.database(target),
        "  chunk_size: 2000\n  threads: 2\n" + recheck, tables.toString());
  }

  private static JsonNode session(Path folder) throws Exception {
    List<Path> files = Tables.files(folder.resolve("state"), "oracle_session_*.json");
    assertEquals(1, files.size(), files.toString());
    return JSON.readTree(files.get(0).toFile());
  }

  private static JsonNode table(JsonNode session, String table) {
    return session.get("table_progress").get("app_" + table);
  }

  private static void assertCounts(JsonNode t, long mit, long mis, long dif, CliRunner.Result r) {
    String what = t + "\n" + r.all();
    assertEquals(mit, t.get("missing_in_target").asLong(), what);
    assertEquals(mis, t.get("missing_in_source").asLong(), what);
    assertEquals(dif, t.get("different_rows").asLong(), what);
  }

  /**
   * TPC-B-like transactions on the source (an account, a teller and its branch each), at a modest rate
   * the replica keeps up with, seeded; the branches are hot rows, changed by most transactions.
   */
  private static final class Writer {
    final AtomicLong committed = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();

    void start() {
      for (int i = 0; i < 2; i++) {
        long seed = 42 + i;
        Thread t = new Thread(() -> write(seed), "live-writer-" + i);
        t.setDaemon(true);
        threads.add(t);
        t.start();
      }
    }

    private void write(long seed) {
      Random random = new Random(seed);
      try (Connection c = source.connect();
          PreparedStatement account = c.prepareStatement("UPDATE app.accounts SET abalance = abalance + ? WHERE aid = ?");
          PreparedStatement teller = c.prepareStatement("UPDATE app.tellers SET tbalance = tbalance + ? WHERE tid = ?");
          PreparedStatement branch = c.prepareStatement("UPDATE app.branches SET bbalance = bbalance + ? WHERE bid = ?")) {
        c.setAutoCommit(false);
        while (running.get()) {
          int delta = random.nextInt(10_001) - 5_000;
          int tid = 1 + random.nextInt(WRITTEN_TELLERS);
          update(account, delta, 1 + random.nextInt(WRITTEN_ACCOUNTS));
          update(teller, delta, tid);
          update(branch, delta, 1 + tid % BRANCHES);
          c.commit();
          committed.incrementAndGet();
          Thread.sleep(40); // about 50 transactions a second in all: the replica's lag stays near its setting
        }
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
      }
    }

    private static void update(PreparedStatement ps, int delta, int id) throws SQLException {
      ps.setInt(1, delta);
      ps.setInt(2, id);
      if (ps.executeUpdate() != 1) {
        throw new SQLException("the writer's update of " + id + " touched no row");
      }
    }

    void awaitTransactions(long n) throws InterruptedException {
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (committed.get() < n && failure.get() == null && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      check();
    }

    void stop() throws InterruptedException {
      running.set(false);
      for (Thread t : threads) {
        t.join(30_000);
      }
      check();
    }

    private void check() {
      if (failure.get() != null) {
        throw new AssertionError("the writer failed: " + failure.get(), failure.get());
      }
    }
  }
}
