package io.dbcompare.repair;

import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.sync.ColumnValue;
import io.dbcompare.sync.RowStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads whole rows into the target table inside the current transaction, one row at a time as they
 * are read, in batches. A row whose key exists fails the load with an integrity error (or an
 * {@link Anomaly}): the caller rolls the chunk back and replays it a statement at a time.
 */
interface InsertSink {
  void add(Object[] row) throws SQLException;

  /** Sends what is left; the number of rows inserted. */
  long finish() throws SQLException;

  /** Releases what the load holds after a failure (the transaction is rolled back by the caller). */
  void abort();

  /** The INSERT of one whole row as a statement value (the same statement a sync script holds). */
  static RowStatement insertOf(TableSpec t, Object[] row) {
    List<ColumnValue> key = new ArrayList<>(t.keyCount());
    List<ColumnValue> rest = new ArrayList<>(t.columns().size() - t.keyCount());
    for (int i = 0; i < row.length; i++) {
      ColumnSpec c = t.columns().get(i);
      (i < t.keyCount() ? key : rest).add(new ColumnValue(c.targetName(), c.kind(), c.targetType(), row[i]));
    }
    return RowStatement.insert(t.target(), key, rest);
  }
}
