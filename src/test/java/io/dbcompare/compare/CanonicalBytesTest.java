package io.dbcompare.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bytes written for hashing are exactly the UTF-8 of the canonical encoding, value by value. */
class CanonicalBytesTest {

  private static byte[] written(ValueKind kind, Object v) {
    CanonicalBytes b = new CanonicalBytes();
    b.appendEncoded(kind, v);
    return Arrays.copyOf(b.bytes(), b.length());
  }

  private static void assertSame(ValueKind kind, Object v) {
    StringBuilder sb = new StringBuilder();
    Canonical.appendEncoded(sb, kind, v);
    assertArrayEquals(sb.toString().getBytes(StandardCharsets.UTF_8), written(kind, v),
        () -> kind + " " + v + ": expected " + sb);
  }

  @Test
  void numbersOfEveryScaleAndSign() {
    List<BigDecimal> values = new ArrayList<>(List.of(BigDecimal.ZERO, new BigDecimal("0.000"),
        new BigDecimal("-0.00"), new BigDecimal("5E+3"), new BigDecimal("-5E+3"), new BigDecimal("1E-20"),
        new BigDecimal("1.00"), new BigDecimal("100"), new BigDecimal("1250.00"), new BigDecimal("-0.5"),
        new BigDecimal("0.001"), new BigDecimal("-12345.678900"), new BigDecimal("999999999999999999"),
        new BigDecimal("-999999999999999999"), new BigDecimal("0.999999999999999999"),
        new BigDecimal("1000000000000000000"), new BigDecimal("9223372036854775807"),
        new BigDecimal("-9223372036854775808"), new BigDecimal("99999999999999999999.99999999"),
        new BigDecimal("12345678901234567890123456789012345678"), new BigDecimal("-1234567890123456789012345678.90"),
        new BigDecimal(BigInteger.valueOf(7), -25), new BigDecimal(BigInteger.valueOf(-70), 40)));
    Random r = new Random(13);
    for (int i = 0; i < 20_000; i++) {
      long unscaled = switch (i % 4) {
        case 0 -> r.nextInt(1000) - 500;
        case 1 -> r.nextLong() % 1_000_000_000_000L;
        case 2 -> r.nextLong() / (1 + r.nextInt(1000));
        default -> (long) r.nextInt(100) * (long) Math.pow(10, r.nextInt(15));
      };
      values.add(new BigDecimal(BigInteger.valueOf(unscaled), r.nextInt(41) - 20));
    }
    for (BigDecimal d : values) {
      assertSame(ValueKind.NUMBER, d);
    }
    assertSame(ValueKind.NUMBER, SpecialNumber.NAN);
    assertSame(ValueKind.NUMBER, SpecialNumber.NEGATIVE_INFINITY);
  }

  @Test
  void dateTimesAtTheEdgesOfTheirYears() {
    List<LocalDateTime> values = List.of(LocalDateTime.of(0, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59,
        999_999_999), LocalDateTime.of(10_000, 1, 1, 0, 0), LocalDateTime.of(-1, 12, 31, 23, 59, 59, 1),
        LocalDateTime.of(-4712, 1, 1, 0, 0), LocalDateTime.of(1, 1, 1, 0, 0, 0, 1), LocalDateTime.of(2024, 2, 29, 7, 5, 3,
        120_000_000), LocalDateTime.MAX, LocalDateTime.MIN);
    for (LocalDateTime t : values) {
      assertSame(ValueKind.DATETIME, t);
      for (ZoneOffset z : List.of(ZoneOffset.UTC, ZoneOffset.ofHours(14), ZoneOffset.ofHoursMinutes(-9, -30))) {
        if (!t.equals(LocalDateTime.MAX) && !t.equals(LocalDateTime.MIN)) {
          assertSame(ValueKind.DATETIME_TZ, OffsetDateTime.of(t, z));
        }
      }
    }
    assertSame(ValueKind.DATETIME_TZ, OffsetDateTime.MAX);
    assertSame(ValueKind.DATETIME_TZ, OffsetDateTime.MIN);
    // the offset moves the instant into another year: year 10000 in UTC is the formatter's
    assertSame(ValueKind.DATETIME_TZ, OffsetDateTime.of(9999, 12, 31, 23, 0, 0, 0, ZoneOffset.ofHours(-2)));
    assertSame(ValueKind.DATETIME_TZ, OffsetDateTime.of(0, 1, 1, 0, 30, 0, 0, ZoneOffset.ofHours(1)));
  }

  @Test
  void textBytesBooleansFloatsAndIntervals() {
    for (String s : List.of("", " ", "a", "N", "V1:x", "h\u00e9llo", "\u20ac", "\uD83D\uDE00 smile", "\u0000",
        "x".repeat(70_000), "\u00ff".repeat(300))) {
      assertSame(ValueKind.TEXT, s);
    }
    assertSame(ValueKind.BYTES, new byte[0]);
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    assertSame(ValueKind.BYTES, all);
    assertSame(ValueKind.BOOLEAN, true);
    assertSame(ValueKind.BOOLEAN, false);
    for (double d : new double[] {0.0, -0.0, 1.25, Double.NaN, Double.NEGATIVE_INFINITY, 1e300, Double.MIN_VALUE}) {
      assertSame(ValueKind.FLOAT, d);
    }
    assertSame(ValueKind.INTERVAL, new Interval(-14, 3, new BigDecimal("-0.000001")));
    assertSame(ValueKind.TEXT, null);
  }

  /** A lone surrogate is written as its 3-byte form, so texts that differ only there still differ. */
  @Test
  void loneSurrogatesStayApart() {
    byte[] a = written(ValueKind.TEXT, "x\uD800");
    byte[] b = written(ValueKind.TEXT, "x\uD801");
    assertFalse(Arrays.equals(a, b));
    assertEquals("V4:x", new String(a, 0, 4, StandardCharsets.US_ASCII), "the length counts 3 bytes");
    assertArrayEquals(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, Arrays.copyOfRange(a, 4, 7));
  }

  @Test
  void aRowIsItsValuesOneAfterAnother() {
    CanonicalBytes b = new CanonicalBytes();
    b.appendEncoded(ValueKind.NUMBER, new BigDecimal("1.50"));
    b.appendEncoded(ValueKind.TEXT, null);
    b.appendEncoded(ValueKind.TEXT, "ab");
    assertEquals("V3:1.5NV2:ab", new String(b.bytes(), 0, b.length(), StandardCharsets.UTF_8));
    b.reset();
    assertEquals(0, b.length());
  }
}
