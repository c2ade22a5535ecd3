package io.dbcompare.dialect;

import io.dbcompare.compare.Interval;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Period;
import java.util.Locale;

/**
 * Intervals of the SQL standard's two classes, as Oracle and H2 store them, and their text in the SQL
 * format both read ({@code [-]D HH:MI:SS.FFFFFFFFF} and {@code [-]Y-M}: Oracle's TO_DSINTERVAL and
 * TO_YMINTERVAL, H2's interval literals and casts). A year-to-month interval is months only; a
 * day-to-second interval is days and a time part under a day, with one sign. A value with other parts
 * (from a PostgreSQL interval) has no such text and is refused, naming it.
 */
final class IntervalTexts {
  private static final BigDecimal DAY_SECONDS = BigDecimal.valueOf(86_400);
  private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);

  private IntervalTexts() {}

  /** A driver's Duration of a day-to-second interval: whole days, then the rest (with the same sign). */
  static Interval ofDuration(Duration d) {
    long days = d.toDays();
    Duration rest = d.minusDays(days);
    BigDecimal seconds = BigDecimal.valueOf(rest.getSeconds()).add(BigDecimal.valueOf(rest.getNano()).divide(NANOS));
    return new Interval(0, days, seconds);
  }

  /** A driver's Period of a year-to-month interval. */
  static Interval ofPeriod(Period p) {
    return new Interval(p.toTotalMonths(), 0, BigDecimal.ZERO);
  }

  /** {@code [-]D HH:MI:SS.FFFFFFFFF}, or a refusal naming the value and the type. */
  static String daySecond(Interval v, String type) {
    BigDecimal secs = v.seconds();
    if (v.months() != 0 || !v.singleSign() || secs.abs().compareTo(DAY_SECONDS) >= 0
        || secs.scale() > 9) {
      throw refused(v, type);
    }
    boolean negative = v.days() < 0 || secs.signum() < 0;
    BigDecimal abs = secs.abs();
    long whole = abs.setScale(0, RoundingMode.DOWN).longValueExact();
    BigDecimal fraction = abs.subtract(BigDecimal.valueOf(whole));
    String nanos = fraction.movePointRight(9).setScale(0, RoundingMode.UNNECESSARY).toPlainString();
    return String.format(Locale.ROOT, "%s%d %02d:%02d:%02d.%09d", negative ? "-" : "", Math.abs(v.days()),
        whole / 3600, whole / 60 % 60, whole % 60, Long.parseLong(nanos));
  }

  /** {@code [-]Y-M}, or a refusal naming the value and the type. */
  static String yearMonth(Interval v, String type) {
    if (v.days() != 0 || v.seconds().signum() != 0) {
      throw refused(v, type);
    }
    long m = Math.abs(v.months());
    return (v.months() < 0 ? "-" : "") + m / 12 + "-" + m % 12;
  }

  static boolean isYearMonth(String typeName) {
    String t = typeName.toUpperCase(Locale.ROOT);
    return t.startsWith("INTERVAL YEAR") || t.startsWith("INTERVAL MONTH");
  }

  private static CompareException refused(Interval v, String type) {
    return new CompareException(ErrorCode.TABLE_FAILED, "the interval " + v.text() + " cannot be written to an "
        + type + " column: it holds " + (isYearMonth(type) ? "months only" : "days and a time under one day, with"
        + " one sign") + " (a PostgreSQL interval with other parts has no equal there)");
  }
}
