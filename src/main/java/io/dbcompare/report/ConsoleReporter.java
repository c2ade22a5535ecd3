package io.dbcompare.report;

import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.ProgressListener;
import io.dbcompare.session.TableProgress;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Console lines a DBA can follow, and one grep-able log line per chunk:
 * {@code TABLE: HR.EMPLOYEES | CHUNK: 3/8 | STATUS: COMPLETED | rows 10000/10000 | diffs 2}.
 */
public final class ConsoleReporter implements ProgressListener {
  private static final Logger progressLog = LoggerFactory.getLogger("progress");
  private final PrintWriter out;

  public ConsoleReporter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void tableStarted(int position, int count, String table) {
    out.printf("[%d/%d] Processing: %s%n", position, count, table);
    out.flush();
    progressLog.info("TABLE: {} | STATUS: STARTED", table);
  }

  @Override
  public synchronized void tablePlanned(String table, int chunks, int alreadyDone, boolean resumedPlan) {
    out.printf("  %d chunk%s%s%n", chunks, chunks == 1 ? "" : "s",
        resumedPlan ? " (saved plan; " + alreadyDone + " already done, loaded from checkpoints)" : "");
    out.flush();
    progressLog.info("TABLE: {} | PLAN: {} chunks | already done {}", table, chunks, alreadyDone);
  }

  @Override
  public synchronized void tableMode(String table, String mode) {
    out.printf("  %s%n", mode);
    out.flush();
    progressLog.info("TABLE: {} | MODE: {}", table, mode);
  }

  @Override
  public synchronized void chunkFinished(String table, int index, int count, ChunkResult r, TableProgress p) {
    progressLog.info("TABLE: {} | CHUNK: {}/{} | STATUS: COMPLETED | rows {}/{} | diffs {}", table, index + 1, count,
        r.sourceRows(), r.targetRows(), r.differences());
    int done = p.completedChunks;
    boolean show = count <= 20 || done == count || (done * 20 / count) != ((done - 1) * 20 / count);
    if (show) {
      out.printf("  %s chunk %d/%d done (%d/%d complete, %d%%): rows %d/%d, diffs %d%n", table, index + 1, count,
          done, count, done * 100 / count, r.sourceRows(), r.targetRows(), r.differences());
      out.flush();
    }
  }

  @Override
  public synchronized void chunkRetry(String table, int index, int count, int attempt, String error) {
    out.printf("  %s chunk %d/%d: retry %d after: %s%n", table, index + 1, count, attempt, error);
    out.flush();
    progressLog.warn("TABLE: {} | CHUNK: {}/{} | STATUS: RETRY {} | {}", table, index + 1, count, attempt, error);
  }

  @Override
  public synchronized void tableRetry(String table, int attempt, String error) {
    out.printf("  %s: retry %d after: %s%n", table, attempt, error);
    out.flush();
    progressLog.warn("TABLE: {} | STATUS: RETRY {} | {}", table, attempt, error);
  }

  @Override
  public synchronized void chunkFailed(String table, int index, int count, String error) {
    out.printf("  %s chunk %d/%d FAILED: %s%n", table, index + 1, count, error);
    out.flush();
    progressLog.error("TABLE: {} | CHUNK: {}/{} | STATUS: FAILED | {}", table, index + 1, count, error);
  }

  @Override
  public synchronized void tableFinished(String table, TableProgress p) {
    if (p.differences() == 0) {
      out.printf("  %s: IDENTICAL (%d rows)%n", table, p.sourceRows);
    } else {
      out.printf("  %s: DIFFERENCES: %d missing in target, %d missing in source, %d different%n", table,
          p.missingInTarget, p.missingInSource, p.differentRows);
      out.printf("    sync script: %s%n", p.syncScript);
    }
    out.printf("    summary:     %s%n", p.summaryFile);
    out.flush();
    progressLog.info("TABLE: {} | STATUS: COMPLETED | rows {}/{} | missing_in_target {} | missing_in_source {} | different {}",
        table, p.sourceRows, p.targetRows, p.missingInTarget, p.missingInSource, p.differentRows);
  }

  @Override
  public synchronized void tableFailed(String table, String error) {
    out.printf("  %s: FAILED: %s%n", table, error);
    out.flush();
    progressLog.error("TABLE: {} | STATUS: FAILED | {}", table, error);
  }

  @Override
  public synchronized void tableSkipped(String table, String reason) {
    progressLog.info("TABLE: {} | STATUS: SKIPPED | {}", table, reason);
  }
}
