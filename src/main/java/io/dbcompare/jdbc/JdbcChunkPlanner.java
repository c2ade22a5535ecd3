package io.dbcompare.jdbc;

import io.dbcompare.compare.ChunkPlanner;
import io.dbcompare.compare.PlanSampling;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.TableSample;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans chunks from row numbers over the key, computed by the source database: every chunk holds
 * exactly {@code chunkSize} source rows (the last one fewer), however the keys are distributed. A table
 * whose row estimate is above {@code sampleAboveRows} is planned from a block sample instead
 * ({@link PlanSampling}): chunk sizes are then approximate; rows are still counted by the chunks.
 */
public final class JdbcChunkPlanner implements ChunkPlanner {
  private static final Logger log = LoggerFactory.getLogger(JdbcChunkPlanner.class);
  private final ConnectionPool source;
  private final long sampleAboveRows;

  /** Exact planning for every table. */
  public JdbcChunkPlanner(ConnectionPool source) {
    this(source, 0);
  }

  /** @param sampleAboveRows sample tables whose row estimate is at least this; 0: never */
  public JdbcChunkPlanner(ConnectionPool source, long sampleAboveRows) {
    this.source = source;
    this.sampleAboveRows = sampleAboveRows;
  }

  @Override
  public List<Object[]> boundaries(TableSpec t, int chunkSize) {
    Connection c = source.borrow();
    try {
      Optional<PlanSampling> sampling = sampling(c, t, chunkSize);
      RangeSql.Query q = sampling
          .map(s -> RangeSql.boundaryQuery(t, source.dialect(), s.step(), new TableSample(s.percent(), seed(t))))
          .orElseGet(() -> RangeSql.boundaryQuery(t, source.dialect(), chunkSize, null));
      sampling.ifPresent(s -> log.info("{}: planning chunks from a {} % block sample (chunk sizes approximate)",
          t.displayName(), s.percent().toPlainString()));
      List<Object[]> out = new ArrayList<>();
      boolean[] dateOnly = Values.dateOnly(t, Side.SOURCE, source.dialect());
      try (PreparedStatement ps = Values.prepare(c, source, q, 1000); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(Values.readKey(rs, t, dateOnly));
        }
      }
      return out;
    } catch (SQLException e) {
      throw SqlErrors.translateRead(e, "planning chunks of " + t.displayName(), source, t.ref(Side.SOURCE), false);
    } finally {
      ConnectionPool.release(c);
    }
  }

  /** Sampling when configured, supported, and the statistics say the table is large enough. */
  private Optional<PlanSampling> sampling(Connection c, TableSpec t, int chunkSize) throws SQLException {
    Dialect d = source.dialect();
    Optional<String> sizeSql = source.databaseType().tableSizeSql();
    if (sampleAboveRows <= 0 || !d.supportsSampling() || sizeSql.isEmpty()) {
      return Optional.empty();
    }
    long rows = -1;
    long blocks = -1;
    try (PreparedStatement ps = c.prepareStatement(sizeSql.get())) {
      ps.setString(1, t.source().schema());
      ps.setString(2, t.source().table());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          BigDecimal r = rs.getBigDecimal(1);
          BigDecimal b = rs.getBigDecimal(2);
          rows = r == null ? -1 : r.longValue();
          blocks = b == null ? -1 : b.longValue();
        }
      }
    }
    Optional<PlanSampling> s = PlanSampling.choose(rows, blocks, chunkSize, sampleAboveRows);
    if (s.isEmpty() && rows < 0) {
      log.debug("{}: no row estimate (statistics never gathered): exact planning", t.displayName());
    }
    return s;
  }

  /** A seed that depends only on the table, so a planning run can be repeated on unchanged data. */
  static long seed(TableSpec t) {
    return Integer.toUnsignedLong(t.key().hashCode());
  }
}
