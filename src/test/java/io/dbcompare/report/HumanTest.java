package io.dbcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Numbers and times for people: separators, durations, local time to the second. */
class HumanTest {
  @Test
  void countsHaveThousandsSeparators() {
    assertEquals("0", Human.count(0));
    assertEquals("999", Human.count(999));
    assertEquals("1,204,332", Human.count(1_204_332));
    assertEquals("-12,000", Human.count(-12_000));
  }

  @Test
  void ratesAreShortAboveAMillion() {
    assertEquals("850", Human.rate(850.4));
    assertEquals("52,100", Human.rate(52_100));
    assertEquals("999,949", Human.rate(999_949));
    assertEquals("1.0M", Human.rate(999_950));
    assertEquals("1.2M", Human.rate(1_234_567));
    assertEquals("3.4G", Human.rate(3.4e9));
  }

  @Test
  void durationsReadLikeAPersonWouldSayThem() {
    assertEquals("0 s", Human.duration(Duration.ofMillis(400)));
    assertEquals("38 s", Human.duration(Duration.ofSeconds(38)));
    assertEquals("1 min 00 s", Human.duration(Duration.ofSeconds(60)));
    assertEquals("2 min 05 s", Human.duration(Duration.ofSeconds(125)));
    assertEquals("1 h 02 min", Human.duration(Duration.ofMinutes(62).plusSeconds(59)));
    assertEquals("26 h 40 min", Human.duration(Duration.ofMinutes(1600)));
    assertEquals("0 s", Human.duration(Duration.ofSeconds(-5)), "a clock that went back is not a negative time");
  }

  @Test
  void timesAreLocalToTheSecond() {
    Instant at = Instant.parse("2026-12-01T07:02:56.204007193Z");
    assertEquals("2026-12-01 08:02:56", Human.time(at, ZoneId.of("Europe/Berlin")));
    assertEquals("2026-12-01 07:02:56", Human.time(at.toString(), ZoneId.of("UTC")));
    assertEquals("not a time", Human.time("not a time", ZoneId.of("UTC")));
    assertEquals("-", Human.time((String) null, ZoneId.of("UTC")));
  }

  @Test
  void percentIsCappedBecausePlansAreUpperBounds() {
    assertEquals("34 %", Human.percent(412_000, 1_204_332));
    assertEquals("100 %", Human.percent(1_300, 1_200));
    assertEquals("-", Human.percent(5, 0));
  }
}
