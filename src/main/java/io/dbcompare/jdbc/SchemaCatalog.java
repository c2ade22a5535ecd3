package io.dbcompare.jdbc;

import io.dbcompare.dialect.ColumnType;
import io.dbcompare.dialect.SchemaCatalogSql;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One side's catalog, read a schema at a time and kept for the run: the schema's tables and views, every
 * column of them, their primary keys and unique indexes in four round trips per schema, whatever the
 * number of tables (the vendor object's {@link SchemaCatalogSql}, and the driver's {@code getColumns} for
 * the whole schema). Discovery and {@link JdbcTableResolver} both read through it, so preparing 300
 * tables costs a few queries per schema instead of several per table.
 *
 * <p>Columns come from the driver's metadata query (one call for the schema, filtered to it exactly)
 * because every dialect's type mapping is written against the driver's type codes and names: reading them
 * any other way could change how a column is compared without a word.
 */
public final class SchemaCatalog {
  private final ConnectionPool pool;
  private final Map<String, Schema> schemas = new HashMap<>();
  private List<String> defaultSchemas;
  private final AtomicInteger queries = new AtomicInteger();

  SchemaCatalog(ConnectionPool pool) {
    this.pool = pool;
  }

  /** A column as the driver describes it. */
  public record Column(String name, ColumnType type, boolean nullable) {}

  /** A unique index or constraint: its columns in index order; partial ones are unique over some rows only. */
  public record UniqueKey(String name, List<String> columns, boolean partial) {
    public UniqueKey {
      columns = List.copyOf(columns);
    }
  }

  /** What a relation of the schema is (see {@link SchemaCatalogSql#tables()}). */
  public enum Kind {
    TABLE, VIEW, OTHER
  }

  /** A table or view of the schema with everything the comparison reads about it. */
  public record Table(String schema, String name, Kind kind, List<Column> columns, List<String> primaryKey,
      List<UniqueKey> uniqueKeys) {
    public Table {
      columns = List.copyOf(columns);
      primaryKey = List.copyOf(primaryKey);
      uniqueKeys = List.copyOf(uniqueKeys);
    }
  }

  /**
   * A schema's contents.
   *
   * @param exists whether the database has a schema of that exact name (visible to the user)
   * @param tables by exact name, in name order
   */
  public record Schema(String name, boolean exists, Map<String, Table> tables) {
    public Optional<Table> table(String exact) {
      return Optional.ofNullable(tables.get(exact));
    }
  }

  /**
   * What a sync script must know of a table as a target (see {@link SchemaCatalogSql#targetTraits()}), each
   * list in the order the catalog gives.
   */
  public record Traits(List<String> generated, List<String> identityAlways, List<String> triggers) {
    public static final Traits NONE = new Traits(List.of(), List.of(), List.of());

    public Traits {
      generated = List.copyOf(generated);
      identityAlways = List.copyOf(identityAlways);
      triggers = List.copyOf(triggers);
    }
  }

  private final Map<String, Map<String, Traits>> traits = new HashMap<>();

  /**
   * The traits of a table of the schema of that exact name: the whole schema's in one query on first use
   * (only target tables ask, so a source schema costs nothing more).
   */
  public synchronized Traits traits(String schema, String table) {
    Map<String, Traits> bySchema = traits.get(schema);
    if (bySchema == null) {
      bySchema = readTraits(schema);
      traits.put(schema, bySchema);
    }
    return bySchema.getOrDefault(table, Traits.NONE);
  }

  private Map<String, Traits> readTraits(String schema) {
    Connection c = pool.borrow();
    try {
      Map<String, List<List<String>>> byTable = new HashMap<>();
      for (List<String> row : rows(c, pool.databaseType().schemaCatalogSql().targetTraits(), schema)) {
        if (row.get(0) != null && row.get(2) != null) {
          byTable.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(row);
        }
      }
      Map<String, Traits> out = new HashMap<>();
      byTable.forEach((table, rows) -> out.put(table, new Traits(names(rows, "G"), names(rows, "I"), names(rows, "T"))));
      return out;
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "reading the computed columns, identity columns and triggers of schema " + schema,
          pool.database());
    } finally {
      ConnectionPool.release(c);
    }
  }

  private static List<String> names(List<List<String>> rows, String kind) {
    return rows.stream().filter(r -> kind.equals(r.get(1))).map(r -> r.get(2)).toList();
  }

  /** The schema of that exact catalog name, read on first use. */
  public synchronized Schema schema(String exact) {
    Schema s = schemas.get(exact);
    if (s == null) {
      s = read(exact);
      schemas.put(exact, s);
    }
    return s;
  }

  /** The schemas a bare table name is looked up in, in order (read once). */
  public synchronized List<String> defaultSchemas() {
    if (defaultSchemas == null) {
      Connection c = pool.borrow();
      try {
        List<String> out = new ArrayList<>();
        for (List<String> row : rows(c, pool.databaseType().schemaCatalogSql().defaultSchemas(), null)) {
          if (row.get(0) != null) {
            out.add(row.get(0));
          }
        }
        defaultSchemas = List.copyOf(out);
      } catch (SQLException e) {
        throw SqlErrors.translate(e, "reading the default schema of the " + pool.database().side() + " user",
            pool.database());
      } finally {
        ConnectionPool.release(c);
      }
    }
    return defaultSchemas;
  }

  /** Catalog round trips so far (for tests and the benchmark: they must not grow with the tables). */
  public int queries() {
    return queries.get();
  }

  private Schema read(String schema) {
    SchemaCatalogSql sql = pool.databaseType().schemaCatalogSql();
    Connection c = pool.borrow();
    try {
      DatabaseMetaData md = c.getMetaData();
      boolean exists = exists(md, schema);
      Map<String, Table> tables = new LinkedHashMap<>();
      if (exists) {
        Map<String, Kind> kinds = new TreeMap<>();
        for (List<String> row : rows(c, sql.tables(), schema)) {
          kinds.put(row.get(0), Kind.valueOf(row.get(1)));
        }
        Map<String, List<Column>> columns = columns(c, md, schema);
        Map<String, List<String>> keys = new HashMap<>();
        for (List<String> row : rows(c, sql.primaryKeys(), schema)) {
          keys.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(row.get(2));
        }
        // by table, then name, then position: an index and the constraint it enforces may share a name
        Map<String, Map<String, TreeMap<Integer, String>>> uniques = new HashMap<>();
        Map<String, Boolean> partial = new HashMap<>();
        for (List<String> row : rows(c, sql.uniqueKeys(), schema)) {
          uniques.computeIfAbsent(row.get(0), k -> new LinkedHashMap<>())
              .computeIfAbsent(row.get(1), k -> new TreeMap<>()).put(Integer.parseInt(row.get(2)), row.get(3));
          partial.merge(row.get(0) + "\u0000" + row.get(1), "Y".equals(row.get(4)), Boolean::logicalOr);
        }
        kinds.forEach((name, kind) -> {
          List<UniqueKey> keysOfTable = new ArrayList<>();
          uniques.getOrDefault(name, Map.of()).forEach((index, cols) -> keysOfTable.add(new UniqueKey(index,
              new ArrayList<>(cols.values()), partial.get(name + "\u0000" + index))));
          tables.put(name, new Table(schema, name, kind, columns.getOrDefault(name, List.of()),
              keys.getOrDefault(name, List.of()), distinct(keysOfTable)));
        });
      }
      return new Schema(schema, exists, tables);
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "reading the catalog of schema " + schema, pool.database());
    } finally {
      ConnectionPool.release(c);
    }
  }

  /** A unique index and the constraint it enforces name the same columns: each set once. */
  private static List<UniqueKey> distinct(Iterable<UniqueKey> keys) {
    Map<List<String>, UniqueKey> out = new LinkedHashMap<>();
    for (UniqueKey k : keys) {
      out.merge(k.columns(), k, (a, b) -> a.partial() ? b : a);
    }
    return new ArrayList<>(out.values());
  }

  private boolean exists(DatabaseMetaData md, String schema) throws SQLException {
    queries.incrementAndGet();
    try (ResultSet rs = md.getSchemas(null, like(schema, md.getSearchStringEscape()))) {
      while (rs.next()) {
        if (schema.equals(rs.getString("TABLE_SCHEM"))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every column of the schema's tables and views in one driver call, by table, in column order. */
  private Map<String, List<Column>> columns(Connection c, DatabaseMetaData md, String schema) throws SQLException {
    queries.incrementAndGet();
    Map<String, TreeMap<Integer, Column>> byTable = new HashMap<>();
    // a domain column as its base type (DomainTypes): one look-up per domain, not per column
    Map<String, ColumnType> domains = new HashMap<>();
    try (ResultSet rs = md.getColumns(null, like(schema, md.getSearchStringEscape()), "%", "%")) {
      while (rs.next()) {
        if (!schema.equals(rs.getString("TABLE_SCHEM"))) {
          continue; // the pattern's _ matches any character
        }
        ColumnType declared = new ColumnType(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"),
            rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"));
        ColumnType type = declared;
        if (declared.jdbcType() == java.sql.Types.DISTINCT) {
          ColumnType base = domains.get(declared.typeName());
          if (base == null) {
            queries.incrementAndGet();
            base = DomainTypes.base(c, pool.databaseType(), declared);
            domains.put(declared.typeName(), base);
          }
          type = new ColumnType(base.jdbcType(), base.typeName(), declared.size(), declared.scale());
        }
        boolean nullable = rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
        byTable.computeIfAbsent(rs.getString("TABLE_NAME"), k -> new TreeMap<>())
            .put(rs.getInt("ORDINAL_POSITION"), new Column(rs.getString("COLUMN_NAME"), type, nullable));
      }
    }
    Map<String, List<Column>> out = new HashMap<>();
    byTable.forEach((t, cols) -> out.put(t, new ArrayList<>(cols.values())));
    return out;
  }

  /** Runs a catalog query whose every parameter is {@code schema} (none when null), columns as strings. */
  private List<List<String>> rows(Connection c, String sql, String schema) throws SQLException {
    queries.incrementAndGet();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      pool.applyQueryTimeout(ps);
      // the vendor's catalog queries hold no literal with a '?': every one is a parameter
      long params = sql.chars().filter(ch -> ch == '?').count();
      for (int i = 1; i <= params; i++) {
        ps.setString(i, schema);
      }
      return CatalogRows.read(ps);
    }
  }

  static String like(String s, String esc) {
    if (esc == null || esc.isEmpty()) {
      return s;
    }
    return s.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
  }
}
