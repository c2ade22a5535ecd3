package io.dbcompare.compare;

import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.compare.RowHasher.RowHash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares one bucket of a table without key ({@link TableSpec#keyless()}) as a multiset of whole
 * rows. A row's key is the hash of its canonical encoding, and its bucket that hash modulo the number
 * of buckets, so a row lands in the same bucket on both sides and in every run: the plan (the number of
 * buckets) is saved like a key-range plan, and every bucket is a chunk that is checkpointed and resumed
 * like one.
 *
 * <p>Both sides stream every row of the table; the rows of other buckets are skipped. Per distinct row
 * of the bucket one counter is kept (source copies minus target copies, with the values of the side
 * that is ahead); a counter back at zero is dropped at once, so memory holds the rows not yet matched,
 * at most the bucket's distinct rows (about {@code chunk_size} when the table was planned), however
 * many copies of a row there are. What remains are the surplus copies: a row present k more times in
 * the source is k rows missing in the target, and the other way round. There is no "different" kind:
 * a changed row is one row missing on each side. Differences come in row-hash order, so a resumed or
 * repeated bucket gives the same result.
 */
public final class BucketComparer {
  private static final Object[] NO_KEY = new Object[0];
  private static final Comparator<RowHash> HASH_ORDER =
      Comparator.comparing(RowHash::hi, Long::compareUnsigned).thenComparing(RowHash::lo, Long::compareUnsigned);

  private BucketComparer() {}

  /** The bucket of a row among {@code buckets}: its hash's high 64 bits, unsigned, modulo the count. */
  public static int bucketOf(RowHash hash, int buckets) {
    return (int) Long.remainderUnsigned(hash.hi(), buckets);
  }

  /**
   * @param bucket the bucket compared (the chunk index)
   * @param buckets the number of buckets in the table's plan
   * @param source every row of the source table (the filter applied), in any order
   * @param target the same for the target
   */
  public static ChunkResult compare(TableSpec table, int bucket, int buckets, RowCursor source, RowCursor target)
      throws InterruptedException {
    if (!table.keyless()) {
      throw new IllegalArgumentException(table.displayName() + " has a key: compare it by key ranges");
    }
    Map<RowHash, Surplus> open = new HashMap<>();
    long[] rows = new long[2];
    boolean sourceLeft = true;
    boolean targetLeft = true;
    // Alternate between the sides: rows that both sides return in a similar order meet early, and
    // their counters are dropped before the next rows arrive.
    while (sourceLeft || targetLeft) {
      if (sourceLeft) {
        sourceLeft = take(source.next(), 1, bucket, buckets, open, rows, 0);
      }
      if (targetLeft) {
        targetLeft = take(target.next(), -1, bucket, buckets, open, rows, 1);
      }
    }
    List<Map.Entry<RowHash, Surplus>> left = new ArrayList<>(open.entrySet());
    left.sort(Map.Entry.comparingByKey(HASH_ORDER));
    List<RowDiff> diffs = new ArrayList<>();
    long missingInTarget = 0;
    long missingInSource = 0;
    for (Map.Entry<RowHash, Surplus> e : left) {
      Surplus s = e.getValue();
      for (long i = 0; i < Math.abs(s.count); i++) {
        if (s.count > 0) {
          diffs.add(new RowDiff(DiffKind.MISSING_IN_TARGET, NO_KEY, s.values, null));
        } else {
          diffs.add(new RowDiff(DiffKind.MISSING_IN_SOURCE, NO_KEY, null, s.values));
        }
      }
      if (s.count > 0) {
        missingInTarget += s.count;
      } else {
        missingInSource -= s.count;
      }
    }
    return new ChunkResult(table.key(), bucket, rows[0], rows[1], missingInTarget, missingInSource, 0, diffs);
  }

  /** Counts one row of a side ({@code sign} 1: source, -1: target); false when the side has ended. */
  private static boolean take(Row row, int sign, int bucket, int buckets, Map<RowHash, Surplus> open, long[] rows,
      int side) {
    if (row == null) {
      return false;
    }
    if (bucketOf(row.hash(), buckets) != bucket) {
      return true;
    }
    rows[side]++;
    Surplus s = open.get(row.hash());
    if (s == null) {
      open.put(row.hash(), new Surplus(sign, row.values()));
    } else {
      s.count += sign;
      if (s.count == 0) {
        open.remove(row.hash()); // so the count never changes sign in place: the values are the side's ahead
      }
    }
    return true;
  }

  /** Copies of one row in the source minus copies in the target, and the values of the side ahead. */
  private static final class Surplus {
    long count;
    final Object[] values;

    Surplus(long count, Object[] values) {
      this.count = count;
      this.values = values;
    }
  }
}
