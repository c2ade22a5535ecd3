package io.dbcompare.compare;

import java.time.Duration;

/**
 * The target's replication (replay) lag as read at one moment of a run, where the database reports it.
 *
 * @param when {@code start} or {@code end} of a run
 * @param at ISO-8601 instant of the reading
 * @param lagMillis the lag, or null when it cannot be known (never 0 for "unknown")
 * @param note why the lag is unknown (e.g. the target is not a standby), or null
 */
public record LagReading(String when, String at, Long lagMillis, String note) {

  public boolean known() {
    return lagMillis != null;
  }

  /** The lag, or null when unknown. */
  public Duration lag() {
    return lagMillis == null ? null : Duration.ofMillis(lagMillis);
  }
}
