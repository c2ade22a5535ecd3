package io.dbcompare.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Rows per second over the recent past, from a running total sampled at the times it grew (the times
 * come from events, "now" from the run's clock: nothing here reads the wall clock). The rate is the
 * growth since the last sample at least one window old (or the first sample) divided by the time
 * since then: it follows a change of pace within about a window, and a long pause lowers it instead
 * of freezing it at its last value.
 */
public final class RateMeter {
  /** Rates over less time than this are noise (the first chunk of a run, a burst of restored chunks). */
  private static final Duration MIN_SPAN = Duration.ofSeconds(1);
  private final Duration window;
  private final ArrayDeque<Sample> samples = new ArrayDeque<>();

  private record Sample(Instant at, long total) {}

  public RateMeter(Duration window) {
    this.window = window;
  }

  /** The total at a moment; totals never go down (a smaller one is taken as unchanged). */
  public synchronized void record(Instant at, long total) {
    Sample last = samples.peekLast();
    if (last != null) {
      // events of concurrent chunks may arrive slightly out of order: keep time and total monotonic
      at = at.isBefore(last.at()) ? last.at() : at;
      total = Math.max(total, last.total());
    }
    samples.addLast(new Sample(at, total));
    Instant cutoff = at.minus(window);
    while (samples.size() > 2 && !second().at().isAfter(cutoff)) {
      samples.removeFirst();
    }
  }

  private Sample second() {
    var it = samples.iterator();
    it.next();
    return it.next();
  }

  /** The recent rate per second, or empty while less than a second has been measured. */
  public synchronized OptionalDouble perSecond(Instant now) {
    if (samples.isEmpty()) {
      return OptionalDouble.empty();
    }
    Instant cutoff = now.minus(window);
    Sample base = samples.peekFirst();
    Sample beforeLast = samples.peekFirst();
    for (Sample s : samples) {
      if (!s.at().isAfter(cutoff)) {
        base = s;
      }
      if (s != samples.peekLast()) {
        beforeLast = s;
      }
    }
    if (base == samples.peekLast()) {
      // nothing grew within the window: measure over the last step, so that a long chunk (or a pause)
      // lowers the rate gradually rather than dropping it to zero until the next one ends
      base = beforeLast;
    }
    Duration span = Duration.between(base.at(), now);
    if (span.compareTo(MIN_SPAN) < 0) {
      return OptionalDouble.empty();
    }
    long rows = samples.peekLast().total() - base.total();
    return OptionalDouble.of(rows * 1e9 / span.toNanos());
  }

  /** The last total recorded (0 before any). */
  public synchronized long total() {
    return samples.isEmpty() ? 0 : samples.peekLast().total();
  }

  /** The time left for {@code remaining} rows at the recent rate; empty when the rate is unknown or zero. */
  public Optional<Duration> eta(long remaining, Instant now) {
    return eta(remaining, perSecond(now));
  }

  public static Optional<Duration> eta(long remaining, OptionalDouble perSecond) {
    if (remaining <= 0) {
      return Optional.of(Duration.ZERO);
    }
    if (perSecond.isEmpty() || perSecond.getAsDouble() <= 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofSeconds((long) Math.ceil(remaining / perSecond.getAsDouble())));
  }
}
