package io.dbcompare.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValueTextTest {

  private static Object roundTrip(ValueKind kind, Object v) {
    String text = ValueText.encode(kind, v);
    Object back = ValueText.decode(text);
    // the decoded value encodes to exactly the same text: the text form is stable
    assertEquals(text, ValueText.encode(kind, back));
    return back;
  }

  @Test
  void numbersRoundTripIncludingNegativeAndHuge() {
    for (String s : new String[] {"0", "1", "-1", "0.5", "-0.005", "-123.456",
        "12345678901234567890123456789012345678", "-99999999999999999999999999999999999999",
        "0.00000000000000000000000000000000000001"}) {
      BigDecimal back = (BigDecimal) roundTrip(ValueKind.NUMBER, new BigDecimal(s));
      assertEquals(0, new BigDecimal(s).compareTo(back), s);
    }
    assertEquals("N:-0.005", ValueText.encode(ValueKind.NUMBER, new BigDecimal("-0.0050")));
    assertEquals("N:1", ValueText.encode(ValueKind.NUMBER, new BigDecimal("1.00")));
  }

  @Test
  void floatsRoundTrip() {
    for (double d : new double[] {0.0, 1.0, -1.5, 0.1, 1e-300, -1e300, Double.MAX_VALUE, Double.MIN_VALUE,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      Object back = roundTrip(ValueKind.FLOAT, d);
      assertInstanceOf(Double.class, back);
      assertEquals(d, (Double) back, 0.0, "value " + d);
    }
    assertEquals("F:-Inf", ValueText.encode(ValueKind.FLOAT, Double.NEGATIVE_INFINITY));
    assertTrue(Double.isNaN((Double) ValueText.decode("F:NaN")));
  }

  @Test
  void textRoundTripsIncludingSeparatorsAndUnicode() {
    for (String s : new String[] {"", "a", "null", "N:1", "a:b:c", "line\nbreak", "h\u00e9 \uD83D\uDE00 \u4e2d"}) {
      assertEquals(s, roundTrip(ValueKind.TEXT, s));
    }
    // the word null is text, distinct from NULL
    assertEquals("S:null", ValueText.encode(ValueKind.TEXT, "null"));
    assertEquals("null", ValueText.encode(ValueKind.TEXT, null));
  }

  @Test
  void bytesRoundTrip() {
    byte[] b = {0, 1, (byte) 0x7F, (byte) 0x80, (byte) 0xFF};
    assertArrayEquals(b, (byte[]) roundTrip(ValueKind.BYTES, b));
    assertArrayEquals(new byte[0], (byte[]) roundTrip(ValueKind.BYTES, new byte[0]));
    assertEquals("B:00017f80ff", ValueText.encode(ValueKind.BYTES, b));
  }

  @Test
  void dateTimesRoundTripWithNanos() {
    LocalDateTime t = LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_789);
    assertEquals(t, roundTrip(ValueKind.DATETIME, t));
    LocalDateTime micro = LocalDateTime.of(1999, 12, 31, 0, 0, 0, 1_000);
    assertEquals(micro, roundTrip(ValueKind.DATETIME, micro));
    assertEquals("T:2024-02-29 23:59:59.123456789", ValueText.encode(ValueKind.DATETIME, t));

    OffsetDateTime z = OffsetDateTime.of(2024, 3, 1, 4, 0, 0, 987_654_321, ZoneOffset.ofHoursMinutes(5, 30));
    OffsetDateTime back = (OffsetDateTime) roundTrip(ValueKind.DATETIME_TZ, z);
    assertTrue(z.isEqual(back), "same instant");
    assertEquals(987_654_321, back.getNano());
    assertEquals(ZoneOffset.UTC, back.getOffset());
    assertEquals("Z:2024-02-29 22:30:00.987654321Z", ValueText.encode(ValueKind.DATETIME_TZ, z));
  }

  @Test
  void booleansRoundTrip() {
    assertEquals(Boolean.TRUE, roundTrip(ValueKind.BOOLEAN, true));
    assertEquals(Boolean.FALSE, roundTrip(ValueKind.BOOLEAN, false));
  }

  @Test
  void everyKindHasAnExampleAndADistinctTag() {
    Set<ValueKind> covered = EnumSet.noneOf(ValueKind.class);
    Object[] examples = {new BigDecimal("-7.25"), -7.25, "x", new byte[] {9}, LocalDateTime.of(2020, 1, 1, 0, 0),
        OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), true, new Interval(14, -3, new BigDecimal("0.5")),
        ArrayValue.of(ValueKind.NUMBER, java.util.List.of(BigDecimal.ONE))};
    ValueKind[] kinds = ValueKind.values();
    assertEquals(kinds.length, examples.length);
    for (int i = 0; i < kinds.length; i++) {
      String text = ValueText.encode(kinds[i], examples[i]);
      assertEquals(kinds[i].tag(), text.charAt(0));
      assertEquals(kinds[i], ValueKind.ofTag(text.charAt(0)));
      covered.add(kinds[i]);
      if (kinds[i] == ValueKind.ARRAY) {
        // an array is never a key, so never a stored boundary: its text is shown, never read back
        assertEquals("A:{1}", text);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ValueText.decode(text));
        continue;
      }
      Object back = ValueText.decode(text);
      assertEquals(examples[i].getClass(), back.getClass());
      covered.add(kinds[i]);
    }
    assertEquals(EnumSet.allOf(ValueKind.class), covered);
    assertEquals(kinds.length, Arrays.stream(kinds).map(ValueKind::tag).distinct().count());
  }

  @Test
  void nullAndMalformedText() {
    assertNull(ValueText.decode(null));
    assertNull(ValueText.decode("null"));
    assertThrows(IllegalArgumentException.class, () -> ValueText.decode(""));
    assertThrows(IllegalArgumentException.class, () -> ValueText.decode("42"));
    assertThrows(IllegalArgumentException.class, () -> ValueText.decode("Q:1"));
  }

  @Test
  void keysRoundTrip() {
    List<ValueKind> kinds = List.of(ValueKind.TEXT, ValueKind.NUMBER, ValueKind.DATETIME);
    Object[] key = {"EU", new BigDecimal("-42"), LocalDateTime.of(2024, 1, 1, 0, 0, 0, 5)};
    List<String> texts = ValueText.encodeKey(kinds, key);
    assertEquals(List.of("S:EU", "N:-42", "T:2024-01-01 00:00:00.000000005"), texts);
    Object[] back = ValueText.decodeKey(texts);
    assertEquals("EU", back[0]);
    assertEquals(0, new BigDecimal("-42").compareTo((BigDecimal) back[1]));
    assertEquals(key[2], back[2]);
    assertEquals(0, new KeyOrder(kinds).compare(key, back));
  }

  @Test
  void displayShowsNamesAndCanonicalValues() {
    assertEquals("(ID=42, REGION=EU)", ValueText.display(List.of("ID", "REGION"),
        List.of(ValueKind.NUMBER, ValueKind.TEXT), new Object[] {new BigDecimal("42.00"), "EU"}));
    assertEquals("(A=NULL, B=00ff)", ValueText.display(List.of("A", "B"),
        List.of(ValueKind.TEXT, ValueKind.BYTES), new Object[] {null, new byte[] {0, (byte) 0xFF}}));
  }

  @Test
  void displayTruncatesLongValues() {
    String sixty = "x".repeat(60);
    assertEquals("(K=" + sixty + ")", ValueText.display(List.of("K"), List.of(ValueKind.TEXT), new Object[] {sixty}));

    String long1 = "y".repeat(61);
    String shown = ValueText.display(List.of("K"), List.of(ValueKind.TEXT), new Object[] {long1});
    assertEquals("(K=" + "y".repeat(57) + "...)", shown);

    String huge = "abc".repeat(10_000);
    String hugeShown = ValueText.display(List.of("K"), List.of(ValueKind.TEXT), new Object[] {huge});
    assertEquals("(K=".length() + 60 + 1, hugeShown.length());
    assertTrue(hugeShown.endsWith("...)"));
  }

  @Test
  void displayTruncationDoesNotSplitASurrogatePair() {
    // 56 ASCII characters, then an emoji across the cut at 57 chars
    String s = "a".repeat(56) + "\uD83D\uDE00" + "b".repeat(20);
    String shown = ValueText.display(List.of("K"), List.of(ValueKind.TEXT), new Object[] {s});
    assertTrue(shown.endsWith("...)"));
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertTrue(i + 1 < shown.length() && Character.isLowSurrogate(shown.charAt(i + 1)), "lone high surrogate");
        i++;
      } else {
        assertFalse(Character.isLowSurrogate(c), "lone low surrogate");
      }
    }
  }
}
