package io.dbcompare.dialect;

import java.util.Optional;

/**
 * Which source and target column types are compared: kinds equal (checked by the resolver) and
 * families that fit. A family fits itself; PostgreSQL's {@code interval} (months, days and a time part,
 * any signs) fits Oracle's and H2's {@code INTERVAL YEAR TO MONTH} and {@code INTERVAL DAY TO SECOND}:
 * each of their values is one PostgreSQL interval, and a PostgreSQL value with a part the other type
 * cannot hold is a difference (and its sync literal is refused). Everything else is refused with the
 * reason, rather than compared by a text that may spell one value in several ways.
 */
public final class TypePairs {
  /** PostgreSQL's interval. */
  public static final String INTERVAL = "interval";
  /** Oracle and H2 INTERVAL YEAR TO MONTH (and YEAR, MONTH in H2). */
  public static final String INTERVAL_YM = "interval year to month";
  /** H2's JSON, as H2 stores it (its own normalized text). */
  public static final String H2_JSON = "H2 json";
  /** Oracle and H2 INTERVAL DAY TO SECOND (and DAY, DAY TO HOUR, DAY TO MINUTE in H2). */
  public static final String INTERVAL_DS = "interval day to second";

  private TypePairs() {}

  /** Why columns of these families are not compared, or empty when they are. */
  public static Optional<String> refusal(ColumnKind source, ColumnKind target) {
    String s = source.family();
    String t = target.family();
    if (s.equals(t) || s.equals(INTERVAL) && t.startsWith(INTERVAL) || t.equals(INTERVAL) && s.startsWith(INTERVAL)) {
      return Optional.empty();
    }
    if (s.equals(H2_JSON) || t.equals(H2_JSON)) {
      return Optional.of("H2 stores JSON in its own normalized spelling (no blanks, escapes and exponents"
          + " rewritten), which neither PostgreSQL json (the text as written) nor jsonb (keys sorted, blanks added)"
          + " nor any text column keeps: the same document would differ, and a sync could never make it equal");
    }
    if (s.startsWith(INTERVAL) && t.startsWith(INTERVAL)) {
      return Optional.of("a year-to-month interval never equals a day-to-second interval");
    }
    return Optional.of("values of " + s + " and of " + t + " have no exact equivalence");
  }
}
