package io.dbcompare.jdbc;

import io.dbcompare.dialect.ValueReader;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.FetchStats;
import io.dbcompare.compare.KeyOrder;
import io.dbcompare.compare.Row;
import io.dbcompare.compare.RowHasher;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads the full rows of given keys of one side, in key order, a bounded batch of keys per statement:
 * by lists of keys ({@link RangeSql#keysQuery}), or, where the keys are dense, by the key range each batch
 * spans ({@link RangeSql#chunkQuery}), keeping only the wanted rows. Rows are hashed with the Java
 * reference, as in a chunk read. Used to confirm push-down candidates and by the recheck.
 */
final class RowsByKey {
  static final int KEYS_PER_QUERY = 500;
  static final int BINDS_PER_QUERY = 5_000;

  private final ConnectionPool pool;
  private final int fetchSize;
  private final FetchStats stats;
  /** Read the current data even where the side shares an exported snapshot (the recheck). */
  private final boolean current;

  /** Reads of the comparison itself: at the side's pinned point in time, if any. */
  RowsByKey(ConnectionPool pool, int fetchSize, FetchStats stats) {
    this(pool, fetchSize, stats, false);
  }

  /**
   * @param current read the current data even while the side shares an exported snapshot
   *     ({@link ConnectionPool#borrowCurrent()}): the recheck must see what changed since the snapshot
   */
  RowsByKey(ConnectionPool pool, int fetchSize, FetchStats stats, boolean current) {
    this.pool = pool;
    this.fetchSize = fetchSize;
    this.stats = stats;
    this.current = current;
  }

  /**
   * Keys per statement: {@value #KEYS_PER_QUERY}, fewer for wide keys so that the binds stay about
   * {@value #BINDS_PER_QUERY}; a one-column key's list stays below Oracle's 1,000 expressions of an IN
   * list (ORA-01795), a composite key's is written as ORed conjunctions ({@link RangeSql#keysQuery}).
   */
  static int batchSize(int keyColumns) {
    return Math.max(1, Math.min(KEYS_PER_QUERY, BINDS_PER_QUERY / Math.max(1, keyColumns)));
  }

  /** The rows of the keys (those present) inside {@code range}, {@link #batchSize} keys per statement. */
  List<Row> byKeys(TableSpec t, Side side, ChunkBounds range, List<Object[]> keys) {
    int perQuery = batchSize(t.keyCount());
    List<Row> out = new ArrayList<>();
    Connection c = borrow(keys);
    try {
      for (int from = 0; from < keys.size(); from += perQuery) {
        List<Object[]> batch = keys.subList(from, Math.min(keys.size(), from + perQuery));
        read(c, t, side, RangeSql.keysQuery(t, side, pool.dialect(), range, batch), null, out);
      }
    } finally {
      ConnectionPool.release(c);
    }
    return out;
  }

  /**
   * One connection for all statements of a read (null for no keys): a lent connection costs round
   * trips of its own (its session setup, the rollback that returns it), which per statement of a few
   * hundred keys were as many as the statements'.
   */
  private Connection borrow(List<Object[]> keys) {
    if (keys.isEmpty()) {
      return null;
    }
    return current ? pool.borrowCurrent() : pool.borrow();
  }

  /**
   * The rows of the keys (ascending, inside {@code chunk}) read by key range: batch by batch of
   * {@code perQuery} keys, the rows after the previous batch's last key (or the chunk's start) up to the
   * batch's last key. Only the wanted rows are kept.
   */
  List<Row> byRanges(TableSpec t, Side side, ChunkBounds chunk, List<Object[]> keys) {
    int perQuery = batchSize(t.keyCount());
    List<Row> out = new ArrayList<>();
    Object[] lower = chunk.lowerExclusive();
    Connection c = borrow(keys);
    try {
      for (int from = 0; from < keys.size(); from += perQuery) {
        List<Object[]> batch = keys.subList(from, Math.min(keys.size(), from + perQuery));
        TreeSet<Object[]> wanted = new TreeSet<>(new KeyOrder(t.keyKinds()));
        wanted.addAll(batch);
        Object[] upper = batch.get(batch.size() - 1);
        read(c, t, side, RangeSql.chunkQuery(t, side, pool.dialect(), new ChunkBounds(chunk.index(), lower, upper)),
            wanted, out);
        lower = upper;
      }
    } finally {
      ConnectionPool.release(c);
    }
    return out;
  }

  /** Runs one statement; keeps the rows whose key is wanted (all when {@code wanted} is null). */
  private void read(Connection c, TableSpec t, Side side, RangeSql.Query query, TreeSet<Object[]> wanted,
      List<Row> out) {
    ValueReader[] readers = Values.readers(t, side, pool.dialect());
    RowHasher hasher = new RowHasher(t.kinds());
    String what = "reading differing rows of " + t.displayName();
    try (PreparedStatement ps = Values.prepare(c, pool, query, fetchSize); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Object[] values = Values.readRow(rs, t, side, readers);
        long bytes = 0;
        for (Object v : values) {
          bytes += FetchStats.sizeOf(v);
        }
        stats.add(side, FetchStats.Kind.FULL, 1, bytes);
        Row row = new Row(values, hasher.hash(values), t.keyCount());
        if (wanted == null || wanted.contains(row.key())) {
          out.add(row);
        }
      }
    } catch (SQLException e) {
      throw SqlErrors.translateRead(e, what, pool, t.ref(side), false);
    }
  }
}
