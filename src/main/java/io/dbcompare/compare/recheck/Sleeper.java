package io.dbcompare.compare.recheck;

import java.time.Duration;

/** Waits; injected so that tests never wait on the wall clock. */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps with {@link Thread#sleep}. */
  Sleeper REAL = d -> Thread.sleep(Math.max(0, d.toMillis()), 0);

  void sleep(Duration duration) throws InterruptedException;
}
