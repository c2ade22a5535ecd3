package io.dbcompare.jdbc;

import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.KeySource;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableResolver;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.TargetTraits;
import io.dbcompare.config.TableConfig;
import io.dbcompare.config.TableName;
import io.dbcompare.config.TableName.Identifier;
import io.dbcompare.dialect.ColumnKind;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.TypePairs;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.jdbc.SchemaCatalog.Column;
import io.dbcompare.vendor.CatalogNames;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads tables, columns, primary keys and unique indexes of both sides from each side's {@link SchemaCatalog}
 * (read a schema at a time) and matches them: columns by name (exact spelling first, then ignoring case,
 * for migrations between Oracle upper case and PostgreSQL lower case), kinds must be equal, every type
 * must be supported. Columns on one side only are left out and reported as structure differences ({@link
 * StructureCheck}), or fail the table under {@code strict_columns}.
 */
public final class JdbcTableResolver implements TableResolver {
  private final Pools pools;
  private final boolean emptyStringIsNull;
  /** The run's {@code strict_columns}, for tables that do not set their own. */
  private final boolean strictColumns;

  public JdbcTableResolver(Pools pools, boolean emptyStringIsNull) {
    this(pools, emptyStringIsNull, false);
  }

  public JdbcTableResolver(Pools pools, boolean emptyStringIsNull, boolean strictColumns) {
    this.pools = pools;
    this.emptyStringIsNull = emptyStringIsNull;
    this.strictColumns = strictColumns;
  }

  @Override
  public TableSpec resolve(TableConfig tc) {
    Meta source = read(Side.SOURCE, tc.source());
    Meta target = read(Side.TARGET, tc.target());
    String display = tc.source().display();
    Dialect sd = pools.source().dialect();
    boolean strict = tc.strictColumns().orElse(strictColumns);

    List<String> excluded = new ArrayList<>();
    if (tc.columns().isEmpty()) {
      for (Identifier id : tc.excludeColumns()) {
        excluded.add(source.column(id, sd).orElseThrow(() -> fail(display + ": column " + id.display()
            + " listed in 'exclude_columns' does not exist in source table " + source.ref.display())).name());
      }
    }
    KeySource keySource = KeyChoice.choose(sourceNames(tc.primaryKey(), "primary_key", source, display),
        sourceNames(tc.keyColumns(), "key_columns", source, display), source.primaryKey, source.namedUniques,
        col -> usableKeyColumn(col, source, target, excluded));
    if (keySource.kind() == KeySource.Kind.NONE && source.kind == CatalogNames.Kind.VIEW) {
      throw fail(display + ": source " + source.ref.display() + " is a view" + via(source)
          + ", which has no primary key; set primary_key or key_columns (unique NOT NULL columns) for it in the"
          + " configuration");
    }
    List<String> keyNames = keySource.columns();

    List<Column> selected = new ArrayList<>();
    boolean listed = !tc.columns().isEmpty();
    if (listed) {
      for (Identifier id : tc.columns()) {
        selected.add(source.column(id, sd).orElseThrow(() -> fail(display + ": column " + id.display()
            + " listed in 'columns' does not exist in source table " + source.ref.display())));
      }
    } else {
      for (String k : keyNames) {
        if (excluded.contains(k)) {
          throw fail(display + ": key column " + k + " cannot be excluded");
        }
      }
      for (Column c : source.columns.values()) {
        if (!excluded.contains(c.name())) {
          selected.add(c);
        }
      }
    }

    StructureCheck structure = new StructureCheck(display, target.ref.display(), strict, sd,
        pools.target().dialect());
    List<ColumnSpec> keys = new ArrayList<>();
    List<ColumnSpec> others = new ArrayList<>();
    for (String k : keyNames) {
      Column s = source.columns.get(k);
      keys.add(match(display, s, required(display, s, target), true));
    }
    List<String> skippedGenerated = new ArrayList<>();
    for (Column c : selected) {
      if (!keyNames.contains(c.name())) {
        Column t = target.matching(c.name());
        if (t == null) {
          if (listed) {
            required(display, c, target); // named in 'columns': its absence fails the table
          }
          structure.onlyInSource(c); // left out of the comparison; fails the table under strict_columns
          continue;
        }
        ColumnSpec spec = match(display, c, t, false);
        structure.compare(c, t);
        if (target.generated.contains(spec.targetName())) {
          skippedGenerated.add(spec.targetName()); // computed by the target: never written, so not compared
        } else {
          others.add(spec);
        }
      }
    }
    for (String k : keyNames) {
      structure.compare(source.columns.get(k), target.matching(k));
    }
    if (!listed) {
      for (Column t : target.columns.values()) {
        if (source.matchingIn(t.name(), source.columns.values()) == null) {
          structure.onlyInTarget(t);
        }
      }
    }
    structure.keys(source.primaryKey, target.primaryKey, n -> {
      Column t = target.matching(n);
      return t == null ? n : t.name();
    });
    List<ColumnSpec> all = new ArrayList<>(keys);
    all.addAll(others);
    List<String> keyTargetNames = keys.stream().map(ColumnSpec::targetName).toList();
    List<List<String>> uniques = new ArrayList<>();
    for (List<String> u : target.uniqueIndexes) {
      if (!(u.size() == keyTargetNames.size() && u.containsAll(keyTargetNames))
          && all.stream().anyMatch(c -> u.contains(c.targetName()))) {
        uniques.add(u);
      }
    }
    List<String> compared = all.stream().map(ColumnSpec::targetName).toList();
    TargetTraits traits = new TargetTraits(skippedGenerated,
        target.identityAlways.stream().filter(compared::contains).toList(), target.triggers);
    TableSpec spec = KeyOrderResolver.complete(pools, new TableSpec(tc.key(), display, source.ref, target.ref, all,
        keys.size(), tc.where(), emptyStringIsNull, uniques, traits, List.of(), null, null, keySource,
        structure.differences()));
    if (keySource.kind() == KeySource.Kind.KEY_COLUMNS) {
      KeyColumnsCheck.run(pools, spec);
    }
    return spec;
  }

  /** Configured key columns ({@code primary_key} or {@code key_columns}) as source column names. */
  private List<String> sourceNames(List<Identifier> ids, String setting, Meta source, String display) {
    List<String> out = new ArrayList<>();
    for (Identifier id : ids) {
      out.add(source.column(id, pools.source().dialect()).orElseThrow(() -> fail(display + ": " + setting + " column " + id.display()
          + " does not exist in source table " + source.ref.display())).name());
    }
    return out;
  }

  /**
   * Whether a source column may be part of a key taken from a unique index: NOT NULL on both sides,
   * matched in the target, not excluded, and of a type both sides support.
   */
  private boolean usableKeyColumn(String name, Meta source, Meta target, List<String> excluded) {
    Column s = source.columns.get(name);
    Column t = s == null ? null : target.matching(s.name());
    return t != null && !excluded.contains(name) && source.notNull.contains(s.name())
        && target.notNull.contains(t.name()) && pools.source().dialect().kindOf(s.type()).isPresent()
        && pools.target().dialect().kindOf(t.type()).isPresent();
  }

  /** The target's column for a source column that must exist there (a key, a listed column). */
  private static Column required(String display, Column s, Meta target) {
    Column t = target.matching(s.name());
    if (t == null) {
      throw fail(display + ": column " + s.name() + " is missing in target table " + target.ref.display()
          + "; add it there or leave it out with exclude_columns");
    }
    return t;
  }

  private ColumnSpec match(String display, Column s, Column t, boolean key) {
    ColumnKind sk = kind(display, Side.SOURCE, s);
    ColumnKind tk = kind(display, Side.TARGET, t);
    if (sk.kind() != tk.kind()) {
      throw fail(display + ": column " + s.name() + " has incompatible types: source " + s.type().typeName()
          + " (" + sk.kind() + ") vs target " + t.type().typeName() + " (" + tk.kind() + ")");
    }
    Optional<String> refused = TypePairs.refusal(sk, tk);
    if (refused.isPresent()) {
      throw fail(display + ": column " + s.name() + " is not compared: source " + s.type().typeName() + " vs target "
          + t.type().typeName() + ": " + refused.get() + "; leave it out with exclude_columns");
    }
    if (key) {
      notAKey(display, Side.SOURCE, s, sk);
      notAKey(display, Side.TARGET, t, tk);
    }
    return new ColumnSpec(s.name(), t.name(), sk.kind(), s.type().typeName(), t.type().typeName(), key);
  }

  private ColumnKind kind(String display, Side side, Column c) {
    return pools.of(side).dialect().columnKind(c.type()).orElseThrow(() -> fail(display + ": column " + c.name()
        + " has type " + c.type().typeName() + " on the " + side.label()
        + ", which is not supported; leave it out with exclude_columns"));
  }

  private static void notAKey(String display, Side side, Column c, ColumnKind k) {
    k.keyRefusal().ifPresent(why -> {
      throw fail(display + ": key column " + c.name() + " has type " + c.type().typeName() + " on the " + side.label()
          + ": " + why + "; name other key columns with primary_key");
    });
  }

  private static String via(Meta m) {
    return m.via.isEmpty() ? "" : " (" + m.via + ")";
  }

  /** A table's catalog entries on one side. */
  private static final class Meta {
    TableRef ref;
    /** What the configured name is, where the vendor object can tell (else a table). */
    CatalogNames.Kind kind = CatalogNames.Kind.TABLE;
    /** The synonyms followed to the table, or empty. */
    String via = "";
    final Map<String, Column> columns = new LinkedHashMap<>();
    final List<String> primaryKey = new ArrayList<>();
    /** Columns declared NOT NULL. */
    final java.util.Set<String> notNull = new java.util.HashSet<>();
    /** Unique indexes and constraints, as lists of column names (the primary key's included). */
    final List<List<String>> uniqueIndexes = new ArrayList<>();
    /** The same with their names, and whether each is partial (candidates for a key, see {@link KeyChoice}). */
    final List<KeyChoice.UniqueIndex> namedUniques = new ArrayList<>();
    final List<String> generated = new ArrayList<>();
    final List<String> identityAlways = new ArrayList<>();
    final List<String> triggers = new ArrayList<>();

    /**
     * The column of this table that a column of the other side's table matches: the exact spelling, else
     * the one column whose name differs in case only (Oracle EMPLOYEE_ID is PostgreSQL employee_id); null
     * when none.
     */
    Column matching(String name) {
      return matchingIn(name, columns.values());
    }

    Column matchingIn(String name, Iterable<Column> in) {
      Column ci = null;
      int found = 0;
      for (Column c : in) {
        if (c.name().equals(name)) {
          return c;
        }
        if (c.name().equalsIgnoreCase(name)) {
          ci = c;
          found++;
        }
      }
      return found == 1 ? ci : null;
    }

    Optional<Column> column(Identifier id, Dialect d) {
      if (id.quoted()) {
        return Optional.ofNullable(columns.get(id.text()));
      }
      Column c = columns.get(d.foldUnquoted(id.text()));
      if (c != null) {
        return Optional.of(c);
      }
      List<Column> ci = columns.values().stream().filter(x -> x.name().equalsIgnoreCase(id.text())).toList();
      return ci.size() == 1 ? Optional.of(ci.get(0)) : Optional.empty();
    }
  }

  private Meta read(Side side, TableName name) {
    if (name.bare()) {
      throw new IllegalStateException(name.display() + ": a bare name reached the resolver unresolved");
    }
    ConnectionPool pool = pools.of(side);
    Dialect d = pool.dialect();
    Meta m = new Meta();
    TableName lookup = name;
    Optional<CatalogNames> names = pool.databaseType().catalogNames();
    if (names.isPresent()) {
      Connection c = pool.borrow();
      try {
        CatalogNames.Resolution r = names.get().resolve(exact(name.schema(), d), exact(name.table(), d),
            (sql, params) -> rows(c, sql, params));
        switch (r.kind()) {
          case REFUSED -> throw fail(side.label() + " " + name.display() + " " + r.detail());
          case TABLE, VIEW -> {
            m.kind = r.kind();
            m.via = r.detail();
            lookup = new TableName(new Identifier(r.owner(), true), new Identifier(r.name(), true));
          }
          case MISSING -> { } // the catalog lookup below says so, with its hints
        }
      } catch (SQLException e) {
        throw SqlErrors.translate(e, "reading the catalog for " + name.display(), pool.database());
      } finally {
        ConnectionPool.release(c);
      }
    }
    SchemaCatalog.Table table = findInCatalog(pool.catalog(), d, lookup, side);
    m.ref = new TableRef(table.schema(), table.name());
    for (Column col : table.columns()) {
      m.columns.put(col.name(), col);
      if (!col.nullable()) {
        m.notNull.add(col.name());
      }
    }
    m.primaryKey.addAll(table.primaryKey());
    // unique indexes: the target's keep sync scripts from updating a unique value in place; the source's
    // are candidates for the key of a table without primary key (KeyChoice)
    for (SchemaCatalog.UniqueKey u : table.uniqueKeys()) {
      m.uniqueIndexes.add(u.columns());
      m.namedUniques.add(new KeyChoice.UniqueIndex(u.name(), u.columns(),
          u.partial() || !m.columns.keySet().containsAll(u.columns())));
    }
    if (side == Side.TARGET) {
      // computed and identity columns and triggers: the schema's, read once (TargetCatalogSql's per-table
      // queries without their table filter)
      SchemaCatalog.Traits traits = pool.catalog().traits(m.ref.schema(), m.ref.table());
      m.generated.addAll(traits.generated());
      m.identityAlways.addAll(traits.identityAlways());
      m.triggers.addAll(traits.triggers());
    }
    return m;
  }

  /** The catalog spelling of a configured identifier: exact when quoted, else in the database's case. */
  private static String exact(Identifier id, Dialect d) {
    return id.quoted() ? id.text() : d.foldUnquoted(id.text());
  }

  /** Runs a catalog query with string parameters, every column read as a string. */
  private static List<List<String>> rows(Connection c, String sql, String... params) throws SQLException {
    try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      return CatalogRows.read(ps);
    }
  }

  /**
   * The table in the cached catalog: quoted parts must match exactly, unquoted parts the database's folded
   * spelling. When it is not there, the spellings a user may have meant are looked up for the hint.
   */
  private static SchemaCatalog.Table findInCatalog(SchemaCatalog catalog, Dialect d, TableName name, Side side) {
    Optional<SchemaCatalog.Table> found = catalog.schema(exact(name.schema(), d)).table(exact(name.table(), d));
    if (found.isPresent()) {
      return found.get();
    }
    TableRef near = null;
    for (String schema : candidates(name.schema(), d)) {
      for (SchemaCatalog.Table t : catalog.schema(schema).tables().values()) {
        if (near == null && candidates(name.table(), d).contains(t.name())) {
          near = new TableRef(t.schema(), t.name());
        }
      }
    }
    String hint = near == null ? "check the name, the schema and the user's privileges"
        : "found " + near.display() + ": quote the name with \"...\" to match its exact case";
    throw new CompareException(ErrorCode.TABLE_FAILED, side.label() + " table " + name.display()
        + " does not exist or is not visible to the " + side.label() + " user; " + hint);
  }

  /** The table by the driver's metadata, read now (for {@code --repair}, which may create tables). */
  static TableRef findTable(DatabaseMetaData md, String esc, Dialect d, TableName name, Side side)
      throws SQLException {
    List<TableRef> all = new ArrayList<>();
    // Look up case-insensitively, then choose exactly: quoted parts must match exactly, unquoted
    // parts must match the database's folded spelling.
    for (String schema : candidates(name.schema(), d)) {
      for (String table : candidates(name.table(), d)) {
        try (ResultSet rs = md.getTables(null, like(schema, esc), like(table, esc), null)) {
          while (rs.next()) {
            TableRef r = new TableRef(rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME"));
            if (!all.contains(r)) {
              all.add(r);
            }
          }
        }
      }
    }
    String wantSchema = name.schema().quoted() ? name.schema().text() : d.foldUnquoted(name.schema().text());
    String wantTable = name.table().quoted() ? name.table().text() : d.foldUnquoted(name.table().text());
    for (TableRef r : all) {
      if (r.schema().equals(wantSchema) && r.table().equals(wantTable)) {
        return r;
      }
    }
    String hint = all.isEmpty() ? "check the name, the schema and the user's privileges"
        : "found " + all.get(0).display() + ": quote the name with \"...\" to match its exact case";
    throw new CompareException(ErrorCode.TABLE_FAILED, side.label() + " table " + name.display()
        + " does not exist or is not visible to the " + side.label() + " user; " + hint);
  }

  private static List<String> candidates(Identifier id, Dialect d) {
    if (id.quoted()) {
      return List.of(id.text());
    }
    List<String> c = new ArrayList<>();
    c.add(d.foldUnquoted(id.text()));
    for (String v : List.of(id.text(), id.text().toUpperCase(Locale.ROOT), id.text().toLowerCase(Locale.ROOT))) {
      if (!c.contains(v)) {
        c.add(v);
      }
    }
    return c;
  }

  private static String like(String s, String esc) {
    if (esc == null || esc.isEmpty()) {
      return s;
    }
    return s.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
  }

  private static CompareException fail(String msg) {
    return new CompareException(ErrorCode.TABLE_FAILED, msg);
  }
}
