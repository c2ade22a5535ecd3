package io.dbcompare.jdbc;

import io.dbcompare.compare.Checksum;
import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.FetchStats;
import io.dbcompare.compare.HashPushdown;
import io.dbcompare.compare.Row;
import io.dbcompare.compare.RowCursor;
import io.dbcompare.compare.RowHasher;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueText;
import io.dbcompare.dialect.DatabaseFacts;
import io.dbcompare.dialect.ValueReader;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.vendor.DatabaseType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hash push-down over JDBC: checksums, key + hash streams and split points computed by the databases. */
public final class JdbcHashPushdown implements HashPushdown {
  private static final Logger log = LoggerFactory.getLogger(JdbcHashPushdown.class);
  private final Pools pools;
  private final int fetchSize;
  private final FetchStats stats;
  private final boolean nativeHash;
  /** Both sides are one platform: each row's own text may be hashed where the column types allow it. */
  private final boolean samePlatform;
  /** Each side's database facts (its pool's, except in tests that make a database pretend). */
  private final Function<Side, DatabaseFacts> facts;
  private final Map<String, PushdownQueries.Result> queries = new ConcurrentHashMap<>();
  /** Per table: empty when its rows are hashed from their native text, else why not ({@link NativeRowHash}). */
  private final Map<String, Optional<String>> nativeRows = new ConcurrentHashMap<>();

  /** Queries get the pools' query timeout ({@link ConnectionPool#applyQueryTimeout}). */
  public JdbcHashPushdown(Pools pools, int fetchSize, FetchStats stats) {
    this(pools, fetchSize, stats, sameNativePlatform(pools), samePlatform(pools));
  }

  private JdbcHashPushdown(Pools pools, int fetchSize, FetchStats stats, boolean nativeHash, boolean samePlatform) {
    this(pools, fetchSize, stats, nativeHash, samePlatform, side -> pools.of(side).facts());
  }

  /**
   * @param nativeHash the native hash function, and (in tests) each row's own text where the types allow
   * @param facts each side's database facts, for tests that need a database to pretend
   */
  JdbcHashPushdown(Pools pools, int fetchSize, FetchStats stats, boolean nativeHash, Function<Side, DatabaseFacts> facts) {
    this(pools, fetchSize, stats, nativeHash, nativeHash, facts);
  }

  private JdbcHashPushdown(Pools pools, int fetchSize, FetchStats stats, boolean nativeHash, boolean samePlatform,
      Function<Side, DatabaseFacts> facts) {
    this.pools = pools;
    this.fetchSize = fetchSize;
    this.stats = stats;
    this.nativeHash = nativeHash;
    this.samePlatform = samePlatform;
    this.facts = facts;
  }

  /**
   * Push-down with the standard digest (SHA-256) over the canonical encoding even where a native hash or
   * the row's own text would do: as across platforms.
   */
  public static JdbcHashPushdown withDigest(Pools pools, int fetchSize, FetchStats stats) {
    return new JdbcHashPushdown(pools, fetchSize, stats, false, false);
  }

  private static boolean samePlatform(Pools pools) {
    return pools.source().databaseType() == pools.target().databaseType();
  }

  /** A native hash is only comparable with the same function on the other side. */
  private static boolean sameNativePlatform(Pools pools) {
    DatabaseType source = pools.source().databaseType();
    return source == pools.target().databaseType() && source.pushdownSql().hasNativeHash();
  }

  private PushdownQueries.Result result(TableSpec t, Side side) {
    ConnectionPool pool = pools.of(side);
    boolean nativeRow = nativeRowBlocker(t) == null;
    return queries.computeIfAbsent(t.key() + "/" + side + "/" + nativeRow + "/"
        + Objects.hash(t.columns(), t.keyOrders(), t.readPoint(side)),
        k -> PushdownQueries.of(t, side, pool.dialect(), nativeHash, facts.apply(side), nativeRow));
  }

  /**
   * Null when the table's rows are hashed from their native text on both sides; else why not. Never
   * across platforms, nor with the standard digest ({@link #withDigest}, which stands for a pair across
   * platforms).
   */
  String nativeRowBlocker(TableSpec t) {
    return nativeRows.computeIfAbsent(t.key() + "/" + Objects.hash(t.columns()), k -> {
      if (!samePlatform) {
        return Optional.of("not the same platform on both sides");
      }
      return Optional.ofNullable(NativeRowHash.blocker(t, pools.source().databaseType().pushdownSql(),
          facts.apply(Side.SOURCE), facts.apply(Side.TARGET)));
    }).orElse(null);
  }

  @Override
  public String hashing(TableSpec t) {
    if (nativeRowBlocker(t) == null) {
      PushdownQueries pq = q(t, Side.SOURCE);
      return (pq.valueHashed() ? "each row's own values hashed: " : "each row's own text hashed: ")
          + pq.rowHashFunction();
    }
    String function = q(t, Side.SOURCE).rowHashFunction();
    return samePlatform ? "canonical encoding hashed: " + function + "; not each row's own text: " + nativeRowBlocker(t)
        : "canonical encoding hashed: " + function;
  }

  private PushdownQueries q(TableSpec t, Side side) {
    PushdownQueries.Result r = result(t, side);
    if (r.queries() == null) {
      throw new IllegalStateException("push-down used although blocked: " + r.blocker());
    }
    return r.queries();
  }

  @Override
  public String blocker(TableSpec t) {
    for (Side side : Side.values()) {
      String b = result(t, side).blocker();
      if (b != null) {
        // where each row's own text was possible but not taken, say why too
        return side.label() + " " + b + (samePlatform ? "; not each row's own text: " + nativeRowBlocker(t) : "");
      }
    }
    return null;
  }

  /** Rows per sample: the first rows of the range, then (tables with text) its first rows with non-ASCII text. */
  static final int SAMPLE_ROWS = 64;

  @Override
  public String verify(TableSpec t, Side side, ChunkBounds range) {
    PushdownQueries pq = q(t, side);
    if (pq.nativeRow()) {
      return verifyNative(t, side, pq, range);
    }
    String first = verify(t, side, pq.sample(range, SAMPLE_ROWS));
    if (first != null || !pq.hasText()) {
      return first;
    }
    return verify(t, side, pq.nonAsciiSample(range, SAMPLE_ROWS));
  }

  private String verify(TableSpec t, Side side, RangeSql.Query query) {
    ConnectionPool pool = pools.of(side);
    RowHasher reference = new RowHasher(t.kinds());
    ValueReader[] readers = Values.readers(t, side, pool.dialect());
    try {
      return run(pool, t.ref(side), query, "checking push-down on " + t.displayName(), true, rs -> {
        while (rs.next()) {
          Object[] values = Values.readRow(rs, t, side, readers);
          String db = rs.getString(values.length + 1);
          String java = reference.encode(values);
          if (!java.equals(db)) {
            return "row " + ValueText.display(t.keyNames(), t.keyKinds(), Arrays.copyOf(values, t.keyCount()))
                + ": the " + side.label() + " database encodes " + excerpt(db, java) + " where the reference has "
                + excerpt(java, db);
          }
        }
        return null;
      });
    } catch (CompareException e) {
      // a point in time that cannot be read fails the table; it says nothing about push-down
      if (e.code() == ErrorCode.AUTHENTICATION || e.retryable() || PinnedReadErrors.aboutThePoint(e, pool)) {
        throw e;
      }
      return "the " + side.label() + " database cannot run the push-down query: " + e.getMessage();
    }
  }

  /**
   * The native row text is not the canonical encoding, so it cannot be compared with the reference. What
   * it relies on is checked instead: the session settings the text output depends on (on this side's
   * pooled connections, which all run the same setup), and that the text of sample rows is never NULL (a
   * NULL hash would drop out of the sums). Equal texts of different values are ruled out by the types
   * ({@link NativeRowHash}); differing texts of equal values are confirmed by the reference, never reported.
   */
  private String verifyNative(TableSpec t, Side side, PushdownQueries pq, ChunkBounds range) {
    ConnectionPool pool = pools.of(side);
    String check = pool.databaseType().pushdownSql().nativeSettingsCheck();
    try {
      if (check != null) {
        String problem = run(pool, t.ref(side), new RangeSql.Query(check, List.of()),
            "checking the session settings for " + t.displayName(), false, rs -> rs.next() ? rs.getString(1) : null);
        if (problem != null && !problem.isEmpty()) {
          return "the " + side.label() + " session prints values ambiguously: " + problem;
        }
      }
      int columns = t.columns().size();
      return run(pool, t.ref(side), pq.sample(range, SAMPLE_ROWS), "checking push-down on " + t.displayName(), true,
          rs -> {
            while (rs.next()) {
              if (rs.getString(columns + 1) == null) {
                return "the " + side.label() + " database gives no native text for a row";
              }
            }
            return null;
          });
    } catch (CompareException e) {
      if (e.code() == ErrorCode.AUTHENTICATION || e.retryable() || PinnedReadErrors.aboutThePoint(e, pool)) {
        throw e;
      }
      return "the " + side.label() + " database cannot run the push-down query: " + e.getMessage();
    }
  }

  private static String excerpt(String s, String other) {
    if (s == null) {
      return "NULL";
    }
    int i = 0;
    while (i < s.length() && i < other.length() && s.charAt(i) == other.charAt(i)) {
      i++;
    }
    int from = Math.max(0, i - 20);
    return "'" + (from > 0 ? "..." : "") + s.substring(from, Math.min(s.length(), i + 20)) + "'";
  }

  @Override
  public Checksum checksum(TableSpec t, Side side, ChunkBounds range) {
    PushdownQueries pq = q(t, side);
    int slices = pq.sliceCount();
    Checksum c = run(pools.of(side), t.ref(side), pq.checksum(range), "checksum of " + t.displayName(), true,
        rs -> readChecksum(rs, slices, pq.signedSlices()));
    stats.add(side, FetchStats.Kind.AGGREGATE, 1, 8L + 16L * slices);
    return c;
  }

  @Override
  public List<Checksum> checksums(TableSpec t, Side side, List<ChunkBounds> chunks) {
    PushdownQueries pq = q(t, side);
    List<Checksum> out = run(pools.of(side), t.ref(side), pq.chunkChecksums(chunks),
        "checksums of " + chunks.size() + " chunks of " + t.displayName(), true,
        rs -> readGroups(rs, chunks.size(), pq.sliceCount(), pq.signedSlices()));
    stats.add(side, FetchStats.Kind.AGGREGATE, chunks.size(), (12L + 16L * pq.sliceCount()) * chunks.size());
    return out;
  }

  @Override
  public List<Checksum> bucketChecksums(TableSpec t, Side side, ChunkBounds range, int buckets) {
    return bucketChecksums(t, side, buckets, q(t, side).bucketChecksums(range, buckets));
  }

  @Override
  public List<Checksum> bucketChecksums(TableSpec t, Side side, ChunkBounds range, int buckets, int coarser,
      List<Integer> within) {
    return bucketChecksums(t, side, buckets, q(t, side).bucketChecksums(range, buckets, coarser, within));
  }

  private List<Checksum> bucketChecksums(TableSpec t, Side side, int buckets, RangeSql.Query query) {
    PushdownQueries pq = q(t, side);
    List<Checksum> out = run(pools.of(side), t.ref(side), query,
        "bucket checksums of " + t.displayName(), true,
        rs -> readGroups(rs, buckets, pq.sliceCount(), pq.signedSlices()));
    long rows = out.stream().filter(c -> c.count() > 0).count();
    stats.add(side, FetchStats.Kind.AGGREGATE, rows, (12L + 16L * pq.sliceCount()) * rows);
    return out;
  }

  /**
   * Rows of {@code group, count, sums...} into a list indexed by group (0 to groups - 1); a group
   * without a row has no rows: count 0 and zero sums, as the checksum of an empty range reads.
   */
  static List<Checksum> readGroups(ResultSet rs, int groups, int slices, boolean signed) throws SQLException {
    Checksum[] out = new Checksum[groups];
    while (rs.next()) {
      int g = rs.getInt(1);
      if (g < 0 || g >= groups || out[g] != null) {
        throw new IllegalStateException("the database returned group " + g + " of " + groups + " twice or out of range");
      }
      out[g] = readChecksumAt(rs, 2, slices, signed);
    }
    Checksum empty = Checksum.empty(slices);
    List<Checksum> list = new ArrayList<>(groups);
    for (Checksum c : out) {
      list.add(c == null ? empty : c);
    }
    return list;
  }

  /**
   * The checksum row: the count, then per slice its sum and, for signed slices only, the number of
   * negative slices (see {@link io.dbcompare.dialect.PushdownSql#signedSlices}).
   */
  static Checksum readChecksum(ResultSet rs, int slices, boolean signed) throws SQLException {
    rs.next();
    return readChecksumAt(rs, 1, slices, signed);
  }

  /** The checksum whose count is in column {@code first} of the current row. */
  private static Checksum readChecksumAt(ResultSet rs, int first, int slices, boolean signed) throws SQLException {
    long count = rs.getLong(first);
    int perSlice = signed ? 2 : 1;
    List<BigInteger> sums = new ArrayList<>();
    for (int i = 0; i < slices; i++) {
      BigDecimal sum = rs.getBigDecimal(first + 1 + perSlice * i);
      BigDecimal neg = signed ? rs.getBigDecimal(first + 2 + perSlice * i) : null;
      sums.add(Checksum.unsigned(sum == null ? BigInteger.ZERO : sum.toBigIntegerExact(),
          neg == null ? 0 : neg.longValueExact()));
    }
    return new Checksum(count, sums);
  }

  @Override
  public List<Object[]> split(TableSpec t, ChunkBounds range, int step) {
    ConnectionPool pool = pools.source();
    RangeSql.Query query = RangeSql.splitQuery(t, pool.dialect(), range, step);
    ValueReader[] readers = Values.readers(t, Side.SOURCE, pool.dialect());
    List<Object[]> points = run(pool, t.ref(Side.SOURCE), query, "splitting a chunk of " + t.displayName(), false,
        rs -> {
      List<Object[]> out = new ArrayList<>();
      while (rs.next()) {
        out.add(Values.readKey(rs, t, readers));
      }
      return out;
    });
    stats.add(Side.SOURCE, FetchStats.Kind.AGGREGATE, points.size(), 16L * points.size());
    return points;
  }

  /**
   * The full rows of candidate keys, as many keys per statement as the recheck reads
   * ({@link RowsByKey#batchSize}), all on one connection. 50 keys per statement, each on a connection of
   * its own, made the differences of a clustered table cost 2 s of round trips per 10,000 rows (README
   * "Performance").
   */
  @Override
  public List<Row> fetchRows(TableSpec t, Side side, ChunkBounds range, List<Object[]> keys) {
    return new RowsByKey(pools.of(side), fetchSize, stats).byKeys(t, side, range, keys);
  }

  @Override
  public RowCursor openHashes(TableSpec t, Side side, ChunkBounds range) {
    return openHashes(t, side, q(t, side).hashes(range));
  }

  @Override
  public RowCursor openHashes(TableSpec t, Side side, ChunkBounds range, int buckets, List<Integer> wanted) {
    return openHashes(t, side, q(t, side).hashesInBuckets(range, buckets, wanted));
  }

  private RowCursor openHashes(TableSpec t, Side side, RangeSql.Query query) {
    ConnectionPool pool = pools.of(side);
    PushdownQueries pq = q(t, side);
    log.debug("{} {} hashes: {}", t.displayName(), side.label(), query.sql());
    int kc = t.keyCount();
    int slices = pq.sliceCount();
    ValueReader[] readers = Values.readers(t, side, pool.dialect());
    Connection c = pool.borrow();
    try {
      PreparedStatement ps = Values.prepare(c, pool, query, fetchSize);
      ResultSet rs = ps.executeQuery();
      return new RowCursor() {
        private boolean closed;

        @Override
        public Row next() {
          try {
            if (closed || !rs.next()) {
              return null;
            }
            Object[] key = Values.readKey(rs, t, readers);
            long bytes = 8L * slices;
            for (Object k : key) {
              bytes += FetchStats.sizeOf(k);
            }
            long hi = slice(rs.getBigDecimal(kc + 1));
            long lo = slices > 1 ? slice(rs.getBigDecimal(kc + 2)) : 0;
            stats.add(side, FetchStats.Kind.HASH, 1, bytes);
            return new Row(key, new RowHasher.RowHash(hi, lo), kc);
          } catch (SQLException e) {
            throw SqlErrors.translateRead(e, "reading hashes of " + t.displayName(), pool, t.ref(side), true);
          }
        }

        @Override
        public void close() {
          if (!closed) {
            closed = true;
            Values.close(rs, ps, c);
          }
        }
      };
    } catch (SQLException e) {
      ConnectionPool.release(c);
      throw SqlErrors.translateRead(e, "reading hashes of " + t.displayName(), pool, t.ref(side), true);
    } catch (RuntimeException e) {
      ConnectionPool.release(c);
      throw e;
    }
  }

  /** A slice as the 64 bits of a long (signed or unsigned decimal from the database). */
  private static long slice(BigDecimal v) {
    return v == null ? 0 : v.toBigIntegerExact().longValue();
  }

  /** Reads a result set inside a borrowed connection. */
  private interface Reader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** @param pushdown the query computes the row encoding (its errors may be CANNOT_ENCODE) */
  private <T> T run(ConnectionPool pool, TableRef table, RangeSql.Query query, String what, boolean pushdown,
      Reader<T> reader) {
    Connection c = pool.borrow();
    try (PreparedStatement ps = Values.prepare(c, pool, query, fetchSize); ResultSet rs = ps.executeQuery()) {
      return reader.read(rs);
    } catch (SQLException e) {
      throw SqlErrors.translateRead(e, what, pool, table, pushdown);
    } finally {
      ConnectionPool.release(c);
    }
  }
}
