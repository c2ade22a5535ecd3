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
    long hashRows;
    long fullRows;

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
      checksums++;
      BigInteger a = BigInteger.ZERO;
      BigInteger b = BigInteger.ZERO;
      List<Object[]> rows = in(side, range);
      for (Object[] r : rows) {
        RowHasher.RowHash h = HASHER.hash(r);
        a = a.add(BigInteger.valueOf(h.hi()).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)));
        b = b.add(BigInteger.valueOf(h.lo()).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)));
      }
      return new Checksum(rows.size(), List.of(a, b));
    }

    @Override
    public RowCursor openHashes(TableSpec table, Side side, ChunkBounds range) {
      List<Object[]> rows = in(side, range);
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

    @Override
    public synchronized List<Row> fetchRows(TableSpec table, Side side, ChunkBounds range, List<Object[]> keys) {
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

  @Test
  void aChunkOfADenseTableIsMergedWithoutChecksums() throws Exception {
    FakeDb db = same(3_000);
    db.target.remove(BigDecimal.valueOf(3));
    db.target.put(BigDecimal.valueOf(5), new Object[] {BigDecimal.valueOf(5), "changed"});
    ChunkResult r = new BisectingComparer(db, db, readers, 8, 100, 64).compare(T, new ChunkBounds(0, null, null), true);
    assertEquals(0, db.checksums);
    assertEquals(3_000, r.sourceRows());
    assertEquals(2_999, r.targetRows());
    assertEquals(1, r.missingInTarget());
    assertEquals(1, r.different());
  }

  @Test
  void denseDifferencesAreMergedWithoutSplittingAgainAndAgain() throws Exception {
    FakeDb db = same(10_000);
    for (int i = 50; i <= 10_000; i += 100) {
      db.target.put(BigDecimal.valueOf(i), new Object[] {BigDecimal.valueOf(i), "changed"});
    }
    ChunkResult r = compare(db);
    assertEquals(100, r.different());
    // 8 split points give 9 sub-ranges (the last one, above the last source key, may be empty)
    assertTrue(db.checksums <= 2 + 2 * 9, "one level of sub-ranges, then a merge: " + db.checksums);
    assertEquals(2 * 10_000, db.hashRows, "every row's hash read once per side");
  }
}
