package io.dbcompare.jdbc;

import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.vendor.SnapshotExport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exporter of one side's shared snapshot ({@code snapshot: exported}): a connection outside the pool
 * (a pool would roll it back and reset it) whose read-only transaction stays open for the whole run, so
 * that its snapshot can be imported. Opening it makes the side's pool import the snapshot into every
 * transaction from the next borrow on ({@link ConnectionPool#shareSnapshot}); closing it ends the
 * transaction, after which the snapshot can no longer be imported.
 */
public final class ExportedSnapshot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ExportedSnapshot.class);
  private final ConnectionPool pool;
  private final Connection exporter;
  private final String id;

  private ExportedSnapshot(ConnectionPool pool, Connection exporter, String id) {
    this.pool = pool;
    this.exporter = exporter;
    this.id = id;
  }

  /** Exports a snapshot of the side's database and makes its pool share it. */
  public static ExportedSnapshot open(ConnectionPool pool) {
    SnapshotExport export = pool.databaseType().snapshotExport().orElseThrow(() -> CompareException.config(
        "comparison.snapshot.mode: exported: the " + pool.database().side() + " is "
            + pool.databaseType().displayName() + ", which has no exported snapshots; use snapshot mode none"));
    Connection c;
    try {
      c = pool.openUnpooled();
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "connecting to " + pool.database().describe() + " to export a snapshot",
          pool.database());
    }
    try {
      try (Statement st = c.createStatement()) {
        for (String sql : export.exporterSetup()) {
          st.execute(sql);
        }
      }
      c.setAutoCommit(false);
      c.setTransactionIsolation(export.isolation());
      c.setReadOnly(true);
      String id;
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(export.exportSql())) {
        if (!rs.next()) {
          throw new CompareException(ErrorCode.DATABASE, pool.database().side() + " database: "
              + export.exportSql() + " returned no row");
        }
        id = rs.getString(1);
      }
      pool.shareSnapshot(id);
      log.info("{} reads share the exported snapshot {}", pool.database().side(), id);
      return new ExportedSnapshot(pool, c, id);
    } catch (SQLException e) {
      closeQuietly(c);
      throw SqlErrors.translate(e, "exporting a snapshot (snapshot: exported)", pool.database());
    } catch (RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /** The snapshot's identifier, as the database exported it. */
  public String id() {
    return id;
  }

  /**
   * Ends the exporting transaction: the snapshot cannot be imported afterwards, so the pool's later
   * transactions (the session's catalog reads after the comparison) no longer import it.
   */
  @Override
  public void close() {
    pool.stopSharing(id);
    try {
      exporter.rollback();
    } catch (SQLException e) {
      log.debug("{}: ending the exporting transaction of snapshot {}: {}", pool.database().side(), id, e.toString());
    }
    closeQuietly(exporter);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // the snapshot ends with the connection either way
    }
  }
}
