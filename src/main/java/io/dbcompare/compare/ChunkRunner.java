package io.dbcompare.compare;

import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one chunk on a worker: compares it (hash push-down with bisection, or both sides' rows hashed in
 * Java), runs the chunk stages, retries a lost connection with backoff, checkpoints the result and
 * records it. A chunk that fails is recorded failed, never empty.
 */
final class ChunkRunner {
  private static final Logger log = LoggerFactory.getLogger(ChunkRunner.class);
  /**
   * After this many chunks of a table in a row had differences, the differences are taken to be spread
   * over the table: its next chunks are compared by a bucket pass ({@link BisectingComparer#compareByBuckets})
   * instead of checksums and bisection; an identical chunk switches the checksums back on. Before that,
   * a chunk whose checksums differ is bisected, which reads least where differences are clustered.
   */
  static final int SPREAD_STREAK = 2;

  private final RunContext ctx;
  private final RowSource rows;
  private final HashPushdown pushdown;
  private final List<ChunkStage> stages;

  ChunkRunner(RunContext ctx, RowSource rows, HashPushdown pushdown, List<ChunkStage> stages) {
    this.ctx = ctx;
    this.rows = rows;
    this.pushdown = pushdown;
    this.stages = List.copyOf(stages);
  }

  void run(TableRun run, int index, ExecutorService readers) {
    if (ctx.stopped() || run.abandoned.get()) {
      return; // stays pending; a resume picks it up
    }
    ctx.book.chunkStarted(run.key, index);
    ChunkBounds bounds = run.plan.get(index).bounds();
    ChunkResult result = null;
    for (int attempt = 0; result == null; attempt++) {
      boolean pushed = run.pushdown;
      try {
        // when the rows were read: a recheck waits its delay from here
        result = compare(run, bounds, readers).withReadAt(ctx.events.now());
        for (ChunkStage stage : stages) {
          result = stage.afterChunk(run.spec, result);
        }
      } catch (CompareException e) {
        result = null;
        if (e.code() == ErrorCode.AUTHENTICATION) {
          ctx.credentialsRejected(e);
        }
        if (e.retryable() && attempt < ctx.options.maxRetries() && !ctx.stopped()) {
          ctx.events.emit(new ProgressEvent.ChunkRetry(ctx.events.now(), run.name, index, run.chunkCount(),
              attempt + 1, e.getMessage()));
          sleep(ctx.backoffMillis(attempt));
          continue;
        }
        if (pushed && e.code() == ErrorCode.CANNOT_ENCODE) {
          // The database cannot encode some row of this chunk (e.g. ORA-01489, a row too wide for
          // STANDARD_HASH): the same chunk, and the rest of the table, are hashed in Java instead.
          // Only this code may switch modes; any other database error fails the chunk. Chunks that
          // waited for the same batched query get the same error: the first one switches the table.
          synchronized (run) {
            if (run.pushdown) {
              run.pushdown = false;
              ctx.events.emit(new ProgressEvent.TableMode(ctx.events.now(), run.name, false,
                  "rows hashed in Java from chunk " + (index + 1) + " on: " + e.getMessage()));
            }
          }
          attempt--;
          continue;
        }
        if (e.retryable() || e.code() == ErrorCode.AUTHENTICATION) {
          run.abandoned.set(true); // the database is unwell: the other chunks would only fail the same way
        }
        failed(run, index, e.getMessage(), e);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed(run, index, "interrupted", e);
        return;
      } catch (RuntimeException e) {
        failed(run, index, "internal error: " + e, e);
        return;
      }
    }
    run.seen(result);
    if (result.differences() > 0) {
      run.differingStreak.incrementAndGet();
    } else {
      run.differingStreak.set(0);
    }
    try {
      ctx.checkpoints.save(ctx.book.sessionId(), result);
    } catch (CompareException e) {
      failed(run, index, e.getMessage(), e);
      return;
    }
    CrashPoints.hit(CrashPoints.CHECKPOINT_SAVED);
    TableSnapshot t = ctx.book.chunkCompleted(run.key, result);
    ctx.events.emit(new ProgressEvent.ChunkCompleted(ctx.events.now(), run.name, index, result.sourceRows(),
        result.targetRows(), result.differences(), ProgressEvent.TableFacts.of(run.startedAt, t)));
  }

  private ChunkResult compare(TableRun run, ChunkBounds bounds, ExecutorService readers) throws InterruptedException {
    int batch = ctx.options.prefetchBatch();
    if (run.spec.keyless()) {
      // A bucket of a table without key: both sides stream the whole table; the bucket's rows are
      // compared as a multiset (never pushed down: the bucket is chosen by the Java row hash).
      ChunkBounds all = new ChunkBounds(bounds.index(), null, null);
      try (RowCursor s = new PrefetchingCursor(() -> rows.open(run.spec, Side.SOURCE, all), readers, batch, 4);
          RowCursor t = new PrefetchingCursor(() -> rows.open(run.spec, Side.TARGET, all), readers, batch, 4)) {
        return BucketComparer.compare(run.spec, bounds.index(), run.chunkCount(), s, t);
      }
    }
    if (run.pushdown) {
      BisectingComparer comparer = new BisectingComparer(pushdown, rows, readers, ctx.options.bisectFactor(),
          ctx.options.bisectThreshold(), batch);
      int buckets = run.differingStreak.get() >= SPREAD_STREAK
          ? BucketCount.choose(run.rowsSeen.get(), run.differencesSeen.get(), run.chunksSeen.get()) : 0;
      ChecksumBatches batches = run.batches;
      BooleanSupplier stopped = () -> ctx.stopped() || run.abandoned.get();
      Checksum[] top = batches == null ? null : batches.ready(bounds.index(), pushdown, readers, stopped);
      if (top == null && buckets > 0) {
        return comparer.compareByBuckets(run.spec, bounds, buckets);
      }
      if (top == null && batches != null) {
        top = batches.get(bounds.index(), pushdown, readers, stopped);
      }
      return comparer.compare(run.spec, bounds, top, buckets);
    }
    try (RowCursor s = new PrefetchingCursor(() -> rows.open(run.spec, Side.SOURCE, bounds), readers, batch, 4);
        RowCursor t = new PrefetchingCursor(() -> rows.open(run.spec, Side.TARGET, bounds), readers, batch, 4)) {
      return ChunkComparer.compare(run.spec, bounds.index(), s, t);
    }
  }

  private void failed(TableRun run, int index, String error, Throwable cause) {
    log.debug("chunk failure detail", cause);
    ctx.book.chunkFailed(run.key, index, error);
    ctx.events.emit(new ProgressEvent.ChunkFailed(ctx.events.now(), run.name, index, run.chunkCount(), error));
    run.failedWith(error);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
