package io.dbcompare.compare;

/**
 * Receives a run's events (the console, the session log, later a report). Called from the engine's
 * threads, possibly at the same time: an implementation synchronizes what it shares. It must not
 * block for long; a listener that throws is logged and the run goes on (it only reports).
 */
@FunctionalInterface
public interface ProgressListener {
  void on(ProgressEvent event);
}
