package io.dbcompare.compare;

import io.dbcompare.compare.RowDiff.DiffKind;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Compares a chunk with hash push-down. Both databases return a checksum of the chunk; equal checksums
 * end the work with two rows read. Otherwise the chunk is split at source-key quantiles into
 * {@code factor} sub-ranges, recursively, and only sub-ranges whose checksums differ are looked at
 * closer; a range of at most {@code threshold} rows is settled by merging the two key + hash streams.
 * Full rows are then read for the keys that differ, and each candidate is confirmed by the Java
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
    return compare(t, chunk, false);
  }

  /**
   * @param mergeAtOnce skip the checksums and merge the key + hash streams of the whole chunk: for a
   *     table whose last chunks all differed, where the checksums would only add a pass over the rows
   */
  public ChunkResult compare(TableSpec t, ChunkBounds chunk, boolean mergeAtOnce) throws InterruptedException {
    List<RowDiff> diffs = new ArrayList<>();
    long sourceRows;
    long targetRows;
    if (mergeAtOnce) {
      long[] counts = merge(t, chunk, diffs);
      sourceRows = counts[0];
      targetRows = counts[1];
    } else {
      Checksum[] top = checksums(t, chunk);
      if (!top[0].equals(top[1])) {
        settle(t, chunk, top[0], top[1], diffs);
      }
      sourceRows = top[0].count();
      targetRows = top[1].count();
    }
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
        for (ChunkBounds part : parts) {
          Checksum[] c = checksums(t, part);
          if (!c[0].equals(c[1])) {
            differing.add(part);
            sums.add(c);
          }
        }
        // Differences spread over most sub-ranges: going deeper would read them all again at every
        // level, so the differing sub-ranges are merged now.
        boolean dense = differing.size() * 2 > parts.size();
        for (int i = 0; i < differing.size(); i++) {
          if (dense) {
            merge(t, differing.get(i), out);
          } else {
            settle(t, differing.get(i), sums.get(i)[0], sums.get(i)[1], out);
          }
        }
        return;
      }
    }
    merge(t, range, out);
  }

  /**
   * Merges key + hash streams, then reads the full rows of the differing keys and keeps the confirmed
   * differences. Returns the rows read per side.
   */
  private long[] merge(TableSpec t, ChunkBounds range, List<RowDiff> out) throws InterruptedException {
    TableSpec keysOnly = keysOnly(t);
    ChunkResult candidates;
    try (RowCursor s = prefetch(() -> db.openHashes(t, Side.SOURCE, range));
        RowCursor g = prefetch(() -> db.openHashes(t, Side.TARGET, range))) {
      candidates = ChunkComparer.compare(keysOnly, range.index(), s, g);
    }
    long[] counts = {candidates.sourceRows(), candidates.targetRows()};
    if (candidates.diffs().isEmpty()) {
      return counts;
    }
    KeyOrder order = t.keyOrder();
    TreeMap<Object[], Object[][]> wanted = new TreeMap<>(order);
    List<Object[]> sourceKeys = new ArrayList<>();
    List<Object[]> targetKeys = new ArrayList<>();
    for (RowDiff d : candidates.diffs()) {
      wanted.put(d.key(), new Object[2][]);
      if (d.kind() != DiffKind.MISSING_IN_SOURCE) {
        sourceKeys.add(d.key());
      }
      if (d.kind() != DiffKind.MISSING_IN_TARGET) {
        targetKeys.add(d.key());
      }
    }
    fill(t, Side.SOURCE, range, sourceKeys, wanted, 0);
    fill(t, Side.TARGET, range, targetKeys, wanted, 1);
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
    return counts;
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
    Future<Checksum> target = readers.submit((Callable<Checksum>) () -> db.checksum(t, Side.TARGET, range));
    Checksum source = db.checksum(t, Side.SOURCE, range);
    try {
      return new Checksum[] {source, target.get()};
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
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
