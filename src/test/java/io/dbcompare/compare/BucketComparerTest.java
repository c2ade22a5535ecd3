package io.dbcompare.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.RowDiff.DiffKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The multiset comparison of one bucket of a table without key. */
class BucketComparerTest {
  static final TableSpec LOG = new TableSpec("APP_LOG", "APP.LOG", new TableRef("APP", "LOG"),
      new TableRef("APP", "LOG"),
      List.of(new ColumnSpec("EVENT", "event", ValueKind.TEXT, "VARCHAR2", "varchar", false),
          new ColumnSpec("AMOUNT", "amount", ValueKind.NUMBER, "NUMBER", "numeric", false)),
      0, Optional.empty(), false, List.of(), TargetTraits.NONE, List.of(), null, null, KeySource.none());
  private static final RowHasher HASHER = new RowHasher(LOG.kinds());

  static Row row(String event, String amount) {
    Object[] v = {event, amount == null ? null : new BigDecimal(amount)};
    return new Row(v, HASHER.hash(v), 0);
  }

  private static ChunkResult compare(int bucket, int buckets, List<Row> source, List<Row> target)
      throws InterruptedException {
    return BucketComparer.compare(LOG, bucket, buckets, new ListCursor(source), new ListCursor(target));
  }

  /** Every bucket of a plan of {@code buckets}, as the chunks of a table would be compared. */
  private static List<ChunkResult> all(int buckets, List<Row> source, List<Row> target) throws InterruptedException {
    List<ChunkResult> out = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      out.add(compare(b, buckets, source, target));
    }
    return out;
  }

  private static List<Row> copies(Row r, int n) {
    return new ArrayList<>(Collections.nCopies(n, r));
  }

  @Test
  void allRowsEqualInAnyOrderHaveNoDifferences() throws InterruptedException {
    List<Row> source = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      source.add(row("e" + (i % 37), i % 11 + ".5"));
    }
    List<Row> target = new ArrayList<>();
    for (Row r : source) {
      Object[] v = r.values();
      target.add(row((String) v[0], ((BigDecimal) v[1]).toPlainString() + "00")); // same value, other scale
    }
    Collections.shuffle(target, new Random(7));
    long rows = 0;
    for (ChunkResult r : all(8, source, target)) {
      assertEquals(0, r.differences(), "bucket " + r.chunkIndex());
      assertEquals(r.sourceRows(), r.targetRows());
      rows += r.sourceRows();
    }
    assertEquals(500, rows, "every row is in exactly one bucket");
  }

  @Test
  void duplicatesAreCountedCopyByCopy() throws InterruptedException {
    Row a = row("login", "1");
    Row b = row("logout", null);
    Row c = row("error", "3");
    List<Row> source = new ArrayList<>(copies(a, 3));
    source.addAll(copies(b, 1));
    source.addAll(copies(c, 2));
    List<Row> target = new ArrayList<>(copies(a, 1));
    target.addAll(copies(b, 4));
    target.addAll(copies(c, 2));
    Collections.shuffle(target, new Random(1));

    ChunkResult r = compare(0, 1, source, target);
    assertEquals(6, r.sourceRows());
    assertEquals(7, r.targetRows());
    assertEquals(2, r.missingInTarget(), "login is twice more in the source");
    assertEquals(3, r.missingInSource(), "logout is three times more in the target");
    assertEquals(0, r.different(), "no row differs without a key");
    assertEquals(5, r.diffs().size(), "one difference per surplus copy");
    for (RowDiff d : r.diffs()) {
      assertEquals(0, d.key().length);
      if (d.kind() == DiffKind.MISSING_IN_TARGET) {
        assertEquals("login", d.sourceValues()[0]);
        assertNull(d.targetValues());
      } else {
        assertEquals(DiffKind.MISSING_IN_SOURCE, d.kind());
        assertEquals("logout", d.targetValues()[0]);
        assertNull(d.sourceValues());
      }
    }
  }

  @Test
  void aChangedRowIsMissingOnEachSide() throws InterruptedException {
    ChunkResult r = compare(0, 1, List.of(row("x", "1"), row("y", "2")), List.of(row("x", "1"), row("y", "3")));
    assertEquals(1, r.missingInTarget());
    assertEquals(1, r.missingInSource());
    assertEquals(0, r.different());
  }

  @Test
  void emptyBucketsAndEmptySidesAreExact() throws InterruptedException {
    assertEquals(0, compare(0, 1, List.of(), List.of()).differences());
    List<Row> rows = List.of(row("only", "1"), row("only", "1"));
    // one row (twice) in 16 buckets: 15 are empty on both sides
    int nonEmpty = 0;
    for (ChunkResult r : all(16, rows, List.of())) {
      if (r.sourceRows() > 0) {
        nonEmpty++;
        assertEquals(2, r.missingInTarget());
        assertEquals(BucketComparer.bucketOf(rows.get(0).hash(), 16), r.chunkIndex());
      } else {
        assertEquals(0, r.differences());
      }
      assertEquals(0, r.targetRows());
    }
    assertEquals(1, nonEmpty);
  }

  @Test
  void differencesComeInTheSameOrderWhateverTheReadOrder() throws InterruptedException {
    List<Row> source = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      source.add(row("s" + i, String.valueOf(i)));
    }
    List<Row> shuffled = new ArrayList<>(source);
    Collections.shuffle(shuffled, new Random(3));
    for (int b = 0; b < 4; b++) {
      List<String> first = compare(b, 4, source, List.of()).diffs().stream().map(d -> (String) d.sourceValues()[0])
          .toList();
      List<String> second = compare(b, 4, shuffled, List.of()).diffs().stream()
          .map(d -> (String) d.sourceValues()[0]).toList();
      assertEquals(first, second, "bucket " + b);
    }
  }

  @Test
  void theResultMatchesAMultisetCountOfRandomRows() throws InterruptedException {
    Random rnd = new Random(11);
    List<Row> source = new ArrayList<>();
    List<Row> target = new ArrayList<>();
    TreeMap<String, Integer> balance = new TreeMap<>();
    for (int i = 0; i < 2000; i++) {
      String e = "e" + rnd.nextInt(300);
      if (rnd.nextInt(10) < 6) {
        source.add(row(e, "1"));
        balance.merge(e, 1, Integer::sum);
      }
      if (rnd.nextInt(10) < 6) {
        target.add(row(e, "1"));
        balance.merge(e, -1, Integer::sum);
      }
    }
    long wantMit = balance.values().stream().filter(v -> v > 0).mapToLong(v -> v).sum();
    long wantMis = -balance.values().stream().filter(v -> v < 0).mapToLong(v -> v).sum();
    long mit = 0;
    long mis = 0;
    for (ChunkResult r : all(7, source, target)) {
      mit += r.missingInTarget();
      mis += r.missingInSource();
      assertEquals(r.missingInTarget() + r.missingInSource(), r.diffs().size());
    }
    assertEquals(wantMit, mit);
    assertEquals(wantMis, mis);
    assertTrue(wantMit > 0 && wantMis > 0, "the data has differences both ways");
  }

  @Test
  void aTableWithAKeyIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> BucketComparer.compare(ChunkComparerTest.TABLE, 0, 1, new ListCursor(List.of()), new ListCursor(List.of())));
  }
}
