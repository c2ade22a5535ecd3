package io.dbcompare.compare;

import com.google.common.io.BaseEncoding;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The canonical text of a single value: one spelling per value, whatever database it came from. Two
 * values are equal for the comparison exactly when their canonical texts are equal.
 *
 * <ul>
 *   <li>numbers: plain decimal without trailing zeros, no exponent ({@code 1}, {@code 1.0} and
 *       {@code 1.00} are all {@code 1}; {@code 0.5} is {@code 0.5})
 *   <li>floats: {@code NaN}, {@code Inf}, {@code -Inf}, or the shortest decimal that round-trips; -0 is 0
 *   <li>date-times: {@code yyyy-MM-dd HH:mm:ss.nnnnnnnnn} (always 9 fraction digits)
 *   <li>date-times with zone: the UTC instant, same form plus {@code Z}
 *   <li>bytes: lower-case hex
 *   <li>booleans: {@code 1} / {@code 0}
 *   <li>intervals: {@code P<months>M<days>DT<seconds>S} ({@link Interval})
 *   <li>arrays: PostgreSQL's array text of the elements' canonical texts ({@link ArrayValue})
 *   <li>PostgreSQL's numeric {@code NaN}, {@code Infinity}, {@code -Infinity} ({@link SpecialNumber}) and
 *       date-time {@code infinity}, {@code -infinity}: those words
 * </ul>
 */
public final class Canonical {
  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS", Locale.ROOT);
  private static final BaseEncoding HEX = BaseEncoding.base16().lowerCase();

  private Canonical() {}

  public static String text(ValueKind kind, Object v) {
    return switch (kind) {
      case NUMBER -> v instanceof SpecialNumber s ? s.text() : number((BigDecimal) v);
      case FLOAT -> floating((Double) v);
      case TEXT -> (String) v;
      case BYTES -> HEX.encode((byte[]) v);
      case DATETIME -> v.equals(LocalDateTime.MAX) ? INFINITY : v.equals(LocalDateTime.MIN) ? MINUS_INFINITY
          : DATETIME.format((LocalDateTime) v);
      case DATETIME_TZ -> v.equals(OffsetDateTime.MAX) ? INFINITY : v.equals(OffsetDateTime.MIN) ? MINUS_INFINITY
          : DATETIME.format(((OffsetDateTime) v).withOffsetSameInstant(ZoneOffset.UTC)) + "Z";
      case BOOLEAN -> ((Boolean) v) ? "1" : "0";
      case INTERVAL -> ((Interval) v).text();
      case ARRAY -> ((ArrayValue) v).text();
    };
  }

  /**
   * PostgreSQL's {@code infinity} and {@code -infinity} of timestamp, date and timestamptz, read by pgJDBC
   * as {@code LocalDateTime.MAX}/{@code MIN} ({@code LocalDate} and {@code OffsetDateTime} likewise):
   * these texts, which no date-time's text can be. No other database holds them.
   */
  public static final String INFINITY = "infinity";
  public static final String MINUS_INFINITY = "-infinity";

  /** Whether a DATETIME or DATETIME_TZ value is PostgreSQL's {@code infinity} or {@code -infinity}. */
  public static boolean isInfinite(Object v) {
    return v.equals(LocalDateTime.MAX) || v.equals(LocalDateTime.MIN) || v.equals(OffsetDateTime.MAX)
        || v.equals(OffsetDateTime.MIN);
  }

  /**
   * Whether two values of one kind are equal for the comparison: the same canonical text ({@code 1},
   * {@code 1.0} and {@code 1.00} are one NUMBER; date-times equal to the nanosecond; zoned times equal as
   * instants). NULL equals only NULL: an empty string read as NULL under the empty-string policy was made
   * NULL when it was read, so it is NULL here too.
   */
  public static boolean sameValue(ValueKind kind, Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    return text(kind, a).equals(text(kind, b));
  }

  public static String number(BigDecimal d) {
    if (d.signum() == 0) {
      return "0";
    }
    return d.stripTrailingZeros().toPlainString();
  }

  public static String floating(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Inf" : "-Inf";
    }
    if (d == 0.0) {
      return "0";
    }
    return number(new BigDecimal(Double.toString(d)));
  }

  /**
   * The bytes hashed for one row: for each column, {@code N} for NULL, or {@code V<len>:<text>} where
   * len is the UTF-8 byte length of the canonical text. Length prefixes make the encoding unambiguous:
   * ('a','bc') and ('ab','c') differ, and NULL differs from the string 'NULL' and from ''.
   */
  public static void appendEncoded(StringBuilder sb, ValueKind kind, Object v) {
    if (v == null) {
      sb.append('N');
      return;
    }
    String t = text(kind, v);
    sb.append('V').append(utf8Length(t)).append(':').append(t);
  }

  /** The UTF-8 byte length of a string, without encoding it. */
  public static int utf8Length(CharSequence s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  public static byte[] hexToBytes(String hex) {
    return HEX.decode(hex.toLowerCase(Locale.ROOT));
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
