package io.dbcompare.compare;

/**
 * The values of a NUMBER column that are not numbers: PostgreSQL {@code numeric} holds {@code NaN}
 * (and, from 14 on, {@code Infinity} and {@code -Infinity}); Oracle NUMBER and H2 NUMERIC hold none of
 * them, so such a value never equals anything there. Canonical texts are PostgreSQL's own spellings,
 * which its {@code numeric::text} gives and no decimal number can have. In key order they sort as
 * PostgreSQL's btree sorts them: {@code -Infinity} below every number, {@code Infinity} above, and
 * {@code NaN} above everything.
 */
public enum SpecialNumber {
  NEGATIVE_INFINITY("-Infinity", -1),
  INFINITY("Infinity", 1),
  NAN("NaN", 2);

  private final String text;
  private final int rank;

  SpecialNumber(String text, int rank) {
    this.text = text;
    this.rank = rank;
  }

  public String text() {
    return text;
  }

  /** The value of a canonical text, or null when {@code text} is a number. */
  public static SpecialNumber ofText(String text) {
    for (SpecialNumber s : values()) {
      if (s.text.equals(text)) {
        return s;
      }
    }
    return null;
  }

  /** Compares two NUMBER values, each a BigDecimal or a SpecialNumber. */
  static int compare(Object a, Object b) {
    int ra = a instanceof SpecialNumber s ? s.rank : 0;
    int rb = b instanceof SpecialNumber s ? s.rank : 0;
    if (ra != 0 || rb != 0) {
      return Integer.compare(ra, rb);
    }
    return ((java.math.BigDecimal) a).compareTo((java.math.BigDecimal) b);
  }
}
