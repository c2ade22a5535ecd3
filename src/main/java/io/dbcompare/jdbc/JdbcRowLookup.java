package io.dbcompare.jdbc;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.FetchStats;
import io.dbcompare.compare.Row;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.recheck.RowLookup;
import java.util.List;

/**
 * The recheck's reads by key over JDBC, on the pooled read-only connections, in the bounded batches of
 * {@link RowsByKey#batchSize}. Where the keys are dense in their chunk (it held fewer than
 * {@value #DENSE_FACTOR} rows per key), each batch reads its key range instead and keeps the wanted rows.
 */
public final class JdbcRowLookup implements RowLookup {
  static final int DENSE_FACTOR = 4;
  private final Pools pools;
  private final int fetchSize;
  private final FetchStats stats;

  public JdbcRowLookup(Pools pools, int fetchSize, FetchStats stats) {
    this.pools = pools;
    this.fetchSize = fetchSize;
    this.stats = stats;
  }

  @Override
  public List<Row> fetch(TableSpec table, Side side, ChunkBounds chunk, long chunkRows, List<Object[]> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    // the recheck reads rows again later: outside a shared exported snapshot, which would never show a change
    RowsByKey rows = new RowsByKey(pools.of(side), fetchSize, stats, true);
    if (dense(chunkRows, keys.size())) {
      return rows.byRanges(table, side, chunk, keys);
    }
    return rows.byKeys(table, side, chunk, keys);
  }

  /** The keys are dense in their chunk: a batch spans fewer rows than {@value #DENSE_FACTOR} times its keys. */
  static boolean dense(long chunkRows, int keys) {
    return chunkRows < (long) DENSE_FACTOR * keys;
  }
}
