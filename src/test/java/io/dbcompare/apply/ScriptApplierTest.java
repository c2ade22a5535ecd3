package io.dbcompare.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.session.ApplyBook;
import io.dbcompare.session.ApplyProgress;
import io.dbcompare.sync.StatementBinder;
import io.dbcompare.sync.StatementFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batches of a plan run on an H2 target: each batch one transaction recorded once committed, a
 * conflict stopping the apply with its batch rolled back (or skipped alone), and the batch a killed run
 * left in doubt checked instead of applied twice.
 */
class ScriptApplierTest {
  @TempDir Path tmp;
  private final StringWriter console = new StringWriter();

  private ScriptApplier.Result apply(ApplyFixture f, Connection c, boolean skipConflicts) {
    ApplyPlan plan = ApplyPlan.of(f.session, ApplyFixture.H2, false);
    return new ScriptApplier(c, ApplyFixture.DB, ApplyFixture.H2, f.session, f.store, skipConflicts,
        new PrintWriter(console, true)).run(plan);
  }

  private static String file(ApplyFixture f) {
    return f.script().toAbsolutePath().normalize().toString();
  }

  @Test
  void everyBatchIsAppliedAndRecordedAndAFinishedApplyRunsNothingAgain() throws Exception {
    ApplyFixture f = new ApplyFixture(tmp, 10, 1, false);
    try (Connection c = f.target()) {
      ScriptApplier.Result r = apply(f, c, false);
      assertNull(r.stoppedAt());
      assertEquals(6, r.applied());
      assertEquals(4, r.batches());
      assertEquals(f.sourceNames(), ApplyFixture.names(c));
      ApplyProgress p = f.store.find(f.session.sessionId).applyProgress;
      assertEquals(ApplyProgress.COMPLETED, p.status());
      assertEquals(6, p.statementsApplied());
      assertEquals(new ApplyProgress.FileView(4, 4, 6, null), p.file(file(f)));

      r = apply(f, c, false);
      assertEquals(0, r.applied());
      assertTrue(console.toString().contains("already applied (6 statements)"), console.toString());
    }
  }

  /** A row changed since the comparison: its batch is rolled back, earlier batches stay, the apply stops. */
  @Test
  void aConflictStopsTheApplyAndRollsBackItsBatch() throws Exception {
    ApplyFixture f = new ApplyFixture(tmp, 10, 1, false);
    try (Connection c = f.target()) {
      ApplyFixture.exec(c, "UPDATE \"APP\".\"T\" SET \"NOTE\" = 'edited meanwhile' WHERE \"ID\" = 3");
      ScriptApplier.Result r = apply(f, c, false);
      ScriptApplier.Conflict k = r.stoppedAt();
      assertEquals("APP.T", k.table());
      assertEquals("(ID=3)", k.key());
      assertTrue(k.reason().startsWith("sync stopped: APP.T (ID=3) changed since the comparison (UPDATE found no row"),
          k.reason());
      assertEquals("sync_target_APP_T.sql", k.file());
      // batch 1 (DELETE 1) committed; batch 2 (DELETE 2, UPDATE 3) rolled back
      Map<Integer, String> names = ApplyFixture.names(c);
      assertFalse(names.containsKey(1));
      assertEquals("t2", names.get(2));
      ApplyProgress p = f.store.find(f.session.sessionId).applyProgress;
      assertEquals(ApplyProgress.STOPPED, p.status());
      assertEquals(1, p.file(file(f)).batchesDone());
      assertEquals(List.of("stopped: " + k.describe()), p.conflicts());

      // an INSERT whose key appeared meanwhile: an integrity conflict naming the key
      ApplyFixture.exec(c, "UPDATE \"APP\".\"T\" SET \"NOTE\" = 'note 3' WHERE \"ID\" = 3");
      ApplyFixture.exec(c, "INSERT INTO \"APP\".\"T\" VALUES (11, 'appeared', NULL)");
      r = apply(f, c, false);
      assertEquals("(ID=11)", r.stoppedAt().key());
      assertTrue(r.stoppedAt().reason().contains("23505") || r.stoppedAt().reason().toLowerCase().contains("unique"),
          r.stoppedAt().reason());
      // batch 3 (UPDATE 4, INSERT 11) rolled back: batches 1 and 2 are done
      assertEquals("t4", ApplyFixture.names(c).get(4));
      assertEquals(2, f.store.find(f.session.sessionId).applyProgress.file(file(f)).batchesDone());
    }
  }

  @Test
  void skipConflictsRollsBackTheStatementAloneAndGoesOn() throws Exception {
    ApplyFixture f = new ApplyFixture(tmp, 10, 1000, false);
    try (Connection c = f.target()) {
      ApplyFixture.exec(c, "UPDATE \"APP\".\"T\" SET \"NAME\" = 'edited' WHERE \"ID\" = 4");
      ScriptApplier.Result r = apply(f, c, true);
      assertNull(r.stoppedAt());
      assertEquals(5, r.applied());
      assertEquals(1, r.skipped());
      Map<Integer, String> expected = f.sourceNames();
      expected.put(4, "edited");
      assertEquals(expected, ApplyFixture.names(c));
      ApplyProgress p = f.store.find(f.session.sessionId).applyProgress;
      assertEquals(1, p.statementsSkipped());
      assertTrue(p.conflicts().get(0).startsWith("skipped: APP.T (ID=4)"), p.conflicts().toString());
      assertTrue(console.toString().contains("skipped conflict: APP.T (ID=4)"), console.toString());
    }
  }

  /**
   * A run died after committing batch 2 and before recording it: the next run finds every statement of
   * it conflicting (its rows are already as it leaves them), counts it as done and goes on.
   */
  @Test
  void aBatchCommittedBeforeTheInterruptionIsNotAppliedAgain() throws Exception {
    ApplyFixture f = new ApplyFixture(tmp, 10, 1, false);
    try (Connection c = f.target()) {
      List<StatementFile.Batch> batches = ApplyPlan.of(f.session, ApplyFixture.H2, false).steps().get(0).batches();
      StatementBinder binder = new StatementBinder(ApplyFixture.H2);
      for (StatementFile.Batch b : batches.subList(0, 2)) {
        for (StatementFile.Located s : b.statements()) {
          assertEquals(1, BoundExecutor.executeUpdate(c, binder.bind(s.statement())));
        }
        c.commit();
      }
      ApplyBook book = ApplyBook.start(f.session, f.store, List.of(file(f)));
      book.file(file(f), 4);
      book.committed(file(f), 0, 1, 1, List.of());
      book.aboutToCommit(file(f), 1);

      ScriptApplier.Result r = apply(f, c, false);
      assertNull(r.stoppedAt());
      assertTrue(console.toString().contains("batch 2 was committed before the interruption"), console.toString());
      assertEquals(3, r.applied(), "batches 3 and 4 only");
      assertEquals(f.sourceNames(), ApplyFixture.names(c));
      assertEquals(new ApplyProgress.FileView(4, 4, 6, null),
          f.store.find(f.session.sessionId).applyProgress.file(file(f)));
    }
  }

  /** The batch in doubt had not committed: none of its statements conflicts, and it is committed now. */
  @Test
  void aBatchInDoubtThatDidNotCommitIsCommittedNow() throws Exception {
    ApplyFixture f = new ApplyFixture(tmp, 10, 1, false);
    try (Connection c = f.target()) {
      ApplyBook book = ApplyBook.start(f.session, f.store, List.of(file(f)));
      book.file(file(f), 4);
      book.aboutToCommit(file(f), 0);
      ScriptApplier.Result r = apply(f, c, false);
      assertNull(r.stoppedAt());
      assertEquals(6, r.applied());
      assertFalse(console.toString().contains("committed before the interruption"), console.toString());
      assertEquals(f.sourceNames(), ApplyFixture.names(c));
    }
  }
}
