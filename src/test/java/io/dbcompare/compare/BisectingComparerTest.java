package io.dbcompare.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bisection over an in-memory "database" that counts what it hands out. */
class BisectingComparerTest {
  private static final TableSpec T = new TableSpec("S_T", "S.T", new TableRef("S", "T"), new TableRef("S", "T"),
      List.of(new ColumnSpec("ID", "ID", ValueKind.NUMBER, "NUMBER", "NUMBER", true),
          new ColumnSpec("V", "V", ValueKind.TEXT, "VARCHAR2", "VARCHAR2", false)), 1, Optional.empty(), false);
  private static final RowHasher HASHER = new RowHasher(T.kinds());
  private static final RowHasher KEY_HASHER = new RowHasher(List.of(ValueKind.NUMBER));
  private final ExecutorService readers = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    readers.shutdownNow();
  }

  /** Two sorted tables; counts checksum calls and rows returned. */
  static class FakeDb implements HashPushdown, RowSource {
    final TreeMap<BigDecimal, Object[]> source = new TreeMap<>();
    final TreeMap<BigDecimal, Object[]> target = new TreeMap<>();
    int checksums;
    /** Queries that returned the checksums of several chunks, and the chunks they covered. */
    int batchedQueries;
    final List<Integer> batchedChunks = new ArrayList<>();
    /** The thread that ran each batched query's source side (a chunk worker, or a reader reading ahead). */
    final List<String> batchedSourceThreads = new ArrayList<>();
    int bucketQueries;
    int fineBucketQueries;
    /** Batched checksum queries over the sub-ranges of one chunk (a bisection level). */
    int subRangeQueries;
    long hashRows;
    long fullRows;
    /** When set, the next batched query (of several chunks) fails with it, once. */
    volatile RuntimeException failNextBatched;
    /** When set, every checksum query (single or batched) fails with it. */
    volatile RuntimeException checksumFailure;

    /** The bucket of a key: its own hash's low bits, as the databases compute it. */
    static int bucketOf(Object key, int buckets) {
      return (int) Math.floorMod(KEY_HASHER.hash(new Object[] {key}).hi(), (long) buckets);
    }

    static Checksum sum(List<Object[]> rows) {
      BigInteger a = BigInteger.ZERO;
      BigInteger b = BigInteger.ZERO;
      BigInteger mask = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
      for (Object[] r : rows) {
        RowHasher.RowHash h = HASHER.hash(r);
        a = a.add(BigInteger.valueOf(h.hi()).and(mask));
        b = b.add(BigInteger.valueOf(h.lo()).and(mask));
      }
      return new Checksum(rows.size(), List.of(a, b));
    }

    TreeMap<BigDecimal, Object[]> side(Side s) {
      return s == Side.SOURCE ? source : target;
    }

    List<Object[]> in(Side s, ChunkBounds b) {
      Predicate<BigDecimal> ok = k -> (b.lowerExclusive() == null || k.compareTo((BigDecimal) b.lowerExclusive()[0]) > 0)
          && (b.upperInclusive() == null || k.compareTo((BigDecimal) b.upperInclusive()[0]) <= 0);
      List<Object[]> out = new ArrayList<>();
      side(s).forEach((k, v) -> {
        if (ok.test(k)) {
          out.add(v);
        }
      });
      return out;
    }

    @Override
    public String blocker(TableSpec table) {
      return null;
    }

    @Override
    public String verify(TableSpec table, Side side, ChunkBounds range) {
      return null;
    }

    @Override
    public synchronized Checksum checksum(TableSpec table, Side side, ChunkBounds range) {
      if (checksumFailure != null) {
        throw checksumFailure;
      }
      checksums++;
      return sum(in(side, range));
    }

    @Override
    public synchronized List<Checksum> checksums(TableSpec table, Side side, List<ChunkBounds> consecutive) {
      if (checksumFailure != null) {
        throw checksumFailure;
      }
      // the sub-ranges of one chunk that bisection checks together carry that chunk's index
      boolean subRanges = consecutive.size() > 1 && consecutive.stream().map(ChunkBounds::index).distinct().count() == 1;
      if (!subRanges && failNextBatched != null) {
        RuntimeException e = failNextBatched;
        failNextBatched = null;
        throw e;
      }
      if (subRanges) {
        subRangeQueries++;
      } else {
        batchedQueries++;
        if (side == Side.SOURCE) {
          batchedSourceThreads.add(Thread.currentThread().getName().replaceAll("-\\d+$", ""));
        }
      }
      List<Checksum> out = new ArrayList<>();
      for (ChunkBounds b : consecutive) {
        if (!subRanges) {
          batchedChunks.add(b.index());
        }
        out.add(sum(in(side, b)));
      }
      return out;
    }

    @Override
    public synchronized List<Checksum> bucketChecksums(TableSpec table, Side side, ChunkBounds range, int buckets) {
      bucketQueries++;
      return perBucket(side, range, buckets, 1, List.of(0));
    }

    @Override
    public synchronized List<Checksum> bucketChecksums(TableSpec table, Side side, ChunkBounds range, int buckets,
        int coarser, List<Integer> within) {
      fineBucketQueries++;
      return perBucket(side, range, buckets, coarser, within);
    }

    /** The checksums of {@code buckets} buckets of the range's rows whose bucket among {@code coarser} is wanted. */
    private List<Checksum> perBucket(Side side, ChunkBounds range, int buckets, int coarser, List<Integer> within) {
      List<List<Object[]>> per = new ArrayList<>();
      for (int i = 0; i < buckets; i++) {
        per.add(new ArrayList<>());
      }
      for (Object[] r : in(side, range)) {
        if (within.contains(bucketOf(r[0], coarser))) {
          per.get(bucketOf(r[0], buckets)).add(r);
        }
      }
      List<Checksum> out = new ArrayList<>();
      for (List<Object[]> rows : per) {
        out.add(sum(rows));
      }
      return out;
    }

    @Override
    public RowCursor openHashes(TableSpec table, Side side, ChunkBounds range, int buckets, List<Integer> wanted) {
      return cursor(in(side, range).stream().filter(r -> wanted.contains(bucketOf(r[0], buckets))).toList());
    }

    @Override
    public RowCursor openHashes(TableSpec table, Side side, ChunkBounds range) {
      return cursor(in(side, range));
    }

    private RowCursor cursor(List<Object[]> rows) {
      synchronized (this) {
        hashRows += rows.size();
      }
      Iterator<Object[]> it = rows.iterator();
      return new RowCursor() {
        @Override
        public Row next() {
          if (!it.hasNext()) {
            return null;
          }
          Object[] r = it.next();
          return new Row(new Object[] {r[0]}, HASHER.hash(r), 1);
        }

        @Override
        public void close() {}
      };
    }

    /** When set, each side's full-row read waits here for the other side's (both must be in flight at once). */
    java.util.concurrent.CyclicBarrier fetchTogether;

    @Override
    public List<Row> fetchRows(TableSpec table, Side side, ChunkBounds range, List<Object[]> keys) {
      if (fetchTogether != null) {
        try {
          fetchTogether.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new AssertionError("the other side's full rows were not read at the same time", e);
        }
      }
      synchronized (this) {
        List<Row> out = new ArrayList<>();
        for (Object[] k : keys) {
          Object[] r = side(side).get((BigDecimal) k[0]);
          if (r != null) {
            fullRows++;
            out.add(new Row(r, HASHER.hash(r), 1));
          }
        }
        return out;
      }
    }

    @Override
    public List<Object[]> split(TableSpec table, ChunkBounds range, int step) {
      List<Object[]> rows = in(Side.SOURCE, range);
      List<Object[]> out = new ArrayList<>();
      for (int i = step; i <= rows.size(); i += step) {
        out.add(new Object[] {rows.get(i - 1)[0]});
      }
      return out;
    }

    @Override
    public RowCursor open(TableSpec table, Side side, ChunkBounds bounds) {
      throw new AssertionError("bisection must not stream full ranges");
    }
  }

  private static FakeDb same(int n) {
    FakeDb db = new FakeDb();
    for (int i = 1; i <= n; i++) {
      Object[] row = {BigDecimal.valueOf(i), "v" + i};
      db.source.put(BigDecimal.valueOf(i), row);
      db.target.put(BigDecimal.valueOf(i), row.clone());
    }
    return db;
  }

  private ChunkResult compare(FakeDb db) throws InterruptedException {
    return new BisectingComparer(db, db, readers, 8, 100, 64).compare(T, new ChunkBounds(0, null, null));
  }

  /** The whole chunk by one bucket pass over {@code buckets} buckets, without checksums first. */
  private ChunkResult bucketPass(FakeDb db, int buckets) throws InterruptedException {
    return new BisectingComparer(db, db, readers, 8, 100, 64).compareByBuckets(T, new ChunkBounds(0, null, null),
        buckets);
  }

  /** What {@link #spread} planted, found exactly, and the same differences as bisection finds. */
  private void assertSpreadDifferences(ChunkResult r) throws InterruptedException {
    assertEquals(4, r.missingInTarget());
    assertEquals(3, r.missingInSource());
    assertEquals(3, r.different());
    assertEquals(keys(compare(spread())), keys(r), "the same differences as bisection");
  }

  @Test
  void identicalChunksCostOneChecksumPerSide() throws Exception {
    FakeDb db = same(10_000);
    ChunkResult r = compare(db);
    assertEquals(0, r.differences());
    assertEquals(10_000, r.sourceRows());
    assertEquals(2, db.checksums);
    assertEquals(0, db.hashRows + db.fullRows);
  }

  @Test
  void oneChangedRowIsFoundReadingAFewHundredHashRows() throws Exception {
    FakeDb db = same(10_000);
    db.target.put(BigDecimal.valueOf(7_777), new Object[] {BigDecimal.valueOf(7_777), "changed"});
    ChunkResult r = compare(db);
    assertEquals(1, r.different());
    assertEquals(BigDecimal.valueOf(7_777), r.diffs().get(0).key()[0]);
    assertEquals("v7777", r.diffs().get(0).sourceValues()[1]);
    assertTrue(db.hashRows <= 2 * 200, "hash rows read: " + db.hashRows);
    assertEquals(2, db.fullRows, "full rows only for the differing key, one per side");
  }

  @Test
  void everyKindOfDifferenceIsFoundExactly() throws Exception {
    FakeDb db = same(5_000);
    db.target.remove(BigDecimal.valueOf(1));
    db.target.remove(BigDecimal.valueOf(5_000));
    db.target.put(BigDecimal.valueOf(-1), new Object[] {BigDecimal.valueOf(-1), "below"});
    db.target.put(BigDecimal.valueOf(9_999), new Object[] {BigDecimal.valueOf(9_999), "above"});
    db.target.put(BigDecimal.valueOf(2_500), new Object[] {BigDecimal.valueOf(2_500), "x"});
    // two rows swap values: per-row hashes differ even though the multiset of values is the same
    db.target.put(BigDecimal.valueOf(10), new Object[] {BigDecimal.valueOf(10), "v11"});
    db.target.put(BigDecimal.valueOf(11), new Object[] {BigDecimal.valueOf(11), "v10"});
    ChunkResult r = compare(db);
    assertEquals(2, r.missingInTarget());
    assertEquals(2, r.missingInSource());
    assertEquals(3, r.different());
  }

  /** 10,000 rows with 10 differences of every kind spread over the chunk. */
  private static FakeDb spread() {
    FakeDb db = same(10_000);
    for (int i = 500; i <= 10_000; i += 1_000) {
      switch ((i / 1_000) % 3) {
        case 0 -> db.target.remove(BigDecimal.valueOf(i));
        case 1 -> db.target.put(BigDecimal.valueOf(i), new Object[] {BigDecimal.valueOf(i), "changed"});
        default -> db.target.put(BigDecimal.valueOf(i + 1_000_000), new Object[] {BigDecimal.valueOf(i + 1_000_000), "x"});
      }
    }
    return db;
  }

  @Test
  void aBucketPassFindsSpreadDifferencesExactlyAndReadsOnlyTheDifferingBuckets() throws Exception {
    FakeDb db = spread();
    ChunkResult r = bucketPass(db, 512);
    assertEquals(0, db.checksums, "no checksum before the bucket pass");
    assertEquals(2, db.bucketQueries, "one bucket query per side");
    assertEquals(0, db.fineBucketQueries, "about 20 rows per differing bucket: no second level");
    assertEquals(10_000, r.sourceRows());
    assertEquals(10_000 - 4 + 3, r.targetRows());
    assertSpreadDifferences(r);
    // 10 differing keys in at most 10 of 512 buckets of about 20 rows: far below 5 % of the rows
    assertTrue(db.hashRows <= 0.05 * 20_000, "key + hash rows read: " + db.hashRows);
    assertTrue(db.hashRows > 0);
  }

  /**
   * 10 differing keys in 10,000 rows over 32 buckets of about 312 rows: each differing bucket is divided
   * into 16 finer ones (a second bucket query per side over the differing buckets' rows only), and only
   * the differing fine buckets' key + hash rows are read: about 20 per differing key and side, where one
   * level would read all 312.
   */
  @Test
  void differingBucketsOfManyRowsAreSettledByASecondLevel() throws Exception {
    FakeDb db = spread();
    ChunkResult r = bucketPass(db, 32);
    assertEquals(2, db.bucketQueries, "the first level: one bucket query per side");
    assertEquals(2, db.fineBucketQueries, "the second level: one query per side");
    assertSpreadDifferences(r);
    assertTrue(db.hashRows > 0);
    assertTrue(db.hashRows <= 2 * 10 * 2 * 40, "key + hash rows read: " + db.hashRows
        + " (one level would read the differing buckets' ~6,000)");
  }

  /** The candidate keys' full rows are read on both sides at once: one round trip of waiting, not two. */
  @Test
  void bothSidesFullRowsAreReadAtOnce() throws Exception {
    FakeDb db = spread();
    db.fetchTogether = new java.util.concurrent.CyclicBarrier(2);
    ChunkResult r = bucketPass(db, 512);
    assertEquals(10, r.differences());
  }

  @Test
  void aBucketPassOverIdenticalRowsReadsNoRow() throws Exception {
    FakeDb db = same(5_000);
    ChunkResult r = bucketPass(db, 64);
    assertEquals(0, r.differences());
    assertEquals(5_000, r.sourceRows());
    assertEquals(0, db.hashRows + db.fullRows);
  }

  @Test
  void aChunkWhoseChecksumsDifferIsSettledByBucketsWhenAsked() throws Exception {
    FakeDb db = spread();
    ChunkResult r = new BisectingComparer(db, db, readers, 8, 100, 64).compare(T, new ChunkBounds(0, null, null),
        null, 1024);
    assertEquals(2, db.checksums, "the chunk's checksums, then no bisection");
    assertEquals(2, db.bucketQueries);
    assertEquals(10, r.differences());
    assertTrue(db.hashRows <= 0.05 * 20_000, "key + hash rows read: " + db.hashRows);
  }

  @Test
  void manyDifferingBucketsReadTheWholeRangeOnce() throws Exception {
    FakeDb db = same(2_000);
    for (int i = 1; i <= 2_000; i += 4) {
      db.target.put(BigDecimal.valueOf(i), new Object[] {BigDecimal.valueOf(i), "changed"});
    }
    ChunkResult r = bucketPass(db, 16);
    assertEquals(500, r.different());
    assertEquals(2 * 2_000, db.hashRows, "every row once per side");
  }

  private static List<String> keys(ChunkResult r) {
    return r.diffs().stream().map(d -> d.kind() + " " + d.key()[0]).sorted().toList();
  }

  @Test
  void denseDifferencesAreSettledByBucketsWithoutSplittingAgainAndAgain() throws Exception {
    FakeDb db = same(10_000);
    for (int i = 50; i <= 10_000; i += 100) {
      db.target.put(BigDecimal.valueOf(i), new Object[] {BigDecimal.valueOf(i), "changed"});
    }
    ChunkResult r = compare(db);
    assertEquals(100, r.different());
    // 8 split points give 9 sub-ranges (the last one, above the last source key, may be empty)
    assertEquals(2, db.checksums, "the chunk's own checksums; its sub-ranges' are batched");
    assertEquals(2, db.subRangeQueries, "the nine sub-ranges' checksums in one query per side");
    // the differing sub-ranges are settled by bucket passes: only their differing buckets are read
    assertEquals(2 * 8, db.bucketQueries, "one bucket query per side and differing sub-range (the ninth is empty)");
    assertTrue(db.hashRows <= 2 * 10_000 / 2, "key + hash rows: " + db.hashRows);
  }
}
