package io.dbcompare.discovery;

import io.dbcompare.compare.Side;
import io.dbcompare.config.TableName;
import io.dbcompare.config.TableName.Identifier;
import io.dbcompare.error.CompareException;
import io.dbcompare.jdbc.ConnectionPool;
import io.dbcompare.jdbc.SchemaCatalog;
import java.util.List;

/**
 * Gives a bare table name ({@code EMPLOYEES}) the schema the connecting user's session would look it up
 * in, asked once from each database (its vendor object's query): Oracle's current schema, the first
 * schema of PostgreSQL's search_path that has the table, H2's current schema.
 */
final class BareNames {
  private BareNames() {}

  /** The name in its default schema; a qualified name as it is. */
  static TableName resolve(TableName name, ConnectionPool pool, Side side, String where) {
    if (!name.bare()) {
      return name;
    }
    SchemaCatalog catalog = pool.catalog();
    List<String> schemas = catalog.defaultSchemas();
    if (schemas.isEmpty()) {
      throw CompareException.config(where + ": table name " + name.display() + " has no schema and the " + side.label()
          + " user has no default schema (an empty search_path?); write it as SCHEMA.TABLE");
    }
    Identifier t = name.table();
    String exact = t.quoted() ? t.text() : pool.dialect().foldUnquoted(t.text());
    String schema = schemas.get(0);
    if (schemas.size() > 1) {
      // search_path: the first schema that has the table, as the database itself would find it
      for (String s : schemas) {
        if (catalog.schema(s).table(exact).isPresent()) {
          schema = s;
          break;
        }
      }
    }
    return name.withSchema(Identifier.ofCatalog(schema, pool.dialect()::foldUnquoted));
  }
}
