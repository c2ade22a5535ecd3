package io.dbcompare.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Numbers and times as people read them on the console and in reports: local time to the second
 * ({@code 2026-12-01 08:02:56}), durations as {@code 1 h 02 min} or {@code 38 s}, counts with thousands
 * separators. Files meant for machines (session, JSON report) keep ISO-8601 UTC with full precision.
 */
public final class Human {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  private Human() {}

  /** {@code 1,204,332}: the separator is always a comma, whatever the machine's locale. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A rate: {@code 850}, {@code 52,100}, {@code 1.2M}, {@code 3.4G} (per second; the caller names the unit). */
  public static String rate(double perSecond) {
    if (perSecond >= 999_950_000) {
      return String.format(Locale.ROOT, "%.1fG", perSecond / 1e9);
    }
    if (perSecond >= 999_950) {
      return String.format(Locale.ROOT, "%.1fM", perSecond / 1e6);
    }
    return count(Math.round(perSecond));
  }

  /** {@code 0 s}, {@code 38 s}, {@code 2 min 05 s}, {@code 1 h 02 min}, {@code 26 h 40 min}. */
  public static String duration(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }

  /** {@code 2026-12-01 08:02:56} in the given zone (the machine's, for the console). */
  public static String time(Instant at, ZoneId zone) {
    return at == null ? "-" : LOCAL.format(at.atZone(zone));
  }

  /** An ISO-8601 instant from a session file in local time; text that is not one is shown as it is. */
  public static String time(String iso, ZoneId zone) {
    Instant at = instant(iso);
    return at != null ? time(at, zone) : iso == null ? "-" : iso;
  }

  /** The instant of an ISO-8601 text, or null when it is absent or not one. */
  public static Instant instant(String iso) {
    if (iso == null || iso.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** {@code 34 %} of a done/planned pair, at most 100 (a plan's row count is an upper bound). */
  public static String percent(long done, long planned) {
    if (planned <= 0) {
      return "-";
    }
    return Math.min(100, done * 100 / planned) + " %";
  }
}
