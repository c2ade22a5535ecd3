package io.dbcompare.report;

import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.TableSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the HTML and JSON reports say about a run, gathered once at its end: the session as it
 * stands after the run (every table, also those finished by earlier runs of a resumed session), this
 * run's facts, and each finished table's first differing rows. Both reports are views of it.
 *
 * @param mode {@code new}, {@code resumed} or {@code retry_failed}
 * @param rowsThisRun source and target rows read by this run
 * @param settings the settings that shape a comparison, by their configuration keys (no secrets)
 */
public record RunReport(
    String toolVersion,
    RunSnapshot session,
    String mode,
    Instant startedAt,
    Instant endedAt,
    long rowsThisRun,
    int exitCode,
    Map<String, Object> settings,
    List<TableReport> tables) {

  public RunReport {
    settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    tables = List.copyOf(tables);
  }

  /** A table of the session and, when it finished with differences, its first differing rows (else null). */
  public record TableReport(TableSnapshot table, DifferingRows.Sample sample) {}

  public Duration duration() {
    return Duration.between(startedAt, endedAt);
  }

  public double rowsPerSecond() {
    double s = duration().toNanos() / 1e9;
    return s > 0 ? rowsThisRun / s : 0;
  }

  public SessionReport.RunTotals totals() {
    return SessionReport.RunTotals.of(tables.stream().map(TableReport::table).toList());
  }

  /** What the exit status says, in the words of the command's help. */
  public String exitMeaning() {
    return switch (exitCode) {
      case 0 -> "all tables compared and identical";
      case 1 -> "all tables compared, differences found";
      case 2 -> "a table or the run failed, or the run was interrupted (resumable)";
      default -> "usage or configuration error";
    };
  }

  /** A table's result in one word: identical, differences, failed, missing_in_target or not_finished. */
  public static String result(TableSnapshot t) {
    return switch (t.status()) {
      case COMPLETED -> t.differences() == 0 ? "identical" : "differences";
      case FAILED -> "failed";
      case MISSING_IN_TARGET -> "missing_in_target";
      default -> "not_finished";
    };
  }
}
