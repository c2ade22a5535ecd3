package io.dbcompare.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.common.hash.Hashing;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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

  /** Guava's MurmurHash3 x64 128 of "hell" with seed 0 (the reference vector of Guava's and others' tests). */
  @Test
  void theFunctionIsMurmur3X64With128Bits() {
    assertEquals(new RowHasher.RowHash(0x629942693e10f867L, 0x92db0b82baeb5347L),
        RowHasher.of(Hashing.murmur3_128().hashString("hell", StandardCharsets.UTF_8), new byte[16]));
  }

  /** The hash is MurmurHash3 of the UTF-8 bytes of {@link RowHasher#encode}: nothing else enters it. */
  @Test
  void theHashIsMurmur3OfTheEncoding() {
    for (Object[] r : new Object[][] {row(), edgeRow(), new Object[KINDS.size()]}) {
      assertEquals(RowHasher.of(Hashing.murmur3_128().hashString(hasher.encode(r), StandardCharsets.UTF_8), new byte[16]),
          hasher.hash(r));
    }
  }

  /** Pinned values: a change of function, seed, byte order or encoding shows here before it ships. */
  @Test
  void knownRowsHaveTheirKnownHashes() {
    assertEquals(new RowHasher.RowHash(0xb65d51e8b060f598L, 0xa053bef62dad43b1L), hasher.hash(row()));
    assertEquals(new RowHasher.RowHash(0x23cfa4bc0a6ef9c3L, 0x08688bbf0cc63913L), hasher.hash(edgeRow()));
    assertEquals(new RowHasher.RowHash(0xe5cfd1cbcaed6d62L, 0x11b083c236a74d6dL), hasher.hash(new Object[KINDS.size()]));
  }

  /** Values at the edges of every kind (and the spellings that must hash as one). */
  private static Object[] edgeRow() {
    return new Object[] {new BigDecimal("-5E+3"), "", Double.NEGATIVE_INFINITY, new byte[0], LocalDateTime.MAX,
        OffsetDateTime.MIN, Boolean.FALSE};
  }

  @Test
  void equalCanonicalValuesOfEveryKindHashEqual() {
    RowHasher n = new RowHasher(List.of(ValueKind.NUMBER));
    assertEquals(n.hash(new Object[] {new BigDecimal("5000")}), n.hash(new Object[] {new BigDecimal("5E+3")}));
    assertEquals(n.hash(new Object[] {new BigDecimal("-0.00")}), n.hash(new Object[] {BigDecimal.ZERO}));
    assertEquals(n.hash(new Object[] {new BigDecimal("123456789012345678901234567890.10")}),
        n.hash(new Object[] {new BigDecimal(new BigInteger("1234567890123456789012345678901"), 1)}));
    assertEquals(n.hash(new Object[] {SpecialNumber.NAN}), n.hash(new Object[] {SpecialNumber.NAN}));
    assertNotEquals(n.hash(new Object[] {SpecialNumber.INFINITY}), n.hash(new Object[] {SpecialNumber.NEGATIVE_INFINITY}));
    RowHasher t = new RowHasher(List.of(ValueKind.DATETIME));
    assertEquals(t.hash(new Object[] {LocalDateTime.of(2024, 1, 1, 0, 0)}),
        t.hash(new Object[] {LocalDateTime.of(2024, 1, 1, 0, 0, 0, 0)}));
    assertNotEquals(t.hash(new Object[] {LocalDateTime.MAX}), t.hash(new Object[] {LocalDateTime.MIN}));
    assertNotEquals(t.hash(new Object[] {LocalDateTime.of(10_000, 1, 1, 0, 0)}),
        t.hash(new Object[] {LocalDateTime.of(1000, 1, 1, 0, 0)}));
    RowHasher z = new RowHasher(List.of(ValueKind.DATETIME_TZ));
    assertEquals(z.hash(new Object[] {OffsetDateTime.of(9999, 12, 31, 23, 0, 0, 0, ZoneOffset.ofHours(-2))}),
        z.hash(new Object[] {OffsetDateTime.of(10_000, 1, 1, 1, 0, 0, 0, ZoneOffset.UTC)}));
    RowHasher b = new RowHasher(List.of(ValueKind.BYTES, ValueKind.BOOLEAN));
    assertNotEquals(b.hash(new Object[] {new byte[0], true}), b.hash(new Object[] {null, true}));
    assertNotEquals(b.hash(new Object[] {new byte[] {0}, true}), b.hash(new Object[] {new byte[0], true}));
    RowHasher i = new RowHasher(List.of(ValueKind.INTERVAL));
    assertEquals(i.hash(new Object[] {new Interval(1, 2, new BigDecimal("3.50"))}),
        i.hash(new Object[] {new Interval(1, 2, new BigDecimal("3.5"))}));
  }

  /** Two threads hashing at once each use their own buffer. */
  @Test
  void threadsHashIndependently() throws Exception {
    RowHasher.RowHash expected = hasher.hash(row());
    java.util.concurrent.ExecutorService ex = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Boolean>> all = new java.util.ArrayList<>();
      for (int k = 0; k < 8; k++) {
        all.add(ex.submit(() -> {
          for (int j = 0; j < 20_000; j++) {
            if (!hasher.hash(row()).equals(expected)) {
              return false;
            }
          }
          return true;
        }));
      }
      for (var f : all) {
        assertEquals(true, f.get());
      }
    } finally {
      ex.shutdown();
    }
  }
}
