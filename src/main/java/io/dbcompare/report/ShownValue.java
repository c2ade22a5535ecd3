package io.dbcompare.report;

import com.google.common.hash.Hashing;
import io.dbcompare.compare.Canonical;
import io.dbcompare.compare.ValueKind;
import java.nio.charset.StandardCharsets;

/**
 * A value as the reports show it: its canonical text (numbers without trailing zeros, date-times with
 * nine fraction digits, zoned times in UTC, bytes as hex), or, for a long value such as a LOB, the
 * beginning of that text with the value's full length and SHA-256, so that a report stays small and a
 * DBA can still tell two long values apart (and check one in the database with its hash function).
 *
 * @param text the canonical text, or its first {@link #PREFIX} characters when {@code shortened}
 * @param length characters of the text (bytes for a binary value)
 * @param lengthUnit {@code characters} or {@code bytes}
 * @param sha256 hex SHA-256 of the value's UTF-8 text (of the bytes for a binary value); null unless shortened
 */
public record ShownValue(String text, boolean shortened, long length, String lengthUnit, String sha256) {
  /** Longer values are shortened... */
  static final int LIMIT = 256;
  /** ...to this many characters. */
  static final int PREFIX = 120;

  /** The value as shown, or null for SQL NULL. */
  public static ShownValue of(ValueKind kind, Object v) {
    if (v == null) {
      return null;
    }
    String text = Canonical.text(kind, v);
    boolean binary = kind == ValueKind.BYTES;
    long length = binary ? ((byte[]) v).length : text.codePointCount(0, text.length());
    String unit = binary ? "bytes" : "characters";
    if (text.length() <= LIMIT) {
      return new ShownValue(text, false, length, unit, null);
    }
    byte[] hashed = binary ? (byte[]) v : text.getBytes(StandardCharsets.UTF_8);
    int cut = Character.isHighSurrogate(text.charAt(PREFIX - 1)) ? PREFIX - 1 : PREFIX;
    return new ShownValue(text.substring(0, cut), true, length, unit, Hashing.sha256().hashBytes(hashed).toString());
  }

  /** One line for text files: quoted, control characters escaped, a shortened value with its length and hash. */
  public String quoted() {
    StringBuilder sb = new StringBuilder("'");
    text.codePoints().forEach(c -> {
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x85) {
            sb.append(String.format("\\u%04X", c));
          } else {
            sb.appendCodePoint(c);
          }
        }
      }
    });
    sb.append('\'');
    if (shortened) {
      sb.append("... (").append(Human.count(length)).append(' ').append(lengthUnit).append(", SHA-256 ")
          .append(sha256).append(')');
    }
    return sb.toString();
  }
}
