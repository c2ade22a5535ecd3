package io.dbcompare.jdbc;

import io.dbcompare.compare.TableRef;
import io.dbcompare.sync.ForeignKey;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads the foreign keys of tables from the catalog (JDBC {@code getImportedKeys}). */
public final class ForeignKeys {
  private ForeignKeys() {}

  /** The foreign keys declared on {@code tables} (as children), one per constraint, in catalog order. */
  public static List<ForeignKey> of(ConnectionPool pool, Collection<TableRef> tables) {
    Connection c = pool.borrow();
    try {
      DatabaseMetaData md = c.getMetaData();
      List<ForeignKey> out = new ArrayList<>();
      for (TableRef t : tables) {
        try (ResultSet rs = md.getImportedKeys(null, t.schema(), t.table())) {
          while (rs.next()) {
            ForeignKey fk = new ForeignKey(new TableRef(rs.getString("FKTABLE_SCHEM"), rs.getString("FKTABLE_NAME")),
                new TableRef(rs.getString("PKTABLE_SCHEM"), rs.getString("PKTABLE_NAME")), rs.getString("FK_NAME"));
            if (!out.contains(fk)) {
              out.add(fk); // one row per column of a composite key
            }
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "reading the foreign keys of the target tables", pool.database());
    } finally {
      ConnectionPool.release(c);
    }
  }
}
