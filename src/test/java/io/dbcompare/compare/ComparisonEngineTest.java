package io.dbcompare.compare;

import static io.dbcompare.compare.EngineFixture.RESOLVER;
import static io.dbcompare.compare.EngineFixture.config;
import static io.dbcompare.compare.EngineFixture.db;
import static io.dbcompare.compare.EngineFixture.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.EngineFixture.MemoryDb;
import io.dbcompare.compare.EngineFixture.RecordingFinisher;
import io.dbcompare.compare.ProgressEvent.ChunkCompleted;
import io.dbcompare.compare.ProgressEvent.ChunkFailed;
import io.dbcompare.compare.ProgressEvent.TableFinished;
import io.dbcompare.compare.ProgressEvent.TableMode;
import io.dbcompare.compare.ProgressEvent.TablePlanned;
import io.dbcompare.compare.ProgressEvent.TableRetry;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The engine with in-memory databases and book: fallbacks and bookkeeping the database suites cannot provoke. */
class ComparisonEngineTest {

  /** A database whose push-down checksums fail with the given error. */
  static final class RefusingPushdown extends MemoryDb {
    private final ErrorCode code;

    RefusingPushdown(ErrorCode code) {
      this.code = code;
    }

    @Override
    public Checksum checksum(TableSpec table, Side side, ChunkBounds range) {
      throw refused();
    }

    @Override
    public List<Checksum> checksums(TableSpec table, Side side, List<ChunkBounds> consecutive) {
      throw refused();
    }

    private CompareException refused() {
      return new CompareException(code, "source database: checksum failed: ORA-01489: result of string"
          + " concatenation is too long (SQLState 72000, code 1489); see the database error");
    }
  }

  private static RefusingPushdown refusing(ErrorCode code, int rows) {
    RefusingPushdown db = new RefusingPushdown(code);
    MemoryDb rowsDb = db(rows, r -> r[0].equals(BigDecimal.valueOf(500)) ? new Object[] {r[0], "changed"} : r);
    db.source.putAll(rowsDb.source);
    db.target.putAll(rowsDb.target);
    return db;
  }

  @Test
  void aConnectionLostWhilePreparingATableIsRetried() throws Exception {
    RefusingPushdown db = refusing(ErrorCode.CANNOT_ENCODE, 10);
    AtomicInteger calls = new AtomicInteger();
    TableResolver flaky = tc -> {
      if (calls.incrementAndGet() == 1) {
        throw new CompareException(ErrorCode.DATABASE, "target database: reading the catalog failed: FATAL:"
            + " terminating connection due to administrator command (SQLState 57P01, code 0)", null, true);
      }
      return EngineFixture.spec(tc);
    };
    EngineFixture f = new EngineFixture("S.T");
    f.engine(db, db, flaky, new RecordingFinisher(), options(1, 250), ComparisonEngine.Hooks.NONE)
        .run(List.of(config("S.T")), ComparisonEngine.Mode.NEW);
    assertEquals(2, calls.get());
    assertEquals(TableStatus.COMPLETED, f.book.table("S_T").status());
    assertEquals(1, f.events(TableRetry.class).size(), f.events.toString());
    assertEquals(1, f.events(TableRetry.class).get(0).attempt());
  }

  @Test
  void aPushdownQueryThatCannotEncodeARowFallsBackToJavaHashingForTheSameChunk() throws Exception {
    RefusingPushdown db = refusing(ErrorCode.CANNOT_ENCODE, 1000);
    EngineFixture f = new EngineFixture("S.T");
    f.engine(db, db, RESOLVER, new RecordingFinisher(), options(1, 250), ComparisonEngine.Hooks.NONE)
        .run(List.of(config("S.T")), ComparisonEngine.Mode.NEW);
    TableSnapshot tp = f.book.table("S_T");
    assertEquals(TableStatus.COMPLETED, tp.status(), tp.error());
    assertEquals(1, tp.differentRows());
    assertEquals(1000, tp.sourceRows());
    List<String> modes = f.events(TableMode.class).stream().map(TableMode::mode).toList();
    assertTrue(modes.get(0).contains("computed by the databases"), modes.toString());
    assertTrue(modes.stream().anyMatch(m -> m.startsWith("rows hashed in Java from chunk 1 on: ") && m.contains("ORA-01489")),
        modes.toString());
    assertFalse(f.events(TableMode.class).get(1).pushdown());
  }

  @Test
  void anyOtherDatabaseErrorUnderPushdownFailsTheChunkInsteadOfSwitchingModes() throws Exception {
    RefusingPushdown db = refusing(ErrorCode.DATABASE, 1000);
    EngineFixture f = new EngineFixture("S.T");
    RecordingFinisher finisher = new RecordingFinisher();
    f.engine(db, db, RESOLVER, finisher, options(1, 250), ComparisonEngine.Hooks.NONE)
        .run(List.of(config("S.T")), ComparisonEngine.Mode.NEW);
    TableSnapshot tp = f.book.table("S_T");
    assertEquals(TableStatus.FAILED, tp.status());
    assertTrue(tp.error().contains("ORA-01489"), tp.error());
    assertEquals(0, tp.completedChunks(), "no chunk may pass as compared");
    assertEquals(List.of("checksums and hashes computed by the databases"),
        f.events(TableMode.class).stream().map(TableMode::mode).toList(), "the mode must not change silently");
    assertEquals(4, f.events(ChunkFailed.class).size());
    assertTrue(f.book.chunks("S_T").stream().allMatch(c -> c.status() == TableStatus.FAILED));
    assertTrue(finisher.threads.isEmpty(), "a failed table writes no outputs");
    assertEquals(RunStatus.FAILED, f.book.status());
  }

  @Test
  void credentialsRejectedAfterTheRunStartedAreAResumableRunFailure() throws Exception {
    MemoryDb db = new MemoryDb() {
      @Override
      public RowCursor open(TableSpec table, Side side, ChunkBounds b) {
        if (table.key().equals("S_B") && side == Side.TARGET) {
          throw new CompareException(ErrorCode.AUTHENTICATION, "target database rejected the credentials of user"
              + " app: ORA-01017: invalid username/password; logon denied");
        }
        return super.open(table, side, b);
      }
    };
    db.source.putAll(db(100, r -> r).source);
    db.target.putAll(db.source);
    EngineFixture f = new EngineFixture("S.A", "S.B", "S.C");
    ComparisonEngine engine = f.engine(db, null, RESOLVER, new RecordingFinisher(), options(1, 50),
        ComparisonEngine.Hooks.NONE);
    engine.run(List.of(config("S.A"), config("S.B"), config("S.C")), ComparisonEngine.Mode.NEW);

    CompareException failure = engine.runFailure();
    assertNotNull(failure);
    assertEquals(ErrorCode.RUN_FAILED, failure.code());
    assertEquals(2, failure.exitCode(), "resumable, not 'nothing was compared'");
    assertTrue(failure.getMessage().startsWith("credentials were rejected after the run had started (target database"
        + " rejected the credentials of user app: ORA-01017"), failure.getMessage());
    assertTrue(failure.getMessage().contains("resume session 0123abcd with --resume"), failure.getMessage());
    assertFalse(engine.stopRequested(), "no one asked to stop: the run failed");
    assertEquals(TableStatus.COMPLETED, f.book.table("S_A").status());
    assertEquals(TableStatus.FAILED, f.book.table("S_B").status());
    TableSnapshot c = f.book.table("S_C");
    assertTrue(c.status() == TableStatus.PENDING || c.status() == TableStatus.IN_PROGRESS, c.toString());
    assertEquals(0, c.completedChunks(), "no chunk runs after the credentials were rejected");
    assertEquals(RunStatus.INTERRUPTED, f.book.status());
  }

  @Test
  void eventsCarryTimesAndProgressFactsForEveryListener() throws Exception {
    MemoryDb db = db(1000, r -> r[0].equals(BigDecimal.valueOf(10)) ? null : r);
    EngineFixture f = new EngineFixture("S.T");
    List<ProgressEvent> second = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    ProgressListener broken = e -> {
      throw new IllegalStateException("a listener bug");
    };
    f.engine(db, null, RESOLVER, new RecordingFinisher(), options(1, 250), ComparisonEngine.Hooks.NONE, broken,
        second::add).run(List.of(config("S.T")), ComparisonEngine.Mode.NEW);

    assertEquals(f.events, second, "every listener gets every event, even after one failed");
    TablePlanned planned = f.events(TablePlanned.class).get(0);
    assertEquals(4, planned.chunks());
    assertEquals(1000L, planned.facts().plannedRows(), "4 chunks of 250 rows");
    assertEquals(0, planned.facts().chunksDone());
    List<ChunkCompleted> chunks = f.events(ChunkCompleted.class);
    assertEquals(4, chunks.size());
    assertEquals(List.of(1, 2, 3, 4), chunks.stream().map(c -> c.facts().chunksDone()).toList());
    assertEquals(List.of(250L, 500L, 750L, 1000L), chunks.stream().map(c -> c.facts().rowsDone()).toList());
    assertEquals(List.of(1L, 1L, 1L, 1L), chunks.stream().map(c -> c.facts().differences()).toList());
    assertTrue(chunks.stream().allMatch(c -> c.facts().chunksTotal() == 4 && c.facts().plannedRows() == 1000L));
    for (int i = 1; i < f.events.size(); i++) {
      assertTrue(f.events.get(i).at().isAfter(f.events.get(i - 1).at()), "times come from the injected clock");
    }
    assertEquals(planned.facts().startedAt(), chunks.get(3).facts().startedAt());
    TableFinished finished = f.events(TableFinished.class).get(0);
    assertEquals(1, finished.result().missingInTarget());
    assertEquals("summary_S_T.txt", finished.result().summaryFile());
    assertTrue(f.events.get(0) instanceof ProgressEvent.RunStarted);
    assertEquals(new ProgressEvent.RunEnded(f.events.get(f.events.size() - 1).at(), RunStatus.COMPLETED),
        f.events.get(f.events.size() - 1));
  }

  @Test
  void aStopRequestIsAnnouncedOnceAndLeavesTheRunInterrupted() throws Exception {
    MemoryDb db = db(100, r -> r);
    EngineFixture f = new EngineFixture("S.T");
    ComparisonEngine engine = f.engine(db, null, RESOLVER, new RecordingFinisher(), options(1, 10),
        ComparisonEngine.Hooks.NONE);
    engine.requestStop();
    engine.requestStop();
    engine.run(List.of(config("S.T")), ComparisonEngine.Mode.NEW);
    assertEquals(1, f.events(ProgressEvent.StopRequested.class).size());
    assertTrue(engine.stopRequested());
    assertNull(engine.runFailure());
    assertEquals(RunStatus.INTERRUPTED, f.book.status());
  }
}
