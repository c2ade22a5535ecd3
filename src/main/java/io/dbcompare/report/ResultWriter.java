package io.dbcompare.report;

import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.TableFinisher;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.session.Session;
import io.dbcompare.session.TableProgress;
import io.dbcompare.sync.SyncScriptWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes a finished table's outputs into the output folder:
 * {@code sync_target_<SCHEMA_TABLE>_<yyyyMMdd_HHmmss>_<session8>.sql} (only when there are differences)
 * and {@code comparison_summary_<SCHEMA_TABLE>_<yyyyMMdd_HHmmss>.txt}.
 */
public final class ResultWriter implements TableFinisher {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT);
  private final Path outputDir;
  private final Session session;
  private final SyncScriptWriter sync;
  private final Clock clock;

  public ResultWriter(Path outputDir, Session session, SyncScriptWriter sync, Clock clock) {
    this.outputDir = outputDir;
    this.session = session;
    this.sync = sync;
    this.clock = clock;
  }

  @Override
  public void finish(TableSpec table, Iterable<ChunkResult> results, TableProgress progress) {
    String stamp = LocalDateTime.now(clock).format(STAMP);
    List<String> header = List.of(
        "Session:             " + session.sessionId,
        "Table:               " + table.source().display() + " (source) -> " + table.target().display() + " (target)",
        "Source:              " + session.source,
        "Target:              " + session.target,
        "Generated:           " + java.time.Instant.now(clock));
    String script = null;
    if (progress.differences() > 0) {
      Path f = outputDir.resolve("sync_target_" + table.key() + "_" + stamp + "_" + session.shortId() + ".sql");
      sync.write(f, table, results, header);
      script = f.toString();
    }
    Path summary = outputDir.resolve("comparison_summary_" + table.key() + "_" + stamp + ".txt");
    SummaryWriter.write(summary, table, progress, results, header, script);
    synchronized (session) {
      progress.syncScript = script;
      progress.summaryFile = summary.toString();
    }
  }
}
