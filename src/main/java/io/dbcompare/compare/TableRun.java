package io.dbcompare.compare;

import io.dbcompare.config.TableConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** The chunks of one table being run: what the scheduler hands out and the workers report back. */
final class TableRun {
  final String key;
  final String name;
  final TableSpec spec;
  final List<ChunkRange> plan;
  /** When this run took the table up (event facts). */
  final Instant startedAt;
  final List<Integer> pending = new ArrayList<>();
  /** How many of {@link #pending} were handed to the workers (used by the scheduling thread only). */
  int handedOut;
  final AtomicInteger outstanding = new AtomicInteger();
  /** Some chunk failed: the table will be failed, but chunks that can still finish do, for --retry-failed. */
  final AtomicBoolean failed = new AtomicBoolean();
  /** Chunks in a row that had differences: from {@link ChunkRunner#SPREAD_STREAK} on, a bucket pass replaces the checksums. */
  final AtomicInteger differingStreak = new AtomicInteger();
  /** Chunks compared in this run, their source rows and their differences (for {@link BucketCount}). */
  final AtomicLong chunksSeen = new AtomicLong();
  final AtomicLong rowsSeen = new AtomicLong();
  final AtomicLong differencesSeen = new AtomicLong();
  /** Checksums computed for several chunks at once; null until the preparer groups the pending chunks. */
  volatile ChecksumBatches batches;
  /** Stop starting chunks of this table (the database connection is failing). */
  final AtomicBoolean abandoned = new AtomicBoolean();
  volatile String error;
  /**
   * Whether the databases hash the rows (decided once per table per run; switched off for the rest of
   * the run only when a push-down query cannot encode some row, {@code ErrorCode.CANNOT_ENCODE}).
   */
  volatile boolean pushdown;
  private final Consumer<TableRun> onEnded;
  private boolean submitted;
  private boolean ended;

  /** @param onEnded called once, when every chunk handed out has ended and no more will be */
  TableRun(TableConfig config, TableSpec spec, List<ChunkRange> plan, boolean pushdown, Instant startedAt,
      Consumer<TableRun> onEnded) {
    this.key = config.key();
    this.name = config.source().display();
    this.spec = spec;
    this.plan = List.copyOf(plan);
    this.pushdown = pushdown;
    this.startedAt = startedAt;
    this.onEnded = onEnded;
  }

  /**
   * Groups the pending chunks for batched checksums ({@link ChecksumBatches}) and orders them so that
   * {@code lanes} workers start different groups. Called once, before any chunk is handed out.
   */
  void batchChecksums(int width, int lanes) {
    List<List<Integer>> groups = ChecksumBatches.group(pending, width);
    List<Integer> order = ChecksumBatches.handOutOrder(groups, lanes);
    pending.clear();
    pending.addAll(order);
    batches = new ChecksumBatches(spec, plan, groups, lanes);
  }

  /** Records a compared chunk's rows and differences. */
  void seen(ChunkResult result) {
    chunksSeen.incrementAndGet();
    rowsSeen.addAndGet(Math.max(result.sourceRows(), result.targetRows()));
    differencesSeen.addAndGet(result.differences());
  }

  int chunkCount() {
    return plan.size();
  }

  void chunkEnded() {
    outstanding.decrementAndGet();
    maybeEnd();
  }

  /** No more chunks will be handed out (all were, or the run stopped). */
  void allSubmitted() {
    synchronized (this) {
      submitted = true;
    }
    maybeEnd();
  }

  void failedWith(String error) {
    if (failed.compareAndSet(false, true)) {
      this.error = error;
    }
  }

  private void maybeEnd() {
    synchronized (this) {
      if (!submitted || outstanding.get() > 0 || ended) {
        return;
      }
      ended = true;
    }
    onEnded.accept(this);
  }
}
