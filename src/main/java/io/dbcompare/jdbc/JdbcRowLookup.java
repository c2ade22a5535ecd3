package io.dbcompare.jdbc;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.FetchStats;
import io.dbcompare.compare.Row;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.recheck.RowLookup;
import java.util.List;

/**
 * The recheck's reads by key over JDBC, on the pooled read-only connections. Keys go in bounded batches:
 * at most {@value #KEYS_PER_QUERY} keys (and about {@value #BINDS_PER_QUERY} bind values) per statement,
 * written as OR-ed equalities, never as an IN list, which Oracle limits to 1,000 expressions (ORA-01795).
 * Where the keys are dense in their chunk (it held fewer than {@value #DENSE_FACTOR} rows per key), each
 * batch reads its key range instead and keeps the wanted rows.
 */
public final class JdbcRowLookup implements RowLookup {
  static final int KEYS_PER_QUERY = 500;
  static final int BINDS_PER_QUERY = 5_000;
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
    int perQuery = batchSize(table.keyCount());
    if (dense(chunkRows, keys.size())) {
      return rows.byRanges(table, side, chunk, keys, perQuery);
    }
    return rows.byKeys(table, side, chunk, keys, perQuery);
  }

  /** Keys per statement: {@value #KEYS_PER_QUERY}, fewer for wide keys so the binds stay bounded. */
  static int batchSize(int keyColumns) {
    return Math.max(1, Math.min(KEYS_PER_QUERY, BINDS_PER_QUERY / Math.max(1, keyColumns)));
  }

  /** The keys are dense in their chunk: a batch spans fewer rows than {@value #DENSE_FACTOR} times its keys. */
  static boolean dense(long chunkRows, int keys) {
    return chunkRows < (long) DENSE_FACTOR * keys;
  }
}
