package io.dbcompare.apply;

import io.dbcompare.compare.CrashPoints;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.error.CompareException;
import io.dbcompare.jdbc.SqlErrors;
import io.dbcompare.session.ApplyBook;
import io.dbcompare.session.ApplyProgress;
import io.dbcompare.session.Session;
import io.dbcompare.session.SessionStore;
import io.dbcompare.sync.BoundStatement;
import io.dbcompare.sync.StatementBinder;
import io.dbcompare.sync.StatementFile;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the batches of an {@link ApplyPlan} on one writable connection: each batch (the statements
 * between two COMMITs of the script) in one transaction, each statement bound from its values
 * ({@link StatementBinder}), and the batch recorded in the session's {@code apply_progress}
 * ({@link ApplyBook}) once committed, so a killed run resumes after the last committed batch. The
 * connection's session setup (the dialect's, made when it was opened) takes the place of the script's
 * settings: binary comparison and UTC for Oracle, UTC for PostgreSQL and H2.
 *
 * <p>Before each COMMIT the batch is marked in doubt in the session, and the mark is cleared once the
 * commit is recorded. A run that died between the two cannot know whether the batch committed: the
 * next run executes it with a savepoint per statement; when every statement conflicts (its rows are
 * already as the batch leaves them) it was committed and is rolled back and counted as done; when none
 * conflicts it was not, and it is committed now; anything else stops (or, with --skip-conflicts, the
 * conflicting statements are skipped).
 *
 * <p>A conflict is a statement that finds the target other than the comparison read it: one that
 * changes no row (its guard did not match, the row is gone, or a MERGE found the key it was to insert)
 * or an integrity violation (an INSERT whose key exists, a missing parent). It stops the apply, rolling
 * back its batch, and is reported with the table and key; with {@code skipConflicts} it is rolled back
 * alone (savepoint), logged and skipped.
 */
public final class ScriptApplier {
  /** Crash point (tests): a batch is committed in the target, the session does not record it yet. */
  public static final String CRASH_AFTER_COMMIT = "apply-batch-committed";
  /** Crash point (tests): a batch is committed and recorded. */
  public static final String CRASH_BATCH_RECORDED = "apply-batch-recorded";
  private static final Logger progress = LoggerFactory.getLogger("progress");

  /** A statement that found the target changed since the comparison. */
  public record Conflict(String table, String key, String file, int line, String reason) {
    public String describe() {
      return table + " " + key + " (" + file + ", line " + line + "): " + reason;
    }
  }

  /** How the apply ended. */
  public record Result(long applied, long skipped, int batches, Conflict stoppedAt) {}

  private final Connection c;
  private final DatabaseConfig db;
  private final StatementBinder binder;
  private final Session session;
  private final SessionStore store;
  private final boolean skipConflicts;
  private final PrintWriter out;

  public ScriptApplier(Connection c, DatabaseConfig db, Dialect dialect, Session session, SessionStore store,
      boolean skipConflicts, PrintWriter out) {
    this.c = c;
    this.db = db;
    this.binder = new StatementBinder(dialect);
    this.session = session;
    this.store = store;
    this.skipConflicts = skipConflicts;
    this.out = out;
  }

  /** A statement that changed another number of rows than one. */
  private static final class NoRow extends Exception {
    final int count;

    NoRow(int count) {
      super(null, null, false, false);
      this.count = count;
    }
  }

  public Result run(ApplyPlan plan) {
    ApplyBook book = ApplyBook.start(session, store, plan.entries().stream().map(Object::toString).toList());
    long applied = 0;
    long skipped = 0;
    int batches = 0;
    for (ApplyPlan.Step step : plan.steps()) {
      String key = step.file().toString();
      List<StatementFile.Batch> list = step.batches();
      ApplyProgress.FileView fp = book.file(key, list.size());
      if (fp.done()) {
        out.println("  " + step.file().getFileName() + ": already applied (" + fp.statementsDone() + " statements)");
        continue;
      }
      out.println("  " + step.file().getFileName() + ": " + step.statements() + " statements in " + list.size()
          + " batches" + (fp.batchesDone() > 0 ? ", resuming after batch " + fp.batchesDone() : "")
          + (step.table() == null ? "" : " (" + step.table() + ")"));
      out.flush();
      for (int b = fp.batchesDone(); b < list.size(); b++) {
        BatchResult r = batch(book, step, list.get(b), b, fp.inDoubt(b));
        if (r.stop != null) {
          book.stopped(r.stop.describe());
          progress.warn("APPLY: {} | BATCH: {}/{} | STOPPED | conflict {}", step.file().getFileName(), b + 1,
              list.size(), r.stop.describe());
          return new Result(applied, skipped, batches, r.stop);
        }
        for (Conflict k : r.skipped) {
          out.println("    skipped conflict: " + k.describe());
          progress.warn("APPLY: {} | BATCH: {}/{} | CONFLICT SKIPPED | {}", step.file().getFileName(), b + 1,
              list.size(), k.describe());
        }
        if (r.committedEarlier) {
          out.println("    batch " + (b + 1) + " was committed before the interruption (its rows are already"
              + " as it leaves them): not applied again");
        }
        book.committed(key, b, list.get(b).statements().size(), r.applied,
            r.skipped.stream().map(Conflict::describe).toList());
        CrashPoints.hit(CRASH_BATCH_RECORDED);
        progress.info("APPLY: {} | BATCH: {}/{} | COMMITTED | statements {} | skipped {}", step.file().getFileName(),
            b + 1, list.size(), r.applied, r.skipped.size());
        applied += r.applied;
        skipped += r.skipped.size();
        batches++;
      }
    }
    book.finished();
    return new Result(applied, skipped, batches, null);
  }

  private record BatchResult(long applied, List<Conflict> skipped, Conflict stop, boolean committedEarlier) {}

  private BatchResult batch(ApplyBook book, ApplyPlan.Step step, StatementFile.Batch batch, int index,
      boolean inDoubt) {
    boolean savepoints = skipConflicts || inDoubt;
    List<Conflict> conflicts = new ArrayList<>();
    long ok = 0;
    for (StatementFile.Located s : batch.statements()) {
      BoundStatement bound = binder.bind(s.statement());
      Savepoint sp = null;
      try {
        if (savepoints) {
          sp = c.setSavepoint();
        }
        int count = BoundExecutor.executeUpdate(c, bound);
        if (count != 1) {
          throw new NoRow(count);
        }
        ok++;
      } catch (SQLException | NoRow e) {
        boolean conflict = e instanceof NoRow || isConflict((SQLException) e);
        try {
          if (sp != null && conflict) {
            c.rollback(sp);
          } else {
            c.rollback();
          }
        } catch (SQLException re) {
          rollbackQuietly();
          throw SqlErrors.translate(re, "rolling back after an error in " + step.file(), db);
        }
        if (!conflict) {
          throw SqlErrors.translate((SQLException) e, "applying " + step.file().getFileName() + " line " + s.line()
              + " (" + s.statement().table().display() + " " + s.statement().keyText() + ", batch " + (index + 1)
              + ", rolled back)", db);
        }
        Conflict k = conflict(step, s, bound, e);
        if (!savepoints) {
          return new BatchResult(0, List.of(), k, false);
        }
        conflicts.add(k);
      }
    }
    int n = batch.statements().size();
    if (inDoubt && conflicts.size() == n) {
      rollbackQuietly();
      return new BatchResult(0, List.of(), null, true);
    }
    if (!conflicts.isEmpty() && !skipConflicts) {
      rollbackQuietly();
      Conflict first = conflicts.get(0);
      return new BatchResult(0, List.of(), new Conflict(first.table(), first.key(), first.file(), first.line(),
          first.reason() + " (batch " + (index + 1) + " was in doubt after an interruption and only part of it"
              + " conflicts; nothing of it was applied now)"), false);
    }
    try {
      book.aboutToCommit(step.file().toString(), index);
      c.commit();
    } catch (SQLException e) {
      rollbackQuietly();
      throw SqlErrors.translate(e, "committing batch " + (index + 1) + " of " + step.file(), db);
    }
    CrashPoints.hit(CRASH_AFTER_COMMIT);
    return new BatchResult(ok, conflicts, null, false);
  }

  /** An integrity violation (duplicate key, missing parent): SQLState class 23 on every platform. */
  static boolean isConflict(SQLException e) {
    return BoundExecutor.isConflict(e);
  }

  private Conflict conflict(ApplyPlan.Step step, StatementFile.Located s, BoundStatement bound, Exception e) {
    String reason;
    if (e instanceof NoRow nr) {
      reason = bound.noRowReason(nr.count);
    } else {
      CompareException ce = SqlErrors.translate((SQLException) e, "applying the statement", db);
      reason = ce.getMessage();
    }
    return new Conflict(s.statement().table().display(), s.statement().keyText(), step.file().getFileName().toString(),
        s.line(), reason);
  }

  private void rollbackQuietly() {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is closed by the caller
    }
  }
}
