package io.dbcompare.compare;

/** Where a table or a chunk stands in a run. */
public enum TableStatus {
  PENDING,
  IN_PROGRESS,
  COMPLETED,
  FAILED
}
