package io.dbcompare.report;

import io.dbcompare.compare.ProgressEvent;
import io.dbcompare.compare.ProgressEvent.ChunkCompleted;
import io.dbcompare.compare.ProgressEvent.ChunkFailed;
import io.dbcompare.compare.ProgressEvent.ChunkRetry;
import io.dbcompare.compare.ProgressEvent.StopRequested;
import io.dbcompare.compare.ProgressEvent.TableFailed;
import io.dbcompare.compare.ProgressEvent.TableFinished;
import io.dbcompare.compare.ProgressEvent.TableMode;
import io.dbcompare.compare.ProgressEvent.TablePlanned;
import io.dbcompare.compare.ProgressEvent.TableRetry;
import io.dbcompare.compare.ProgressEvent.TableStarted;
import io.dbcompare.compare.ProgressListener;
import io.dbcompare.compare.TableSnapshot;
import java.io.PrintWriter;

/**
 * The console while a run is live: lines a DBA can follow, from the events alone. Nothing else writes
 * to the console between the start and the end of a run.
 */
public final class ConsoleReporter implements ProgressListener {
  private final PrintWriter out;
  private final PrintWriter err;

  public ConsoleReporter(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public synchronized void on(ProgressEvent event) {
    if (event instanceof TableStarted e) {
      out.printf("[%d/%d] Processing: %s%n", e.position(), e.count(), e.table());
    } else if (event instanceof TablePlanned e) {
      out.printf("  %d chunk%s%s%n", e.chunks(), e.chunks() == 1 ? "" : "s",
          e.resumedPlan() ? " (saved plan; " + e.alreadyDone() + " already done, loaded from checkpoints)" : "");
    } else if (event instanceof ProgressEvent.TableStructure e) {
      for (var d : e.differences()) {
        out.printf("  structure: %s%n", d.text());
      }
    } else if (event instanceof TableMode e) {
      out.printf("  %s%n", e.mode());
    } else if (event instanceof ChunkCompleted e) {
      chunkCompleted(e);
    } else if (event instanceof ChunkRetry e) {
      out.printf("  %s chunk %d/%d: retry %d after: %s%n", e.table(), e.chunkIndex() + 1, e.chunkCount(), e.attempt(),
          e.error());
    } else if (event instanceof TableRetry e) {
      out.printf("  %s: retry %d after: %s%n", e.table(), e.attempt(), e.error());
    } else if (event instanceof ChunkFailed e) {
      out.printf("  %s chunk %d/%d FAILED: %s%n", e.table(), e.chunkIndex() + 1, e.chunkCount(), e.error());
    } else if (event instanceof TableFinished e) {
      tableFinished(e.table(), e.result());
    } else if (event instanceof TableFailed e) {
      out.printf("  %s: FAILED: %s%n", e.table(), e.error());
    } else if (event instanceof StopRequested) {
      err.println();
      err.println("Interrupted: finishing the chunks in flight, then saving the session (Ctrl-C again to abort now).");
      err.flush();
      return;
    } else {
      return; // run start and end, skipped tables: the session blocks before and after the run say it
    }
    out.flush();
  }

  private void chunkCompleted(ChunkCompleted e) {
    int done = e.facts().chunksDone();
    int count = e.facts().chunksTotal();
    boolean show = count <= 20 || done == count || (done * 20 / count) != ((done - 1) * 20 / count);
    if (show) {
      out.printf("  %s chunk %d/%d done (%d/%d complete, %d%%): rows %d/%d, diffs %d%n", e.table(), e.chunkIndex() + 1,
          count, done, count, done * 100 / count, e.sourceRows(), e.targetRows(), e.differences());
    }
  }

  private void tableFinished(String table, TableSnapshot p) {
    if (p.differences() == 0) {
      out.printf("  %s: IDENTICAL (%d rows)%n", table, p.sourceRows());
    } else {
      out.printf("  %s: DIFFERENCES: %d missing in target, %d missing in source, %d different%n", table,
          p.missingInTarget(), p.missingInSource(), p.differentRows());
      out.printf("    sync script: %s%n", p.syncScript());
    }
    out.printf("    summary:     %s%n", p.summaryFile());
  }
}
