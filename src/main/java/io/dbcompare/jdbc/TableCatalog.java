package io.dbcompare.jdbc;

import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableRef;
import io.dbcompare.config.TableConfig;
import io.dbcompare.config.TableName;
import io.dbcompare.config.TableName.Identifier;
import io.dbcompare.dialect.ColumnType;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A table as one database's catalog describes it, for a CREATE TABLE script of {@code --repair}: the
 * columns the configuration compares (with their types and whether they take NULL), the key, and the
 * unique constraints over those columns.
 */
public final class TableCatalog {
  private TableCatalog() {}

  /** A column as declared. */
  public record Column(String name, ColumnType type, boolean nullable) {}

  /**
   * A table's definition.
   *
   * @param key the comparison key: {@code primary_key} of the configuration, else the primary key
   * @param uniques unique constraints and indexes other than the key, whose columns are all described
   */
  public record Table(TableRef ref, List<Column> columns, List<String> key, List<List<String>> uniques) {}

  /** Whether the table exists (and is visible to the configured user) on that side. */
  public static boolean exists(ConnectionPool pool, Side side, TableName name) {
    Connection c = pool.borrow();
    try {
      DatabaseMetaData md = c.getMetaData();
      JdbcTableResolver.findTable(md, md.getSearchStringEscape(), pool.dialect(), name, side);
      return true;
    } catch (CompareException e) {
      if (e.code() == ErrorCode.TABLE_FAILED) {
        return false;
      }
      throw e;
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "reading the catalog for " + name.display(), pool.database());
    } finally {
      ConnectionPool.release(c);
    }
  }

  /** The source table of {@code tc} as the comparison selects its columns. */
  public static Table describe(ConnectionPool pool, TableConfig tc) {
    Dialect d = pool.dialect();
    Connection c = pool.borrow();
    try {
      DatabaseMetaData md = c.getMetaData();
      TableRef ref = JdbcTableResolver.findTable(md, md.getSearchStringEscape(), d, tc.source(), Side.SOURCE);
      Map<String, Column> all = new LinkedHashMap<>();
      try (ResultSet rs = md.getColumns(null, ref.schema(), ref.table(), "%")) {
        TreeMap<Integer, Column> byPosition = new TreeMap<>();
        while (rs.next()) {
          if (!ref.schema().equals(rs.getString("TABLE_SCHEM")) || !ref.table().equals(rs.getString("TABLE_NAME"))) {
            continue;
          }
          ColumnType type = new ColumnType(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"),
              rs.getInt("DECIMAL_DIGITS"));
          byPosition.put(rs.getInt("ORDINAL_POSITION"), new Column(rs.getString("COLUMN_NAME"), type,
              rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
        }
        for (Column col : byPosition.values()) {
          all.put(col.name(), col);
        }
      }
      List<String> key = new ArrayList<>();
      if (!tc.primaryKey().isEmpty()) {
        for (Identifier id : tc.primaryKey()) {
          key.add(find(all, id, d, tc, "primary_key").name());
        }
      } else {
        try (ResultSet rs = md.getPrimaryKeys(null, ref.schema(), ref.table())) {
          TreeMap<Integer, String> pk = new TreeMap<>();
          while (rs.next()) {
            pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
          }
          key.addAll(pk.values());
        }
      }
      if (key.isEmpty()) {
        throw new CompareException(ErrorCode.TABLE_FAILED, tc.source().display() + ": source table " + ref.display()
            + " has no primary key; set primary_key for it in the configuration");
      }
      List<Column> selected = new ArrayList<>();
      if (!tc.columns().isEmpty()) {
        for (String k : key) {
          selected.add(all.get(k));
        }
        for (Identifier id : tc.columns()) {
          Column col = find(all, id, d, tc, "columns");
          if (!selected.contains(col)) {
            selected.add(col);
          }
        }
      } else {
        List<String> excluded = new ArrayList<>();
        for (Identifier id : tc.excludeColumns()) {
          excluded.add(find(all, id, d, tc, "exclude_columns").name());
        }
        for (Column col : all.values()) {
          if (!excluded.contains(col.name())) {
            selected.add(col);
          }
        }
      }
      List<String> names = selected.stream().map(Column::name).toList();
      List<List<String>> uniques = new ArrayList<>();
      try (ResultSet rs = md.getIndexInfo(null, ref.schema(), ref.table(), true, false)) {
        Map<String, TreeMap<Integer, String>> byIndex = new LinkedHashMap<>();
        while (rs.next()) {
          String index = rs.getString("INDEX_NAME");
          String column = rs.getString("COLUMN_NAME");
          if (index == null || column == null || rs.getBoolean("NON_UNIQUE")) {
            continue;
          }
          byIndex.computeIfAbsent(index, k -> new TreeMap<>()).put(rs.getInt("ORDINAL_POSITION"), column);
        }
        for (TreeMap<Integer, String> cols : byIndex.values()) {
          List<String> u = new ArrayList<>(cols.values());
          boolean isKey = u.size() == key.size() && u.containsAll(key);
          if (!isKey && names.containsAll(u) && !uniques.contains(u)) {
            uniques.add(u);
          }
        }
      }
      return new Table(ref, selected, key, uniques);
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "reading the catalog for " + tc.source().display(), pool.database());
    } finally {
      ConnectionPool.release(c);
    }
  }

  private static Column find(Map<String, Column> all, Identifier id, Dialect d, TableConfig tc, String option) {
    Optional<Column> c = id.quoted() ? Optional.ofNullable(all.get(id.text()))
        : Optional.ofNullable(all.get(d.foldUnquoted(id.text()))).or(() -> all.values().stream()
            .filter(x -> x.name().equalsIgnoreCase(id.text())).findFirst());
    return c.orElseThrow(() -> new CompareException(ErrorCode.TABLE_FAILED, tc.source().display() + ": column "
        + id.display() + " listed in '" + option + "' does not exist in the source table"));
  }
}
