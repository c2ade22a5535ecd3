package io.dbcompare.compare;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * A row's canonical encoding ({@link Canonical#appendEncoded}) written as UTF-8 bytes into a reusable
 * buffer, for hashing in Java without a String per row or per value. The bytes are exactly the UTF-8 of
 * the encoding's text; the common values are written straight from their fields, everything else goes
 * through {@link Canonical#text}:
 *
 * <ul>
 *   <li>NUMBER whose unscaled value has at most 18 digits: digits of the unscaled long, trailing
 *       fraction zeros dropped (what {@code stripTrailingZeros().toPlainString()} prints)
 *   <li>DATETIME and DATETIME_TZ in the years 0 to 9999: the digits of the fields (other years carry a
 *       sign or a fifth digit: the formatter writes those)
 *   <li>TEXT: its characters encoded here; BYTES: lower-case hex; BOOLEAN: {@code 1} or {@code 0}
 * </ul>
 *
 * <p>One exception to "the UTF-8 of the text": a lone surrogate (a broken UTF-16 string, which no
 * database stores) is written as its own 3-byte form, as {@link Canonical#utf8Length} counts it, where
 * {@code String.getBytes} would write {@code ?}: two texts that differ only there still differ here.
 *
 * <p>Not thread-safe: one per thread ({@link RowHasher} keeps one per thread).
 */
final class CanonicalBytes {
  /** A buffer grown past this by one wide row is dropped after the row, not kept for the thread. */
  static final int KEEP_AT_MOST = 1 << 20;
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private byte[] buf = new byte[256];
  private int len;

  void reset() {
    len = 0;
    if (buf.length > KEEP_AT_MOST) {
      buf = new byte[256];
    }
  }

  byte[] bytes() {
    return buf;
  }

  int length() {
    return len;
  }

  /** {@code N} for NULL, else {@code V<utf-8 length>:<text>}, as {@link Canonical#appendEncoded}. */
  void appendEncoded(ValueKind kind, Object v) {
    if (v == null) {
      put((byte) 'N');
      return;
    }
    switch (kind) {
      case TEXT -> text((String) v);
      case NUMBER -> {
        if (!(v instanceof BigDecimal d) || !number(d)) {
          text(Canonical.text(kind, v));
        }
      }
      case DATETIME -> {
        LocalDateTime t = (LocalDateTime) v;
        if (!plainYear(t)) { // also LocalDateTime.MAX and MIN, PostgreSQL's infinities
          text(Canonical.text(kind, v));
        } else {
          header(29);
          dateTime(t);
        }
      }
      case DATETIME_TZ -> {
        OffsetDateTime o = (OffsetDateTime) v;
        LocalDateTime t = o.equals(OffsetDateTime.MAX) || o.equals(OffsetDateTime.MIN) ? null
            : o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        if (t == null || !plainYear(t)) {
          text(Canonical.text(kind, v));
        } else {
          header(30);
          dateTime(t);
          put((byte) 'Z');
        }
      }
      case BYTES -> {
        byte[] b = (byte[]) v;
        header(2L * b.length);
        ensure(2 * b.length);
        for (byte x : b) {
          buf[len++] = HEX[(x >> 4) & 0xF];
          buf[len++] = HEX[x & 0xF];
        }
      }
      case BOOLEAN -> {
        header(1);
        put((byte) (((Boolean) v) ? '1' : '0'));
      }
      default -> text(Canonical.text(kind, v));
    }
  }

  /** {@code V<len>:} then the text in UTF-8. */
  private void text(String s) {
    int bytes = Canonical.utf8Length(s);
    header(bytes);
    ensure(bytes);
    int n = s.length();
    byte[] b = buf;
    int p = len;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        b[p++] = (byte) c;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        b[p++] = (byte) (0xF0 | (cp >> 18));
        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        // a 3-byte character, or a lone surrogate as its own 3-byte form (see the class comment)
        b[p++] = (byte) (0xE0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    len = p;
  }

  /**
   * A number whose unscaled value fits 18 digits, written as {@link Canonical#number} would; false
   * (nothing written) for a wider one.
   */
  private boolean number(BigDecimal d) {
    if (d.signum() == 0) {
      header(1);
      put((byte) '0');
      return true;
    }
    if (d.precision() > 18) {
      return false;
    }
    long u = d.unscaledValue().longValue();
    int scale = d.scale();
    while (scale > 0 && u % 10 == 0) {
      u /= 10;
      scale--;
    }
    boolean negative = u < 0;
    long abs = Math.abs(u);
    int digits = digits(abs);
    // plain text: [-] digits [zeros for a negative scale] | [-] int . fraction | [-] 0. zeros digits
    int textLength = (negative ? 1 : 0)
        + (scale <= 0 ? digits - scale : digits > scale ? digits + 1 : 2 + scale);
    header(textLength);
    ensure(textLength);
    if (negative) {
      buf[len++] = '-';
    }
    if (scale <= 0) {
      writeDigits(abs, digits);
      for (int i = 0; i < -scale; i++) {
        buf[len++] = '0';
      }
    } else if (digits > scale) {
      int start = len;
      writeDigits(abs, digits);
      // move the fraction one place right to make room for the point
      System.arraycopy(buf, start + digits - scale, buf, start + digits - scale + 1, scale);
      buf[start + digits - scale] = '.';
      len++;
    } else {
      buf[len++] = '0';
      buf[len++] = '.';
      for (int i = 0; i < scale - digits; i++) {
        buf[len++] = '0';
      }
      writeDigits(abs, digits);
    }
    return true;
  }

  private static boolean plainYear(LocalDateTime t) {
    return t.getYear() >= 0 && t.getYear() <= 9999;
  }

  /** {@code yyyy-MM-dd HH:mm:ss.nnnnnnnnn}: 29 bytes. */
  private void dateTime(LocalDateTime t) {
    ensure(29);
    fixed(t.getYear(), 4);
    buf[len++] = '-';
    fixed(t.getMonthValue(), 2);
    buf[len++] = '-';
    fixed(t.getDayOfMonth(), 2);
    buf[len++] = ' ';
    fixed(t.getHour(), 2);
    buf[len++] = ':';
    fixed(t.getMinute(), 2);
    buf[len++] = ':';
    fixed(t.getSecond(), 2);
    buf[len++] = '.';
    fixed(t.getNano(), 9);
  }

  /** {@code V<n>:}. */
  private void header(long textLength) {
    ensure(22);
    buf[len++] = 'V';
    int digits = digits(textLength);
    writeDigits(textLength, digits);
    buf[len++] = ':';
  }

  /** A non-negative value in exactly {@code width} digits, zero-padded. */
  private void fixed(int v, int width) {
    writeDigits(v, width);
  }

  /** The last {@code digits} digits of a non-negative value, two at a time from the right. */
  private void writeDigits(long v, int digits) {
    byte[] b = buf;
    int i = len + digits;
    while (i - len >= 2) {
      int pair = (int) (v % 100);
      v /= 100;
      b[--i] = ONES[pair];
      b[--i] = TENS[pair];
    }
    if (i > len) {
      b[--i] = (byte) ('0' + v % 10);
    }
    len += digits;
  }

  private static final long[] POWERS = new long[19];
  private static final byte[] TENS = new byte[100];
  private static final byte[] ONES = new byte[100];

  static {
    long p = 1;
    for (int i = 0; i < POWERS.length; i++) {
      POWERS[i] = p;
      p *= 10;
    }
    for (int i = 0; i < 100; i++) {
      TENS[i] = (byte) ('0' + i / 10);
      ONES[i] = (byte) ('0' + i % 10);
    }
  }

  /** The number of decimal digits of a non-negative value. */
  private static int digits(long v) {
    int n = 1;
    while (n < POWERS.length && v >= POWERS[n]) {
      n++;
    }
    return n;
  }

  private void put(byte b) {
    ensure(1);
    buf[len++] = b;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }
}
