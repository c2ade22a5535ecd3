package io.dbcompare.compare.recheck;

import io.dbcompare.compare.Causes;
import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.ChunkSnapshot;
import io.dbcompare.compare.CrashPoints;
import io.dbcompare.compare.ProgressEvent;
import io.dbcompare.compare.ProgressListener;
import io.dbcompare.compare.RecheckRound;
import io.dbcompare.compare.Row;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.TableStage;
import io.dbcompare.compare.TableStageContext;
import io.dbcompare.config.RecheckSettings;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the rows a table's chunks found different again, on both sides, after a delay, and drops those
 * that were only in flight on a live pair (see {@link RowRecheck} for how a row is classified). Runs
 * round by round over the table's chunks, one chunk's differences in memory at a time; each chunk waits
 * until its rows were read at least the delay ago (so a large table whose first differences were found
 * long ago is rechecked at once). What remains after the last round are the persistent differences,
 * with the values of the last read: the sync script, summary and session carry only those.
 *
 * <p>Resumable: after each chunk of each round its result is saved as this stage's state, so a run
 * killed during the recheck goes on from there, and a round a chunk finished is not read again. A lost
 * connection is retried like a chunk read (the run's retries, with backoff); any other error fails the
 * table.
 */
public final class RecheckStage implements TableStage {
  public static final String NAME = "recheck";
  private static final Logger log = LoggerFactory.getLogger(RecheckStage.class);

  /**
   * How the stage reads, waits and reports.
   *
   * @param threads chunks rechecked at a time (the run's threads); 1: one after the other
   */
  public record Settings(int maxRetries, long retryBackoffMillis, int threads) {}

  private final RowLookup lookup;
  private final Function<String, RecheckSettings> perTable;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Settings settings;
  private final List<ProgressListener> listeners;
  /** At least this delay between reads of a row: the target's replication lag plus a margin, when known. */
  private volatile Duration lagDelay = Duration.ZERO;

  /**
   * @param perTable the recheck settings of a table, by its session key
   * @param clock the run's clock (when rows were read, how long to wait)
   */
  public RecheckStage(RowLookup lookup, Function<String, RecheckSettings> perTable, Clock clock, Sleeper sleeper,
      Settings settings, List<ProgressListener> listeners) {
    this.lookup = lookup;
    this.perTable = perTable;
    this.clock = clock;
    this.sleeper = sleeper;
    this.settings = settings;
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Waits at least this long between two reads of a row (the target's lag and a margin). */
  public void useDelayOfAtLeast(Duration delay) {
    lagDelay = delay;
  }

  /** The delay a table's recheck waits between reads of a row. */
  public Duration delayOf(RecheckSettings s) {
    Duration lag = lagDelay;
    return lag.compareTo(s.delay()) > 0 ? lag : s.delay();
  }

  @Override
  public Iterable<ChunkResult> run(TableStageContext context, Iterable<ChunkResult> results)
      throws InterruptedException {
    RecheckSettings s = perTable.apply(context.table().key());
    if (!s.on() || context.progress().differences() == 0) {
      return results; // off, or nothing to recheck: the results stay as they are
    }
    if (context.table().keyless()) {
      // rows are read again by key; a table without one is compared as a multiset and not rechecked
      log.warn("{}: not rechecked: the table has no key (name one with key_columns to recheck its rows)",
          context.table().displayName());
      return results;
    }
    Duration delay = delayOf(s);
    CrashPoints.hit(CrashPoints.RECHECK_STARTED);
    int workers = Math.max(1, settings.threads());
    ExecutorService pool = workers == 1 ? null : Executors.newFixedThreadPool(workers, r -> {
      Thread th = new Thread(r, "recheck-" + context.table().key());
      th.setDaemon(true);
      return th;
    });
    try {
      for (int round = 1; round <= s.rounds(); round++) {
        RecheckRound sum = pool == null ? roundInline(context, results, round, s.rounds(), delay)
            : roundInParallel(context, results, round, s.rounds(), delay, pool, workers);
        if (sum.rechecked() > 0) {
          emit(new ProgressEvent.RecheckRoundDone(clock.instant(), context.table().displayName(), s.rounds(), sum));
        }
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return new RecheckedResults(context, results);
  }

  /** One round over the chunks, one chunk after the other. */
  private RecheckRound roundInline(TableStageContext context, Iterable<ChunkResult> results, int round, int rounds,
      Duration delay) throws InterruptedException {
    RecheckRound sum = new RecheckRound(round, 0, 0, 0);
    AtomicBoolean waited = new AtomicBoolean();
    for (ChunkResult input : results) {
      if (input.differences() > 0) {
        sum = sum.plus(chunkRound(context, input, round, rounds, delay, waited));
      }
    }
    return sum;
  }

  /**
   * One round over the chunks, up to {@code workers} chunks at a time (the run's threads): a chunk's
   * recheck is a few short reads, so a table with differences in many chunks is bound by round trips,
   * not by either database. Each chunk still reads its source before its target and saves its result
   * alone; at most {@code workers} chunks' differences are in memory. The first failure stops the round
   * (chunks in flight finish or are interrupted; their saved results stand) and is thrown.
   */
  private RecheckRound roundInParallel(TableStageContext context, Iterable<ChunkResult> results, int round,
      int rounds, Duration delay, ExecutorService pool, int workers) throws InterruptedException {
    Semaphore slots = new Semaphore(workers);
    AtomicBoolean waited = new AtomicBoolean();
    List<Future<RecheckRound>> futures = new ArrayList<>();
    RecheckRound sum = new RecheckRound(round, 0, 0, 0);
    try {
      for (ChunkResult input : results) {
        if (input.differences() == 0) {
          continue;
        }
        slots.acquire();
        futures.add(pool.submit(() -> {
          try {
            return chunkRound(context, input, round, rounds, delay, waited);
          } finally {
            slots.release();
          }
        }));
        // fail fast: a failed chunk stops the round before more chunks are submitted
        for (Future<RecheckRound> f : futures) {
          if (f.isDone()) {
            get(f);
          }
        }
      }
      for (Future<RecheckRound> f : futures) {
        sum = sum.plus(get(f));
      }
      return sum;
    } catch (RuntimeException | InterruptedException e) {
      for (Future<RecheckRound> f : futures) {
        f.cancel(true);
      }
      throw e;
    }
  }

  private static RecheckRound get(Future<RecheckRound> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof InterruptedException) {
        throw new CompareException(ErrorCode.INTERRUPTED, "the recheck was interrupted", c);
      }
      throw Causes.unchecked(e);
    }
  }

  /**
   * One chunk's round: skipped when an earlier run did it (its saved result counts) or when no row is
   * left; otherwise waits for the chunk's delay, reads its rows again and saves the result.
   */
  private RecheckRound chunkRound(TableStageContext context, ChunkResult input, int round, int rounds,
      Duration delay, AtomicBoolean waited) throws InterruptedException {
    ChunkResult current = context.state().load(input.chunkIndex()).orElse(input);
    if (current.rechecks().size() >= round) {
      return current.rechecks().get(round - 1); // done by an earlier run
    }
    if (current.differences() == 0) {
      return new RecheckRound(round, 0, 0, 0); // every row settled in an earlier round
    }
    waitFor(context, current, delay, round, rounds, waited);
    ChunkResult next = recheck(context, current, round);
    CrashPoints.hit(CrashPoints.RECHECK_BEFORE_SAVE);
    context.state().save(next);
    CrashPoints.hit(CrashPoints.RECHECK_CHUNK_SAVED);
    return next.rechecks().get(round - 1);
  }

  /**
   * Sleeps until the chunk's rows were read {@code delay} ago; the first chunk of a round that waits says
   * so ({@code waited}).
   */
  private void waitFor(TableStageContext context, ChunkResult current, Duration delay, int round, int rounds,
      AtomicBoolean waited) throws InterruptedException {
    Instant readAt = current.readAt();
    if (readAt == null) {
      return; // read by an earlier version, when is unknown: long enough ago
    }
    Duration wait = Duration.between(clock.instant(), readAt.plus(delay));
    if (wait.compareTo(delay) > 0) {
      // read "in the future": the clock went back, or the chunk was compared on another machine before a
      // resume; never wait more than the delay itself
      wait = delay;
    }
    if (wait.isNegative() || wait.isZero()) {
      return;
    }
    if (!waited.getAndSet(true)) {
      emit(new ProgressEvent.RecheckWaiting(clock.instant(), context.table().displayName(), round, rounds, wait));
    }
    sleeper.sleep(wait);
  }

  /** One round of one chunk, with the chunk reads' retries. */
  private ChunkResult recheck(TableStageContext context, ChunkResult current, int round) throws InterruptedException {
    TableSpec table = context.table();
    ChunkBounds bounds = chunk(context, current.chunkIndex()).range().bounds();
    long chunkRows = Math.max(current.sourceRows(), current.targetRows());
    List<Object[]> keys = new ArrayList<>(current.diffs().size());
    for (RowDiff d : current.diffs()) {
      keys.add(d.key());
    }
    keys.sort(table.keyOrder());
    for (int attempt = 0; ; attempt++) {
      try {
        // the source first: a change replicated before the target is read is then seen on both sides
        List<Row> source = lookup.fetch(table, Side.SOURCE, bounds, chunkRows, keys);
        List<Row> target = lookup.fetch(table, Side.TARGET, bounds, chunkRows, keys);
        return RowRecheck.round(table, current, source, target, round, clock.instant());
      } catch (CompareException e) {
        if (!e.retryable() || attempt >= settings.maxRetries()) {
          throw e;
        }
        emit(new ProgressEvent.TableRetry(clock.instant(), table.displayName(), attempt + 1,
            "recheck of chunk " + (current.chunkIndex() + 1) + ": " + e.getMessage()));
        sleeper.sleep(Duration.ofMillis(settings.retryBackoffMillis() << Math.min(attempt, 6)));
      }
    }
  }

  private static ChunkSnapshot chunk(TableStageContext context, int index) {
    ChunkSnapshot c = context.chunks().get(index);
    if (c.index() != index) {
      throw new IllegalStateException("chunk plan out of order at " + index);
    }
    return c;
  }

  private void emit(ProgressEvent e) {
    for (ProgressListener l : listeners) {
      try {
        l.on(e);
      } catch (RuntimeException ex) {
        // a listener only reports: its bug must not fail the table, but it is never hidden
        log.warn("progress listener {} failed on {}: {}", l.getClass().getName(), e.getClass().getSimpleName(),
            ex.toString(), ex);
      }
    }
  }
}
