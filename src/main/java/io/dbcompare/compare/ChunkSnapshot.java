package io.dbcompare.compare;

import java.util.List;

/** A chunk's progress at one moment (read-only copy; the progress book owns the live state). */
public record ChunkSnapshot(int index, List<String> lower, List<String> upper, TableStatus status, long sourceRows,
    long targetRows, long missingInTarget, long missingInSource, long differentRows, String error) {

  public ChunkSnapshot {
    lower = lower == null ? null : List.copyOf(lower);
    upper = upper == null ? null : List.copyOf(upper);
  }

  public ChunkRange range() {
    return new ChunkRange(index, lower, upper);
  }

  public long differences() {
    return missingInTarget + missingInSource + differentRows;
  }
}
