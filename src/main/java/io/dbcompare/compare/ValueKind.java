package io.dbcompare.compare;

/**
 * The canonical kinds of value the comparison knows. Each database type maps to exactly one kind, and
 * each kind has one Java representation that keeps the value exactly:
 *
 * <ul>
 *   <li>{@link #NUMBER}: {@link java.math.BigDecimal} (NUMBER, NUMERIC, integers; never through double)
 *   <li>{@link #FLOAT}: {@link Double} (BINARY_FLOAT/DOUBLE, real, double precision)
 *   <li>{@link #TEXT}: {@link String} (VARCHAR2, CHAR, CLOB, text...)
 *   <li>{@link #BYTES}: {@code byte[]} (RAW, BLOB, bytea...)
 *   <li>{@link #DATETIME}: {@link java.time.LocalDateTime} (DATE with its time part, TIMESTAMP to ns)
 *   <li>{@link #DATETIME_TZ}: {@link java.time.OffsetDateTime} (TIMESTAMP WITH TIME ZONE; compared as instants)
 *   <li>{@link #BOOLEAN}: {@link Boolean}
 *   <li>{@link #INTERVAL}: {@link Interval} (PostgreSQL interval, Oracle and H2 INTERVAL types)
 *   <li>{@link #ARRAY}: {@link ArrayValue} (PostgreSQL arrays, H2 ARRAY types), elements of another kind
 * </ul>
 *
 * <p>Some kinds hold a few values beyond their main class: NUMBER also {@link SpecialNumber} (PostgreSQL
 * numeric {@code NaN} and infinities), DATETIME also {@link java.time.LocalDateTime#MAX}/{@code MIN}
 * and DATETIME_TZ {@link java.time.OffsetDateTime#MAX}/{@code MIN} (PostgreSQL {@code infinity} and
 * {@code -infinity}, the values pgJDBC reads them as).
 */
public enum ValueKind {
  NUMBER('N'),
  FLOAT('F'),
  TEXT('S'),
  BYTES('B'),
  DATETIME('T'),
  DATETIME_TZ('Z'),
  BOOLEAN('L'),
  INTERVAL('I'),
  ARRAY('A');

  private final char tag;

  ValueKind(char tag) {
    this.tag = tag;
  }

  /** A one-character tag used in the canonical encoding and the text form of key values. */
  public char tag() {
    return tag;
  }

  public static ValueKind ofTag(char tag) {
    for (ValueKind k : values()) {
      if (k.tag == tag) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown value tag '" + tag + "'");
  }
}
