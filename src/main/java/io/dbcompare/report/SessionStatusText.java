package io.dbcompare.report;

import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The table lines of {@code --status}, from a session file alone (read-only: another process may be
 * running the session). A table in progress shows its rows done and planned, its average rate since it
 * started and the time left at that rate, as of the session's last save.
 */
final class SessionStatusText {
  private SessionStatusText() {}

  /** Words that survive any terminal: what the seed tool showed as icons. */
  static String word(TableSnapshot t) {
    return switch (t.status()) {
      case COMPLETED -> t.differences() == 0 ? "identical" : "differences";
      case FAILED -> "FAILED";
      case IN_PROGRESS -> "in progress";
      case PENDING -> "pending";
      case MISSING_IN_TARGET -> "missing in target";
    };
  }

  /** The table's time: from its start to its end, or to the session's last save while it runs. */
  static Duration took(TableSnapshot t, Instant lastUpdate) {
    Instant start = Human.instant(t.startedAt());
    Instant end = t.status() == TableStatus.COMPLETED || t.status() == TableStatus.FAILED
        || t.status() == TableStatus.MISSING_IN_TARGET
        ? Human.instant(t.finishedAt()) : lastUpdate;
    return start == null || end == null || end.isBefore(start) ? null : Duration.between(start, end);
  }

  static OptionalDouble rate(TableSnapshot t, Duration took) {
    return took == null || took.toMillis() < 1000 ? OptionalDouble.empty()
        : OptionalDouble.of(t.sourceRows() * 1000.0 / took.toMillis());
  }

  static List<String> lines(RunSnapshot s, boolean running, ZoneId zone) {
    Instant lastUpdate = Human.instant(s.lastUpdate());
    TextTable table = running
        ? new TextTable("TABLE", "STATUS", ">CHUNKS", ">SOURCE ROWS", ">TARGET ROWS", ">MISSING IN TARGET",
            ">MISSING IN SOURCE", ">DIFFERENT", ">DURATION", ">ROWS/S", ">DONE", ">ETA")
        : new TextTable("TABLE", "STATUS", ">CHUNKS", ">SOURCE ROWS", ">TARGET ROWS", ">MISSING IN TARGET",
            ">MISSING IN SOURCE", ">DIFFERENT", ">DURATION", ">ROWS/S");
    List<String> notes = new ArrayList<>();
    long remaining = 0;
    double runRate = 0;
    boolean etaKnown = true;
    long plannedSum = 0;
    int planned = 0;
    int unplanned = 0;
    for (TableSnapshot t : s.tables()) {
      Duration took = took(t, lastUpdate);
      OptionalDouble rate = rate(t, took);
      List<Object> cells = new ArrayList<>(List.of(t.key(), word(t), t.completedChunks() + "/" + t.totalChunks(),
          Human.count(t.sourceRows()), Human.count(t.targetRows()), Human.count(t.missingInTarget()),
          Human.count(t.missingInSource()), Human.count(t.differentRows()),
          took == null ? "-" : Human.duration(took), rate.isPresent() ? Human.rate(rate.getAsDouble()) : "-"));
      if (t.plannedRows() != null) {
        plannedSum += t.plannedRows();
        planned++;
      }
      if (running) {
        String done = "";
        String eta = "";
        if (t.status() == TableStatus.IN_PROGRESS) {
          Long plan = t.plannedRows();
          done = plan == null ? "-" : Human.percent(t.sourceRows(), plan);
          Optional<Duration> left = plan == null ? Optional.empty() : RateMeter.eta(plan - t.sourceRows(), rate);
          eta = left.map(Human::duration).orElse("unknown");
          if (plan == null || rate.isEmpty()) {
            etaKnown = false;
          } else {
            remaining += Math.max(0, plan - t.sourceRows());
            runRate += rate.getAsDouble();
          }
        } else if (t.status() == TableStatus.PENDING) {
          unplanned++;
        }
        cells.add(done);
        cells.add(eta);
      }
      table.row(cells.toArray());
      if (t.error() != null) {
        notes.add("  " + t.key() + " error: " + t.error());
      }
      if (t.syncScript() != null) {
        notes.add("  " + t.key() + " sync script: " + t.syncScript());
      }
      for (var d : t.structure()) {
        notes.add("  " + t.key() + " structure: " + d.text());
      }
    }
    List<String> out = new ArrayList<>(table.lines());
    out.addAll(notes);
    if (running) {
      if (unplanned > 0 && planned > 0) {
        remaining += unplanned * (plannedSum / planned); // tables not started: the average planned table
      } else if (unplanned > 0) {
        etaKnown = false;
      }
      String eta = etaKnown && runRate > 0 ? Human.duration(Duration.ofSeconds((long) Math.ceil(remaining / runRate)))
          : "unknown";
      out.add("");
      out.add("Running now (as of the last save, " + Human.time(lastUpdate, zone) + "): "
          + (runRate > 0 ? Human.rate(runRate) + " rows/s" : "- rows/s") + " in the tables in progress"
          + " (average since each started); ETA for the session " + eta);
    }
    return out;
  }
}
