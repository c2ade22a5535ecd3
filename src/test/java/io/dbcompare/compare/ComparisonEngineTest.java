package io.dbcompare.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.checkpoint.KryoCheckpointStore;
import io.dbcompare.config.TableConfig;
import io.dbcompare.config.TableName;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.session.Session;
import io.dbcompare.session.SessionStore;
import io.dbcompare.session.TableProgress;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine with in-memory databases: fallbacks and bookkeeping that the database suites cannot provoke. */
class ComparisonEngineTest {
  @TempDir
  Path dir;

  private static final TableConfig CONFIG = new TableConfig(TableName.parse("S.T", "test"), TableName.parse("S.T", "test"),
      List.of(), Optional.empty(), List.of(), List.of(), Optional.empty());
  private static final TableSpec SPEC = new TableSpec("S_T", "S.T", new TableRef("S", "T"), new TableRef("S", "T"),
      List.of(new ColumnSpec("ID", "ID", ValueKind.NUMBER, "NUMBER", "NUMBER", true),
          new ColumnSpec("V", "V", ValueKind.TEXT, "VARCHAR2", "VARCHAR2", false)), 1, Optional.empty(), false);

  /** A database whose push-down queries fail as Oracle does for a row too wide for STANDARD_HASH. */
  static final class RefusingPushdown extends BisectingComparerTest.FakeDb {
    @Override
    public Checksum checksum(TableSpec table, Side side, ChunkBounds range) {
      throw new CompareException(ErrorCode.DATABASE, "source database: checksum failed: ORA-01489: result of string"
          + " concatenation is too long (SQLState 72000, code 1489); see the database error");
    }

    @Override
    public RowCursor open(TableSpec table, Side side, ChunkBounds b) {
      List<Object[]> rows = in(side, b);
      RowHasher hasher = new RowHasher(table.kinds());
      var it = rows.iterator();
      return new RowCursor() {
        @Override
        public Row next() {
          if (!it.hasNext()) {
            return null;
          }
          Object[] r = it.next();
          return new Row(r, hasher.hash(r), 1);
        }

        @Override
        public void close() {}
      };
    }
  }

  @Test
  void aConnectionLostWhilePreparingATableIsRetried() throws Exception {
    RefusingPushdown db = new RefusingPushdown();
    for (int i = 1; i <= 10; i++) {
      Object[] row = {BigDecimal.valueOf(i), "v" + i};
      db.source.put(BigDecimal.valueOf(i), row);
      db.target.put(BigDecimal.valueOf(i), row.clone());
    }
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    TableResolver flaky = tc -> {
      if (calls.incrementAndGet() == 1) {
        throw new CompareException(ErrorCode.DATABASE, "target database: reading the catalog failed: FATAL:"
            + " terminating connection due to administrator command (SQLState 57P01, code 0)", null, true);
      }
      return SPEC;
    };
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    Session session = runEngine(db, flaky, events);
    assertEquals(2, calls.get());
    assertEquals("completed", session.tableProgress.get("S_T").status);
    assertTrue(events.contains("retry 1"), events.toString());
  }

  @Test
  void aPushdownQueryTheDatabaseRefusesFallsBackToJavaHashingForTheSameChunk() throws Exception {
    RefusingPushdown db = new RefusingPushdown();
    for (int i = 1; i <= 1000; i++) {
      Object[] row = {BigDecimal.valueOf(i), "v" + i};
      db.source.put(BigDecimal.valueOf(i), row);
      db.target.put(BigDecimal.valueOf(i), i == 500 ? new Object[] {BigDecimal.valueOf(i), "changed"} : row.clone());
    }
    List<String> modes = Collections.synchronizedList(new ArrayList<>());
    Session session = runEngine(db, tc -> SPEC, modes);
    TableProgress tp = session.tableProgress.get("S_T");
    assertEquals("completed", tp.status, tp.error);
    assertEquals(1, tp.differentRows);
    assertEquals(1000, tp.sourceRows);
    assertTrue(modes.get(0).contains("computed by the databases"), modes.toString());
    assertTrue(modes.stream().anyMatch(m -> m.startsWith("rows hashed in Java from chunk 1 on: ") && m.contains("ORA-01489")),
        modes.toString());
  }

  private Session runEngine(BisectingComparerTest.FakeDb db, TableResolver resolver, List<String> modes)
      throws InterruptedException {
    SessionStore store = new SessionStore(dir.resolve("state"), dir.resolve("cp"),
        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    Session session = store.create("c.yaml", "h", "s", "t");
    session.tableProgress.put("S_T", new TableProgress());
    ProgressListener progress = new ProgressListener() {
      @Override public void tableStarted(int position, int count, String table) {}
      @Override public void tablePlanned(String table, int chunks, int alreadyDone, boolean resumedPlan) {}
      @Override public void tableMode(String table, String mode) { modes.add(mode); }
      @Override public void chunkFinished(String t, int i, int n, ChunkResult r, TableProgress p) {}
      @Override public void chunkRetry(String t, int i, int n, int attempt, String error) {}
      @Override public void tableRetry(String table, int attempt, String error) { modes.add("retry " + attempt); }
      @Override public void chunkFailed(String t, int i, int n, String error) {}
      @Override public void tableFinished(String table, TableProgress p) {}
      @Override public void tableFailed(String table, String error) {}
      @Override public void tableSkipped(String table, String reason) {}
    };
    ChunkPlanner planner = (t, size) -> List.of(new Object[] {BigDecimal.valueOf(250)}, new Object[] {BigDecimal.valueOf(750)});
    ComparisonEngine engine = new ComparisonEngine(session, store, resolver, planner, db, db,
        new KryoCheckpointStore(dir.resolve("cp")), (t, results, p) -> { }, progress,
        new ComparisonEngine.Options(1, 250, 2, 1, 64, 8, 100));
    engine.run(List.of(CONFIG), ComparisonEngine.Mode.NEW);

    return session;
  }
}
