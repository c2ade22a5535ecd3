package io.dbcompare.jdbc;

import io.dbcompare.error.CompareException;
import io.dbcompare.vendor.ReplicaLag;
import java.sql.Connection;
import java.sql.SQLException;

/** Reads a side's replication lag through its vendor object, on a pooled read-only connection. */
public final class ReplicaLags {
  private ReplicaLags() {}

  /**
   * The lag, or why it is unknown. The lag is information for the DBA and the recheck's delay: a database
   * error reading it makes it unknown, with the error as the reason, and never fails the run.
   */
  public static ReplicaLag read(ConnectionPool pool) {
    Connection c;
    try {
      c = pool.borrow();
    } catch (CompareException e) {
      return ReplicaLag.unknown("it cannot be read: " + e.getMessage());
    }
    try {
      return pool.databaseType().replicaLag(c);
    } catch (SQLException e) {
      return ReplicaLag.unknown("it cannot be read: " + SqlErrors.translate(e, "reading the replication lag",
          pool.database()).getMessage());
    } finally {
      ConnectionPool.release(c);
    }
  }
}
