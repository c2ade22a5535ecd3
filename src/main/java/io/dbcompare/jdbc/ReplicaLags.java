package io.dbcompare.jdbc;

import io.dbcompare.error.CompareException;
import io.dbcompare.vendor.ReplicaLag;
import io.dbcompare.vendor.ReplicaLagQuery;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a side's replication lag with its vendor object's query, on a pooled read-only connection. */
public final class ReplicaLags {
  private ReplicaLags() {}

  /**
   * The lag, or why it is unknown. The lag is information for the DBA and the recheck's delay: an error
   * reading it makes it unknown, with the error as the reason, and never fails the run.
   */
  public static ReplicaLag read(ConnectionPool pool) {
    Optional<ReplicaLagQuery> query = pool.databaseType().replicaLagQuery();
    if (query.isEmpty()) {
      return ReplicaLag.unknown(pool.databaseType().displayName() + " reports no replication lag");
    }
    Connection c;
    try {
      c = pool.borrow();
    } catch (CompareException e) {
      return ReplicaLag.unknown("it cannot be read: " + e.getMessage());
    }
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query.get().sql())) {
      if (!rs.next()) {
        return ReplicaLag.unknown("its query returned no row");
      }
      List<Object> row = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        row.add(rs.getObject(i));
      }
      return query.get().interpret(row);
    } catch (SQLException e) {
      ReplicaLag meant = query.get().onError(e.getSQLState(), e.getErrorCode());
      return meant != null ? meant : ReplicaLag.unknown("it cannot be read: "
          + SqlErrors.translate(e, "reading the replication lag", pool.database()).getMessage());
    } finally {
      ConnectionPool.release(c);
    }
  }
}
