package io.dbcompare.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowHasherTest {
  private static final List<ValueKind> KINDS = List.of(ValueKind.NUMBER, ValueKind.TEXT, ValueKind.FLOAT,
      ValueKind.BYTES, ValueKind.DATETIME, ValueKind.DATETIME_TZ, ValueKind.BOOLEAN);
  private final RowHasher hasher = new RowHasher(KINDS);

  private static Object[] row() {
    return new Object[] {
        new BigDecimal("42.5"), "h\u00e9llo \uD83D\uDE00", 1.25, new byte[] {1, 2, (byte) 0xFF},
        LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_789),
        OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 1, ZoneOffset.ofHoursMinutes(5, 30)), Boolean.TRUE};
  }

  /** A different but valid value of the same kind for column i. */
  private static Object other(int i) {
    return switch (KINDS.get(i)) {
      case NUMBER -> new BigDecimal("42.51");
      case TEXT -> "h\u00e9llo \uD83D\uDE01";
      case FLOAT -> Math.nextUp(1.25);
      case BYTES -> new byte[] {1, 2, (byte) 0xFE};
      case DATETIME -> LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_788);
      case DATETIME_TZ -> OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 1, ZoneOffset.ofHours(5));
      case BOOLEAN -> Boolean.FALSE;
      case INTERVAL -> new Interval(1, 2, java.math.BigDecimal.ONE);
      case ARRAY -> ArrayValue.of(ValueKind.NUMBER, java.util.List.of(BigDecimal.ONE));
    };
  }

  @Test
  void equalRowsHashEqual() {
    assertEquals(hasher.hash(row()), hasher.hash(row()));
    assertEquals(hasher.encode(row()), hasher.encode(row()));
    // a separate hasher instance gives the same hash: it depends only on the values
    assertEquals(hasher.hash(row()), new RowHasher(KINDS).hash(row()));
  }

  @Test
  void everySingleValueChangeChangesTheHash() {
    RowHasher.RowHash base = hasher.hash(row());
    for (int i = 0; i < KINDS.size(); i++) {
      Object[] changed = row();
      changed[i] = other(i);
      assertNotEquals(base, hasher.hash(changed), "changing column " + i + " (" + KINDS.get(i) + ")");

      Object[] nulled = row();
      nulled[i] = null;
      assertNotEquals(base, hasher.hash(nulled), "NULL in column " + i);
    }
  }

  @Test
  void numbersWithDifferentScaleHashEqual() {
    RowHasher h = new RowHasher(List.of(ValueKind.NUMBER, ValueKind.NUMBER));
    assertEquals(h.hash(new Object[] {new BigDecimal("1"), new BigDecimal("0.5")}),
        h.hash(new Object[] {new BigDecimal("1.00"), new BigDecimal("0.500")}));
    assertNotEquals(h.hash(new Object[] {new BigDecimal("1"), null}),
        h.hash(new Object[] {new BigDecimal("1"), BigDecimal.ZERO}));
  }

  @Test
  void sameInstantInAnotherOffsetHashesEqual() {
    RowHasher h = new RowHasher(List.of(ValueKind.DATETIME_TZ));
    OffsetDateTime t = OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 5, ZoneOffset.ofHours(3));
    assertEquals(h.hash(new Object[] {t}), h.hash(new Object[] {t.withOffsetSameInstant(ZoneOffset.UTC)}));
  }

  @Test
  void shiftedValuesAndNullsDoNotCollide() {
    RowHasher h = new RowHasher(List.of(ValueKind.TEXT, ValueKind.TEXT));
    assertNotEquals(h.hash(new Object[] {"a", "bc"}), h.hash(new Object[] {"ab", "c"}));
    assertNotEquals(h.hash(new Object[] {null, "x"}), h.hash(new Object[] {"NULL", "x"}));
    assertNotEquals(h.hash(new Object[] {null, "x"}), h.hash(new Object[] {"", "x"}));
    assertNotEquals(h.hash(new Object[] {"", "x"}), h.hash(new Object[] {"NULL", "x"}));
    assertNotEquals(h.hash(new Object[] {"x", null}), h.hash(new Object[] {null, "x"}));
  }

  @Test
  void floatZeroSignIsIgnoredButNanIsAValue() {
    RowHasher h = new RowHasher(List.of(ValueKind.FLOAT));
    assertEquals(h.hash(new Object[] {0.0}), h.hash(new Object[] {-0.0}));
    assertEquals(h.hash(new Object[] {Double.NaN}), h.hash(new Object[] {Double.NaN}));
    assertNotEquals(h.hash(new Object[] {Double.NaN}), h.hash(new Object[] {null}));
    assertNotEquals(h.hash(new Object[] {Double.POSITIVE_INFINITY}), h.hash(new Object[] {Double.NEGATIVE_INFINITY}));
  }
}
