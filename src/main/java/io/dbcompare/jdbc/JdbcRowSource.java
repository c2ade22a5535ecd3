package io.dbcompare.jdbc;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.FetchStats;
import io.dbcompare.compare.Row;
import io.dbcompare.compare.RowCursor;
import io.dbcompare.compare.RowHasher;
import io.dbcompare.compare.RowSource;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.dialect.ValueReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
      PreparedStatement ps = Values.prepare(c, pool, q, fetchSize);
      ResultSet rs = ps.executeQuery();
      return new Cursor(t, side, pool, c, ps, rs, stats);
    } catch (SQLException e) {
      ConnectionPool.release(c);
      throw SqlErrors.translateRead(e, "reading " + t.displayName() + " chunk " + (b.index() + 1), pool,
          t.ref(side), false);
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
    /** The driver's result set behind {@link #rs}, read without a reflective call per value. */
    private final CheckedConnection.DirectRows direct;
    private final RowHasher hasher;
    private final ValueReader[] readers;
    private final FetchStats stats;
    private boolean closed;

    Cursor(TableSpec t, Side side, ConnectionPool pool, Connection c, PreparedStatement ps, ResultSet rs,
        FetchStats stats) {
      this.stats = stats;
      this.t = t;
      this.side = side;
      this.pool = pool;
      this.c = c;
      this.ps = ps;
      this.rs = rs;
      this.direct = CheckedConnection.direct(rs);
      this.hasher = new RowHasher(t.kinds());
      this.readers = Values.readers(t, side, pool.dialect());
    }

    @Override
    public Row next() {
      Object[] values;
      try {
        ResultSet r = direct.rows();
        if (closed || !r.next()) {
          return null;
        }
        values = Values.readRow(r, t, side, readers);
      } catch (SQLException e) {
        throw SqlErrors.translateRead(direct.checked(e), "reading " + t.displayName(), pool, t.ref(side), false);
      }
      long bytes = 0;
      for (Object v : values) {
        bytes += FetchStats.sizeOf(v);
      }
      stats.add(side, FetchStats.Kind.FULL, 1, bytes);
      return new Row(values, hasher.hash(values), t.keyCount());
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      Values.close(rs, ps, c);
    }
  }
}
