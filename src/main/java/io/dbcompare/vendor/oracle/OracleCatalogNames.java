package io.dbcompare.vendor.oracle;

import io.dbcompare.vendor.CatalogNames;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A configured Oracle name may be a synonym or a view: JDBC metadata then lists no columns for it (or no
 * primary key), and the comparison would fail with a misleading "no primary key". The data dictionary
 * says what the name is ({@code ALL_OBJECTS.OBJECT_TYPE}); a synonym is followed through
 * {@code ALL_SYNONYMS} to the table or view it stands for, as Oracle resolves it.
 *
 * <p>Names in the configuration are always qualified ({@code SCHEMA.NAME}), and Oracle resolves a
 * qualified name in that schema only: its own object, which may be a private synonym. A PUBLIC synonym
 * is used when the configuration names it ({@code PUBLIC.NAME}); when the schema has no such object but
 * a PUBLIC synonym of that name exists, the message names it rather than silently comparing another
 * schema's table. A synonym over a database link is refused: the comparison would read a remote
 * database through this one. Chains of synonyms are followed up to {@link #MAX_HOPS}; a loop is refused.
 */
public final class OracleCatalogNames implements CatalogNames {
  /** Tables, views and synonyms share one namespace with these; an index or trigger of the same name does not count. */
  private static final Set<String> OTHER_SAME_NAMESPACE = Set.of("SEQUENCE", "PROCEDURE", "FUNCTION", "PACKAGE",
      "TYPE", "OPERATOR", "JAVA CLASS", "LIBRARY", "INDEXTYPE");
  static final int MAX_HOPS = 10;

  /** The object types of {@code OWNER.NAME} (partitions left out: they have a SUBOBJECT_NAME). */
  public static final String OBJECT_TYPES = "SELECT OBJECT_TYPE FROM ALL_OBJECTS WHERE OWNER = ? AND OBJECT_NAME = ?"
      + " AND SUBOBJECT_NAME IS NULL ORDER BY OBJECT_TYPE";
  /** What the synonym {@code OWNER.SYNONYM_NAME} stands for ({@code OWNER = 'PUBLIC'} for a public one). */
  public static final String SYNONYM = "SELECT TABLE_OWNER, TABLE_NAME, DB_LINK FROM ALL_SYNONYMS WHERE OWNER = ?"
      + " AND SYNONYM_NAME = ?";

  @Override
  public Resolution resolve(String owner, String name, Rows rows) throws SQLException {
    List<String> via = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    String o = owner;
    String n = name;
    for (int hop = 0; hop <= MAX_HOPS; hop++) {
      String here = o + "." + n;
      if (!seen.add(here)) {
        return Resolution.refused("is a synonym that leads back to itself (" + String.join(" -> ", seen) + " -> "
            + here + "); fix the synonyms or configure the table itself");
      }
      Set<String> types = new LinkedHashSet<>();
      for (List<String> r : rows.query(OBJECT_TYPES, o, n)) {
        types.add(r.get(0));
      }
      String path = via.isEmpty() ? "" : String.join(" -> ", via) + " -> " + here;
      if (types.contains("TABLE")) {
        return new Resolution(Kind.TABLE, o, n, path); // a materialized view's container table included
      }
      if (types.contains("VIEW")) {
        return new Resolution(Kind.VIEW, o, n, path);
      }
      if (types.contains("SYNONYM") || o.equals("PUBLIC")) {
        List<List<String>> syn = rows.query(SYNONYM, o, n);
        if (syn.isEmpty()) {
          return via.isEmpty() ? Resolution.missing() : Resolution.refused("is a synonym for " + here
              + (via.size() > 1 ? " (through " + String.join(" -> ", via) + ")" : "")
              + ", which does not exist or is not visible to this user");
        }
        List<String> s = syn.get(0);
        via.add(here);
        if (s.get(2) != null && !s.get(2).isEmpty()) {
          return Resolution.refused("is a synonym for " + s.get(0) + "." + s.get(1) + "@" + s.get(2)
              + " over a database link; configure that database directly");
        }
        o = s.get(0);
        n = s.get(1);
        continue;
      }
      for (String t : types) {
        if (OTHER_SAME_NAMESPACE.contains(t)) {
          return Resolution.refused((via.isEmpty() ? "is a " : "is a synonym for " + here + ", a ") + t
              + ", not a table or view");
        }
      }
      if (!via.isEmpty()) {
        return Resolution.refused("is a synonym for " + here + ", which does not exist or is not visible to this user");
      }
      List<List<String>> pub = rows.query(SYNONYM, "PUBLIC", n);
      if (!pub.isEmpty()) {
        List<String> s = pub.get(0);
        return Resolution.refused("does not exist; a PUBLIC synonym " + n + " stands for " + s.get(0) + "."
            + s.get(1) + (s.get(2) == null || s.get(2).isEmpty() ? "" : "@" + s.get(2))
            + ": configure that table (or PUBLIC." + n + ")");
      }
      return Resolution.missing();
    }
    return Resolution.refused("is a chain of more than " + MAX_HOPS + " synonyms (" + String.join(" -> ", via)
        + "); configure the table itself");
  }
}
