package io.dbcompare.compare;

import java.util.List;

/** What one chunk found: counts, and only the rows that differ. */
public record ChunkResult(
    String tableKey,
    int chunkIndex,
    long sourceRows,
    long targetRows,
    long missingInTarget,
    long missingInSource,
    long different,
    List<RowDiff> diffs) {

  public ChunkResult {
    diffs = List.copyOf(diffs);
  }

  public long differences() {
    return missingInTarget + missingInSource + different;
  }
}
