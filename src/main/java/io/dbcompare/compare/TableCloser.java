package io.dbcompare.compare;

import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Finishes a table once all of its chunks ended: fails it when a chunk failed, leaves it in progress
 * when the run stopped early, and otherwise runs the table stages in order, then the finisher (sync
 * script, summary), and marks it completed. Runs on the scheduler's finishing thread, never on a chunk
 * worker, so a table's outputs do not hold up the chunks of the others.
 */
final class TableCloser {
  private final RunContext ctx;
  private final TableFinisher finisher;
  private final List<TableStage> stages;

  TableCloser(RunContext ctx, TableFinisher finisher, List<TableStage> stages) {
    this.ctx = ctx;
    this.finisher = finisher;
    this.stages = List.copyOf(stages);
  }

  void finish(TableRun run) {
    ProgressBook book = ctx.book;
    if (run.failed.get()) {
      ctx.failTable(run.key, run.name, new CompareException(ErrorCode.TABLE_FAILED, run.error));
      return;
    }
    TableSnapshot table = book.table(run.key);
    if (table.completedChunks() < table.totalChunks()) {
      book.tableSuspended(run.key); // stopped before all chunks ran: stays in progress for --resume
      return;
    }
    String stage = null;
    try {
      Iterable<ChunkResult> results = new StoredResults(run);
      for (TableStage s : stages) {
        stage = s.name();
        TableStageContext context = new TableStageContext(book.sessionId(), run.spec, table, book.chunks(run.key),
            state(s.name(), run));
        Iterable<ChunkResult> next = s.run(context, results);
        if (next != results) {
          for (ChunkResult r : next) {
            table = book.chunkRevised(run.key, r);
          }
          results = next;
        }
      }
      stage = null;
      book.outputsRecorded(run.key, finisher.finish(run.spec, results, table));
    } catch (CompareException e) {
      ctx.failTable(run.key, run.name, stage == null ? e
          : new CompareException(e.code(), run.name + ": " + stage + ": " + e.getMessage(), e, e.retryable()));
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ctx.failTable(run.key, run.name, new CompareException(ErrorCode.INTERRUPTED, run.name + ": " + stage
          + " was interrupted", e));
      return;
    } catch (RuntimeException e) {
      ctx.failTable(run.key, run.name, new CompareException(ErrorCode.INTERNAL, run.name
          + (stage == null ? ": writing results failed: " : ": " + stage + " failed: ") + e, e));
      return;
    }
    CrashPoints.hit(CrashPoints.TABLE_BEFORE_COMPLETED);
    TableSnapshot done = book.tableCompleted(run.key);
    ctx.events.emit(new ProgressEvent.TableFinished(ctx.events.now(), run.name, done,
        ProgressEvent.TableFacts.of(run.startedAt, done)));
  }

  private TableStageContext.StageState state(String stage, TableRun run) {
    String session = ctx.book.sessionId();
    return new TableStageContext.StageState() {
      @Override
      public void save(ChunkResult result) {
        ctx.checkpoints.saveStage(session, stage, result);
      }

      @Override
      public Optional<ChunkResult> load(int chunkIndex) {
        return ctx.checkpoints.loadStage(session, stage, run.spec, chunkIndex, run.chunkCount());
      }
    };
  }

  /** The table's chunk results, read back one at a time from the checkpoint store. */
  private final class StoredResults implements Iterable<ChunkResult> {
    private final TableRun run;

    StoredResults(TableRun run) {
      this.run = run;
    }

    @Override
    public Iterator<ChunkResult> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < run.chunkCount();
        }

        @Override
        public ChunkResult next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          int i = next++;
          return ctx.checkpoints.load(ctx.book.sessionId(), run.spec, i, run.chunkCount())
              .orElseThrow(() -> new CompareException(ErrorCode.CHECKPOINT_CORRUPT, run.spec.displayName()
                  + ": checkpoint of chunk " + (i + 1) + " disappeared or was damaged while writing results;"
                  + " resume the session with --retry-failed to compare that chunk again"));
        }
      };
    }
  }
}
