package io.dbcompare.report;

import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.report.RunProgress.RunView;
import io.dbcompare.report.RunProgress.TableView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** The console's progress lines, in plain ASCII (they must survive any terminal, log file or CI page). */
final class ProgressText {
  private ProgressText() {}

  /** {@code [45/300] HR.EMPLOYEES: identical  1,204,332 rows  38 s}. */
  static String finished(Integer position, int count, String table, TableSnapshot p, Duration took) {
    String result = p.differences() == 0 ? "identical"
        : "DIFFERENCES: " + Human.count(p.missingInTarget()) + " missing in target, "
            + Human.count(p.missingInSource()) + " missing in source, " + Human.count(p.differentRows())
            + " different";
    String line = prefix(position, count) + table + ": " + result + "  " + Human.count(p.sourceRows()) + " rows  "
        + Human.duration(took);
    // gigabytes of statements nobody reviews: such a table is written by --repair (ResultWriter, summary)
    return p.differences() > 0 && p.syncScript() == null
        ? line + "; sync script: not written: more differing rows than sync.max_script_rows; write them with --repair"
            + " (see the summary)"
        : line;
  }

  static String failed(Integer position, int count, String table, String error) {
    return prefix(position, count) + table + ": FAILED: " + error;
  }

  static String prefix(Integer position, int count) {
    return position == null ? "  " : "[" + position + "/" + count + "] ";
  }

  /** {@code   HR.EMPLOYEES: 412,000 / 1,204,332 rows (34 %), 52,100 rows/s, 3 differences, ETA 15 s}. */
  static String progress(TableView t) {
    return "  " + t.name() + ": " + rows(t) + (t.plannedRows() == null ? "" : " (" + percent(t) + ")") + ", "
        + rate(t.perSecond()) + ", " + Human.count(t.differences()) + " differences, ETA " + eta(t.eta());
  }

  /** {@code 10/300 tables: 8 identical, 2 with differences, 0 failed; 1.2M rows/s; ETA 1 h 12 min}. */
  static String run(RunView r) {
    return r.done() + "/" + r.tables() + " tables: " + r.identical() + " identical, " + r.withDifferences()
        + " with differences, " + r.failed() + " failed" + (r.skipped() > 0 ? ", " + r.skipped() + " skipped" : "")
        + "; " + rate(r.perSecond()) + "; ETA " + eta(r.eta());
  }

  /** The live block: one aligned line per active table (at most {@code maxTables}), then the run's line. */
  static List<String> block(RunView r, int maxTables) {
    TextTable t = new TextTable("", ">", "", ">", ">", ">", "");
    int shown = 0;
    for (TableView v : r.active()) {
      if (shown++ == maxTables) {
        break;
      }
      t.row(" " + v.name(), Human.count(v.rowsDone()),
          "/ " + (v.plannedRows() == null ? "?" : Human.count(v.plannedRows())) + " rows",
          v.plannedRows() == null ? "" : percent(v), rate(v.perSecond()), Human.count(v.differences()) + " diffs",
          "ETA " + eta(v.eta()) + (v.mode() == null ? "" : "  (" + v.mode() + ")"));
    }
    List<String> lines = new ArrayList<>(t.lines());
    if (r.active().size() > maxTables) {
      lines.add("  ... and " + (r.active().size() - maxTables) + " more tables in progress");
    }
    lines.add(" " + run(r));
    return lines;
  }

  private static String rows(TableView t) {
    return Human.count(t.rowsDone()) + " / " + (t.plannedRows() == null ? "?" : Human.count(t.plannedRows())) + " rows";
  }

  private static String percent(TableView t) {
    return Human.percent(t.rowsDone(), t.plannedRows());
  }

  static String rate(OptionalDouble perSecond) {
    return perSecond.isPresent() ? Human.rate(perSecond.getAsDouble()) + " rows/s" : "- rows/s";
  }

  static String eta(Optional<Duration> eta) {
    return eta.map(Human::duration).orElse("unknown");
  }
}
