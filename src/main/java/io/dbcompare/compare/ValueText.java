package io.dbcompare.compare;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A typed, exact text form of a value ({@code <tag>:<canonical text>}) for the session file, where
 * chunk boundaries are stored, and for showing keys to a DBA.
 */
public final class ValueText {
  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS", Locale.ROOT);

  private ValueText() {}

  public static String encode(ValueKind kind, Object v) {
    if (v == null) {
      return "null";
    }
    return kind.tag() + ":" + Canonical.text(kind, v);
  }

  public static Object decode(String s) {
    if (s == null || s.equals("null")) {
      return null;
    }
    if (s.length() < 2 || s.charAt(1) != ':') {
      throw new IllegalArgumentException("not a typed value: " + s);
    }
    ValueKind kind = ValueKind.ofTag(s.charAt(0));
    String t = s.substring(2);
    return switch (kind) {
      case NUMBER -> SpecialNumber.ofText(t) != null ? SpecialNumber.ofText(t) : new BigDecimal(t);
      case FLOAT -> switch (t) {
        case "NaN" -> Double.NaN;
        case "Inf" -> Double.POSITIVE_INFINITY;
        case "-Inf" -> Double.NEGATIVE_INFINITY;
        default -> Double.valueOf(t);
      };
      case TEXT -> t;
      case BYTES -> Canonical.hexToBytes(t);
      case DATETIME -> t.equals(Canonical.INFINITY) ? LocalDateTime.MAX
          : t.equals(Canonical.MINUS_INFINITY) ? LocalDateTime.MIN : LocalDateTime.parse(t, DATETIME);
      case DATETIME_TZ -> t.equals(Canonical.INFINITY) ? OffsetDateTime.MAX
          : t.equals(Canonical.MINUS_INFINITY) ? OffsetDateTime.MIN
          : LocalDateTime.parse(t.substring(0, t.length() - 1), DATETIME).atOffset(ZoneOffset.UTC);
      case BOOLEAN -> t.equals("1");
      case INTERVAL -> Interval.parse(t);
      // an array is never a key, so never a chunk boundary: its text is only shown
      case ARRAY -> throw new IllegalArgumentException("an array value is never read back from its text");
    };
  }

  public static List<String> encodeKey(List<ValueKind> kinds, Object[] key) {
    List<String> out = new ArrayList<>(key.length);
    for (int i = 0; i < key.length; i++) {
      out.add(encode(kinds.get(i), key[i]));
    }
    return out;
  }

  public static Object[] decodeKey(List<String> texts) {
    Object[] out = new Object[texts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = decode(texts.get(i));
    }
    return out;
  }

  /** A key as a DBA reads it in messages and summaries: {@code (ID=42, REGION=EU)}. */
  public static String display(List<String> names, List<ValueKind> kinds, Object[] key) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < key.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      String t = key[i] == null ? "NULL" : Canonical.text(kinds.get(i), key[i]);
      if (t.length() > 60) {
        // never cut a surrogate pair in half
        t = t.substring(0, Character.isHighSurrogate(t.charAt(56)) ? 56 : 57) + "...";
      }
      sb.append(names.get(i)).append('=').append(t);
    }
    return sb.append(')').toString();
  }
}
