package io.dbcompare.report;

import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableStatus;
import io.dbcompare.session.SessionBook;
import io.dbcompare.session.SessionStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Text for --list-sessions, --status and the session blocks printed at start, resume and end (from snapshots). */
public final class SessionReport {
  private SessionReport() {}

  public static void list(PrintWriter out, SessionStore store, List<SessionStore.Listed> sessions,
      java.util.function.Predicate<String> inUse) {
    if (sessions.isEmpty()) {
      out.println("No sessions in " + store.stateDir());
      return;
    }
    out.printf("%-36s  %-24s  %-24s  %-11s  %-17s  %s%n", "SESSION", "STARTED", "LAST UPDATE", "STATUS",
        "TABLES done/fail/all", "DIFFERENCES");
    for (SessionStore.Listed l : sessions) {
      if (l.session() == null) {
        out.printf("%-36s  DAMAGED: %s%n", SessionStore.idOf(l.file()), l.problem());
        continue;
      }
      RunSnapshot s = SessionBook.snapshotOf(l.session());
      RunSnapshot.Totals t = s.totals();
      String status = text(s) + (inUse.test(s.sessionId()) ? " (running now)" : "");
      out.printf("%-36s  %-24s  %-24s  %-11s  %5d/%d/%-9d  %d%n", s.sessionId(), s.startTime(), s.lastUpdate(), status,
          t.tablesCompleted(), t.tablesFailed(), t.tables(), t.differences());
    }
  }

  public static void status(PrintWriter out, RunSnapshot s, boolean inUse) {
    header(out, s, inUse ? "running now" : text(s));
    out.printf("%-40s  %-11s  %-11s  %12s  %12s  %10s  %10s  %10s%n", "TABLE", "STATUS", "CHUNKS", "SRC ROWS", "TGT ROWS",
        "MISS TGT", "MISS SRC", "DIFFERENT");
    for (TableSnapshot p : s.tables()) {
      out.printf("%-40s  %-11s  %5d/%-5d  %12d  %12d  %10d  %10d  %10d%n", p.key(), text(p.status()),
          p.completedChunks(), p.totalChunks(), p.sourceRows(), p.targetRows(), p.missingInTarget(),
          p.missingInSource(), p.differentRows());
      if (p.error() != null) {
        out.println("    error: " + p.error());
      }
      if (p.syncScript() != null) {
        out.println("    sync script: " + p.syncScript());
      }
      for (var d : p.structure()) {
        out.println("    structure: " + d.text());
      }
    }
    targetOnly(out, s);
    if (s.sessionScriptError() != null) {
      out.println("Session sync: not written: " + s.sessionScriptError() + " (--resume " + s.shortId() + " writes it)");
    }
  }

  public static void header(PrintWriter out, RunSnapshot s, String state) {
    RunSnapshot.Totals t = s.totals();
    out.println("Session:     " + s.sessionId() + " (" + state + ")");
    out.println("Config:      " + s.configPath());
    out.println("Source:      " + s.source());
    out.println("Target:      " + s.target());
    out.println("Started:     " + s.startTime() + "   last update: " + s.lastUpdate());
    out.printf("Tables:      %d (completed %d, failed %d, pending %d%s)%n", t.tables(), t.tablesCompleted(),
        t.tablesFailed(), t.tablesPending(),
        t.tablesMissingInTarget() == 0 ? "" : ", missing in target " + t.tablesMissingInTarget());
  }

  /** Counts of the tables of one run. */
  public record RunTotals(int tables, int identical, int withDifferences, int failed, int unfinished, long sourceRows,
      long targetRows, long missingInTarget, long missingInSource, long different, int missingTables) {

    public static RunTotals of(Iterable<TableSnapshot> tables) {
      int n = 0, same = 0, diff = 0, failed = 0, open = 0, missing = 0;
      long sr = 0, tr = 0, mit = 0, mis = 0, d = 0;
      for (TableSnapshot p : tables) {
        n++;
        if (p.status() == TableStatus.COMPLETED) {
          if (p.differences() == 0) {
            same++;
          } else {
            diff++;
          }
        } else if (p.status() == TableStatus.FAILED) {
          failed++;
        } else if (p.status() == TableStatus.MISSING_IN_TARGET) {
          missing++;
        } else {
          open++;
        }
        sr += p.sourceRows();
        tr += p.targetRows();
        mit += p.missingInTarget();
        mis += p.missingInSource();
        d += p.differentRows();
      }
      return new RunTotals(n, same, diff, failed, open, sr, tr, mit, mis, d, missing);
    }
  }

  public static void finalSummary(PrintWriter out, RunSnapshot s, RunTotals t, double seconds, long rowsThisRun) {
    out.println();
    out.println("================ Comparison summary ================");
    out.printf("Tables:        %d: %d identical, %d with differences, %d failed, %d not finished%s%n", t.tables(),
        t.identical(), t.withDifferences(), t.failed(), t.unfinished(),
        t.missingTables() == 0 ? "" : ", " + t.missingTables() + " missing in target");
    out.printf("Rows:          source %d, target %d%n", t.sourceRows(), t.targetRows());
    out.printf("Differences:   %d missing in target, %d missing in source, %d different%n", t.missingInTarget(),
        t.missingInSource(), t.different());
    out.printf("Duration:      %.1f s (%,.0f rows/s read this run)%n", seconds, seconds > 0 ? rowsThisRun / seconds : 0.0);
    for (TableSnapshot p : s.tables()) {
      if (p.missingTable()) {
        out.println("Missing:       " + p.displayName() + " is not in the target (" + p.error() + ")");
      }
    }
    targetOnly(out, s);
    out.println("Session:       " + s.sessionId() + " (" + text(s) + ")");
  }

  /** The tables of the compared target schemas that the source schemas do not have, on one line. */
  private static void targetOnly(PrintWriter out, RunSnapshot s) {
    if (!s.targetOnlyTables().isEmpty()) {
      out.println("Only in target: " + s.targetOnlyTables().size() + " table(s) not in the source schema, not"
          + " compared: " + String.join(", ", s.targetOnlyTables()));
    }
  }

  /** The status as the session file spells it. */
  private static String text(RunSnapshot s) {
    return s.status().name().toLowerCase(Locale.ROOT);
  }

  private static String text(TableStatus s) {
    return s.name().toLowerCase(Locale.ROOT);
  }
}
