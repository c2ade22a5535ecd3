package io.dbcompare.vendor;

import java.util.List;

/**
 * How a platform lets many connections read one snapshot ({@code snapshot: exported}): one connection
 * exports the snapshot of its open transaction, and every transaction of the comparison's pooled
 * connections starts by importing it. Vendor objects give the SQL; jdbc runs it.
 */
public interface SnapshotExport {

  /** Session statements the exporting connection runs before its transaction starts (with auto-commit on). */
  List<String> exporterSetup();

  /** The query, first of the exporter's transaction, that returns the snapshot's identifier (one row, one column). */
  String exportSql();

  /** The isolation level (JDBC's TRANSACTION_* number) of the exporter and of every importing transaction. */
  int isolation();

  /**
   * The statement that must start every importing transaction. The identifier is written as a literal
   * (the statement takes no bind parameters) after it was checked to be an identifier this platform
   * exports; anything else is refused with an {@link IllegalArgumentException}.
   */
  String importStatement(String snapshotId);
}
