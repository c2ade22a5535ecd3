package io.dbcompare.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalTest {

  // ---- numbers -------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "1, 1",
      "1.0, 1",
      "1.00, 1",
      "0.5, 0.5",
      "0.50, 0.5",
      "-0.0050, -0.005",
      "-1.10, -1.1",
      "100, 100",
      "1E+3, 1000",
      "1.2E-7, 0.00000012",
      "0, 0",
      "0.00, 0",
      "0E-10, 0",
      "0E+5, 0",
      "-0.000, 0",
      "12345678901234567890123456789012345678, 12345678901234567890123456789012345678",
      "-99999999999999999999999999999999999999, -99999999999999999999999999999999999999",
      "1234567890123456789012345678901234567.8, 1234567890123456789012345678901234567.8",
      "0.12345678901234567890123456789012345678, 0.12345678901234567890123456789012345678",
      "12345678901234567890123456789012345678.000, 12345678901234567890123456789012345678",
  })
  void numbersHaveOneSpelling(String in, String expected) {
    assertEquals(expected, Canonical.number(new BigDecimal(in)));
    assertEquals(expected, Canonical.text(ValueKind.NUMBER, new BigDecimal(in)));
  }

  @Test
  void equalNumbersWithDifferentScaleHaveTheSameText() {
    String one = Canonical.number(BigDecimal.ONE);
    assertEquals(one, Canonical.number(new BigDecimal("1.0")));
    assertEquals(one, Canonical.number(new BigDecimal("1.00")));
    assertEquals(one, Canonical.number(new BigDecimal("0.1E1")));
    assertEquals(one, Canonical.number(BigDecimal.valueOf(100, 2)));
    assertNotEquals(one, Canonical.number(new BigDecimal("1.000000000000000000000000000000000001")));
    assertNotEquals(Canonical.number(new BigDecimal("10")), Canonical.number(BigDecimal.ONE));
  }

  @Test
  void numbersNeverUseExponentNotation() {
    assertEquals("1" + "0".repeat(40), Canonical.number(new BigDecimal("1E+40")));
    assertEquals("0." + "0".repeat(39) + "1", Canonical.number(new BigDecimal("1E-40")));
  }

  // ---- floats --------------------------------------------------------------------------------

  @Test
  void specialFloats() {
    assertEquals("NaN", Canonical.floating(Double.NaN));
    assertEquals("Inf", Canonical.floating(Double.POSITIVE_INFINITY));
    assertEquals("-Inf", Canonical.floating(Double.NEGATIVE_INFINITY));
    assertEquals("0", Canonical.floating(-0.0));
    assertEquals("0", Canonical.floating(0.0));
    assertEquals("NaN", Canonical.text(ValueKind.FLOAT, Double.NaN));
    assertEquals("-Inf", Canonical.text(ValueKind.FLOAT, Double.NEGATIVE_INFINITY));
    assertEquals(Canonical.text(ValueKind.FLOAT, 0.0), Canonical.text(ValueKind.FLOAT, -0.0));
  }

  @Test
  void ordinaryFloatsUseShortestPlainDecimal() {
    assertEquals("1", Canonical.floating(1.0));
    assertEquals("1.5", Canonical.floating(1.5));
    assertEquals("-2.25", Canonical.floating(-2.25));
    assertEquals("0.1", Canonical.floating(0.1));
    assertEquals("100000000000000000000", Canonical.floating(1e20));
    assertEquals("0.0000001", Canonical.floating(1e-7));
    assertNotEquals(Canonical.floating(0.1 + 0.2), Canonical.floating(0.3));
    // the float text and the number text agree for values both can hold exactly
    assertEquals(Canonical.number(new BigDecimal("12.50")), Canonical.floating(12.5));
  }

  @Test
  void floatTextRoundTrips() {
    Random rnd = new Random(42);
    for (int i = 0; i < 2000; i++) {
      double d = Double.longBitsToDouble(rnd.nextLong());
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        continue;
      }
      assertEquals(d == 0.0 ? 0.0 : d, Double.parseDouble(Canonical.floating(d)), "value " + d);
    }
  }

  // ---- date-times ----------------------------------------------------------------------------

  @Test
  void dateTimesAlwaysHaveNineFractionDigits() {
    assertEquals("2024-01-02 03:04:05.000000000",
        Canonical.text(ValueKind.DATETIME, LocalDateTime.of(2024, 1, 2, 3, 4, 5)));
    assertEquals("2024-01-02 03:04:05.123456789",
        Canonical.text(ValueKind.DATETIME, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_789)));
    assertEquals("2024-01-02 03:04:05.000001000",
        Canonical.text(ValueKind.DATETIME, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 1_000)));
    assertEquals("0001-12-31 23:59:59.100000000",
        Canonical.text(ValueKind.DATETIME, LocalDateTime.of(1, 12, 31, 23, 59, 59, 100_000_000)));
    assertEquals("2024-01-02 00:00:00.000000000",
        Canonical.text(ValueKind.DATETIME, LocalDateTime.of(2024, 1, 2, 0, 0)));
  }

  @Test
  void dateTimesWithZoneAreUtcInstants() {
    OffsetDateTime india = OffsetDateTime.of(2024, 1, 2, 5, 30, 0, 123_456_789, ZoneOffset.ofHoursMinutes(5, 30));
    assertEquals("2024-01-02 00:00:00.123456789Z", Canonical.text(ValueKind.DATETIME_TZ, india));

    // crossing the date line backwards
    OffsetDateTime berlin = OffsetDateTime.of(2024, 1, 1, 1, 0, 0, 0, ZoneOffset.ofHours(2));
    assertEquals("2023-12-31 23:00:00.000000000Z", Canonical.text(ValueKind.DATETIME_TZ, berlin));

    // the same instant in different offsets has one text
    OffsetDateTime utc = india.withOffsetSameInstant(ZoneOffset.UTC);
    OffsetDateTime ny = india.withOffsetSameInstant(ZoneOffset.ofHours(-5));
    assertEquals(Canonical.text(ValueKind.DATETIME_TZ, utc), Canonical.text(ValueKind.DATETIME_TZ, india));
    assertEquals(Canonical.text(ValueKind.DATETIME_TZ, ny), Canonical.text(ValueKind.DATETIME_TZ, india));

    // same local time, different offset: different instants
    OffsetDateTime sameLocal = india.withOffsetSameLocal(ZoneOffset.UTC);
    assertNotEquals(Canonical.text(ValueKind.DATETIME_TZ, sameLocal), Canonical.text(ValueKind.DATETIME_TZ, india));
  }

  // ---- bytes, booleans, text -----------------------------------------------------------------

  @Test
  void bytesAreLowerCaseHex() {
    assertEquals("000fabff7f80",
        Canonical.text(ValueKind.BYTES, new byte[] {0x00, 0x0f, (byte) 0xAB, (byte) 0xFF, 0x7F, (byte) 0x80}));
    assertEquals("", Canonical.text(ValueKind.BYTES, new byte[0]));
    byte[] back = Canonical.hexToBytes("DEADbeef");
    assertEquals("deadbeef", Canonical.text(ValueKind.BYTES, back));
  }

  @Test
  void booleansAndText() {
    assertEquals("1", Canonical.text(ValueKind.BOOLEAN, Boolean.TRUE));
    assertEquals("0", Canonical.text(ValueKind.BOOLEAN, Boolean.FALSE));
    assertEquals("h\u00e9llo \uD83D\uDE00", Canonical.text(ValueKind.TEXT, "h\u00e9llo \uD83D\uDE00"));
    assertEquals("", Canonical.text(ValueKind.TEXT, ""));
  }

  // ---- the row encoding ----------------------------------------------------------------------

  private static String enc(ValueKind kind, Object... values) {
    StringBuilder sb = new StringBuilder();
    for (Object v : values) {
      Canonical.appendEncoded(sb, kind, v);
    }
    return sb.toString();
  }

  @Test
  void encodingSeparatesAdjacentValues() {
    assertNotEquals(enc(ValueKind.TEXT, "a", "bc"), enc(ValueKind.TEXT, "ab", "c"));
    assertNotEquals(enc(ValueKind.TEXT, "", "a"), enc(ValueKind.TEXT, "a", ""));
    assertNotEquals(enc(ValueKind.TEXT, "a", null), enc(ValueKind.TEXT, null, "a"));
    assertEquals("V1:aV2:bc", enc(ValueKind.TEXT, "a", "bc"));
    assertEquals("V2:abV1:c", enc(ValueKind.TEXT, "ab", "c"));
  }

  @Test
  void nullDiffersFromTheWordNullAndFromEmpty() {
    String nul = enc(ValueKind.TEXT, (Object) null);
    String word = enc(ValueKind.TEXT, "NULL");
    String empty = enc(ValueKind.TEXT, "");
    String n = enc(ValueKind.TEXT, "N");
    assertEquals("N", nul);
    assertEquals("V4:NULL", word);
    assertEquals("V0:", empty);
    assertEquals(4, List.of(nul, word, empty, n).stream().distinct().count());
  }

  @Test
  void encodingIsInjectiveOnTuplesOfTrickyStrings() {
    // Strings made of the encoding's own characters; every distinct tuple must encode differently.
    String[] alphabet = {"", "V", "N", ":", "1", "V1:", "N", "a", "\uD83D\uDE00"};
    Random rnd = new Random(7);
    Map<String, List<String>> seen = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      int cols = 1 + rnd.nextInt(3);
      List<String> tuple = new ArrayList<>();
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < cols; c++) {
        String v;
        if (rnd.nextInt(6) == 0) {
          v = null;
        } else {
          StringBuilder s = new StringBuilder();
          int parts = rnd.nextInt(4);
          for (int p = 0; p < parts; p++) {
            s.append(alphabet[rnd.nextInt(alphabet.length)]);
          }
          v = s.toString();
        }
        tuple.add(v);
        Canonical.appendEncoded(sb, ValueKind.TEXT, v);
      }
      List<String> prev = seen.putIfAbsent(sb.toString(), tuple);
      if (prev != null) {
        assertEquals(prev, tuple, "two different tuples share the encoding " + sb);
      }
    }
  }

  @Test
  void lengthPrefixCountsUtf8Bytes() {
    assertEquals(1, Canonical.utf8Length("a"));
    assertEquals(2, Canonical.utf8Length("\u00e9"));
    assertEquals(3, Canonical.utf8Length("\u20ac"));
    assertEquals(3, Canonical.utf8Length("\uFFFD"));
    assertEquals(4, Canonical.utf8Length("\uD83D\uDE00"));
    assertEquals(4, Canonical.utf8Length("\uD800\uDC00")); // U+10000, the first 4-byte char
    assertEquals(10, Canonical.utf8Length("a\uD83D\uDE00\u00e9\u20ac"));
    assertEquals("V4:\uD83D\uDE00", enc(ValueKind.TEXT, "\uD83D\uDE00"));
    assertEquals("V10:a\uD83D\uDE00\u00e9\u20ac", enc(ValueKind.TEXT, "a\uD83D\uDE00\u00e9\u20ac"));
  }

  @Test
  void lengthPrefixAgreesWithJavaUtf8ForValidStrings() {
    Random rnd = new Random(11);
    int[] starts = {0x20, 0x80, 0x800, 0xE000, 0x10000, 0x10FFF0};
    for (int i = 0; i < 2000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = rnd.nextInt(12);
      for (int k = 0; k < n; k++) {
        int base = starts[rnd.nextInt(starts.length)];
        sb.appendCodePoint(base + rnd.nextInt(0x0F));
      }
      String s = sb.toString();
      assertEquals(s.getBytes(StandardCharsets.UTF_8).length, Canonical.utf8Length(s), s);
    }
  }
}
