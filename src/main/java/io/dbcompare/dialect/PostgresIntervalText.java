package io.dbcompare.dialect;

import io.dbcompare.compare.Interval;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's interval output in the {@code postgres} IntervalStyle (which every comparison session
 * sets), read back into its three fields exactly: {@code 1 year 2 mons -3 days +36:00:00.5} is 14
 * months, -3 days and 129,600.5 seconds. Years and months are printed from the month field, days from
 * the day field, and the time from the microsecond field, each with its own sign; hours are not carried
 * into days, so nothing is lost. pgJDBC's PGInterval is not used: it keeps hours in an {@code int}.
 */
final class PostgresIntervalText {
  private static final Pattern TIME = Pattern.compile("([+-])?(\\d+):(\\d{2}):(\\d{2})(\\.\\d+)?");
  private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
  private static final BigDecimal SECONDS_PER_MINUTE = BigDecimal.valueOf(60);

  private PostgresIntervalText() {}

  static Interval parse(String text) {
    long months = 0;
    long days = 0;
    BigDecimal seconds = BigDecimal.ZERO;
    String[] tokens = text.trim().split("\\s+");
    for (int i = 0; i < tokens.length; i++) {
      Matcher m = TIME.matcher(tokens[i]);
      if (m.matches()) {
        BigDecimal t = new BigDecimal(m.group(2)).multiply(SECONDS_PER_HOUR)
            .add(new BigDecimal(m.group(3)).multiply(SECONDS_PER_MINUTE))
            .add(new BigDecimal(m.group(4) + (m.group(5) == null ? "" : m.group(5))));
        seconds = "-".equals(m.group(1)) ? t.negate() : t;
        continue;
      }
      if (i + 1 >= tokens.length) {
        throw unreadable(text);
      }
      long n;
      try {
        n = Long.parseLong(tokens[i]);
      } catch (NumberFormatException e) {
        throw unreadable(text);
      }
      String unit = tokens[++i].toLowerCase(Locale.ROOT);
      switch (unit) {
        case "year", "years" -> months = Math.addExact(months, Math.multiplyExact(n, 12));
        case "mon", "mons" -> months = Math.addExact(months, n);
        case "day", "days" -> days = n;
        default -> throw unreadable(text);
      }
    }
    return new Interval(months, days, seconds);
  }

  private static IllegalArgumentException unreadable(String text) {
    return new IllegalArgumentException("unexpected PostgreSQL interval text '" + text
        + "' (the session sets IntervalStyle 'postgres')");
  }
}
