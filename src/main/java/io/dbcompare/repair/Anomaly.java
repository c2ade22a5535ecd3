package io.dbcompare.repair;

import java.sql.SQLException;

/**
 * A batched statement changed another number of rows than one, or a staged load found keys that exist:
 * the chunk is rolled back and replayed a statement at a time, which finds the row and says why.
 */
final class Anomaly extends SQLException {
  private static final long serialVersionUID = 1L;

  Anomaly(String what) {
    super(what);
  }

  /** Whether {@code e} (or an error chained to it) means "the target is not as the comparison read it". */
  static boolean isConflict(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if (x instanceof Anomaly || io.dbcompare.apply.BoundExecutor.isConflict(x)) {
        return true;
      }
      if (x.getCause() instanceof SQLException cause && cause != x
          && io.dbcompare.apply.BoundExecutor.isConflict(cause)) {
        return true;
      }
    }
    return false;
  }
}
