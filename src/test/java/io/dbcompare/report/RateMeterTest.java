package io.dbcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Rate and time left from sampled totals; every time is given, none is read from a clock. */
class RateMeterTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Instant at(double seconds) {
    return T0.plusMillis((long) (seconds * 1000));
  }

  @Test
  void noRateUntilASecondWasMeasured() {
    RateMeter m = new RateMeter(Duration.ofSeconds(60));
    assertTrue(m.perSecond(T0).isEmpty());
    m.record(T0, 0);
    m.record(at(0.5), 5_000);
    assertTrue(m.perSecond(at(0.5)).isEmpty(), "half a second is noise");
    assertEquals(5_000, m.perSecond(at(1)).getAsDouble(), 1e-9);
  }

  @Test
  void rateIsOverTheRecentWindowAndFollowsAChangeOfPace() {
    RateMeter m = new RateMeter(Duration.ofSeconds(60));
    m.record(T0, 0);
    for (int s = 10; s <= 120; s += 10) {
      m.record(at(s), s * 1_000L); // 1,000 rows/s for two minutes
    }
    assertEquals(1_000, m.perSecond(at(120)).getAsDouble(), 1e-9);
    for (int s = 130; s <= 240; s += 10) {
      m.record(at(s), 120_000L + (s - 120) * 100L); // then 100 rows/s
    }
    assertEquals(100, m.perSecond(at(240)).getAsDouble(), 1e-9, "the old pace is forgotten after a window");
  }

  @Test
  void aPauseLowersTheRateInsteadOfFreezingIt() {
    RateMeter m = new RateMeter(Duration.ofSeconds(60));
    m.record(T0, 0);
    m.record(at(60), 60_000);
    assertEquals(1_000, m.perSecond(at(60)).getAsDouble(), 1e-9);
    assertEquals(500, m.perSecond(at(120)).getAsDouble(), 1e-9, "nothing for a minute: half the rate");
  }

  @Test
  void outOfOrderSamplesNeverMakeTotalsOrTimesGoBack() {
    RateMeter m = new RateMeter(Duration.ofSeconds(60));
    m.record(T0, 0);
    m.record(at(10), 2_000);
    m.record(at(9), 1_000); // a concurrent chunk's event arrived late
    assertEquals(2_000, m.total());
    assertEquals(200, m.perSecond(at(10)).getAsDouble(), 1e-9);
  }

  @Test
  void etaIsRowsLeftOverTheRate() {
    assertEquals(Optional.of(Duration.ofSeconds(15)), RateMeter.eta(780_000, OptionalDouble.of(52_000)));
    assertEquals(Optional.of(Duration.ofSeconds(1)), RateMeter.eta(1, OptionalDouble.of(1_000)), "rounded up");
    assertEquals(Optional.of(Duration.ZERO), RateMeter.eta(0, OptionalDouble.empty()), "nothing left");
    assertEquals(Optional.empty(), RateMeter.eta(10, OptionalDouble.empty()), "no rate yet");
    assertEquals(Optional.empty(), RateMeter.eta(10, OptionalDouble.of(0)), "stalled: unknown, not infinite");
    RateMeter m = new RateMeter(Duration.ofSeconds(60));
    m.record(T0, 0);
    m.record(at(30), 30_000);
    assertEquals(Optional.of(Duration.ofSeconds(70)), m.eta(70_000, at(30)));
  }
}
