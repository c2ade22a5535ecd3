package io.dbcompare.jdbc;

import io.dbcompare.compare.ChunkPlanner;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans chunks from row numbers over the key, computed by the source database: every chunk holds
 * exactly {@code chunkSize} source rows (the last one fewer), however the keys are distributed.
 */
public final class JdbcChunkPlanner implements ChunkPlanner {
  private final ConnectionPool source;

  public JdbcChunkPlanner(ConnectionPool source) {
    this.source = source;
  }

  @Override
  public List<Object[]> boundaries(TableSpec t, int chunkSize) {
    String sql = RangeSql.boundaryQuery(t, source.dialect());
    Connection c = source.borrow();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setFetchSize(1000);
      source.applyQueryTimeout(ps);
      ps.setInt(1, chunkSize);
      List<Object[]> out = new ArrayList<>();
      boolean[] dateOnly = Values.dateOnly(t, Side.SOURCE, source.dialect());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(Values.readKey(rs, t, dateOnly));
        }
      }
      return out;
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "planning chunks of " + t.displayName(), source.database());
    } finally {
      ConnectionPool.release(c);
    }
  }
}
