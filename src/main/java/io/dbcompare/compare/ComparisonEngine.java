package io.dbcompare.compare;

import io.dbcompare.config.TableConfig;
import io.dbcompare.error.CompareException;
import java.time.Clock;
import java.util.List;

/**
 * Runs the tables of a session: {@link TableScheduler} decides what runs when, {@link TablePreparer}
 * resolves and plans a table (the plan is saved before any chunk runs), {@link ChunkRunner} compares and
 * checkpoints a chunk, and {@link TableCloser} runs the table stages and the finisher once all of a
 * table's chunks are done. A resumed run is the same flow with finished chunks read from the
 * checkpoint store. Progress is kept by the {@link ProgressBook}; listeners get {@link ProgressEvent}s.
 */
public final class ComparisonEngine {
  /** Which tables of a session a run works on. */
  public enum Mode {
    /** A new session: every table. */
    NEW,
    /** Skip completed and failed tables; continue pending and interrupted ones. */
    RESUME,
    /** Only tables that failed, reusing their finished chunks. */
    RETRY_FAILED
  }

  /**
   * Settings of one run.
   *
   * @param readerGraceMillis how long the end of a run waits for reader threads still inside a database
   *     call before it fails the run and lets the connection pools close under them
   */
  public record Options(int threads, int defaultChunkSize, int maxRetries, long retryBackoffMillis, int prefetchBatch,
      int bisectFactor, int bisectThreshold, long readerGraceMillis) {

    public static final long DEFAULT_READER_GRACE_MILLIS = 60_000;

    public Options(int threads, int defaultChunkSize, int maxRetries, long retryBackoffMillis, int prefetchBatch,
        int bisectFactor, int bisectThreshold) {
      this(threads, defaultChunkSize, maxRetries, retryBackoffMillis, prefetchBatch, bisectFactor, bisectThreshold,
          DEFAULT_READER_GRACE_MILLIS);
    }
  }

  /**
   * The databases and stores a run works with.
   *
   * @param pushdown null when push-down is switched off (--no-pushdown): every table is hashed in Java
   */
  public record Ports(TableResolver resolver, ChunkPlanner planner, RowSource rows, HashPushdown pushdown,
      CheckpointStore checkpoints, TableFinisher finisher) {}

  /**
   * Steps that plug into the flow: chunk stages run on the worker after each chunk is compared, table
   * stages in order before a table's finisher (see {@link ChunkStage}, {@link TableStage}).
   */
  public record Hooks(List<ChunkStage> chunkStages, List<TableStage> tableStages) {
    public static final Hooks NONE = new Hooks(List.of(), List.of());

    public Hooks {
      chunkStages = List.copyOf(chunkStages);
      tableStages = List.copyOf(tableStages);
    }
  }

  private final RunContext ctx;
  private final TableScheduler scheduler;

  public ComparisonEngine(ProgressBook book, Ports ports, Options options, List<ProgressListener> listeners,
      Clock clock, Hooks hooks) {
    this.ctx = new RunContext(book, new ProgressEvents(listeners, clock), ports.checkpoints(), options);
    this.scheduler = new TableScheduler(ctx,
        new TablePreparer(ctx, ports.resolver(), ports.planner(), ports.pushdown()),
        new ChunkRunner(ctx, ports.rows(), ports.pushdown(), hooks.chunkStages()),
        new TableCloser(ctx, ports.finisher(), hooks.tableStages()));
  }

  /** Stops taking new chunks; chunks in flight finish and are saved. Safe to call from a signal handler. */
  public void requestStop() {
    if (ctx.requestStop()) {
      ctx.events.emit(new ProgressEvent.StopRequested(ctx.events.now()));
    }
  }

  public boolean stopRequested() {
    return ctx.stopped() && ctx.failure() == null;
  }

  /**
   * Why the run as a whole failed after it started (credentials rejected mid-run, readers that never
   * returned, the session file could not be written), or null. Its exit status is 2: resumable.
   */
  public CompareException runFailure() {
    return ctx.failure();
  }

  /** Runs the given tables (in order) of the session, then saves the session's status. */
  public void run(List<TableConfig> tables, Mode mode) throws InterruptedException {
    ctx.events.emit(new ProgressEvent.RunStarted(ctx.events.now(), ctx.book.sessionId(), tables.size()));
    try {
      scheduler.run(tables, mode);
    } finally {
      CrashPoints.hit(CrashPoints.RUN_BEFORE_FINAL_SAVE);
      RunStatus status = finalStatus();
      ctx.book.runStatus(status);
      ctx.events.emit(new ProgressEvent.RunEnded(ctx.events.now(), status));
    }
  }

  private RunStatus finalStatus() {
    if (ctx.stopped()) {
      return RunStatus.INTERRUPTED;
    }
    boolean anyFailed = false;
    for (TableSnapshot t : ctx.book.snapshot().tables()) {
      if (t.status() == TableStatus.FAILED) {
        anyFailed = true;
      } else if (t.status() != TableStatus.COMPLETED && t.status() != TableStatus.MISSING_IN_TARGET) {
        return RunStatus.INTERRUPTED;
      }
    }
    return anyFailed ? RunStatus.FAILED : RunStatus.COMPLETED;
  }
}
