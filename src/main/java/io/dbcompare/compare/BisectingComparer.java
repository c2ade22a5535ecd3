package io.dbcompare.compare;

import io.dbcompare.compare.RowDiff.DiffKind;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Compares a chunk with hash push-down. Both databases return a checksum of the chunk; equal checksums
 * end the work with two rows read. Otherwise the chunk is split at source-key quantiles into
 * {@code factor} sub-ranges, recursively, and only sub-ranges whose checksums differ are looked at
 * closer; a range of at most {@code threshold} rows is settled by a bucket pass (per-bucket checksums
 * of a key hash, then the key + hash streams of the differing buckets only) or, below 512 rows, by
 * merging its two key + hash streams. A table whose differences are spread over every chunk is
 * compared by bucket passes over whole chunks ({@link #compareByBuckets}). Full rows are then read for
 * the keys that differ, and each candidate is confirmed by the Java
 * reference hash of its values, so an encoding quirk of a database can never report a false
 * difference.
 */
public final class BisectingComparer {
  private final HashPushdown db;
  private final RowSource rows;
  private final ExecutorService readers;
  private final int factor;
  private final int threshold;
  private final int prefetchBatch;

  public BisectingComparer(HashPushdown db, RowSource rows, ExecutorService readers, int factor, int threshold,
      int prefetchBatch) {
    this.db = db;
    this.rows = rows;
    this.readers = readers;
    this.factor = factor;
    this.threshold = threshold;
    this.prefetchBatch = prefetchBatch;
  }

  public ChunkResult compare(TableSpec t, ChunkBounds chunk) throws InterruptedException {
    return compare(t, chunk, null, 0);
  }

  /**
   * @param top the chunk's checksums (source, target) when they were computed already (with other
   *     chunks, {@link ChecksumBatches}); null to compute them
   * @param buckets when the checksums differ: 0 to bisect the chunk, otherwise settle it by a bucket
   *     pass over that many buckets ({@link #compareByBuckets})
   */
  public ChunkResult compare(TableSpec t, ChunkBounds chunk, Checksum[] top, int buckets) throws InterruptedException {
    Checksum[] sums = top == null ? checksums(t, chunk) : top;
    List<RowDiff> diffs = new ArrayList<>();
    if (!sums[0].equals(sums[1])) {
      if (buckets > 0) {
        byBuckets(t, chunk, buckets, diffs);
      } else {
        settle(t, chunk, sums[0], sums[1], diffs);
      }
    }
    return result(t, chunk, sums[0].count(), sums[1].count(), diffs);
  }

  /**
   * Compares a chunk by one bucket pass, without a checksum first: for a table whose differences are
   * spread over its chunks. Each side returns per bucket of the chunk (a hash of the key, so a key is in
   * the same bucket on both sides) its count and sums; equal buckets match, and only the rows of the
   * buckets that differ are read as key + hash streams and merged. All buckets equal: the chunk matches.
   */
  public ChunkResult compareByBuckets(TableSpec t, ChunkBounds chunk, int buckets) throws InterruptedException {
    List<RowDiff> diffs = new ArrayList<>();
    long[] rows = byBuckets(t, chunk, buckets, diffs);
    return result(t, chunk, rows[0], rows[1], diffs);
  }

  /**
   * Above this many differing buckets the key + hash rows of the whole range are read instead of a
   * list of buckets: a list stays far below any IN-list limit (Oracle: 1,000 expressions), and most
   * rows would be read anyway.
   */
  static final int MAX_LISTED_BUCKETS = 512;

  /** The bucket pass; returns the rows per side (from the bucket counts). */
  private long[] byBuckets(TableSpec t, ChunkBounds chunk, int buckets, List<RowDiff> out)
      throws InterruptedException {
    List<List<Checksum>> sums = both(side -> db.bucketChecksums(t, side, chunk, buckets));
    long[] rows = new long[2];
    List<Integer> differing = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      Checksum s = sums.get(0).get(b);
      Checksum g = sums.get(1).get(b);
      rows[0] += s.count();
      rows[1] += g.count();
      if (!s.equals(g)) {
        differing.add(b);
      }
    }
    if (!differing.isEmpty()) {
      boolean listed = differing.size() <= MAX_LISTED_BUCKETS && differing.size() * 2 <= buckets;
      if (listed && byFinerBuckets(t, chunk, buckets, differing, sums, out)) {
        return rows;
      }
      merge(t, chunk, out, listed ? buckets : 0, listed ? differing : null);
    }
    return rows;
  }

  /** The most fine buckets of a second level ({@link #byFinerBuckets}): its checksums' list stays small. */
  static final int MAX_FINE_BUCKETS = 1 << 16;

  /**
   * The second level of a bucket pass, where the differing buckets hold many rows: each is divided into
   * {@link #subBuckets} finer buckets of the same key hash, both sides return the checksums of those (of
   * the differing buckets' rows only), and only the differing fine buckets' key + hash rows are read.
   * With d differing keys in n rows, one level reads at least 2 sqrt(d n) rows (buckets plus their rows);
   * two levels read about B + d (2 sqrt(n / B)), a few per cent at a 0.1 % rate instead of 6 %, for one
   * more pass over the chunk that hashes only the keys of the rows outside the differing buckets.
   *
   * @return false when a second level would not pay (few rows per differing bucket) or could not list
   *     its differing buckets; the caller then merges the differing buckets' rows
   */
  private boolean byFinerBuckets(TableSpec t, ChunkBounds chunk, int buckets, List<Integer> differing,
      List<List<Checksum>> sums, List<RowDiff> out) throws InterruptedException {
    long rowsIn = 0;
    for (int b : differing) {
      rowsIn += Math.max(sums.get(0).get(b).count(), sums.get(1).get(b).count());
    }
    int sub = subBuckets(rowsIn / differing.size());
    if (sub == 0 || (long) buckets * sub > MAX_FINE_BUCKETS) {
      return false;
    }
    int fine = buckets * sub;
    List<List<Checksum>> fineSums = both(side -> db.bucketChecksums(t, side, chunk, fine, buckets, differing));
    List<Integer> fineDiffering = new ArrayList<>();
    for (int f = 0; f < fine; f++) {
      if (!fineSums.get(0).get(f).equals(fineSums.get(1).get(f))) {
        fineDiffering.add(f);
      }
    }
    if (fineDiffering.size() > MAX_LISTED_BUCKETS) {
      return false;
    }
    if (!fineDiffering.isEmpty()) {
      merge(t, chunk, out, fine, fineDiffering);
    }
    return true;
  }

  /**
   * Finer buckets per differing bucket of about {@code rows} rows: the power of two at or below
   * sqrt(rows) (bucket rows and the rows of one differing fine bucket balance), 8 to 64; 0 below 64
   * rows, where a second level saves too little to pay for its pass.
   */
  static int subBuckets(long rows) {
    if (rows < 64) {
      return 0;
    }
    long b = Long.highestOneBit((long) Math.sqrt(rows));
    return (int) Math.max(8, Math.min(64, b));
  }

  private static ChunkResult result(TableSpec t, ChunkBounds chunk, long sourceRows, long targetRows,
      List<RowDiff> diffs) {
    long mit = 0;
    long mis = 0;
    long dif = 0;
    for (RowDiff d : diffs) {
      switch (d.kind()) {
        case MISSING_IN_TARGET -> mit++;
        case MISSING_IN_SOURCE -> mis++;
        case DIFFERENT -> dif++;
      }
    }
    return new ChunkResult(t.key(), chunk.index(), sourceRows, targetRows, mit, mis, dif, diffs);
  }

  private void settle(TableSpec t, ChunkBounds range, Checksum s, Checksum g, List<RowDiff> out)
      throws InterruptedException {
    // The row counts already prove at least |difference| rows differ; when that is enough to touch
    // most sub-ranges, splitting would only read every row again: merge the range at once.
    long provenDifferences = Math.abs(s.count() - g.count());
    if (Math.max(s.count(), g.count()) > threshold && s.count() >= 2L * factor && provenDifferences * 2 < factor) {
      int step = (int) Math.min(Integer.MAX_VALUE, (s.count() + factor - 1) / factor);
      List<Object[]> points = db.split(t, range, step);
      if (!points.isEmpty()) {
        List<ChunkBounds> parts = new ArrayList<>();
        Object[] lower = range.lowerExclusive();
        for (Object[] p : points) {
          parts.add(new ChunkBounds(range.index(), lower, p));
          lower = p;
        }
        parts.add(new ChunkBounds(range.index(), lower, range.upperInclusive()));
        List<ChunkBounds> differing = new ArrayList<>();
        List<Checksum[]> sums = new ArrayList<>();
        // the sub-ranges' checksums in one query per side (consecutive ranges: the batched checksums)
        List<List<Checksum>> all = both(side -> db.checksums(t, side, parts));
        for (int i = 0; i < parts.size(); i++) {
          Checksum[] c = {all.get(0).get(i), all.get(1).get(i)};
          if (!c[0].equals(c[1])) {
            differing.add(parts.get(i));
            sums.add(c);
          }
        }
        // Differences spread over most sub-ranges: going deeper would read them all again at every
        // level, so the differing sub-ranges are settled now.
        boolean dense = differing.size() * 2 > parts.size();
        for (int i = 0; i < differing.size(); i++) {
          if (dense) {
            finish(t, differing.get(i), sums.get(i)[0], sums.get(i)[1], out);
          } else {
            settle(t, differing.get(i), sums.get(i)[0], sums.get(i)[1], out);
          }
        }
        return;
      }
    }
    finish(t, range, s, g, out);
  }

  /** Rows per bucket when a range that bisection settles is large enough for a bucket pass. */
  static final int ROWS_PER_BUCKET = 32;

  /**
   * Settles a range that is not split further: by a bucket pass with about {@link #ROWS_PER_BUCKET}
   * rows per bucket when that gives at least {@link BucketCount#MIN} buckets (then only the differing
   * buckets' key + hash rows are read), else by merging its key + hash streams.
   */
  private void finish(TableSpec t, ChunkBounds range, Checksum s, Checksum g, List<RowDiff> out)
      throws InterruptedException {
    int buckets = bucketsFor(Math.max(s.count(), g.count()));
    if (buckets > 0) {
      byBuckets(t, range, buckets, out);
    } else {
      merge(t, range, out, 0, null);
    }
  }

  /** Buckets for a range of so many rows: 0 (merge it) below {@link BucketCount#MIN} buckets. */
  static int bucketsFor(long rows) {
    long b = Long.highestOneBit(Math.max(1, rows / ROWS_PER_BUCKET));
    return b < BucketCount.MIN ? 0 : (int) Math.min(BucketCount.MAX, b);
  }

  /**
   * Merges key + hash streams, then reads the full rows of the differing keys and keeps the confirmed
   * differences.
   *
   * @param inBuckets null to merge every row of the range; otherwise only the rows whose key falls into
   *     one of these buckets (of {@code buckets}). A key is then looked up on both sides whatever the
   *     streams said: should a side's key text ever hash into another bucket than the other side's
   *     (an inexact number's marker), its row is missing from one stream but not from the table.
   */
  private void merge(TableSpec t, ChunkBounds range, List<RowDiff> out, int buckets, List<Integer> inBuckets)
      throws InterruptedException {
    TableSpec keysOnly = keysOnly(t);
    ChunkResult candidates;
    try (RowCursor s = prefetch(() -> inBuckets == null ? db.openHashes(t, Side.SOURCE, range)
            : db.openHashes(t, Side.SOURCE, range, buckets, inBuckets));
        RowCursor g = prefetch(() -> inBuckets == null ? db.openHashes(t, Side.TARGET, range)
            : db.openHashes(t, Side.TARGET, range, buckets, inBuckets))) {
      candidates = ChunkComparer.compare(keysOnly, range.index(), s, g);
    }
    if (candidates.diffs().isEmpty()) {
      return;
    }
    KeyOrder order = t.keyOrder();
    TreeMap<Object[], Object[][]> wanted = new TreeMap<>(order);
    List<Object[]> sourceKeys = new ArrayList<>();
    List<Object[]> targetKeys = new ArrayList<>();
    for (RowDiff d : candidates.diffs()) {
      wanted.put(d.key(), new Object[2][]);
      if (inBuckets != null || d.kind() != DiffKind.MISSING_IN_SOURCE) {
        sourceKeys.add(d.key());
      }
      if (inBuckets != null || d.kind() != DiffKind.MISSING_IN_TARGET) {
        targetKeys.add(d.key());
      }
    }
    // both sides at once: each writes its own slot of the entries, and the map itself is only read
    both(side -> {
      fill(t, side, range, side == Side.SOURCE ? sourceKeys : targetKeys, wanted, side == Side.SOURCE ? 0 : 1);
      return Boolean.TRUE;
    });
    RowHasher hasher = new RowHasher(t.kinds());
    for (var e : wanted.entrySet()) {
      Object[] sv = e.getValue()[0];
      Object[] tv = e.getValue()[1];
      if (sv != null && tv != null) {
        if (!hasher.hash(sv).equals(hasher.hash(tv))) {
          out.add(new RowDiff(DiffKind.DIFFERENT, e.getKey(), sv, tv));
        }
      } else if (sv != null) {
        out.add(new RowDiff(DiffKind.MISSING_IN_TARGET, e.getKey(), sv, null));
      } else if (tv != null) {
        out.add(new RowDiff(DiffKind.MISSING_IN_SOURCE, e.getKey(), null, tv));
      }
      // neither: the row vanished between the two reads (live data); it is not reported
    }
  }

  /** Reads the full rows of the candidate keys (only those) from one side. */
  private void fill(TableSpec t, Side side, ChunkBounds range, List<Object[]> keys,
      TreeMap<Object[], Object[][]> wanted, int slot) {
    if (keys.isEmpty()) {
      return;
    }
    for (Row r : db.fetchRows(t, side, range, keys)) {
      Object[][] v = wanted.get(r.key());
      if (v != null) {
        v[slot] = r.values();
      }
    }
  }

  private Checksum[] checksums(TableSpec t, ChunkBounds range) throws InterruptedException {
    List<Checksum> c = both(side -> db.checksum(t, side, range));
    return new Checksum[] {c.get(0), c.get(1)};
  }

  /** Runs a read on both sides at once (the target's on a reader thread): source's result first. */
  private <T> List<T> both(Function<Side, T> read) throws InterruptedException {
    return both(readers, read);
  }

  static <T> List<T> both(ExecutorService readers, Function<Side, T> read) throws InterruptedException {
    Future<T> target = readers.submit((Callable<T>) () -> read.apply(Side.TARGET));
    T source;
    try {
      source = read.apply(Side.SOURCE);
    } catch (RuntimeException e) {
      target.cancel(false);
      throw e;
    }
    try {
      return List.of(source, target.get());
    } catch (ExecutionException e) {
      throw Causes.unchecked(e);
    }
  }

  private RowCursor prefetch(Supplier<RowCursor> opener) {
    return new PrefetchingCursor(opener, readers, prefetchBatch, 4);
  }

  /** The table reduced to its key columns: the shape of rows in a key + hash stream. */
  static TableSpec keysOnly(TableSpec t) {
    return t.keysOnly();
  }
}
