package io.dbcompare.dialect;

import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import java.util.List;
import java.util.Optional;

/**
 * Everything that differs between databases: identifier case and quoting, the key order, session
 * settings, type mapping and literals. One implementation per platform; no other code switches on
 * the platform.
 */
public interface Dialect {
  Platform platform();

  /** Quotes an identifier exactly as given (the catalog spelling), doubling embedded quotes. */
  default String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  default String qualified(TableRef t) {
    return quote(t.schema()) + "." + quote(t.table());
  }

  /** How the database stores an unquoted identifier (Oracle and H2: upper case; PostgreSQL: lower). */
  String foldUnquoted(String identifier);

  /** Statements run on every connection before it is used (NLS settings, time zone...). */
  List<String> sessionSetup();

  /**
   * The expression a key column is ordered and range-compared by, so the database's order equals
   * {@link io.dbcompare.compare.KeyOrder}: binary, locale-independent.
   */
  default String keyExpression(String quotedColumn, ValueKind kind) {
    return quotedColumn;
  }

  /** The canonical kind of a column type, or empty when the type is not supported. */
  Optional<ValueKind> kindOf(ColumnType type);

  /** Whether a DATETIME column holds only a date (read as midnight). */
  default boolean isDateOnly(ColumnType type) {
    return false;
  }

  /** A literal for {@code value} in a column of {@code targetType}; may prepare a PL/SQL variable. */
  String literal(ValueKind kind, Object value, String targetType, SqlScript script);

  /** Lines at the top of a sync script: settings that make the script run unchanged in the DBA's client. */
  List<String> scriptPreamble();

  /** A statement as it appears in the script, with its terminator (and its PL/SQL block, if any). */
  default String statement(String sql, SqlScript script) {
    return sql + ";";
  }

  /** Lines that end a transaction batch in a sync script. */
  default List<String> scriptCommit() {
    return List.of("COMMIT;");
  }

  /** Lines at the end of a sync script. */
  default List<String> scriptEpilogue() {
    return List.of("COMMIT;");
  }
}
