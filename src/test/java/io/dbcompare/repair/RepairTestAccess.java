package io.dbcompare.repair;

import io.dbcompare.compare.TableSpec;
import io.dbcompare.dialect.PostgresDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The repair's package-private loaders, for the suites of other packages. */
public final class RepairTestAccess {
  private RepairTestAccess() {}

  /** Rows loaded with the repair's binary COPY straight into the target table; the count COPY reports. */
  public static long copy(Connection c, TableSpec t, List<Object[]> rows) throws SQLException {
    CopyInsertSink sink = new CopyInsertSink(c, t, new PostgresDialect(), false, 2);
    for (Object[] r : rows) {
      sink.add(r);
    }
    return sink.finish();
  }
}
