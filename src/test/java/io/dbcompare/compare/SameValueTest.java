package io.dbcompare.compare;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * {@link Canonical#sameValue}: the one equality the summary, the sync statements and the unique-change
 * detection use, so a row is "different" in all of them for the same reasons.
 */
class SameValueTest {

  @Test
  void numbersAreEqualWhateverTheirScale() {
    assertTrue(Canonical.sameValue(ValueKind.NUMBER, new BigDecimal("1"), new BigDecimal("1.0")));
    assertTrue(Canonical.sameValue(ValueKind.NUMBER, new BigDecimal("1.00"), new BigDecimal("1.0")));
    assertTrue(Canonical.sameValue(ValueKind.NUMBER, new BigDecimal("0E-10"), BigDecimal.ZERO));
    assertFalse(Canonical.sameValue(ValueKind.NUMBER, new BigDecimal("1.01"), new BigDecimal("1.010001")));
    assertFalse(Canonical.sameValue(ValueKind.NUMBER, new BigDecimal("10"), new BigDecimal("1")));
  }

  @Test
  void textIsExactTrailingBlanksAndCaseCount() {
    assertTrue(Canonical.sameValue(ValueKind.TEXT, "abc", "abc"));
    assertFalse(Canonical.sameValue(ValueKind.TEXT, "abc", "abc "));
    assertFalse(Canonical.sameValue(ValueKind.TEXT, "abc", "ABC"));
    assertFalse(Canonical.sameValue(ValueKind.TEXT, "e\u0301", "\u00e9"), "no Unicode normalization");
  }

  @Test
  void bytesCompareByContent() {
    assertTrue(Canonical.sameValue(ValueKind.BYTES, new byte[] {1, (byte) 0xff}, new byte[] {1, (byte) 0xff}));
    assertFalse(Canonical.sameValue(ValueKind.BYTES, new byte[] {1}, new byte[] {1, 0}));
    assertTrue(Canonical.sameValue(ValueKind.BYTES, new byte[0], new byte[0]));
  }

  @Test
  void dateTimesCompareToTheNanosecondAndZonedTimesAsInstants() {
    LocalDateTime t = LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_789);
    assertTrue(Canonical.sameValue(ValueKind.DATETIME, t, LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_789)));
    assertFalse(Canonical.sameValue(ValueKind.DATETIME, t, t.plusNanos(1)));
    OffsetDateTime utc = OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    assertTrue(Canonical.sameValue(ValueKind.DATETIME_TZ, utc, utc.withOffsetSameInstant(ZoneOffset.ofHours(2))));
    assertFalse(Canonical.sameValue(ValueKind.DATETIME_TZ, utc, utc.withOffsetSameLocal(ZoneOffset.ofHours(2))));
  }

  @Test
  void floatsKeepNaNAndSignedZeroRules() {
    assertTrue(Canonical.sameValue(ValueKind.FLOAT, Double.NaN, Double.NaN));
    assertTrue(Canonical.sameValue(ValueKind.FLOAT, 0.0, -0.0));
    assertFalse(Canonical.sameValue(ValueKind.FLOAT, 0.1, 0.1f + 0.0));
  }

  /**
   * NULL equals only NULL. An empty string is not NULL here: under the empty-string policy the readers
   * turn '' into NULL as they read it, so both sides arrive as NULL and compare equal.
   */
  @Test
  void nullEqualsOnlyNull() {
    assertTrue(Canonical.sameValue(ValueKind.TEXT, null, null));
    assertFalse(Canonical.sameValue(ValueKind.TEXT, null, ""));
    assertFalse(Canonical.sameValue(ValueKind.TEXT, "", null));
    assertFalse(Canonical.sameValue(ValueKind.NUMBER, null, BigDecimal.ZERO));
    assertFalse(Canonical.sameValue(ValueKind.BOOLEAN, Boolean.FALSE, null));
  }
}
