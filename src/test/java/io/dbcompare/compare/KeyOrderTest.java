package io.dbcompare.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyOrderTest {
  private static final String GRINNING = "\uD83D\uDE00"; // U+1F600, a supplementary character
  private static final String REPLACEMENT = "\uFFFD";

  @Test
  void supplementaryCharacterSortsAfterFffdByCodePoint() {
    // UTF-16 order (String.compareTo) puts the surrogate 0xD83D before 0xFFFD ...
    assertTrue(GRINNING.compareTo(REPLACEMENT) < 0);
    // ... but the code-point (= UTF-8 byte = Oracle BINARY / PostgreSQL "C") order puts U+1F600 after U+FFFD.
    assertTrue(KeyOrder.compareCodePoints(GRINNING, REPLACEMENT) > 0);
    assertTrue(KeyOrder.compareCodePoints(REPLACEMENT, GRINNING) < 0);
    assertTrue(KeyOrder.compareValue(ValueKind.TEXT, "a" + GRINNING, "a" + REPLACEMENT) > 0);
    assertTrue(KeyOrder.compareValue(ValueKind.TEXT, "a" + GRINNING + "a", "a" + REPLACEMENT + "z") > 0);
  }

  @Test
  void textBasics() {
    assertEquals(0, KeyOrder.compareCodePoints("", ""));
    assertEquals(0, KeyOrder.compareCodePoints("abc" + GRINNING, "abc" + GRINNING));
    assertTrue(KeyOrder.compareCodePoints("", "a") < 0);
    assertTrue(KeyOrder.compareCodePoints("ab", "abc") < 0);
    assertTrue(KeyOrder.compareCodePoints("abc", "ab") > 0);
    assertTrue(KeyOrder.compareCodePoints("B", "a") < 0, "binary order: upper case before lower case");
    assertTrue(KeyOrder.compareCodePoints("z", "\u00e9") < 0);
  }

  @Test
  void codePointOrderIsUtf8ByteOrder() {
    Random rnd = new Random(3);
    int[] cps = {'a', 'z', 0xE9, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
    for (int i = 0; i < 5000; i++) {
      String a = randomString(rnd, cps);
      String b = randomString(rnd, cps);
      int expected = Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
          b.getBytes(StandardCharsets.UTF_8)));
      assertEquals(expected, Integer.signum(KeyOrder.compareCodePoints(a, b)), a + " vs " + b);
    }
  }

  private static String randomString(Random rnd, int[] cps) {
    StringBuilder sb = new StringBuilder();
    int n = rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      sb.appendCodePoint(cps[rnd.nextInt(cps.length)]);
    }
    return sb.toString();
  }

  @Test
  void bytesCompareUnsigned() {
    assertTrue(KeyOrder.compareValue(ValueKind.BYTES, new byte[] {(byte) 0x80}, new byte[] {0x7F}) > 0);
    assertTrue(KeyOrder.compareValue(ValueKind.BYTES, new byte[] {(byte) 0xFF}, new byte[] {0x00}) > 0);
    assertTrue(KeyOrder.compareValue(ValueKind.BYTES, new byte[] {0x01}, new byte[] {0x01, 0x00}) < 0);
    assertTrue(KeyOrder.compareValue(ValueKind.BYTES, new byte[0], new byte[] {0x00}) < 0);
    assertEquals(0, KeyOrder.compareValue(ValueKind.BYTES, new byte[] {1, (byte) 0xFE}, new byte[] {1, (byte) 0xFE}));
  }

  @Test
  void otherKinds() {
    assertEquals(0, KeyOrder.compareValue(ValueKind.NUMBER, new BigDecimal("1"), new BigDecimal("1.00")));
    assertTrue(KeyOrder.compareValue(ValueKind.NUMBER, new BigDecimal("-10"), new BigDecimal("9")) < 0);
    assertTrue(KeyOrder.compareValue(ValueKind.NUMBER, new BigDecimal("10"), new BigDecimal("9.99")) > 0);
    assertTrue(KeyOrder.compareValue(ValueKind.FLOAT, -1.5, 2.0) < 0);
    assertTrue(KeyOrder.compareValue(ValueKind.DATETIME, LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1),
        LocalDateTime.of(2024, 1, 1, 0, 0)) > 0);
    OffsetDateTime t = OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2));
    assertEquals(0, KeyOrder.compareValue(ValueKind.DATETIME_TZ, t, t.withOffsetSameInstant(ZoneOffset.UTC)));
    // 12:00+02:00 (10:00Z) is before 11:00+00:00 although its local time is later
    assertTrue(KeyOrder.compareValue(ValueKind.DATETIME_TZ, t,
        OffsetDateTime.of(2024, 1, 1, 11, 0, 0, 0, ZoneOffset.UTC)) < 0);
    assertTrue(KeyOrder.compareValue(ValueKind.BOOLEAN, false, true) < 0);
  }

  @Test
  void nullKeyIsRejected() {
    assertThrows(IllegalStateException.class, () -> KeyOrder.compareValue(ValueKind.TEXT, null, "a"));
    assertThrows(IllegalStateException.class, () -> KeyOrder.compareValue(ValueKind.NUMBER, BigDecimal.ONE, null));
  }

  @Test
  void compositeKeysCompareLeftToRight() {
    KeyOrder order = new KeyOrder(List.of(ValueKind.TEXT, ValueKind.NUMBER));
    assertEquals(2, order.size());
    assertEquals(List.of(ValueKind.TEXT, ValueKind.NUMBER), order.kinds());
    Object[] eu1 = {"EU", new BigDecimal("1")};
    Object[] eu2 = {"EU", new BigDecimal("2")};
    Object[] eu10 = {"EU", new BigDecimal("10")};
    Object[] us0 = {"US", new BigDecimal("0")};
    assertTrue(order.compare(eu1, eu2) < 0);
    assertTrue(order.compare(eu2, eu10) < 0, "numbers compare numerically, not as text");
    assertTrue(order.compare(eu10, us0) < 0, "first column decides first");
    assertTrue(order.compare(us0, eu1) > 0);
    assertEquals(0, order.compare(eu1, new Object[] {"EU", new BigDecimal("1.000")}));

    // rows carry non-key values after the key: only the key prefix is compared
    assertEquals(0, order.compare(new Object[] {"EU", BigDecimal.ONE, "x"}, new Object[] {"EU", BigDecimal.ONE, "y"}));

    List<Object[]> keys = new ArrayList<>(List.of(us0, eu10, eu1, new Object[] {GRINNING, BigDecimal.ONE},
        new Object[] {REPLACEMENT, BigDecimal.ONE}, eu2));
    Collections.shuffle(keys, new Random(5));
    keys.sort(order);
    List<String> got = keys.stream().map(k -> k[0] + "/" + k[1]).toList();
    assertEquals(List.of("EU/1", "EU/2", "EU/10", "US/0", REPLACEMENT + "/1", GRINNING + "/1"), got);
  }
}
