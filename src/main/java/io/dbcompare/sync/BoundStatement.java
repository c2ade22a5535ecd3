package io.dbcompare.sync;

import io.dbcompare.dialect.Bind;
import java.util.List;

/**
 * A {@link RowStatement} as a JDBC statement: SQL with {@code ?} parameters and the values bound to
 * them, in order. It must change exactly one row: a count of 0 means the row changed since the
 * comparison (a guard did not match, or a MERGE_INSERT found the key), and an INSERT whose key exists
 * fails with an integrity error; both are conflicts.
 */
public record BoundStatement(RowStatement statement, String sql, List<Bind> binds) {
  public BoundStatement {
    binds = List.copyOf(binds);
  }

  /** What a conflict of this statement means, for a DBA: the script's own stop message when guarded. */
  public String noRowReason(int count) {
    if (count == 0 && statement.guarded()) {
      return statement.stopMessage();
    }
    return statement.kind().verb() + " changed " + count + " rows instead of 1: the row changed since the comparison";
  }
}
