package io.dbcompare.compare;

import static io.dbcompare.compare.EngineFixture.RESOLVER;
import static io.dbcompare.compare.EngineFixture.config;
import static io.dbcompare.compare.EngineFixture.db;
import static io.dbcompare.compare.EngineFixture.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.EngineFixture.MemoryDb;
import io.dbcompare.compare.ProgressEvent.TableFailed;
import io.dbcompare.compare.ProgressEvent.TableMode;
import io.dbcompare.compare.ProgressEvent.TablePlanned;
import io.dbcompare.config.TableConfig;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Preparing a table with in-memory ports: plan or reloaded plan, checkpoints read back, push-down choice. */
class TablePreparerTest {
  private final EngineFixture f = new EngineFixture("S.T");
  private final RunContext ctx = new RunContext(f.book, new ProgressEvents(List.of(f.events::add), f.clock),
      f.checkpoints, options(2, 25));
  private final TableConfig tc = config("S.T");

  private TableRun prepare(MemoryDb db, HashPushdown pushdown) throws InterruptedException {
    return new TablePreparer(ctx, RESOLVER, EngineFixture.planner(db), pushdown).prepare(tc, r -> { });
  }

  @Test
  void aNewPlanIsRecordedWithItsChunkSizeBeforeAnyChunkRuns() throws Exception {
    MemoryDb db = db(100, r -> r);
    TableRun run = prepare(db, null);
    assertEquals(4, run.chunkCount());
    assertEquals(List.of(0, 1, 2, 3), run.pending);
    assertNull(run.plan.get(0).lower());
    assertEquals(List.of("N:25"), run.plan.get(0).upper());
    assertEquals(List.of("N:25"), run.plan.get(1).lower());
    assertNull(run.plan.get(3).upper());
    TableSnapshot t = f.book.table("S_T");
    assertEquals(TableStatus.IN_PROGRESS, t.status());
    assertEquals(List.of("ID"), t.keyColumns());
    assertEquals(100L, t.plannedRows());
    TablePlanned planned = f.events(TablePlanned.class).get(0);
    assertFalse(planned.resumedPlan());
    assertEquals(100L, planned.facts().plannedRows());
    assertEquals("rows hashed in Java (push-down off)", f.events(TableMode.class).get(0).mode());
  }

  @Test
  void aSavedPlanIsReusedAndCheckpointedChunksAreReadBack() throws Exception {
    MemoryDb db = db(100, r -> r);
    prepare(db, null);
    f.checkpoints.save(f.book.sessionId(), new ChunkResult("S_T", 1, 25, 25, 0, 0, 2, List.of()));
    f.events.clear();
    db.source.remove(BigDecimal.valueOf(30)); // a new plan would differ: the saved one must be used
    TableRun again = prepare(db, null);
    assertEquals(List.of(0, 2, 3), again.pending);
    assertEquals(List.of("N:25"), again.plan.get(1).lower());
    TablePlanned planned = f.events(TablePlanned.class).get(0);
    assertTrue(planned.resumedPlan());
    assertEquals(1, planned.alreadyDone());
    assertEquals(1, planned.facts().chunksDone());
    assertEquals(2, planned.facts().differences());
    assertEquals(TableStatus.COMPLETED, f.book.chunks("S_T").get(1).status());
  }

  @Test
  void pushdownIsChosenOnlyWhenNothingBlocksIt() throws Exception {
    MemoryDb db = db(10, r -> r);
    assertTrue(prepare(db, db).pushdown);
    MemoryDb blocked = new MemoryDb() {
      @Override
      public String blocker(TableSpec table) {
        return "column V is a BINARY_DOUBLE";
      }
    };
    f.events.clear();
    assertFalse(prepare(db, blocked).pushdown);
    assertEquals("rows hashed in Java: column V is a BINARY_DOUBLE", f.events(TableMode.class).get(0).mode());
  }

  @Test
  void aTableThatCannotBeResolvedFailsAtOnceWithoutRetries() throws Exception {
    TablePreparer p = new TablePreparer(ctx, t -> {
      throw new io.dbcompare.error.CompareException(io.dbcompare.error.ErrorCode.TABLE_FAILED,
          "S.T: no such table in the target");
    }, EngineFixture.planner(db(1, r -> r)), null);
    assertNull(p.prepare(tc, r -> { }));
    assertEquals(TableStatus.FAILED, f.book.table("S_T").status());
    assertEquals(List.of("S.T: no such table in the target"),
        f.events(TableFailed.class).stream().map(TableFailed::error).toList());
    assertTrue(f.events(ProgressEvent.TableRetry.class).isEmpty());
  }
}
