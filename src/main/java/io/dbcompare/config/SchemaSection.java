package io.dbcompare.config;

import io.dbcompare.config.TableName.Identifier;
import io.dbcompare.error.CompareException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code schemas:} section: which schemas' tables are compared, found in the catalog when a
 * run starts. Validated here like every other key; whether a schema exists and its patterns match a
 * table is checked against the catalog (exit 3 as well, before a session is created).
 */
final class SchemaSection {
  private static final Set<String> KEYS =
      Set.of("name", "target_name", "include", "exclude", "include_views", "chunk_size", "strict_columns");

  private SchemaSection() {}

  static List<SchemaConfig> read(ConfigLoader.Node top) {
    if (!top.has("schemas")) {
      return List.of();
    }
    Object raw = top.map.get("schemas");
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      throw top.error("schemas", "must be a list of schemas ('- name: HR'), with at least one entry");
    }
    List<SchemaConfig> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "schemas[" + i + "]";
      Object item = list.get(i);
      ConfigLoader.Node n;
      if (item instanceof String s) {
        n = top.child(path, Map.of("name", s));
      } else if (item instanceof Map<?, ?> m) {
        n = top.child(path, m);
      } else {
        throw CompareException.config(top.file + ": " + path + ": must be a schema name or a mapping with name");
      }
      n.checkKeys(KEYS);
      Identifier name = TableName.parseIdentifier(n.requireString("name"), n.file + ": " + n.path("name"));
      Identifier target = n.optionalString("target_name")
          .map(s -> TableName.parseIdentifier(s, n.file + ": " + n.path("target_name"))).orElse(name);
      String folded = name.quoted() ? name.text() : name.text().toUpperCase(Locale.ROOT);
      Integer earlier = seen.putIfAbsent(folded, i);
      if (earlier != null) {
        throw n.error("name", "schema " + name.display() + " is listed twice (also schemas[" + earlier
            + "]); give its patterns in one entry");
      }
      List<TablePattern> include = patterns(n, "include");
      List<TablePattern> exclude = patterns(n, "exclude");
      Optional<Integer> chunk = n.optionalInt("chunk_size");
      chunk.ifPresent(c -> n.checkRange("chunk_size", c, 1, 100_000_000));
      out.add(new SchemaConfig(name, target, include.isEmpty() && !n.has("include") ? List.of(all()) : include,
          exclude, n.optionalBoolean("include_views").orElse(false), chunk, n.optionalBoolean("strict_columns"),
          path));
    }
    return out;
  }

  private static TablePattern all() {
    return new TablePattern("*", false);
  }

  private static List<TablePattern> patterns(ConfigLoader.Node n, String key) {
    Object v = n.map.get(key);
    if (v == null) {
      return List.of();
    }
    List<?> items = v instanceof List<?> l ? l : List.of(v);
    if (items.isEmpty()) {
      throw n.error(key, "is an empty list; remove it or give patterns such as [\"*_LOG\"]");
    }
    List<TablePattern> out = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof String) && !(item instanceof Number)) {
        throw n.error(key, "must be a list of table name patterns such as [\"*_LOG\", \"TMP_*\"]");
      }
      out.add(TablePattern.parse(String.valueOf(item), n.file + ": " + n.path(key)));
    }
    return out;
  }
}
