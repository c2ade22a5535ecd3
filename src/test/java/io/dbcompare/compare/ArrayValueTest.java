package io.dbcompare.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical text of arrays: PostgreSQL's array output of the elements' canonical texts. */
class ArrayValueTest {

  private static String text(ValueKind kind, Object... elements) {
    return Canonical.text(ValueKind.ARRAY, ArrayValue.of(kind, Arrays.asList(elements)));
  }

  @Test
  void elementsAreQuotedExactlyWherePostgresQuotesThem() {
    assertEquals("{1,NULL,3}", text(ValueKind.NUMBER, BigDecimal.ONE, null, new BigDecimal(3)));
    assertEquals("{\"a,b\",\"q\\\"x\",\"back\\\\slash\",\"{br}\",\"NULL\",\"null\",\"Null\",NULLX,NULL,\" sp \",\"\","
        + "é😀,\"t\tb\",\"v\u000Bb\",\"f\fb\",\"n\nb\",\"c\rb\",plain}",
        text(ValueKind.TEXT, "a,b", "q\"x", "back\\slash", "{br}", "NULL", "null", "Null", "NULLX", null, " sp ", "",
            "é😀", "t\tb", "v\u000Bb", "f\fb", "n\nb", "c\rb", "plain"));
    // only ASCII letters fold: a Unicode look-alike of NULL is plain text
    assertEquals("{NUＬL}", text(ValueKind.TEXT, "NUＬL"));
  }

  @Test
  void emptyNullElementAndNullArrayAreThreeValues() {
    assertEquals("{}", text(ValueKind.NUMBER));
    assertEquals("{NULL}", text(ValueKind.NUMBER, (Object) null));
    StringBuilder empty = new StringBuilder();
    Canonical.appendEncoded(empty, ValueKind.ARRAY, ArrayValue.of(ValueKind.NUMBER, List.of()));
    StringBuilder nul = new StringBuilder();
    Canonical.appendEncoded(nul, ValueKind.ARRAY, null);
    assertEquals("V2:{}", empty.toString());
    assertEquals("N", nul.toString());
  }

  @Test
  void orderDimensionsAndLowerBoundsCount() {
    ArrayValue a = ArrayValue.of(ValueKind.NUMBER, List.of(BigDecimal.ONE, BigDecimal.valueOf(2)));
    ArrayValue reversed = ArrayValue.of(ValueKind.NUMBER, List.of(BigDecimal.valueOf(2), BigDecimal.ONE));
    ArrayValue fromZero = new ArrayValue(ValueKind.NUMBER, new int[] {0}, new int[] {2}, List.of(BigDecimal.ONE,
        BigDecimal.valueOf(2)));
    ArrayValue twoD = new ArrayValue(ValueKind.NUMBER, new int[] {1, 1}, new int[] {1, 2}, List.of(BigDecimal.ONE,
        BigDecimal.valueOf(2)));
    assertEquals("{1,2}", a.text());
    assertEquals("[0:1]={1,2}", fromZero.text());
    assertEquals("{{1,2}}", twoD.text());
    assertEquals("[-2:-1][5:6]={{1,2},{3,4}}", new ArrayValue(ValueKind.NUMBER, new int[] {-2, 5}, new int[] {2, 2},
        List.of(BigDecimal.ONE, BigDecimal.valueOf(2), new BigDecimal(3), new BigDecimal(4))).text());
    for (ArrayValue other : List.of(reversed, fromZero, twoD)) {
      assertFalse(Canonical.sameValue(ValueKind.ARRAY, a, other), other.text());
      assertNotEquals(a, other);
    }
  }

  @Test
  void elementsCompareAsTheirScalarsDo() {
    assertTrue(Canonical.sameValue(ValueKind.ARRAY, ArrayValue.of(ValueKind.NUMBER, List.of(new BigDecimal("1.0"))),
        ArrayValue.of(ValueKind.NUMBER, List.of(new BigDecimal("1.00")))));
    assertEquals("{\"2024-01-01 08:00:00.000000000Z\"}", text(ValueKind.DATETIME_TZ,
        OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2))));
    assertEquals("{\"2024-02-29 01:02:03.000000004\",infinity,-infinity}", text(ValueKind.DATETIME,
        LocalDateTime.of(2024, 2, 29, 1, 2, 3, 4), LocalDateTime.MAX, LocalDateTime.MIN));
    assertEquals("{1,0,NULL}", text(ValueKind.BOOLEAN, true, false, null));
    assertEquals("{00ff,\"\"}", text(ValueKind.BYTES, new byte[] {0, (byte) 0xff}, new byte[0]));
    assertEquals("{NaN,-Infinity}", text(ValueKind.NUMBER, SpecialNumber.NAN, SpecialNumber.NEGATIVE_INFINITY));
  }

  @Test
  void malformedShapesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ArrayValue(ValueKind.NUMBER, new int[] {1}, new int[] {2},
        List.of(BigDecimal.ONE)));
    assertThrows(IllegalArgumentException.class, () -> new ArrayValue(ValueKind.NUMBER, new int[] {1}, new int[] {0},
        List.of()));
    assertThrows(IllegalArgumentException.class, () -> ArrayValue.of(ValueKind.ARRAY, List.of()));
  }
}
