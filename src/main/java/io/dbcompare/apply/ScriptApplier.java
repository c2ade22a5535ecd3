package io.dbcompare.apply;

import io.dbcompare.compare.CrashPoints;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.error.CompareException;
import io.dbcompare.jdbc.SqlErrors;
import io.dbcompare.session.ApplyProgress;
import io.dbcompare.session.Session;
import io.dbcompare.session.SessionStore;
import io.dbcompare.sync.ScriptParser;
import io.dbcompare.sync.ScriptParser.Batch;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the batches of an {@link ApplyPlan} on one writable connection: each batch (the statements
 * between two COMMITs of the script) in one transaction, recorded in the session's
 * {@code apply_progress} once committed, so a killed run resumes after the last committed batch.
 *
 * <p>Before each COMMIT the batch is marked in doubt in the session, and the mark is cleared once the
 * commit is recorded. A run that died between the two cannot know whether the batch committed: the
 * next run executes it with a savepoint per statement; when every statement conflicts (its rows are
 * already as the batch leaves them) it was committed and is rolled back and counted as done; when none
 * conflicts it was not, and it is committed now; anything else stops (or, with --skip-conflicts, the
 * conflicting statements are skipped).
 *
 * <p>A conflict is a statement that finds the target other than the comparison read it: a guard that
 * matched no row (the script's own error: PL/SQL, DO block, H2 guard query), a plain UPDATE or DELETE
 * that changed no row, or an integrity violation (a duplicate key on INSERT). It stops the apply,
 * rolling back its batch, and is reported with the table and key; with {@code skipConflicts} it is
 * rolled back alone (savepoint), logged and skipped.
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
  private final Session session;
  private final SessionStore store;
  private final boolean skipConflicts;
  private final PrintWriter out;
  private final Map<String, List<String>> primaryKeys = new HashMap<>();

  public ScriptApplier(Connection c, DatabaseConfig db, Session session, SessionStore store, boolean skipConflicts,
      PrintWriter out) {
    this.c = c;
    this.db = db;
    this.session = session;
    this.store = store;
    this.skipConflicts = skipConflicts;
    this.out = out;
  }

  private static final class NoRow extends Exception {
    final int count;

    NoRow(int count) {
      super(null, null, false, false);
      this.count = count;
    }
  }

  public Result run(ApplyPlan plan) {
    ApplyProgress ap;
    synchronized (session) {
      ap = session.applyProgress;
      if (ap == null) {
        ap = new ApplyProgress();
        ap.startedAt = store.now();
        session.applyProgress = ap;
      }
      ap.status = ApplyProgress.RUNNING;
      ap.finishedAt = null;
      ap.scripts = plan.entries().stream().map(Object::toString).toList();
      store.save(session);
    }
    long applied = 0;
    long skipped = 0;
    int batches = 0;
    for (ApplyPlan.Step step : plan.steps()) {
      String key = step.file().toString();
      List<Batch> list = step.parsed().batches();
      ApplyProgress.FileProgress fp = ap.files.computeIfAbsent(key, k -> new ApplyProgress.FileProgress());
      fp.batches = list.size();
      if (fp.batchesDone >= list.size()) {
        out.println("  " + step.file().getFileName() + ": already applied (" + fp.statementsDone + " statements)");
        continue;
      }
      out.println("  " + step.file().getFileName() + ": " + step.statements() + " statements in " + list.size()
          + " batches" + (fp.batchesDone > 0 ? ", resuming after batch " + fp.batchesDone : "")
          + (step.table() == null ? "" : " (" + step.table() + ")"));
      out.flush();
      settings(step);
      for (int b = fp.batchesDone; b < list.size(); b++) {
        boolean inDoubt = fp.inDoubtBatch != null && fp.inDoubtBatch == b;
        BatchResult r = batch(step, list.get(b), b, inDoubt);
        if (r.stop != null) {
          synchronized (session) {
            // an in-doubt mark stays: whether that batch committed is still unknown
            ap.status = ApplyProgress.STOPPED;
            ap.conflicts.add("stopped: " + r.stop.describe());
            store.save(session);
          }
          progress.warn("APPLY: {} | BATCH: {}/{} | STOPPED | conflict {}", step.file().getFileName(), b + 1,
              list.size(), r.stop.describe());
          return new Result(applied, skipped, batches, r.stop);
        }
        for (Conflict k : r.skipped) {
          out.println("    skipped conflict: " + k.describe());
          progress.warn("APPLY: {} | BATCH: {}/{} | CONFLICT SKIPPED | {}", step.file().getFileName(), b + 1,
              list.size(), k.describe());
        }
        synchronized (session) {
          if (r.committedEarlier) {
            out.println("    batch " + (b + 1) + " was committed before the interruption (its rows are already"
                + " as it leaves them): not applied again");
          }
          fp.batchesDone = b + 1;
          fp.inDoubtBatch = null;
          fp.statementsDone += list.get(b).statements().size();
          ap.statementsApplied += r.applied;
          ap.statementsSkipped += r.skipped.size();
          for (Conflict k : r.skipped) {
            ap.conflicts.add("skipped: " + k.describe());
          }
          store.save(session);
        }
        CrashPoints.hit(CRASH_BATCH_RECORDED);
        progress.info("APPLY: {} | BATCH: {}/{} | COMMITTED | statements {} | skipped {}", step.file().getFileName(),
            b + 1, list.size(), r.applied, r.skipped.size());
        applied += r.applied;
        skipped += r.skipped.size();
        batches++;
      }
    }
    synchronized (session) {
      ap.status = ApplyProgress.COMPLETED;
      ap.finishedAt = store.now();
      store.save(session);
    }
    return new Result(applied, skipped, batches, null);
  }

  private record BatchResult(long applied, List<Conflict> skipped, Conflict stop, boolean committedEarlier) {}

  /** The file's session settings, committed (PostgreSQL's SET is transactional). */
  private void settings(ApplyPlan.Step step) {
    try (Statement st = c.createStatement()) {
      for (String s : step.parsed().settings()) {
        st.execute(s);
      }
      c.commit();
    } catch (SQLException e) {
      rollbackQuietly();
      throw SqlErrors.translate(e, "applying the settings of " + step.file(), db);
    }
  }

  private BatchResult batch(ApplyPlan.Step step, Batch batch, int index, boolean inDoubt) {
    boolean savepoints = skipConflicts || inDoubt;
    List<Conflict> conflicts = new ArrayList<>();
    long ok = 0;
    for (ScriptParser.Statement s : batch.statements()) {
      Savepoint sp = null;
      try {
        if (savepoints) {
          sp = c.setSavepoint();
        }
        execute(s);
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
              + " (batch " + (index + 1) + ", rolled back)", db);
        }
        Conflict k = conflict(step, s, e);
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
      synchronized (session) {
        session.applyProgress.files.get(step.file().toString()).inDoubtBatch = index;
        store.save(session);
      }
      c.commit();
    } catch (SQLException e) {
      rollbackQuietly();
      throw SqlErrors.translate(e, "committing batch " + (index + 1) + " of " + step.file(), db);
    }
    CrashPoints.hit(CRASH_AFTER_COMMIT);
    return new BatchResult(ok, conflicts, null, false);
  }

  private void execute(ScriptParser.Statement s) throws SQLException, NoRow {
    try (Statement st = c.createStatement()) {
      List<String> sql = s.sql();
      for (int i = 0; i < sql.size(); i++) {
        if (i == 0 && s.hasGuardQuery()) {
          try (ResultSet rs = st.executeQuery(sql.get(0))) {
            while (rs.next()) {
              rs.getInt(1); // the guard fails while its row is computed
            }
          }
          continue;
        }
        st.execute(sql.get(i));
        if (s.kind() == ScriptParser.Kind.DML) {
          int count = st.getUpdateCount();
          if (count != 1) {
            throw new NoRow(count);
          }
        }
      }
    }
  }

  /** A guard's own error, or an integrity violation (duplicate key, missing parent). */
  private static boolean isConflict(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String msg = String.valueOf(e.getMessage());
    boolean guard = msg.contains("sync stopped: ") || msg.contains("undo stopped: ");
    return state.startsWith("23") || guard && (state.equals("P0001") || state.equals("22018")
        || e.getErrorCode() == 20001 || state.startsWith("72") || state.isEmpty());
  }

  private Conflict conflict(ApplyPlan.Step step, ScriptParser.Statement s, Exception e) {
    String dml = s.dml();
    DmlText.Target t = DmlText.target(dml);
    String table = t == null ? String.valueOf(step.table()) : t.display();
    String key = t == null ? "(key unknown)" : DmlText.key(dml, keyColumns(t));
    String reason;
    if (e instanceof NoRow nr) {
      reason = dml.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT) + " changed " + nr.count
          + " rows instead of 1: the row changed since the comparison";
    } else {
      CompareException ce = SqlErrors.translate((SQLException) e, "applying the statement", db);
      reason = ce.getMessage();
    }
    return new Conflict(table, key, step.file().getFileName().toString(), s.line(), reason);
  }

  /** The target table's primary key columns (empty when the catalog has none or cannot say). */
  private List<String> keyColumns(DmlText.Target t) {
    return primaryKeys.computeIfAbsent(t.schema() + "\u0000" + t.table(), k -> {
      List<String> cols = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, t.schema(), t.table())) {
        Map<Integer, String> bySeq = new java.util.TreeMap<>();
        while (rs.next()) {
          bySeq.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
        }
        cols.addAll(bySeq.values());
      } catch (SQLException ignored) {
        // the key is then shown from the statement's first columns
      }
      return cols;
    });
  }

  private void rollbackQuietly() {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is closed by the caller
    }
  }
}
