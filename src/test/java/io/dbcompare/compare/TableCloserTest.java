package io.dbcompare.compare;

import static io.dbcompare.compare.EngineFixture.RESOLVER;
import static io.dbcompare.compare.EngineFixture.config;
import static io.dbcompare.compare.EngineFixture.db;
import static io.dbcompare.compare.EngineFixture.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.EngineFixture.MemoryDb;
import io.dbcompare.compare.EngineFixture.RecordingFinisher;
import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Finishing a table: table stages in order before the finisher, revised counts, resumable stage state. */
class TableCloserTest {
  private final EngineFixture f = new EngineFixture("S.T");
  private final MemoryDb db = db(100, r -> ((BigDecimal) r[0]).intValue() % 10 == 0 ? new Object[] {r[0], "x"} : r);

  /** Drops the differences of even keys, as a recheck that found those rows equal on a second read would. */
  static final class DropEvenKeys implements TableStage {
    final AtomicInteger computed = new AtomicInteger();
    final List<TableStageContext> contexts = new ArrayList<>();

    @Override
    public String name() {
      return "recheck";
    }

    @Override
    public Iterable<ChunkResult> run(TableStageContext ctx, Iterable<ChunkResult> results) {
      contexts.add(ctx);
      List<ChunkResult> out = new ArrayList<>();
      for (ChunkResult r : results) {
        Optional<ChunkResult> done = ctx.state().load(r.chunkIndex());
        if (done.isPresent()) {
          out.add(done.get());
          continue;
        }
        computed.incrementAndGet();
        List<RowDiff> kept = r.diffs().stream()
            .filter(d -> ((BigDecimal) d.key()[0]).intValue() % 20 != 0).toList();
        ChunkResult revised = new ChunkResult(r.tableKey(), r.chunkIndex(), r.sourceRows(), r.targetRows(), 0, 0,
            kept.stream().filter(d -> d.kind() == DiffKind.DIFFERENT).count(), kept);
        ctx.state().save(revised);
        out.add(revised);
      }
      return out;
    }
  }

  private ComparisonEngine engine(TableFinisher finisher, TableStage... stages) {
    return f.engine(db, null, RESOLVER, finisher, options(1, 25),
        new ComparisonEngine.Hooks(List.of(), List.of(stages)));
  }

  @Test
  void aStageReplacesTheDifferencesTheFinisherAndTheSessionSee() throws Exception {
    DropEvenKeys recheck = new DropEvenKeys();
    RecordingFinisher finisher = new RecordingFinisher();
    engine(finisher, recheck).run(List.of(config("S.T")), ComparisonEngine.Mode.NEW);

    assertEquals(List.of(5L), finisher.differences, "keys 10, 30, 50, 70, 90 still differ; 20, 40... dropped");
    TableSnapshot t = f.book.table("S_T");
    assertEquals(TableStatus.COMPLETED, t.status());
    assertEquals(5, t.differentRows(), "the session counts the rechecked set");
    assertEquals(100, t.sourceRows());
    TableStageContext ctx = recheck.contexts.get(0);
    assertEquals(f.book.sessionId(), ctx.sessionId());
    assertEquals("S_T", ctx.table().key());
    assertEquals(10, ctx.progress().differentRows(), "the stage sees the counts before it");
    assertEquals(4, ctx.chunks().size());
    assertEquals(5L, f.events(ProgressEvent.TableFinished.class).get(0).result().differentRows());
  }

  @Test
  void aStageRunAgainReusesWhatItStoredAndAChunkComparedAgainDropsIt() throws Exception {
    DropEvenKeys recheck = new DropEvenKeys();
    TableFinisher failOnce = new TableFinisher() {
      int calls;

      @Override
      public TableOutputs finish(TableSpec table, Iterable<ChunkResult> results, TableSnapshot progress) {
        if (calls++ == 0) {
          throw new CompareException(ErrorCode.IO, "/out: no space left on device");
        }
        return new RecordingFinisher().finish(table, results, progress);
      }
    };
    engine(failOnce, recheck).run(List.of(config("S.T")), ComparisonEngine.Mode.NEW);
    assertEquals(TableStatus.FAILED, f.book.table("S_T").status());
    assertEquals(4, recheck.computed.get());

    engine(failOnce, recheck).run(List.of(config("S.T")), ComparisonEngine.Mode.RETRY_FAILED);
    assertEquals(TableStatus.COMPLETED, f.book.table("S_T").status());
    assertEquals(4, recheck.computed.get(), "the retried table reuses the stage's stored results");
    assertEquals(5, f.book.table("S_T").differentRows());

    // a chunk compared again (its checkpoint rewritten) loses the stage's result for it
    f.checkpoints.save(f.book.sessionId(), f.checkpoints.load(f.book.sessionId(), EngineFixture.spec(config("S.T")), 2,
        4).get());
    assertTrue(f.checkpoints.loadStage(f.book.sessionId(), "recheck", EngineFixture.spec(config("S.T")), 2, 4).isEmpty());
    assertTrue(f.checkpoints.loadStage(f.book.sessionId(), "recheck", EngineFixture.spec(config("S.T")), 1, 4)
        .isPresent());
  }

  @Test
  void aFailingStageFailsTheTableNamingTheStageAndWritesNothing() throws Exception {
    RecordingFinisher finisher = new RecordingFinisher();
    TableStage broken = new TableStage() {
      @Override
      public String name() {
        return "recheck";
      }

      @Override
      public Iterable<ChunkResult> run(TableStageContext ctx, Iterable<ChunkResult> results) {
        throw new CompareException(ErrorCode.DATABASE, "target database: connection refused", null, true);
      }
    };
    engine(finisher, broken).run(List.of(config("S.T")), ComparisonEngine.Mode.NEW);
    TableSnapshot t = f.book.table("S_T");
    assertEquals(TableStatus.FAILED, t.status());
    assertEquals("S.T: recheck: target database: connection refused", t.error());
    assertTrue(finisher.threads.isEmpty());
  }
}
