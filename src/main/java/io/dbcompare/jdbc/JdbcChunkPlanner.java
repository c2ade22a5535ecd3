package io.dbcompare.jdbc;

import io.dbcompare.compare.ChunkPlanner;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.dialect.ColumnType;
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
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Object[] key = new Object[t.keyCount()];
          for (int i = 0; i < key.length; i++) {
            ColumnSpec col = t.columns().get(i);
            boolean dateOnly = source.dialect().isDateOnly(new ColumnType(0, col.sourceType(), 0, 0));
            key[i] = Values.read(rs, i + 1, col.kind(), dateOnly, false);
          }
          out.add(key);
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
