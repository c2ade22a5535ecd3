package io.dbcompare.compare;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands every event to each listener in order, stamped with the run's clock. */
final class ProgressEvents {
  private static final Logger log = LoggerFactory.getLogger(ProgressEvents.class);
  private final List<ProgressListener> listeners;
  private final Clock clock;

  ProgressEvents(List<ProgressListener> listeners, Clock clock) {
    this.listeners = List.copyOf(listeners);
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  void emit(ProgressEvent e) {
    for (ProgressListener l : listeners) {
      try {
        l.on(e);
      } catch (RuntimeException ex) {
        // a listener only reports: its bug must not fail a chunk or a table, but it is never hidden
        log.warn("progress listener {} failed on {}: {}", l.getClass().getName(), e.getClass().getSimpleName(),
            ex.toString(), ex);
      }
    }
  }
}
