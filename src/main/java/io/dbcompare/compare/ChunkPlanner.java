package io.dbcompare.compare;

import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.util.List;

/** Chooses chunk boundaries: ascending source keys so that chunks hold about {@code chunkSize} rows. */
public interface ChunkPlanner {
  List<Object[]> boundaries(TableSpec table, int chunkSize);

  /**
   * The number of buckets a table without key ({@link TableSpec#keyless()}) is compared in, so that a
   * bucket holds about {@code chunkSize} rows of the larger side (see {@link BucketComparer}).
   */
  default int buckets(TableSpec table, int chunkSize) {
    throw new CompareException(ErrorCode.TABLE_FAILED, table.displayName()
        + ": this planner cannot plan a table without key");
  }

  /** Buckets for {@code rows} rows of the larger side: at least one, about {@code chunkSize} rows each. */
  static int bucketsFor(long rows, int chunkSize) {
    long b = (rows + chunkSize - 1) / chunkSize;
    return (int) Math.max(1, Math.min(b, 1_000_000));
  }
}
