package io.dbcompare.compare;

import io.dbcompare.config.TableConfig;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.session.ChunkProgress;
import io.dbcompare.session.Session;
import io.dbcompare.session.SessionStatus;
import io.dbcompare.session.SessionStore;
import io.dbcompare.session.TableProgress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tables of a session: plans each table once (the plan is saved before any chunk runs), runs
 * its chunks on a bounded pool, checkpoints every finished chunk, and finishes a table when all of its
 * chunks are done. A resumed run is the same flow with finished chunks read from the checkpoint store.
 *
 * <p>The checkpoint files are the record of finished chunks; the session file is saved after each
 * chunk (at most once a second, and always on table transitions and at the end), so a crash loses at
 * most the chunks in flight.
 */
public final class ComparisonEngine {
  private static final Logger log = LoggerFactory.getLogger(ComparisonEngine.class);
  private static final long SAVE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
  /**
   * After this many chunks of a table in a row had differences, its next chunks skip the checksums and
   * merge key + hash streams at once (one pass over the rows instead of two); an identical chunk
   * switches the checksums back on.
   */
  static final int DENSE_STREAK = 4;

  /** Which tables of a session a run works on. */
  public enum Mode {
    /** A new session: every table. */
    NEW,
    /** Skip completed and failed tables; continue pending and interrupted ones. */
    RESUME,
    /** Only tables that failed, reusing their finished chunks. */
    RETRY_FAILED
  }

  /** Settings of one run. */
  public record Options(int threads, int defaultChunkSize, int maxRetries, long retryBackoffMillis, int prefetchBatch,
      int bisectFactor, int bisectThreshold) {}

  private final Session session;
  private final SessionStore store;
  private final TableResolver resolver;
  private final ChunkPlanner planner;
  private final RowSource rows;
  /** Null when push-down is switched off (--no-pushdown): every table is hashed in Java. */
  private final HashPushdown pushdown;
  private final CheckpointStore checkpoints;
  private final TableFinisher finisher;
  private final ProgressListener progress;
  private final Options options;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicReference<CompareException> fatal = new AtomicReference<>();
  private long lastSave;

  public ComparisonEngine(Session session, SessionStore store, TableResolver resolver, ChunkPlanner planner,
      RowSource rows, HashPushdown pushdown, CheckpointStore checkpoints, TableFinisher finisher,
      ProgressListener progress, Options options) {
    this.session = session;
    this.store = store;
    this.resolver = resolver;
    this.planner = planner;
    this.rows = rows;
    this.pushdown = pushdown;
    this.checkpoints = checkpoints;
    this.finisher = finisher;
    this.progress = progress;
    this.options = options;
  }

  /** Stops taking new chunks; chunks in flight finish and are saved. Safe to call from a signal handler. */
  public void requestStop() {
    stop.set(true);
  }

  public boolean stopRequested() {
    return stop.get();
  }

  /** A run-stopping error (rejected credentials), if one occurred. */
  public CompareException fatalError() {
    return fatal.get();
  }

  /** Runs the given tables (in order) of the session. */
  public void run(List<TableConfig> tables, Mode mode) throws InterruptedException {
    ExecutorService workers = Executors.newFixedThreadPool(options.threads(), named("chunk"));
    ExecutorService readers = Executors.newCachedThreadPool(named("reader"));
    Semaphore inFlight = new Semaphore(options.threads() * 2);
    // Up to `threads` tables are open at once and take turns submitting chunks, so a large or slow
    // table does not keep the tables after it waiting until all of its chunks are queued.
    java.util.ArrayDeque<TableRun> open = new java.util.ArrayDeque<>();
    int next = 0;
    try {
      while (!stop.get()) {
        while (open.size() < options.threads() && next < tables.size() && !stop.get()) {
          TableConfig tc = tables.get(next++);
          TableProgress tp = session.tableProgress.get(tc.key());
          String skip = skipReason(tp, mode);
          if (skip != null) {
            progress.tableSkipped(tc.source().display(), skip);
            continue;
          }
          progress.tableStarted(next, tables.size(), tc.source().display());
          TableRun run = prepareWithRetries(tc, tp);
          if (run == null) {
            continue;
          }
          if (run.pending.isEmpty()) {
            run.allSubmitted();
          } else {
            open.addLast(run);
          }
        }
        TableRun run = open.pollFirst();
        if (run == null) {
          break;
        }
        inFlight.acquire();
        if (stop.get() || run.abandoned.get()) {
          inFlight.release();
          run.allSubmitted();
          continue;
        }
        int c = run.pending.get(run.handedOut++);
        run.outstanding.incrementAndGet();
        workers.execute(() -> {
          try {
            runChunk(run, c, readers);
          } finally {
            inFlight.release();
            run.chunkEnded();
          }
        });
        if (run.handedOut < run.pending.size()) {
          open.addLast(run);
        } else {
          run.allSubmitted();
        }
      }
      for (TableRun run : open) {
        run.allSubmitted(); // stopped: the rest of their chunks stay pending for --resume
      }
    } finally {
      workers.shutdown();
      while (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
        // chunks in flight finish (or fail) on their own; a stop only prevents new ones
      }
      // Never interrupt readers (an interrupt can break a driver's connection or an embedded
      // database's files): closed cursors stop at their next row on their own.
      readers.shutdown();
      readers.awaitTermination(30, TimeUnit.SECONDS);
      CrashPoints.hit(CrashPoints.RUN_BEFORE_FINAL_SAVE);
      synchronized (session) {
        session.status = finalStatus();
        store.save(session);
      }
    }
  }

  private String finalStatus() {
    if (stop.get()) {
      return SessionStatus.INTERRUPTED;
    }
    boolean anyFailed = false;
    for (TableProgress tp : session.tableProgress.values()) {
      if (SessionStatus.FAILED.equals(tp.status)) {
        anyFailed = true;
      } else if (!SessionStatus.COMPLETED.equals(tp.status)) {
        return SessionStatus.INTERRUPTED;
      }
    }
    return anyFailed ? SessionStatus.FAILED : SessionStatus.COMPLETED;
  }

  private static String skipReason(TableProgress tp, Mode mode) {
    return switch (mode) {
      case NEW -> null;
      case RESUME -> switch (tp.status) {
        case SessionStatus.COMPLETED -> "already completed";
        case SessionStatus.FAILED -> "failed earlier: use --retry-failed to run it again";
        default -> null;
      };
      case RETRY_FAILED -> SessionStatus.FAILED.equals(tp.status) ? null : "not failed (--retry-failed runs failed tables only)";
    };
  }

  /** Resolves and plans a table (or reloads its plan); null when the table failed already here. */
  /**
   * {@link #prepare} again after a lost connection (reading the catalog, planning, the push-down
   * check), with the chunks' retry count and backoff; other failures fail the table at once.
   */
  private TableRun prepareWithRetries(TableConfig tc, TableProgress tp) throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        return prepare(tc, tp, attempt < options.maxRetries());
      } catch (RetryPreparation e) {
        progress.tableRetry(tc.source().display(), attempt + 1, e.getCause().getMessage());
        Thread.sleep(options.retryBackoffMillis() << Math.min(attempt, 6));
      }
    }
  }

  /** Thrown by {@link #prepare} when a retryable error may be retried. */
  private static final class RetryPreparation extends RuntimeException {
    RetryPreparation(CompareException cause) {
      super(cause);
    }
  }

  private TableRun prepare(TableConfig tc, TableProgress tp, boolean mayRetry) {
    String name = tc.source().display();
    try {
      TableSpec spec = resolver.resolve(tc);
      boolean resumedPlan = tp.planned();
      synchronized (session) {
        tp.status = SessionStatus.IN_PROGRESS;
        tp.error = null;
        if (tp.startedAt == null) {
          tp.startedAt = store.now();
        }
        tp.schema = spec.source().schema();
        tp.table = spec.source().table();
        tp.targetSchema = spec.target().schema();
        tp.targetTable = spec.target().table();
        tp.keyColumns = spec.keyNames();
      }
      if (!resumedPlan) {
        int chunkSize = tc.chunkSize().orElse(options.defaultChunkSize());
        List<Object[]> bounds = planner.boundaries(spec, chunkSize);
        List<ChunkProgress> chunks = new ArrayList<>();
        for (int i = 0; i <= bounds.size(); i++) {
          chunks.add(new ChunkProgress(i,
              i == 0 ? null : ValueText.encodeKey(spec.keyKinds(), bounds.get(i - 1)),
              i == bounds.size() ? null : ValueText.encodeKey(spec.keyKinds(), bounds.get(i))));
        }
        CrashPoints.hit(CrashPoints.PLAN_BEFORE_SAVE);
        synchronized (session) {
          tp.chunks = chunks;
          tp.recount();
          store.save(session); // the plan is on disk before any chunk of it runs
        }
        CrashPoints.hit(CrashPoints.PLAN_AFTER_SAVE);
      } else if (tp.chunks.get(0).lower != null || tp.chunks.get(tp.chunks.size() - 1).upper != null
          || tp.keyColumns.size() != spec.keyCount()) {
        throw new CompareException(ErrorCode.SESSION_DAMAGED, name + ": the saved chunk plan does not fit the table"
            + " (its key changed?); start a new session");
      }
      TableRun run = new TableRun(spec, tp, choosePushdown(spec, name));
      int done = 0;
      for (ChunkProgress cp : tp.chunks) {
        var stored = checkpoints.load(session.sessionId, spec, cp.index, tp.chunks.size());
        synchronized (session) {
          if (stored.isPresent()) {
            record(cp, stored.get());
            done++;
          } else {
            cp.status = SessionStatus.PENDING;
            cp.error = null;
            run.pending.add(cp.index);
          }
        }
      }
      synchronized (session) {
        tp.recount();
        store.save(session);
      }
      progress.tablePlanned(name, tp.chunks.size(), done, resumedPlan);
      return run;
    } catch (CompareException e) {
      if (e.retryable() && mayRetry && !stop.get()) {
        throw new RetryPreparation(e);
      }
      failTable(name, tp, e);
      return null;
    } catch (RuntimeException e) {
      failTable(name, tp, new CompareException(ErrorCode.INTERNAL, name + ": " + e, e));
      return null;
    }
  }

  /**
   * Whether the databases hash this table's rows: push-down must be on, every column must have an exact
   * SQL encoding on both sides, and sample rows must encode exactly like the Java reference.
   */
  private boolean choosePushdown(TableSpec spec, String name) {
    if (pushdown == null) {
      progress.tableMode(name, "rows hashed in Java (push-down off)");
      return false;
    }
    String blocker = pushdown.blocker(spec);
    if (blocker == null) {
      ChunkBounds all = new ChunkBounds(0, null, null);
      for (Side side : Side.values()) {
        blocker = pushdown.verify(spec, side, all);
        if (blocker != null) {
          break;
        }
      }
    }
    if (blocker != null) {
      progress.tableMode(name, "rows hashed in Java: " + blocker);
      return false;
    }
    progress.tableMode(name, "checksums and hashes computed by the databases");
    return true;
  }

  private void runChunk(TableRun run, int index, ExecutorService readers) {
    TableProgress tp = run.progress;
    ChunkProgress cp = tp.chunks.get(index);
    int count = tp.chunks.size();
    String name = run.spec.displayName();
    if (stop.get() || run.abandoned.get()) {
      return; // stays pending; a resume picks it up
    }
    synchronized (session) {
      cp.status = SessionStatus.IN_PROGRESS;
    }
    ChunkBounds bounds = new ChunkBounds(index,
        cp.lower == null ? null : ValueText.decodeKey(cp.lower),
        cp.upper == null ? null : ValueText.decodeKey(cp.upper));
    ChunkResult result = null;
    for (int attempt = 0; result == null; attempt++) {
      try {
        result = run.pushdown
            ? new BisectingComparer(pushdown, rows, readers, options.bisectFactor(), options.bisectThreshold(),
                options.prefetchBatch()).compare(run.spec, bounds, run.differingStreak.get() >= DENSE_STREAK)
            : compareChunk(run.spec, bounds, readers);
      } catch (CompareException e) {
        if (e.code() == ErrorCode.AUTHENTICATION) {
          fatal.compareAndSet(null, e);
          stop.set(true);
        }
        if (e.retryable() && attempt < options.maxRetries() && !stop.get()) {
          progress.chunkRetry(name, index, count, attempt + 1, e.getMessage());
          sleep(options.retryBackoffMillis() << Math.min(attempt, 6));
          continue;
        }
        if (run.pushdown && e.code() == ErrorCode.DATABASE && !e.retryable()) {
          // A push-down query the database refuses for some rows (e.g. ORA-01489, a row too wide
          // for STANDARD_HASH): the same chunk is compared with rows hashed in Java instead.
          run.pushdown = false;
          progress.tableMode(name, "rows hashed in Java from chunk " + (index + 1) + " on: " + e.getMessage());
          attempt--;
          continue;
        }
        if (e.retryable() || e.code() == ErrorCode.AUTHENTICATION) {
          run.abandoned.set(true); // the database is unwell: the other chunks would only fail the same way
        }
        chunkFailed(run, cp, e.getMessage(), e);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        chunkFailed(run, cp, "interrupted", e);
        return;
      } catch (RuntimeException e) {
        chunkFailed(run, cp, "internal error: " + e, e);
        return;
      }
    }
    if (result.differences() > 0) {
      run.differingStreak.incrementAndGet();
    } else {
      run.differingStreak.set(0);
    }
    try {
      checkpoints.save(session.sessionId, result);
    } catch (CompareException e) {
      chunkFailed(run, cp, e.getMessage(), e);
      return;
    }
    CrashPoints.hit(CrashPoints.CHECKPOINT_SAVED);
    synchronized (session) {
      record(cp, result);
      tp.recount();
      saveThrottled();
    }
    progress.chunkFinished(name, index, count, result, tp);
  }

  private ChunkResult compareChunk(TableSpec spec, ChunkBounds bounds, ExecutorService readers)
      throws InterruptedException {
    int batch = options.prefetchBatch();
    try (RowCursor s = new PrefetchingCursor(() -> rows.open(spec, Side.SOURCE, bounds), readers, batch, 4);
        RowCursor t = new PrefetchingCursor(() -> rows.open(spec, Side.TARGET, bounds), readers, batch, 4)) {
      return ChunkComparer.compare(spec, bounds.index(), s, t);
    }
  }

  private static void record(ChunkProgress cp, ChunkResult r) {
    cp.status = SessionStatus.COMPLETED;
    cp.error = null;
    cp.sourceRows = r.sourceRows();
    cp.targetRows = r.targetRows();
    cp.missingInTarget = r.missingInTarget();
    cp.missingInSource = r.missingInSource();
    cp.differentRows = r.different();
  }

  private void chunkFailed(TableRun run, ChunkProgress cp, String error, Throwable cause) {
    log.debug("chunk failure detail", cause);
    synchronized (session) {
      cp.status = SessionStatus.FAILED;
      cp.error = error;
    }
    progress.chunkFailed(run.spec.displayName(), cp.index, run.progress.chunks.size(), error);
    if (run.failed.compareAndSet(false, true)) {
      run.error = error;
    }
  }

  private void failTable(String name, TableProgress tp, CompareException e) {
    if (e.code() == ErrorCode.AUTHENTICATION) {
      fatal.compareAndSet(null, e);
      stop.set(true);
    }
    log.debug("table failure detail", e);
    synchronized (session) {
      tp.status = SessionStatus.FAILED;
      tp.error = e.getMessage();
      tp.finishedAt = store.now();
      store.save(session);
    }
    progress.tableFailed(name, e.getMessage());
  }

  /** Called once every chunk of the table has ended (in the thread that ended the last one). */
  private void finishTable(TableRun run) {
    TableProgress tp = run.progress;
    String name = run.spec.displayName();
    if (run.failed.get()) {
      failTable(name, tp, new CompareException(ErrorCode.TABLE_FAILED, run.error));
      return;
    }
    synchronized (session) {
      tp.recount();
      if (tp.completedChunks < tp.totalChunks) {
        store.save(session); // stopped before all chunks ran: stays in progress for --resume
        return;
      }
    }
    try {
      finisher.finish(run.spec, () -> new StoredResults(run), tp);
    } catch (CompareException e) {
      failTable(name, tp, e);
      return;
    } catch (RuntimeException e) {
      failTable(name, tp, new CompareException(ErrorCode.INTERNAL, name + ": writing results failed: " + e, e));
      return;
    }
    CrashPoints.hit(CrashPoints.TABLE_BEFORE_COMPLETED);
    synchronized (session) {
      tp.status = SessionStatus.COMPLETED;
      tp.finishedAt = store.now();
      store.save(session);
    }
    progress.tableFinished(name, tp);
  }

  private void saveThrottled() {
    long now = System.nanoTime();
    if (now - lastSave >= SAVE_INTERVAL_NANOS) {
      lastSave = now;
      store.save(session);
      CrashPoints.hit(CrashPoints.CHUNK_SESSION_SAVED);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The chunks of one table being run. */
  private final class TableRun {
    final TableSpec spec;
    final TableProgress progress;
    final List<Integer> pending = new ArrayList<>();
    /** How many of {@link #pending} were handed to the workers (used by the submitting thread only). */
    int handedOut;
    final AtomicInteger outstanding = new AtomicInteger();
    /** Some chunk failed: the table will be failed, but chunks that can still finish do, for --retry-failed. */
    final AtomicBoolean failed = new AtomicBoolean();
    /** Chunks in a row that had differences: from {@link #DENSE_STREAK} on, checksums are skipped. */
    final AtomicInteger differingStreak = new AtomicInteger();
    /** Stop starting chunks of this table (the database connection is failing). */
    final AtomicBoolean abandoned = new AtomicBoolean();
    volatile String error;
    private boolean submitted;
    private boolean finished;

    /**
     * Whether the databases hash the rows (decided once per table per run; switched off for the rest of
     * the run when a push-down query fails for a reason other than a lost connection).
     */
    volatile boolean pushdown;

    TableRun(TableSpec spec, TableProgress progress, boolean pushdown) {
      this.spec = spec;
      this.progress = progress;
      this.pushdown = pushdown;
    }

    void chunkEnded() {
      outstanding.decrementAndGet();
      maybeFinish();
    }

    void allSubmitted() {
      synchronized (this) {
        submitted = true;
      }
      maybeFinish();
    }

    private void maybeFinish() {
      synchronized (this) {
        if (!submitted || outstanding.get() > 0 || finished) {
          return;
        }
        finished = true;
      }
      finishTable(this);
    }
  }

  /** The table's chunk results, read back one at a time from the checkpoint store. */
  private final class StoredResults implements Iterator<ChunkResult> {
    private final TableRun run;
    private int next;

    StoredResults(TableRun run) {
      this.run = run;
    }

    @Override
    public boolean hasNext() {
      return next < run.progress.chunks.size();
    }

    @Override
    public ChunkResult next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      int i = next++;
      return checkpoints.load(session.sessionId, run.spec, i, run.progress.chunks.size())
          .orElseThrow(() -> new CompareException(ErrorCode.CHECKPOINT_CORRUPT, run.spec.displayName()
              + ": checkpoint of chunk " + (i + 1) + " disappeared or was damaged while writing results;"
              + " resume the session with --retry-failed to compare that chunk again"));
    }
  }
}
