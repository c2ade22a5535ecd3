package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.CrashPoints;
import io.dbcompare.compare.FetchStats;
import io.dbcompare.compare.Row;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Platform;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.jdbc.ConnectionPool;
import io.dbcompare.jdbc.ExportedSnapshot;
import io.dbcompare.jdbc.JdbcHashPushdown;
import io.dbcompare.jdbc.JdbcRowLookup;
import io.dbcompare.jdbc.Pools;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code snapshot: exported} on the local PostgreSQL: every transaction of a side's pool reads the
 * snapshot exported when the run started, whatever changed since, across commits and borrows, until
 * the exporter ends; an import after its exporter died fails the chunk saying to resume; and a whole
 * comparison whose source changes after the snapshot was taken reports the pair as it was (identical),
 * while a resume says the earlier snapshot cannot be reused.
 */
class PostgresExportedSnapshotTest {
  private final long pid = ProcessHandle.current().pid();
  private PgTestDb source;
  private PgTestDb target;

  @TempDir Path dir;

  @AfterEach
  void drop() throws SQLException {
    for (PgTestDb d : new PgTestDb[] {source, target}) {
      if (d != null) {
        d.drop();
      }
    }
  }

  private static void fill(PgTestDb db) throws SQLException {
    db.exec("CREATE TABLE app.t (id int PRIMARY KEY, v varchar(20))",
        "INSERT INTO app.t SELECT g, 'v' || g FROM generate_series(1, 100) g");
  }

  private static DatabaseConfig config(PgTestDb db, String side) {
    return new DatabaseConfig(side, db.url(), db.user(), null, Platform.POSTGRESQL, Map.of());
  }

  private static long count(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM app.t")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void everyTransactionReadsTheExportedSnapshotUntilItsExporterEnds() throws Exception {
    source = PgTestDb.create("tc_exp_pool_" + pid);
    fill(source);
    try (ConnectionPool pool = new ConnectionPool(config(source, "source"), 1, 10, 0)) {
      ExportedSnapshot snapshot = ExportedSnapshot.open(pool);
      assertEquals(pool.sharedSnapshot().orElseThrow(), snapshot.id());
      source.exec("INSERT INTO app.t SELECT g, 'new' FROM generate_series(101, 150) g",
          "DELETE FROM app.t WHERE id <= 10");
      Connection c = pool.borrow();
      try {
        assertEquals(100, count(c), "the first transaction reads the snapshot, not the 140 rows of now");
        c.commit();
        assertEquals(100, count(c), "the next transaction imports it again");
        c.rollback();
        assertEquals(100, count(c));
      } finally {
        ConnectionPool.release(c);
      }
      Connection again = pool.borrow();
      try {
        assertEquals(100, count(again), "a connection lent again imports it too");
      } finally {
        ConnectionPool.release(again);
      }
      Connection current = pool.borrowCurrent();
      try {
        assertEquals(140, count(current), "the recheck's reads see what changed since the snapshot");
      } finally {
        ConnectionPool.release(current);
      }
      Connection shared = pool.borrow();
      try {
        assertEquals(100, count(shared), "the same backend lent for the comparison imports the snapshot again");
      } finally {
        ConnectionPool.release(shared);
      }
      snapshot.close();
      assertTrue(pool.sharedSnapshot().isEmpty());
      Connection after = pool.borrow();
      try {
        assertEquals(140, count(after), "after the run the pool reads the current data again");
      } finally {
        ConnectionPool.release(after);
      }
    }
  }

  /**
   * The comparison's reads by key (confirming push-down candidates) read the snapshot; the recheck's read
   * the current data: reading the snapshot again could never show a row that arrived since.
   */
  @Test
  void theRecheckReadsTheCurrentDataWhileTheComparisonReadsTheSnapshot() throws Exception {
    source = PgTestDb.create("tc_exp_look_" + pid);
    fill(source);
    TableSpec t = new TableSpec("APP_T", "app.t", new TableRef("app", "t"), new TableRef("app", "t"),
        List.of(new ColumnSpec("id", "id", ValueKind.NUMBER, "int4", "int4", true),
            new ColumnSpec("v", "v", ValueKind.TEXT, "varchar", "varchar", false)), 1, Optional.empty(), false);
    List<Object[]> keys = List.<Object[]>of(new Object[] {BigDecimal.valueOf(5)});
    ChunkBounds all = new ChunkBounds(0, null, null);
    try (ConnectionPool pool = new ConnectionPool(config(source, "source"), 1, 10, 0);
        ExportedSnapshot snapshot = ExportedSnapshot.open(pool)) {
      source.exec("UPDATE app.t SET v = 'changed' WHERE id = 5");
      Pools pools = new Pools(pool, pool);
      List<Row> compared = new JdbcHashPushdown(pools, 100, new FetchStats()).fetchRows(t, Side.SOURCE, all, keys);
      assertEquals("v5", compared.get(0).values()[1], "a read of the comparison: the snapshot");
      List<Row> rechecked = new JdbcRowLookup(pools, 100, new FetchStats()).fetch(t, Side.SOURCE, all, 100, keys);
      assertEquals("changed", rechecked.get(0).values()[1], "a read of the recheck: the current data");
    }
  }

  @Test
  void anImportAfterTheExporterDiedFailsOnceSayingToResume() throws Exception {
    source = PgTestDb.create("tc_exp_gone_" + pid);
    fill(source);
    try (ConnectionPool pool = new ConnectionPool(config(source, "source"), 1, 10, 0);
        ExportedSnapshot snapshot = ExportedSnapshot.open(pool)) {
      source.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
          + " AND backend_xid IS NULL AND query = 'SELECT pg_export_snapshot()'");
      CompareException e = assertThrows(CompareException.class, pool::borrow);
      assertEquals(ErrorCode.DATABASE, e.code());
      assertEquals(2, e.exitCode());
      assertFalse(e.retryable(), e.getMessage());
      assertEquals("22023", e.sqlState(), e.getMessage());
      assertTrue(e.getMessage().startsWith("source database: starting a transaction in the exported snapshot "
          + snapshot.id() + " failed: "), e.getMessage());
      assertTrue(e.getMessage().contains("can no longer be imported") && e.getMessage().contains("resume the session"),
          e.getMessage());
    }
  }

  private Path comparisonConfig() throws Exception {
    String yaml = "source_database:\n  url: \"" + source.url() + "\"\n  username: \"" + source.user() + "\"\n"
        + "target_database:\n  url: \"" + target.url() + "\"\n  username: \"" + target.user() + "\"\n"
        + "comparison:\n  chunk_size: 10\n  threads: 2\n  state_dir: state\n  checkpoint_dir: checkpoints\n"
        + "  output_dir: output\n  snapshot: { mode: exported }\n"
        + "tables:\n  - app.t\n";
    Path f = dir.resolve("config.yaml");
    Files.writeString(f, yaml, StandardCharsets.UTF_8);
    return f;
  }

  private JsonNode onlySession() throws Exception {
    try (Stream<Path> s = Files.list(dir.resolve("state"))) {
      List<Path> files = s.filter(p -> p.getFileName().toString().matches("oracle_session_.*\\.json")).toList();
      assertEquals(1, files.size(), files.toString());
      return new ObjectMapper().readTree(files.get(0).toFile());
    }
  }

  @Test
  void aComparisonReadsTheSourceAsItWasWhenTheRunStarted() throws Exception {
    source = PgTestDb.create("tc_exp_src_" + pid);
    target = PgTestDb.create("tc_exp_tgt_" + pid);
    fill(source);
    fill(target);
    Path cfg = comparisonConfig();

    // paused once the chunks are planned (the snapshots are exported, no chunk is read yet)
    PausedChild child = PausedChild.start(dir.resolve("child.out"), CrashPoints.PLAN_AFTER_SAVE + ":1",
        cfg.toString());
    child.awaitPause();
    source.exec("UPDATE app.t SET v = 'changed' WHERE id IN (5, 55)", "DELETE FROM app.t WHERE id = 77",
        "INSERT INTO app.t VALUES (101, 'new')");
    child.release();
    int exit = child.awaitExit();
    String output = child.output();
    assertEquals(0, exit, "the pair as it was when the snapshots were taken is identical: " + output);
    assertTrue(output.contains("Read point:  one exported snapshot per side for this run"), output);

    // the changes were real: a new run sees them
    Files.delete(cfg);
    Path fresh = comparisonConfig();
    CliRunner.Result now = CliRunner.run(fresh.toString());
    assertEquals(1, now.code(), now.all());
  }

  @Test
  void aResumeSaysTheEarlierSnapshotCannotBeReused() throws Exception {
    source = PgTestDb.create("tc_exp_res_s_" + pid);
    target = PgTestDb.create("tc_exp_res_t_" + pid);
    fill(source);
    fill(target);
    Path cfg = comparisonConfig();
    PausedChild child = PausedChild.start(dir.resolve("child.out"), CrashPoints.PLAN_AFTER_SAVE + ":1",
        cfg.toString());
    child.awaitPause();
    child.kill();
    child.awaitExit();

    String id = onlySession().get("session_id").asText();
    CliRunner.Result resumed = CliRunner.run(cfg.toString(), "--resume", id);
    assertEquals(0, resumed.code(), resumed.all());
    assertTrue(resumed.out().contains("Snapshots:   the earlier run's exported snapshots ended with it and cannot be"
        + " reused: the chunks compared now read new ones"), resumed.out());
    assertTrue(resumed.out().contains("Read point:  one exported snapshot per side for this run"), resumed.out());
  }
}
