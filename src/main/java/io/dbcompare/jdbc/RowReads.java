package io.dbcompare.jdbc;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads whole rows of a chunk on a connection the caller holds: the rows {@code --repair} writes (from
 * the source, read when it writes them) and the rows it checks on the target. Values are read exactly
 * as stored: an empty string stays empty here even where the comparison reads it as NULL, because it
 * is written, not compared.
 */
public final class RowReads {
  /** Keys per query when rows are read by key (an OR of key matches inside the chunk's range). */
  static final int KEYS_PER_QUERY = 200;

  private RowReads() {}

  /** Receives rows one at a time; may write them somewhere (hence the SQLException). */
  public interface RowSink {
    void accept(Object[] row) throws SQLException;
  }

  /** Streams every row of chunk {@code b} of one side, in key order, to {@code sink}; the number of rows. */
  public static long range(Connection c, Dialect d, TableSpec t, Side side, ChunkBounds b, int fetchSize,
      RowSink sink) throws SQLException {
    RangeSql.Query q = RangeSql.chunkQuery(t, side, d, b);
    boolean[] dateOnly = Values.dateOnly(t, side, d);
    long n = 0;
    try (PreparedStatement ps = prepare(c, q, fetchSize); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        sink.accept(row(rs, t, dateOnly));
        n++;
      }
    }
    return n;
  }

  /** The rows of {@code keys} inside chunk {@code b} of one side (those that exist), in key order per query. */
  public static List<Object[]> byKeys(Connection c, Dialect d, TableSpec t, Side side, ChunkBounds b,
      List<Object[]> keys, int fetchSize) throws SQLException {
    List<Object[]> out = new ArrayList<>(keys.size());
    boolean[] dateOnly = Values.dateOnly(t, side, d);
    for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
      RangeSql.Query q = RangeSql.keysQuery(t, side, d, b, keys.subList(from, Math.min(keys.size(),
          from + KEYS_PER_QUERY)));
      try (PreparedStatement ps = prepare(c, q, fetchSize); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs, t, dateOnly));
        }
      }
    }
    return out;
  }

  /** Whether one side has a row in chunk {@code b} (inside the table's filter). */
  public static boolean anyRow(Connection c, Dialect d, TableSpec t, Side side, ChunkBounds b) throws SQLException {
    List<Object> binds = new ArrayList<>();
    String sql = "SELECT 1 FROM " + d.qualified(side == Side.SOURCE ? t.source() : t.target())
        + RangeSql.where(t, side, d, b, binds);
    try (PreparedStatement ps = prepare(c, new RangeSql.Query(sql, binds), 1)) {
      ps.setMaxRows(1);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static PreparedStatement prepare(Connection c, RangeSql.Query q, int fetchSize) throws SQLException {
    PreparedStatement ps = c.prepareStatement(q.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    try {
      ps.setFetchSize(fetchSize);
      for (int i = 0; i < q.binds().size(); i++) {
        Values.bind(ps, i + 1, q.binds().get(i));
      }
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  private static Object[] row(ResultSet rs, TableSpec t, boolean[] dateOnly) throws SQLException {
    Object[] values = new Object[t.columns().size()];
    for (int i = 0; i < values.length; i++) {
      ColumnSpec col = t.columns().get(i);
      values[i] = Values.read(rs, i + 1, col.kind(), dateOnly[i], false);
    }
    return values;
  }
}
