package io.dbcompare.discovery;

import io.dbcompare.compare.Side;
import io.dbcompare.config.CompareConfig;
import io.dbcompare.config.SchemaConfig;
import io.dbcompare.config.TableConfig;
import io.dbcompare.config.TableName;
import io.dbcompare.config.TableName.Identifier;
import io.dbcompare.config.TablePattern;
import io.dbcompare.error.CompareException;
import io.dbcompare.jdbc.ConnectionPool;
import io.dbcompare.jdbc.Pools;
import io.dbcompare.jdbc.SchemaCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Turns a configuration into the list of tables to compare, after both databases are reached and before
 * a session is created: bare names get their default schema, each {@code schemas:} entry gets its
 * tables from the source catalog (tables only unless {@code include_views}), filtered by its patterns and
 * matched by name in the target schema. Everything is read through each side's {@link SchemaCatalog}
 * (a few queries per schema, kept for the run). A schema that does not exist or a pattern that matches
 * nothing is a configuration error (exit 3), named with the entry and the pattern.
 */
public final class TableDiscovery {
  private final CompareConfig cfg;
  private final Pools pools;

  public TableDiscovery(CompareConfig cfg, Pools pools) {
    this.cfg = cfg;
    this.pools = pools;
  }

  public ResolvedTables resolve() {
    List<TableConfig> out = new ArrayList<>();
    Set<String> explicit = new HashSet<>();
    for (int i = 0; i < cfg.tables().size(); i++) {
      TableConfig t = cfg.tables().get(i);
      String where = cfg.file() + ": tables[" + i + "].table_name";
      TableName source = BareNames.resolve(t.source(), pools.source(), Side.SOURCE, where);
      TableName target = BareNames.resolve(t.target(), pools.target(), Side.TARGET, where);
      TableConfig resolved = t.withNames(source, target);
      out.add(resolved);
      explicit.add(exact(source, pools.source()));
    }
    Map<String, String> missing = new LinkedHashMap<>();
    Map<String, String> discoveredBy = new LinkedHashMap<>();
    List<String> targetOnly = new ArrayList<>();
    Set<String> targetsUsed = new HashSet<>();
    for (TableConfig t : out) {
      targetsUsed.add(exact(t.target(), pools.target()));
    }
    for (SchemaConfig sc : cfg.schemas()) {
      discover(sc, explicit, out, missing, discoveredBy, targetOnly, targetsUsed);
    }
    checkKeys(out);
    return new ResolvedTables(out, missing, discoveredBy, targetOnly);
  }

  private void discover(SchemaConfig sc, Set<String> explicit, List<TableConfig> out, Map<String, String> missing,
      Map<String, String> discoveredBy, List<String> targetOnly, Set<String> targetsUsed) {
    ConnectionPool sp = pools.source();
    ConnectionPool tp = pools.target();
    SchemaCatalog.Schema source = existing(sc, sp, sc.name(), "name", Side.SOURCE);
    SchemaCatalog.Schema target = existing(sc, tp, sc.targetName(), "target_name", Side.TARGET);
    UnaryOperator<String> sf = sp.dialect()::foldUnquoted;
    UnaryOperator<String> tf = tp.dialect()::foldUnquoted;
    List<SchemaCatalog.Table> chosen = new ArrayList<>();
    Map<TablePattern, Boolean> used = new LinkedHashMap<>();
    sc.include().forEach(p -> used.put(p, false));
    for (SchemaCatalog.Table t : source.tables().values()) {
      if (!compared(t, sc)) {
        continue;
      }
      boolean in = false;
      for (TablePattern p : sc.include()) {
        if (p.matches(t.name(), sf)) {
          used.put(p, true);
          in = true;
        }
      }
      if (in && sc.exclude().stream().noneMatch(p -> p.matches(t.name(), sf))) {
        chosen.add(t);
      }
    }
    used.forEach((p, hit) -> {
      if (!hit) {
        throw CompareException.config(cfg.file() + ": " + sc.path() + ".include: pattern " + p.display()
            + " matches no " + (sc.includeViews() ? "table or view" : "table") + " of schema " + source.name()
            + " in the source (that its user can see); check the pattern (unquoted patterns follow the database's"
            + " case) or remove it");
      }
    });
    Set<String> matchedTargets = new HashSet<>();
    for (SchemaCatalog.Table t : chosen) {
      Optional<SchemaCatalog.Table> counterpart = match(target, t.name());
      counterpart.ifPresent(c -> matchedTargets.add(c.name()));
      if (explicit.contains(source.name() + "." + t.name())) {
        continue; // the tables: entry for it comes first and its settings win
      }
      TableName s = new TableName(sc.name(), Identifier.ofCatalog(t.name(), sf));
      TableName g = new TableName(sc.targetName(),
          Identifier.ofCatalog(counterpart.map(SchemaCatalog.Table::name).orElse(tf.apply(t.name())), tf));
      TableConfig tc = new TableConfig(s, g, List.of(), List.of(), sc.chunkSize(), List.of(), List.of(),
            Optional.empty(), Optional.empty(), sc.strictColumns());
      out.add(tc);
      discoveredBy.put(tc.key(), sc.name().display());
      if (counterpart.isEmpty()) {
        missing.put(tc.key(), "target schema " + target.name() + " has no table " + t.name());
      } else {
        targetsUsed.add(target.name() + "." + counterpart.get().name());
      }
    }
    for (SchemaCatalog.Table t : target.tables().values()) {
      boolean listed = sc.include().stream().anyMatch(p -> p.matches(t.name(), tf))
          && sc.exclude().stream().noneMatch(p -> p.matches(t.name(), tf));
      if (compared(t, sc) && listed && !matchedTargets.contains(t.name())
          && !targetsUsed.contains(target.name() + "." + t.name())) {
        targetOnly.add(target.name() + "." + t.name());
      }
    }
  }

  /** Tables, and views with include_views; never partitions, temporary or system tables. */
  private static boolean compared(SchemaCatalog.Table t, SchemaConfig sc) {
    return t.kind() == SchemaCatalog.Kind.TABLE || (sc.includeViews() && t.kind() == SchemaCatalog.Kind.VIEW);
  }

  /** The target table of that name: the same spelling, else the one that differs in case only. */
  private static Optional<SchemaCatalog.Table> match(SchemaCatalog.Schema target, String name) {
    Optional<SchemaCatalog.Table> same = target.table(name);
    if (same.isPresent()) {
      return same;
    }
    List<SchemaCatalog.Table> ci = target.tables().values().stream()
        .filter(t -> t.name().equalsIgnoreCase(name)).toList();
    return ci.size() == 1 ? Optional.of(ci.get(0)) : Optional.empty();
  }

  private SchemaCatalog.Schema existing(SchemaConfig sc, ConnectionPool pool, Identifier name, String key, Side side) {
    String exact = name.quoted() ? name.text() : pool.dialect().foldUnquoted(name.text());
    SchemaCatalog.Schema s = pool.catalog().schema(exact);
    if (!s.exists()) {
      throw CompareException.config(cfg.file() + ": " + sc.path() + "." + key + ": schema " + name.display()
          + " does not exist in the " + side.label() + " database or is not visible to its user"
          + (name.quoted() ? "" : " (an unquoted name is looked up as " + exact + ")") + "; check the name");
    }
    return s;
  }

  /** Two tables whose keys differ only in case would share their files on some file systems. */
  private void checkKeys(List<TableConfig> tables) {
    Map<String, TableConfig> byKey = new HashMap<>();
    for (TableConfig t : tables) {
      TableConfig other = byKey.putIfAbsent(t.key().toUpperCase(Locale.ROOT), t);
      if (other != null) {
        String problem = other.key().equals(t.key()) ? "are the same table listed twice (a bare name and its"
            + " schema's name?); list it once"
            : "would share their session entry, checkpoints and output files: their keys '" + other.key() + "' and '"
            + t.key() + "' differ only in upper and lower case, which not every file system tells apart; leave one"
            + " out (exclude:) and compare it with a second configuration";
        throw CompareException.config(cfg.file() + ": tables " + other.source().display() + " and "
            + t.source().display() + " " + problem);
      }
    }
  }

  /** A name given on the command line: a bare one in the source user's default schema. */
  public static TableName qualify(TableName name, ConnectionPool source, String option) {
    return BareNames.resolve(name, source, Side.SOURCE, option);
  }

  /** {@code SCHEMA.TABLE} as the catalog spells a qualified configured name. */
  static String exact(TableName n, ConnectionPool pool) {
    return part(n.schema(), pool) + "." + part(n.table(), pool);
  }

  private static String part(Identifier id, ConnectionPool pool) {
    return id.quoted() ? id.text() : pool.dialect().foldUnquoted(id.text());
  }
}
