package io.dbcompare.compare.recheck;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.Row;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableSpec;
import java.util.List;

/**
 * Reads rows again by key, for the recheck (implemented over JDBC: bounded bind lists, or the key range
 * where the keys are dense, on the pooled read-only connections).
 */
public interface RowLookup {
  /**
   * The current rows of the given keys on one side, in key order; a key with no row (or whose row no
   * longer passes the table's filter) is left out. Errors are {@link io.dbcompare.error.CompareException}s
   * (retryable ones are retried by the caller).
   *
   * @param chunk the chunk the keys lie in
   * @param chunkRows the rows the chunk held when it was compared (the larger side): where the keys are
   *     dense in it, reading the key range costs less than lists of keys
   * @param keys ascending in {@link TableSpec#keyOrder()}, no duplicates
   */
  List<Row> fetch(TableSpec table, Side side, ChunkBounds chunk, long chunkRows, List<Object[]> keys);
}
