package io.dbcompare.cli;

import io.dbcompare.compare.CheckpointStore;
import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableStatus;
import io.dbcompare.config.CompareConfig;
import io.dbcompare.config.ComparisonSettings;
import io.dbcompare.config.TableConfig;
import io.dbcompare.error.CompareException;
import io.dbcompare.report.DifferingRows;
import io.dbcompare.report.RunReport;
import io.dbcompare.report.RunReports;
import io.dbcompare.session.SessionBook;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gathers a run's report at its end (the session as it stands, this run's facts, each finished table's
 * first differing rows from its checkpoints) and writes the HTML and JSON reports.
 */
final class RunReportStep {
  private final CompareConfig cfg;
  private final SessionBook book;
  private final ResolvedTables specs;
  /** The session's tables with every name qualified (a {@code schemas:} entry's tables included). */
  private final List<TableConfig> tables;
  private final CheckpointStore checkpoints;
  /** Names of the table stages in run order (a stage's revised chunk results win over the checkpoints). */
  private final List<String> stages;

  RunReportStep(CompareConfig cfg, List<TableConfig> tables, SessionBook book, ResolvedTables specs,
      CheckpointStore checkpoints, List<String> stages) {
    this.cfg = cfg;
    this.tables = List.copyOf(tables);
    this.book = book;
    this.specs = specs;
    this.checkpoints = checkpoints;
    this.stages = List.copyOf(stages);
  }

  RunReports.Written write(String mode, Instant started, Instant ended, long rowsThisRun, int exitCode, String stamp,
      ZoneId zone) {
    RunSnapshot after = book.snapshot();
    List<RunReport.TableReport> tables = new ArrayList<>();
    for (TableSnapshot t : after.tables()) {
      tables.add(new RunReport.TableReport(t, sample(after, t)));
    }
    RunReport report = new RunReport(version(), after, mode, started, ended, rowsThisRun, exitCode, settings(),
        tables);
    return RunReports.write(cfg.settings().outputDir(), report, stamp, zone);
  }

  /** A finished table's first differing rows; null for a table without differences or not finished. */
  private DifferingRows.Sample sample(RunSnapshot session, TableSnapshot t) {
    int limit = cfg.settings().reportRows();
    if (t.status() != TableStatus.COMPLETED || t.differences() == 0) {
      return null;
    }
    TableConfig tc = tables.stream().filter(c -> c.key().equals(t.key())).findFirst().orElse(null);
    if (tc == null) {
      return DifferingRows.Sample.unavailable(limit, "the table is not in " + cfg.file());
    }
    try {
      return DifferingRows.read(checkpoints, session.sessionId(), specs.spec(tc), book.chunks(t.key()), stages, limit);
    } catch (CompareException e) {
      // the report still says the table differs and by how much; only the sample is missing, and why
      return DifferingRows.Sample.unavailable(limit, e.getMessage());
    }
  }

  private Map<String, Object> settings() {
    ComparisonSettings s = cfg.settings();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("chunk_size", s.chunkSize());
    m.put("threads", s.threads());
    m.put("pushdown", s.pushdown());
    m.put("empty_string", s.emptyStrings().name().toLowerCase(Locale.ROOT));
    m.put("max_retries", s.maxRetries());
    m.put("fetch_size", s.fetchSize());
    m.put("query_timeout_seconds", s.queryTimeoutSeconds());
    m.put("bisect_factor", s.bisectFactor());
    m.put("bisect_threshold", s.bisectThreshold());
    m.put("report_rows", s.reportRows());
    m.put("sync_style", cfg.sync().merge() ? "merge" : "dml");
    m.put("sync_guarded", cfg.sync().guarded());
    m.put("sync_undo", cfg.sync().undo());
    return m;
  }

  private static String version() {
    try {
      String v = new VersionProvider().getVersion()[0];
      return v.substring(v.indexOf(' ') + 1);
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
