package io.dbcompare.config;

import java.time.Duration;

/**
 * The {@code recheck:} setting (per run, overridable per table): how often and how late the rows a
 * table's chunks found different are read again, so that rows merely in flight on a live pair are not
 * reported.
 *
 * @param rounds reads after the comparison; 0 turns the recheck off
 * @param delaySeconds the least time between two reads of a row (counted from when it was read)
 */
public record RecheckSettings(int rounds, int delaySeconds) {
  public static final int DEFAULT_ROUNDS = 2;
  public static final int DEFAULT_DELAY_SECONDS = 10;
  public static final int MAX_ROUNDS = 10;
  public static final int MAX_DELAY_SECONDS = 24 * 3600;
  public static final RecheckSettings DEFAULT = new RecheckSettings(DEFAULT_ROUNDS, DEFAULT_DELAY_SECONDS);
  public static final RecheckSettings OFF = new RecheckSettings(0, DEFAULT_DELAY_SECONDS);

  public boolean on() {
    return rounds > 0;
  }

  public Duration delay() {
    return Duration.ofSeconds(delaySeconds);
  }
}
