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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The canonical values issue 11 added: intervals field by field, PostgreSQL's numeric NaN and
 * infinities, and its infinite date-times; their canonical text, typed text, key order and encoding.
 */
class SchemaTypeValuesTest {

  private static Interval iv(long months, long days, String seconds) {
    return new Interval(months, days, new BigDecimal(seconds));
  }

  @Test
  void intervalsHaveOneTextPerStoredValue() {
    assertEquals("P14M-3DT129600.5S", iv(14, -3, "129600.500000").text());
    assertEquals("P0M0DT0S", iv(0, 0, "0.000000000").text());
    assertEquals("P0M0DT-0.000001S", iv(0, 0, "-0.000001").text());
    assertEquals("P-1M0DT0.000000001S", iv(-1, 0, "0.000000001").text());
    // '1 day' and '24:00:00' are two stored values (PostgreSQL keeps them apart), so two texts
    assertNotEquals(iv(0, 1, "0").text(), iv(0, 0, "86400").text());
    // one month is not 30 days
    assertNotEquals(iv(1, 0, "0").text(), iv(0, 30, "0").text());
    // the same value with another scale is one text
    assertEquals(iv(0, 0, "1.5").text(), iv(0, 0, "1.500000").text());
    assertEquals(Canonical.text(ValueKind.INTERVAL, iv(2, 3, "4")), "P2M3DT4S");
  }

  @Test
  void intervalTextReadsBack() {
    for (Interval v : List.of(iv(14, -3, "129600.5"), iv(0, 0, "0"), iv(-12_000_000_000L, 0, "0"),
        iv(0, 999_999_999, "-86399.999999999"))) {
      assertEquals(v, Interval.parse(v.text()));
      assertEquals(v, ValueText.decode(ValueText.encode(ValueKind.INTERVAL, v)));
    }
    assertThrows(IllegalArgumentException.class, () -> Interval.parse("1 day"));
  }

  @Test
  void singleSignIsWhatOracleCanStore() {
    assertTrue(iv(0, 1, "3600").singleSign());
    assertTrue(iv(0, -1, "-3600").singleSign());
    assertTrue(iv(0, 0, "0").singleSign());
    assertTrue(iv(-5, 0, "0").singleSign());
    assertFalse(iv(0, 1, "-3600").singleSign()); // PostgreSQL '1 day -01:00:00'
    assertFalse(iv(1, -1, "0").singleSign());
  }

  @Test
  void specialNumbersHavePostgresSpellingsAndSortLikePostgres() {
    assertEquals("NaN", Canonical.text(ValueKind.NUMBER, SpecialNumber.NAN));
    assertEquals("Infinity", Canonical.text(ValueKind.NUMBER, SpecialNumber.INFINITY));
    assertEquals("-Infinity", Canonical.text(ValueKind.NUMBER, SpecialNumber.NEGATIVE_INFINITY));
    for (SpecialNumber s : SpecialNumber.values()) {
      assertEquals(s, ValueText.decode(ValueText.encode(ValueKind.NUMBER, s)));
    }
    assertFalse(Canonical.sameValue(ValueKind.NUMBER, SpecialNumber.NAN, BigDecimal.ZERO));
    assertTrue(Canonical.sameValue(ValueKind.NUMBER, SpecialNumber.NAN, SpecialNumber.NAN));
    List<Object> sorted = new ArrayList<>(List.of(SpecialNumber.NAN, new BigDecimal("1E+300"), SpecialNumber.INFINITY,
        new BigDecimal("-5"), SpecialNumber.NEGATIVE_INFINITY));
    sorted.sort((a, b) -> KeyOrder.compareValue(ValueKind.NUMBER, a, b));
    assertEquals(List.of(SpecialNumber.NEGATIVE_INFINITY, new BigDecimal("-5"), new BigDecimal("1E+300"),
        SpecialNumber.INFINITY, SpecialNumber.NAN), sorted);
  }

  @Test
  void infiniteDateTimesAreWordsThatSortAtTheEnds() {
    assertEquals("infinity", Canonical.text(ValueKind.DATETIME, LocalDateTime.MAX));
    assertEquals("-infinity", Canonical.text(ValueKind.DATETIME, LocalDateTime.MIN));
    assertEquals("infinity", Canonical.text(ValueKind.DATETIME_TZ, OffsetDateTime.MAX));
    assertEquals("-infinity", Canonical.text(ValueKind.DATETIME_TZ, OffsetDateTime.MIN));
    assertEquals(LocalDateTime.MAX, ValueText.decode(ValueText.encode(ValueKind.DATETIME, LocalDateTime.MAX)));
    assertEquals(LocalDateTime.MIN, ValueText.decode(ValueText.encode(ValueKind.DATETIME, LocalDateTime.MIN)));
    assertEquals(OffsetDateTime.MAX, ValueText.decode(ValueText.encode(ValueKind.DATETIME_TZ, OffsetDateTime.MAX)));
    assertEquals(OffsetDateTime.MIN, ValueText.decode(ValueText.encode(ValueKind.DATETIME_TZ, OffsetDateTime.MIN)));
    // a finite date-time never has these texts, and the last representable microsecond is not infinity
    LocalDateTime last = LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000);
    assertNotEquals("infinity", Canonical.text(ValueKind.DATETIME, last));
    assertTrue(KeyOrder.compareValue(ValueKind.DATETIME, last, LocalDateTime.MAX) < 0);
    assertTrue(KeyOrder.compareValue(ValueKind.DATETIME, LocalDateTime.MIN, last) < 0);
    OffsetDateTime t = OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    assertTrue(KeyOrder.compareValue(ValueKind.DATETIME_TZ, t, OffsetDateTime.MAX) < 0);
    assertTrue(KeyOrder.compareValue(ValueKind.DATETIME_TZ, OffsetDateTime.MIN, t) < 0);
    assertTrue(Canonical.isInfinite(OffsetDateTime.MIN));
    assertFalse(Canonical.isInfinite(t));
  }

  @Test
  void newValuesEncodeUnambiguously() {
    RowHasher h = new RowHasher(List.of(ValueKind.NUMBER, ValueKind.DATETIME, ValueKind.INTERVAL));
    assertEquals("V3:NaNV8:infinityV8:P1M2DT3S", h.encode(new Object[] {SpecialNumber.NAN, LocalDateTime.MAX,
        iv(1, 2, "3")}));
    assertNotEquals(h.hash(new Object[] {SpecialNumber.NAN, null, null}), h.hash(new Object[] {null, null, null}));
    assertNotEquals(h.hash(new Object[] {null, LocalDateTime.MAX, null}), h.hash(new Object[] {null, LocalDateTime.MIN,
        null}));
  }

  @Test
  void anIntervalIsNeverAKey() {
    assertThrows(IllegalStateException.class, () -> KeyOrder.compareValue(ValueKind.INTERVAL, iv(0, 0, "1"),
        iv(0, 0, "2")));
  }
}
