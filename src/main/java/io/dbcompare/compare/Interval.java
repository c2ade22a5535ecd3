package io.dbcompare.compare;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An interval as the databases store it, field by field: months, days, and a time part in seconds
 * (exact, to the nanosecond). Nothing is converted between the fields: PostgreSQL keeps
 * {@code '1 day'} and {@code '24 hours'} apart (they differ across a daylight-saving change), and so
 * does this value. Oracle normalizes its intervals when it stores them: an {@code INTERVAL YEAR TO
 * MONTH} has only months, an {@code INTERVAL DAY TO SECOND} only days and a time part below one day
 * with the sign of its days ({@code INTERVAL '36' HOUR} is stored as {@code +01 12:00:00}).
 *
 * <p>The canonical text is {@code P<months>M<days>DT<seconds>S} with the seconds a plain decimal
 * without trailing zeros, every field always written: {@code P14M-3DT129600.5S}, {@code P0M0DT0S}.
 *
 * @param months years times 12 plus months
 * @param days days
 * @param seconds the time part: hours, minutes and seconds, in seconds
 */
public record Interval(long months, long days, BigDecimal seconds) {
  public Interval {
    Objects.requireNonNull(seconds, "seconds");
    seconds = seconds.signum() == 0 ? BigDecimal.ZERO : seconds.stripTrailingZeros();
  }

  /** Whether every field is zero or has the same sign: the only intervals Oracle can store. */
  public boolean singleSign() {
    int s = Long.signum(months) + Long.signum(days) + seconds.signum();
    int nonZero = Math.abs(Long.signum(months)) + Math.abs(Long.signum(days)) + Math.abs(seconds.signum());
    return Math.abs(s) == nonZero;
  }

  public String text() {
    return "P" + months + "M" + days + "DT" + Canonical.number(seconds) + "S";
  }

  /** Reads {@link #text()} back. */
  public static Interval parse(String text) {
    int m = text.indexOf('M');
    int d = text.indexOf("DT", m);
    if (!text.startsWith("P") || m < 0 || d < 0 || !text.endsWith("S")) {
      throw new IllegalArgumentException("not an interval: " + text);
    }
    return new Interval(Long.parseLong(text.substring(1, m)), Long.parseLong(text.substring(m + 1, d)),
        new BigDecimal(text.substring(d + 2, text.length() - 1)));
  }

  @Override
  public String toString() {
    return text();
  }
}
