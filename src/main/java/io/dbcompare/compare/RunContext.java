package io.dbcompare.compare;

import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the jobs of one run share: the book, the events, the checkpoints, the settings and the stop flag. */
final class RunContext {
  private static final Logger log = LoggerFactory.getLogger(RunContext.class);

  final ProgressBook book;
  final ProgressEvents events;
  final CheckpointStore checkpoints;
  final ComparisonEngine.Options options;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicReference<CompareException> failure = new AtomicReference<>();

  RunContext(ProgressBook book, ProgressEvents events, CheckpointStore checkpoints, ComparisonEngine.Options options) {
    this.book = book;
    this.events = events;
    this.checkpoints = checkpoints;
    this.options = options;
  }

  boolean stopped() {
    return stop.get();
  }

  /** True for the first request only. */
  boolean requestStop() {
    return stop.compareAndSet(false, true);
  }

  /** Ends the run: no new chunks; the first failure is the one reported. */
  void runFailed(CompareException e) {
    failure.compareAndSet(null, e);
    stop.set(true);
  }

  CompareException failure() {
    return failure.get();
  }

  /**
   * Rejected credentials after the run started (the pools were checked before it): stop the run, and
   * report a run failure that can be resumed, not a configuration error that compared nothing.
   */
  void credentialsRejected(CompareException e) {
    runFailed(new CompareException(ErrorCode.RUN_FAILED, "credentials were rejected after the run had started ("
        + e.getMessage() + "); the run stopped and every chunk that finished is saved: fix the credentials,"
        + " then resume session " + book.sessionId().substring(0, 8) + " with --resume", e));
  }

  /** Fails a table (recorded and saved) and tells the listeners. */
  void failTable(String key, String name, CompareException e) {
    if (e.code() == ErrorCode.AUTHENTICATION) {
      credentialsRejected(e);
    }
    log.debug("table failure detail", e);
    book.tableFailed(key, e.getMessage());
    events.emit(new ProgressEvent.TableFailed(events.now(), name, e.getMessage()));
  }

  long backoffMillis(int attempt) {
    return options.retryBackoffMillis() << Math.min(attempt, 6);
  }
}
