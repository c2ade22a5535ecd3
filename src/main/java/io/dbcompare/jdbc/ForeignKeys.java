package io.dbcompare.jdbc;

import io.dbcompare.compare.TableRef;
import io.dbcompare.sync.ForeignKey;
import io.dbcompare.sync.SelfReference;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

  /**
   * The foreign keys of {@code table} to itself, each with its columns and the columns they reference
   * in key sequence, in catalog order.
   */
  public static List<SelfReference> selfReferences(ConnectionPool pool, TableRef table) {
    Connection c = pool.borrow();
    try {
      Map<String, TreeMap<Integer, String[]>> byName = new LinkedHashMap<>();
      try (ResultSet rs = c.getMetaData().getImportedKeys(null, table.schema(), table.table())) {
        while (rs.next()) {
          if (!table.schema().equals(rs.getString("PKTABLE_SCHEM")) || !table.table().equals(rs.getString("PKTABLE_NAME"))
              || !table.schema().equals(rs.getString("FKTABLE_SCHEM")) || !table.table().equals(rs.getString("FKTABLE_NAME"))) {
            continue;
          }
          String name = rs.getString("FK_NAME");
          byName.computeIfAbsent(name == null ? "(unnamed)" : name, n -> new TreeMap<>())
              .put(rs.getInt("KEY_SEQ"), new String[] {rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME")});
        }
      }
      List<SelfReference> out = new ArrayList<>();
      byName.forEach((name, cols) -> out.add(new SelfReference(name, cols.values().stream().map(x -> x[0]).toList(),
          cols.values().stream().map(x -> x[1]).toList())));
      return out;
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "reading the foreign keys of " + table.display(), pool.database());
    } finally {
      ConnectionPool.release(c);
    }
  }
}
