package io.dbcompare.compare;

import static io.dbcompare.compare.EngineFixture.RESOLVER;
import static io.dbcompare.compare.EngineFixture.config;
import static io.dbcompare.compare.EngineFixture.db;
import static io.dbcompare.compare.EngineFixture.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.EngineFixture.MemoryDb;
import io.dbcompare.compare.EngineFixture.RecordingFinisher;
import io.dbcompare.compare.ProgressEvent.TableSkipped;
import io.dbcompare.error.ErrorCode;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What runs when: tables taking turns, finishes off the workers, skipped tables, readers at the end. */
class TableSchedulerTest {

  @Test
  void openTablesTakeTurnsSoALargeTableDoesNotHoldUpTheOthers() throws Exception {
    MemoryDb db = db(200, r -> r);
    EngineFixture f = new EngineFixture("S.BIG", "S.SMALL1", "S.SMALL2");
    // every table has the same rows; chunk sizes make BIG 20 chunks, the small ones 1 chunk each
    TableResolver resolver = RESOLVER;
    ComparisonEngine engine = new ComparisonEngine(f.book, new ComparisonEngine.Ports(resolver,
        (t, size) -> t.key().equals("S_BIG") ? EngineFixture.planner(db).boundaries(t, 10) : List.of(), db, null,
        f.checkpoints, new RecordingFinisher()), options(2, 10), List.of(f.events::add), f.clock,
        ComparisonEngine.Hooks.NONE);
    engine.run(List.of(config("S.BIG"), config("S.SMALL1"), config("S.SMALL2")), ComparisonEngine.Mode.NEW);

    List<String> started = f.book.started;
    assertEquals(22, started.size(), started.toString());
    // handed out in turns: BIG#0, SMALL1#0, then SMALL2 opens beside BIG long before BIG's last chunks
    assertTrue(started.indexOf("S_SMALL2#0") < started.indexOf("S_BIG#10"), started.toString());
    assertTrue(started.indexOf("S_SMALL1#0") < started.indexOf("S_BIG#5"), started.toString());
    for (String t : List.of("S_BIG", "S_SMALL1", "S_SMALL2")) {
      assertEquals(TableStatus.COMPLETED, f.book.table(t).status());
    }
  }

  @Test
  void aTableIsFinishedOffTheChunkWorkersSoTheOtherTablesGoOn() throws Exception {
    MemoryDb db = db(100, r -> r);
    EngineFixture f = new EngineFixture("S.A", "S.B");
    CountDownLatch bDone = new CountDownLatch(1);
    AtomicBoolean bRanWhileAFinished = new AtomicBoolean();
    RecordingFinisher recording = new RecordingFinisher();
    TableFinisher finisher = (table, results, progress) -> {
      if (table.key().equals("S_A")) {
        try {
          // with one worker, B's chunks can only run now if A's finish does not occupy that worker
          bRanWhileAFinished.set(bDone.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return recording.finish(table, results, progress);
    };
    ProgressListener bChunks = e -> {
      if (e instanceof ProgressEvent.ChunkCompleted c && c.table().equals("S.B")
          && c.facts().chunksDone() == c.facts().chunksTotal()) {
        bDone.countDown();
      }
    };
    f.engine(db, null, RESOLVER, finisher, options(1, 50), ComparisonEngine.Hooks.NONE, bChunks)
        .run(List.of(config("S.A"), config("S.B")), ComparisonEngine.Mode.NEW);

    assertTrue(bRanWhileAFinished.get(), "B's chunks ran while A was being finished");
    assertTrue(recording.threads.stream().allMatch(t -> t.startsWith("finish-")), recording.threads.toString());
    // the run waited for both finishes before it ended
    assertEquals(TableStatus.COMPLETED, f.book.table("S_A").status());
    assertEquals(TableStatus.COMPLETED, f.book.table("S_B").status());
    assertEquals(RunStatus.COMPLETED, f.book.status());
  }

  @Test
  void resumeSkipsFinishedTablesAndRetryFailedRunsOnlyFailedOnes() throws Exception {
    MemoryDb db = db(20, r -> r);
    EngineFixture f = new EngineFixture("S.OK", "S.BAD");
    TableResolver failing = tc -> {
      if (tc.key().equals("S_BAD")) {
        throw new io.dbcompare.error.CompareException(ErrorCode.TABLE_FAILED, "S.BAD: no such table in the target");
      }
      return EngineFixture.spec(tc);
    };
    f.engine(db, null, failing, new RecordingFinisher(), options(1, 10), ComparisonEngine.Hooks.NONE)
        .run(List.of(config("S.OK"), config("S.BAD")), ComparisonEngine.Mode.NEW);
    assertEquals(RunStatus.FAILED, f.book.status());

    f.events.clear();
    f.engine(db, null, RESOLVER, new RecordingFinisher(), options(1, 10), ComparisonEngine.Hooks.NONE)
        .run(List.of(config("S.OK"), config("S.BAD")), ComparisonEngine.Mode.RESUME);
    assertEquals(List.of("already completed", "failed earlier: use --retry-failed to run it again"),
        f.events(TableSkipped.class).stream().map(TableSkipped::reason).toList());

    f.events.clear();
    f.engine(db, null, RESOLVER, new RecordingFinisher(), options(1, 10), ComparisonEngine.Hooks.NONE)
        .run(List.of(config("S.OK"), config("S.BAD")), ComparisonEngine.Mode.RETRY_FAILED);
    assertEquals(List.of("not failed (--retry-failed runs failed tables only)"),
        f.events(TableSkipped.class).stream().map(TableSkipped::reason).toList());
    assertEquals(TableStatus.COMPLETED, f.book.table("S_BAD").status());
    assertEquals(RunStatus.COMPLETED, f.book.status());
  }

  /** A side whose reader stays inside its "query" until released, whatever happens to its cursor. */
  private static final class HangingTarget extends MemoryDb {
    final CountDownLatch inQuery = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicBoolean returned = new AtomicBoolean();

    @Override
    public RowCursor open(TableSpec table, Side side, ChunkBounds b) {
      if (side == Side.SOURCE) {
        throw new io.dbcompare.error.CompareException(ErrorCode.DATABASE, "source database: ORA-00942");
      }
      inQuery.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException("readers are never interrupted", e);
      }
      returned.set(true);
      return super.open(table, side, b);
    }
  }

  @Test
  void theRunWaitsForReadersStillInsideADatabaseCall() throws Exception {
    HangingTarget db = new HangingTarget();
    db.source.putAll(db(10, r -> r).source);
    EngineFixture f = new EngineFixture("S.T");
    Thread releaser = new Thread(() -> {
      try {
        db.inQuery.await();
        // release the reader only once its chunk has failed and the workers are done with it
        while (f.events(ProgressEvent.ChunkFailed.class).isEmpty()) {
          Thread.sleep(10);
        }
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
      db.release.countDown();
    });
    releaser.start();
    ComparisonEngine engine = f.engine(db, null, RESOLVER, new RecordingFinisher(),
        new ComparisonEngine.Options(1, 100, 0, 1, 64, 8, 100, 60_000), ComparisonEngine.Hooks.NONE);
    engine.run(List.of(config("S.T")), ComparisonEngine.Mode.NEW);
    assertTrue(db.returned.get(), "run() returned (and the pools could close) while a reader was inside a query");
    assertEquals(null, engine.runFailure());
    assertEquals(TableStatus.FAILED, f.book.table("S_T").status());
    releaser.join();
  }

  @Test
  void aReaderThatNeverReturnsFailsTheRunClearly() throws Exception {
    HangingTarget db = new HangingTarget();
    db.source.putAll(db(10, r -> r).source);
    EngineFixture f = new EngineFixture("S.T");
    ComparisonEngine engine = f.engine(db, null, RESOLVER, new RecordingFinisher(),
        new ComparisonEngine.Options(1, 100, 0, 1, 64, 8, 100, 200), ComparisonEngine.Hooks.NONE);
    try {
      engine.run(List.of(config("S.T")), ComparisonEngine.Mode.NEW);
      assertNotNull(engine.runFailure(), "the pools would close under a running reader without a word");
      assertEquals(ErrorCode.RUN_FAILED, engine.runFailure().code());
      assertTrue(engine.runFailure().getMessage().startsWith("1 reader thread(s) were still inside a database call"),
          engine.runFailure().getMessage());
      assertTrue(engine.runFailure().getMessage().contains("query_timeout_seconds"));
    } finally {
      db.release.countDown();
    }
  }
}
