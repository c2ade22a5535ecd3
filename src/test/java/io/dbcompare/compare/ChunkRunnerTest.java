package io.dbcompare.compare;

import static io.dbcompare.compare.EngineFixture.RESOLVER;
import static io.dbcompare.compare.EngineFixture.config;
import static io.dbcompare.compare.EngineFixture.db;
import static io.dbcompare.compare.EngineFixture.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.EngineFixture.MemoryDb;
import io.dbcompare.compare.ProgressEvent.ChunkCompleted;
import io.dbcompare.compare.ProgressEvent.ChunkFailed;
import io.dbcompare.compare.ProgressEvent.ChunkRetry;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One chunk with in-memory ports: retries, chunk stages, failures recorded as failures. */
class ChunkRunnerTest {
  private final EngineFixture f = new EngineFixture("S.T");
  private final RunContext ctx = new RunContext(f.book, new ProgressEvents(List.of(f.events::add), f.clock),
      f.checkpoints, options(1, 50));
  private final ExecutorService readers = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    readers.shutdownNow();
  }

  private TableRun prepared(MemoryDb db) throws InterruptedException {
    return new TablePreparer(ctx, RESOLVER, EngineFixture.planner(db), null).prepare(config("S.T"), r -> { });
  }

  /** Fails the first {@code failures} opens with a lost connection. */
  private static MemoryDb flaky(int failures) {
    AtomicInteger opens = new AtomicInteger();
    MemoryDb db = new MemoryDb() {
      @Override
      public RowCursor open(TableSpec table, Side side, ChunkBounds b) {
        if (side == Side.SOURCE && opens.incrementAndGet() <= failures) {
          throw new CompareException(ErrorCode.DATABASE, "source database: I/O error: connection reset"
              + " (SQLState 08006, code 17002)", null, true);
        }
        return super.open(table, side, b);
      }
    };
    db.source.putAll(db(100, r -> r).source);
    db.target.putAll(db.source);
    return db;
  }

  @Test
  void aLostConnectionIsRetriedAndTheChunkCompletes() throws Exception {
    MemoryDb db = flaky(2);
    TableRun run = prepared(db);
    new ChunkRunner(ctx, db, null, List.of()).run(run, 0, readers);
    assertEquals(List.of(1, 2), f.events(ChunkRetry.class).stream().map(ChunkRetry::attempt).toList());
    assertEquals(TableStatus.COMPLETED, f.book.chunks("S_T").get(0).status());
    assertTrue(f.checkpoints.load(f.book.sessionId(), EngineFixture.spec(config("S.T")), 0, 2).isPresent());
    ChunkCompleted done = f.events(ChunkCompleted.class).get(0);
    assertEquals(50, done.sourceRows());
    assertEquals(1, done.facts().chunksDone());
  }

  @Test
  void aChunkThatKeepsFailingIsRecordedFailedNeverEmpty() throws Exception {
    MemoryDb db = flaky(100);
    TableRun run = prepared(db);
    new ChunkRunner(ctx, db, null, List.of()).run(run, 0, readers);
    ChunkSnapshot c = f.book.chunks("S_T").get(0);
    assertEquals(TableStatus.FAILED, c.status());
    assertTrue(c.error().contains("08006"), c.error());
    assertEquals(0, f.book.table("S_T").completedChunks());
    assertTrue(f.checkpoints.chunks.isEmpty(), "a failed chunk leaves no checkpoint");
    assertEquals(1, f.events(ChunkFailed.class).size());
    assertTrue(run.failed.get());
    assertTrue(run.abandoned.get(), "the database is unwell: no more chunks of the table start");
  }

  @Test
  void aChunkStageRevisesTheResultBeforeItIsCheckpointedAndRecorded() throws Exception {
    MemoryDb db = db(100, r -> r[0].equals(BigDecimal.valueOf(7)) ? new Object[] {r[0], "in flight"} : r);
    TableRun run = prepared(db);
    ChunkStage dropInFlight = (table, r) -> new ChunkResult(r.tableKey(), r.chunkIndex(), r.sourceRows(),
        r.targetRows(), r.missingInTarget(), r.missingInSource(), 0, List.of());
    new ChunkRunner(ctx, db, null, List.of(dropInFlight)).run(run, 0, readers);
    assertEquals(0, f.book.table("S_T").differences());
    assertEquals(0, f.checkpoints.load(f.book.sessionId(), EngineFixture.spec(config("S.T")), 0, 2).get().different());
    assertEquals(0, f.events(ChunkCompleted.class).get(0).differences());
  }
}
