package io.dbcompare.vendor.postgres;

import io.dbcompare.vendor.SnapshotExport;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PostgreSQL's snapshot synchronisation ({@code snapshot: exported}). Tested with pgJDBC 42.7 on
 * PostgreSQL 15 (research 10, section 4): the exporter is a REPEATABLE READ, read-only transaction whose
 * first statement is {@code SELECT pg_export_snapshot()}; the snapshot can be imported only while that
 * transaction stays open. An importer must be REPEATABLE READ (READ COMMITTED and auto-commit give 0A000;
 * a SERIALIZABLE importer needs a SERIALIZABLE exporter), and {@code SET TRANSACTION SNAPSHOT} must be
 * the first statement of its transaction (25001 otherwise). The statement takes no bind parameter (42601
 * at "$1"), so the identifier is written inline after it was checked.
 */
final class PostgresSnapshotExport implements SnapshotExport {
  /** What pg_export_snapshot returns: virtual transaction id and a counter, in hexadecimal ({@code 00000003-0000001B-1}). */
  static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-F]{8}-[0-9A-F]{8}-[0-9]+");

  /**
   * The exporter sits idle in its transaction for the whole run: a server default
   * {@code idle_in_transaction_session_timeout} would end it (25P03), and every importer after it would
   * fail (22023). Off for this one session only.
   */
  @Override
  public List<String> exporterSetup() {
    return List.of("SET idle_in_transaction_session_timeout = 0");
  }

  @Override
  public String exportSql() {
    return "SELECT pg_export_snapshot()";
  }

  /** JDBC's TRANSACTION_REPEATABLE_READ (vendor objects use no connection classes). */
  static final int REPEATABLE_READ = 4;

  @Override
  public int isolation() {
    return REPEATABLE_READ;
  }

  @Override
  public String importStatement(String snapshotId) {
    if (snapshotId == null || !SNAPSHOT_ID.matcher(snapshotId).matches()) {
      throw new IllegalArgumentException("not a PostgreSQL snapshot identifier: " + snapshotId);
    }
    return "SET TRANSACTION SNAPSHOT '" + snapshotId + "'";
  }
}
