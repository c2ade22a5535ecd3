package io.dbcompare.vendor;

import java.sql.SQLException;
import java.util.List;

/**
 * What a configured table name is in the catalog (a table, a view, a synonym for one, or something
 * else), for databases where a name can be more than a table. The vendor object holds the catalog SQL and
 * the decision; the caller runs the queries ({@link Rows}), so the decision is tested with rows given in
 * memory.
 */
public interface CatalogNames {

  /** Runs a catalog query with string parameters; every column is read as a string. */
  @FunctionalInterface
  interface Rows {
    List<List<String>> query(String sql, String... params) throws SQLException;
  }

  /** What the name turned out to be. */
  enum Kind {
    /** A table (or a materialized view's container table): compared as it is. */
    TABLE,
    /** A view: compared when the configuration names its key columns (a view has no primary key). */
    VIEW,
    /** Nothing of that name: the caller's own lookup says so, with its hints. */
    MISSING,
    /** Something that cannot be compared; {@link Resolution#detail} says what it is and what to do. */
    REFUSED
  }

  /**
   * @param owner the schema of the table or view the name stands for (the name's own when not a synonym)
   * @param name its name
   * @param detail for REFUSED, why; otherwise the synonyms followed ({@code HR.S -> APP.T}), or empty
   */
  record Resolution(Kind kind, String owner, String name, String detail) {
    public static Resolution missing() {
      return new Resolution(Kind.MISSING, null, null, "");
    }

    public static Resolution refused(String why) {
      return new Resolution(Kind.REFUSED, null, null, why);
    }
  }

  /** Resolves {@code owner.name}, both exactly as the catalog spells them. */
  Resolution resolve(String owner, String name, Rows rows) throws SQLException;
}
