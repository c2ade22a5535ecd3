package io.dbcompare.vendor;

/** How {@code --repair} loads many rows into one table of a database (see {@link DatabaseType#bulkLoad()}). */
public enum BulkLoad {
  /** Bound INSERTs sent in JDBC batches ({@code executeBatch}): Oracle binds them as arrays. */
  BATCH,
  /**
   * PostgreSQL's {@code COPY ... FROM STDIN (FORMAT binary)} through the driver's CopyManager: rows go
   * as typed binary values, parsed by no one.
   */
  COPY_BINARY
}
