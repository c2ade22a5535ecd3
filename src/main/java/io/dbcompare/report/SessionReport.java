package io.dbcompare.report;

import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableStatus;
import io.dbcompare.session.SessionBook;
import io.dbcompare.session.SessionStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Text for --list-sessions, --status and the session blocks printed at start, resume and end (from
 * snapshots): aligned columns, local times to the second, counts with thousands separators.
 */
public final class SessionReport {
  private SessionReport() {}

  public static void list(PrintWriter out, SessionStore store, List<SessionStore.Listed> sessions,
      Predicate<String> inUse, ZoneId zone) {
    if (sessions.isEmpty()) {
      out.println("No sessions in " + store.stateDir());
      return;
    }
    List<RunSnapshot> readable = new ArrayList<>();
    List<String> damaged = new ArrayList<>();
    for (SessionStore.Listed l : sessions) {
      if (l.session() == null) {
        damaged.add(SessionStore.idOf(l.file()) + "  DAMAGED: " + l.problem());
      } else {
        readable.add(SessionBook.snapshotOf(l.session()));
      }
    }
    // newest first
    readable.sort(Comparator.comparing((RunSnapshot s) -> Human.instant(s.startTime()),
        Comparator.nullsFirst(Comparator.<java.time.Instant>naturalOrder())).reversed());
    TextTable t = new TextTable("SESSION", "STARTED", "LAST UPDATE", "STATUS", ">TABLES", ">DONE", ">FAILED",
        ">SOURCE ROWS", ">DIFFERENCES", "CONFIG");
    for (RunSnapshot s : readable) {
      RunSnapshot.Totals tot = s.totals();
      t.row(s.sessionId(), Human.time(s.startTime(), zone), Human.time(s.lastUpdate(), zone),
          text(s) + (inUse.test(s.sessionId()) ? " (running now)" : ""), tot.tables(), tot.tablesCompleted(),
          tot.tablesFailed(), Human.count(tot.sourceRows()), Human.count(tot.differences()), s.configPath());
    }
    t.lines().forEach(out::println);
    damaged.forEach(out::println);
  }

  public static void status(PrintWriter out, RunSnapshot s, boolean inUse, ZoneId zone) {
    header(out, s, inUse ? "running now" : text(s), zone);
    out.println();
    SessionStatusText.lines(s, inUse, zone).forEach(out::println);
    targetOnly(out, s);
    if (s.sessionScriptError() != null) {
      out.println("Session sync: not written: " + s.sessionScriptError() + " (--resume " + s.shortId() + " writes it)");
    }
  }

  public static void header(PrintWriter out, RunSnapshot s, String state, ZoneId zone) {
    RunSnapshot.Totals t = s.totals();
    out.println("Session:     " + s.sessionId() + " (" + state + ")");
    out.println("Config:      " + s.configPath());
    out.println("Source:      " + s.source());
    out.println("Target:      " + s.target());
    out.println("Started:     " + Human.time(s.startTime(), zone) + "   last update: " + Human.time(s.lastUpdate(), zone));
    out.printf("Tables:      %d (completed %d, failed %d, pending %d%s)%n", t.tables(), t.tablesCompleted(),
        t.tablesFailed(), t.tablesPending(),
        t.tablesMissingInTarget() == 0 ? "" : ", missing in target " + t.tablesMissingInTarget());
  }

  /** Counts of the tables of one run. */
  public record RunTotals(int tables, int identical, int withDifferences, int failed, int unfinished, long sourceRows,
      long targetRows, long missingInTarget, long missingInSource, long different, long inFlight, long changing,
      int missingTables) {

    public static RunTotals of(Iterable<TableSnapshot> tables) {
      int n = 0, same = 0, diff = 0, failed = 0, open = 0, missing = 0;
      long sr = 0, tr = 0, mit = 0, mis = 0, d = 0, inFlight = 0, changing = 0;
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
        inFlight += p.inFlightRows();
        changing += p.changingRows();
      }
      return new RunTotals(n, same, diff, failed, open, sr, tr, mit, mis, d, inFlight, changing, missing);
    }
  }

  public static void finalSummary(PrintWriter out, RunSnapshot s, RunTotals t, Duration took, long rowsThisRun) {
    out.println();
    out.println("================ Comparison summary ================");
    out.printf("Tables:        %d: %d identical, %d with differences, %d failed, %d not finished%s%n", t.tables(),
        t.identical(), t.withDifferences(), t.failed(), t.unfinished(),
        t.missingTables() == 0 ? "" : ", " + t.missingTables() + " missing in target");
    out.println("Rows:          source " + Human.count(t.sourceRows()) + ", target " + Human.count(t.targetRows()));
    out.println("Differences:   " + Human.count(t.missingInTarget()) + " missing in target, "
        + Human.count(t.missingInSource()) + " missing in source, " + Human.count(t.different()) + " different");
    if (t.inFlight() + t.changing() > 0) {
      out.println("Rechecked:     " + Human.count(t.inFlight()) + " rows in flight, " + Human.count(t.changing())
          + " changing (followed by the target): not differences");
    }
    double seconds = took.toNanos() / 1e9;
    out.println("Duration:      " + Human.duration(took) + " (" + Human.rate(seconds > 0 ? rowsThisRun / seconds : 0)
        + " rows/s read this run)");
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
  static String text(RunSnapshot s) {
    return s.status().name().toLowerCase(Locale.ROOT);
  }
}
