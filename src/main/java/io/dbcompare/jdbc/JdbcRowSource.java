package io.dbcompare.jdbc;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.FetchStats;
import io.dbcompare.compare.Row;
import io.dbcompare.compare.RowCursor;
import io.dbcompare.compare.RowHasher;
import io.dbcompare.compare.RowSource;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.dialect.ColumnType;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Streams one chunk of one side with a forward-only cursor and a fetch size; never the whole table. */
public final class JdbcRowSource implements RowSource {
  private static final Logger log = LoggerFactory.getLogger(JdbcRowSource.class);
  private final Pools pools;
  private final int fetchSize;
  private final FetchStats stats;

  public JdbcRowSource(Pools pools, int fetchSize) {
    this(pools, fetchSize, new FetchStats());
  }

  public JdbcRowSource(Pools pools, int fetchSize, FetchStats stats) {
    this.pools = pools;
    this.fetchSize = fetchSize;
    this.stats = stats;
  }

  @Override
  public RowCursor open(TableSpec t, Side side, ChunkBounds b) {
    ConnectionPool pool = pools.of(side);
    RangeSql.Query q = RangeSql.chunkQuery(t, side, pool.dialect(), b);
    log.debug("{} {} chunk {}: {}", t.displayName(), side.label(), b.index() + 1, q.sql());
    Connection c = pool.borrow();
    try {
      PreparedStatement ps = c.prepareStatement(q.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      ps.setFetchSize(fetchSize);
      pool.applyQueryTimeout(ps);
      List<Object> binds = q.binds();
      for (int i = 0; i < binds.size(); i++) {
        Values.bind(ps, i + 1, binds.get(i));
      }
      ResultSet rs = ps.executeQuery();
      return new Cursor(t, side, pool, c, ps, rs, stats);
    } catch (SQLException e) {
      ConnectionPool.release(c);
      throw SqlErrors.translate(e, "reading " + t.displayName() + " chunk " + (b.index() + 1), pool.database());
    } catch (RuntimeException e) {
      ConnectionPool.release(c);
      throw e;
    }
  }

  private static final class Cursor implements RowCursor {
    private final TableSpec t;
    private final Side side;
    private final ConnectionPool pool;
    private final Connection c;
    private final PreparedStatement ps;
    private final ResultSet rs;
    private final RowHasher hasher;
    private final boolean[] dateOnly;
    private final FetchStats stats;
    private boolean closed;

    Cursor(TableSpec t, Side side, ConnectionPool pool, Connection c, PreparedStatement ps, ResultSet rs,
        FetchStats stats) throws SQLException {
      this.stats = stats;
      this.t = t;
      this.side = side;
      this.pool = pool;
      this.c = c;
      this.ps = ps;
      this.rs = rs;
      this.hasher = new RowHasher(t.kinds());
      var md = rs.getMetaData();
      this.dateOnly = new boolean[t.columns().size()];
      for (int i = 0; i < dateOnly.length; i++) {
        ColumnSpec col = t.columns().get(i);
        String typeName = side == Side.SOURCE ? col.sourceType() : col.targetType();
        dateOnly[i] = pool.dialect().isDateOnly(new ColumnType(md.getColumnType(i + 1), typeName, 0, 0));
      }
    }

    @Override
    public Row next() {
      try {
        if (closed || !rs.next()) {
          return null;
        }
        int n = t.columns().size();
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
          ColumnSpec col = t.columns().get(i);
          values[i] = Values.read(rs, i + 1, col.kind(), dateOnly[i], t.emptyStringIsNull());
          if (values[i] == null && col.key()) {
            throw new CompareException(ErrorCode.TABLE_FAILED, t.displayName() + ": key column " + col.name()
                + " is NULL in a " + side.label() + " row; the comparison key must be NOT NULL: set primary_key");
          }
        }
        long bytes = 0;
        for (Object v : values) {
          bytes += FetchStats.sizeOf(v);
        }
        stats.add(side, FetchStats.Kind.FULL, 1, bytes);
        return new Row(values, hasher.hash(values), t.keyCount());
      } catch (SQLException e) {
        throw SqlErrors.translate(e, "reading " + t.displayName(), pool.database());
      }
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        rs.close();
        ps.close();
      } catch (SQLException ignored) {
        // the connection is released (and rolled back) below either way
      }
      ConnectionPool.release(c);
    }
  }
}
