package io.dbcompare.compare;

import io.dbcompare.config.TableConfig;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what runs when: up to {@code threads} tables are open at once and take turns handing chunks
 * to a pool of {@code threads} workers (at most twice that many chunks queued), so a large or slow table
 * does not keep the tables after it waiting. A table whose chunks all ended is finished on a separate
 * small pool; the run ends when every worker, finish and reader has ended.
 */
final class TableScheduler {
  private static final Logger log = LoggerFactory.getLogger(TableScheduler.class);
  /** Finishing a table writes files and reads the target's foreign keys: two at a time is plenty. */
  private static final int FINISHERS = 2;

  private final RunContext ctx;
  private final TablePreparer preparer;
  private final ChunkRunner chunks;
  private final TableCloser closer;

  TableScheduler(RunContext ctx, TablePreparer preparer, ChunkRunner chunks, TableCloser closer) {
    this.ctx = ctx;
    this.preparer = preparer;
    this.chunks = chunks;
    this.closer = closer;
  }

  void run(List<TableConfig> tables, ComparisonEngine.Mode mode) throws InterruptedException {
    int threads = ctx.options.threads();
    ExecutorService workers = Executors.newFixedThreadPool(threads, named("chunk"));
    ThreadPoolExecutor readers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), named("reader"));
    ExecutorService finishers = new ThreadPoolExecutor(Math.min(FINISHERS, threads), Math.min(FINISHERS, threads), 0,
        TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named("finish"));
    Semaphore inFlight = new Semaphore(threads * 2);
    ArrayDeque<TableRun> open = new ArrayDeque<>();
    int next = 0;
    try {
      while (!ctx.stopped()) {
        while (open.size() < threads && next < tables.size() && !ctx.stopped()) {
          TableConfig tc = tables.get(next++);
          String skip = skipReason(ctx.book.table(tc.key()).status(), mode);
          if (skip != null) {
            ctx.events.emit(new ProgressEvent.TableSkipped(ctx.events.now(), tc.source().display(), skip));
            continue;
          }
          ctx.events.emit(new ProgressEvent.TableStarted(ctx.events.now(), tc.source().display(), next,
              tables.size()));
          TableRun run = preparer.prepare(tc, ended -> finishers.execute(() -> guarded(() -> closer.finish(ended))));
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
        if (ctx.stopped() || run.abandoned.get()) {
          inFlight.release();
          run.allSubmitted();
          continue;
        }
        int c = run.pending.get(run.handedOut++);
        run.outstanding.incrementAndGet();
        workers.execute(() -> {
          try {
            guarded(() -> chunks.run(run, c, readers));
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
      awaitAll(workers);
      awaitAll(finishers); // every table whose chunks all ended was handed to the finishers by now
      // Never interrupt readers (an interrupt can break a driver's connection or an embedded
      // database's files): closed cursors stop at their next row on their own.
      readers.shutdown();
      awaitReaders(readers);
    }
  }

  /**
   * Runs a job on a pool thread. What escapes a job is a failure to record progress (the session file
   * cannot be written) or a bug: it ends the run loudly instead of dying with the pool thread.
   */
  private void guarded(Runnable job) {
    try {
      job.run();
    } catch (CompareException e) {
      log.debug("run failure detail", e);
      ctx.runFailed(e);
    } catch (RuntimeException | Error e) {
      log.error("internal error", e);
      ctx.runFailed(new CompareException(ErrorCode.INTERNAL, "internal error: " + e, e));
    }
  }

  /** Chunks and finishes in flight end on their own; a stop only prevents new ones. */
  private static void awaitAll(ExecutorService pool) throws InterruptedException {
    pool.shutdown();
    while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
      // keep waiting: leaving now would close the connection pools under them
    }
  }

  /**
   * Waits for reader threads still inside a database call (a cursor closed by its chunk stops at its
   * next row; one blocked in a query only when the query returns). Their connection pools are closed
   * when the run ends, so they are waited for, with a warning, up to the configured grace; after it the
   * run fails with a message saying why rather than pulling the connections from under them silently.
   */
  private void awaitReaders(ThreadPoolExecutor readers) throws InterruptedException {
    long grace = ctx.options.readerGraceMillis();
    long step = Math.max(1, Math.min(grace, 10_000));
    long waited = 0;
    while (!readers.awaitTermination(step, TimeUnit.MILLISECONDS)) {
      waited += step;
      int active = readers.getActiveCount();
      if (waited >= grace) {
        ctx.runFailed(new CompareException(ErrorCode.RUN_FAILED, active + " reader thread(s) were still inside a"
            + " database call " + waited / 1000 + " s after their chunks ended (a query that does not return: set"
            + " query_timeout_seconds); the run ends and closes its connections under them. Every chunk that"
            + " ended is saved: see --status " + ctx.book.sessionId().substring(0, 8)));
        return;
      }
      log.warn("waiting for {} reader thread(s) still inside a database call before closing the connection pools"
          + " ({} s so far, at most {} s)", active, waited / 1000, grace / 1000);
    }
  }

  private static String skipReason(TableStatus status, ComparisonEngine.Mode mode) {
    if (status == TableStatus.MISSING_IN_TARGET) {
      return "missing in target: the target schema has no such table";
    }
    return switch (mode) {
      case NEW -> null;
      case RESUME -> switch (status) {
        case COMPLETED -> "already completed";
        case FAILED -> "failed earlier: use --retry-failed to run it again";
        default -> null;
      };
      case RETRY_FAILED -> status == TableStatus.FAILED ? null : "not failed (--retry-failed runs failed tables only)";
    };
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
