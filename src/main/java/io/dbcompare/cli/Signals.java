package io.dbcompare.cli;

/**
 * Ctrl-C handling: the first SIGINT asks the run to stop cleanly (the session is saved and the process
 * exits with status 2); a second one aborts at once. Uses {@code sun.misc.Signal} where available.
 */
final class Signals {
  private Signals() {}

  /** Installs the handler; returns an action that restores the previous one. */
  @SuppressWarnings("removal")
  static Runnable onInterrupt(Runnable firstInterrupt) {
    try {
      sun.misc.Signal sigint = new sun.misc.Signal("INT");
      java.util.concurrent.atomic.AtomicBoolean seen = new java.util.concurrent.atomic.AtomicBoolean();
      sun.misc.SignalHandler previous = sun.misc.Signal.handle(sigint, s -> {
        if (seen.compareAndSet(false, true)) {
          firstInterrupt.run();
        } else {
          Runtime.getRuntime().halt(2);
        }
      });
      return () -> sun.misc.Signal.handle(sigint, previous);
    } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
      return () -> { };
    }
  }
}
