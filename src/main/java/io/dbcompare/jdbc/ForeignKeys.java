package io.dbcompare.jdbc;

import io.dbcompare.compare.TableRef;
import io.dbcompare.sync.ForeignKey;
import io.dbcompare.sync.SelfReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the foreign keys of tables from the catalog with the vendor object's set-based query
 * ({@link io.dbcompare.dialect.TargetCatalogSql#foreignKeys}): one query per schema for all the
 * session's tables, instead of JDBC {@code getImportedKeys} per table (which takes minutes per table on
 * large Oracle catalogs).
 */
public final class ForeignKeys {
  private ForeignKeys() {}

  /** One column of a foreign key, as the catalog query returns it. */
  record Column(TableRef child, String name, int position, String childColumn, TableRef parent, String parentColumn) {}

  /** The foreign keys declared on {@code tables} (as children), one per constraint, in the order of {@code tables}. */
  public static List<ForeignKey> of(ConnectionPool pool, Collection<TableRef> tables) {
    Connection c = pool.borrow();
    try {
      Set<String> schemas = new LinkedHashSet<>();
      tables.forEach(t -> schemas.add(t.schema()));
      Map<TableRef, Set<ForeignKey>> byChild = new LinkedHashMap<>();
      for (String schema : schemas) {
        for (Column col : columns(c, pool, schema)) {
          byChild.computeIfAbsent(col.child(), k -> new LinkedHashSet<>())
              .add(new ForeignKey(col.child(), col.parent(), col.name()));
        }
      }
      List<ForeignKey> out = new ArrayList<>();
      for (TableRef t : new LinkedHashSet<>(tables)) {
        out.addAll(byChild.getOrDefault(t, Set.of()));
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
   * in key sequence, ordered by name.
   */
  public static List<SelfReference> selfReferences(ConnectionPool pool, TableRef table) {
    Connection c = pool.borrow();
    try {
      Map<String, List<String[]>> byName = new LinkedHashMap<>();
      for (Column col : columns(c, pool, table.schema())) {
        if (col.child().equals(table) && col.parent().equals(table)) {
          String name = col.name() == null ? "(unnamed)" : col.name();
          byName.computeIfAbsent(name, n -> new ArrayList<>()).add(new String[] {col.childColumn(), col.parentColumn()});
        }
      }
      List<SelfReference> out = new ArrayList<>();
      byName.forEach((name, cols) -> out.add(new SelfReference(name, cols.stream().map(x -> x[0]).toList(),
          cols.stream().map(x -> x[1]).toList())));
      return out;
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "reading the foreign keys of " + table.display(), pool.database());
    } finally {
      ConnectionPool.release(c);
    }
  }

  /** Every foreign-key column declared in {@code schema}, by child table, constraint and position. */
  static List<Column> columns(Connection c, ConnectionPool pool, String schema) throws SQLException {
    List<Column> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(pool.databaseType().catalogSql().foreignKeys())) {
      pool.applyQueryTimeout(ps);
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Column(new TableRef(rs.getString(1), rs.getString(2)), rs.getString(3), rs.getInt(4),
              rs.getString(5), new TableRef(rs.getString(6), rs.getString(7)), rs.getString(8)));
        }
      }
    }
    return out;
  }
}
