package io.dbcompare.compare;

/** Where a table or a chunk stands in a run. */
public enum TableStatus {
  PENDING,
  IN_PROGRESS,
  COMPLETED,
  FAILED,
  /**
   * A table of a {@code schemas:} entry that the target schema does not have: reported and counted as a
   * difference (exit 1), never compared, and skipped by a resumed run (a table only; never a chunk).
   */
  MISSING_IN_TARGET
}
