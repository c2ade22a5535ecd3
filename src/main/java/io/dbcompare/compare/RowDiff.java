package io.dbcompare.compare;

/**
 * One row that differs. Values are full rows in column order of the {@link TableSpec}; the side a row
 * is missing from has null values.
 */
public record RowDiff(DiffKind kind, Object[] key, Object[] sourceValues, Object[] targetValues) {

  public enum DiffKind {
    /** In source, not in target: the sync script INSERTs it. */
    MISSING_IN_TARGET,
    /** In target, not in source: the sync script DELETEs it. */
    MISSING_IN_SOURCE,
    /** Same key, different values: the sync script UPDATEs it. */
    DIFFERENT
  }
}
