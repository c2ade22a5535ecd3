package io.dbcompare.dialect;

import io.dbcompare.compare.KeyColumnOrder.Rendering;
import io.dbcompare.compare.ReadPoint;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.util.List;
import java.util.Optional;

/**
 * Everything that differs between databases: identifier case and quoting, the key order, session
 * settings, type mapping and literals. One implementation per platform. (Connection setup, error
 * classification and script parsing still switch on {@code Platform} elsewhere: jdbc/ and sync/.)
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

  /**
   * The expression a key column is ordered and range-compared by when the chosen key order needs
   * {@code rendering} on this side ({@link Rendering#PLAIN}: {@link #keyExpression(String, ValueKind)}).
   */
  default String keyExpression(String quotedColumn, ValueKind kind, Rendering rendering) {
    if (rendering == Rendering.PLAIN) {
      return keyExpression(quotedColumn, kind);
    }
    throw new IllegalStateException(platform() + " cannot order a key column as " + rendering);
  }

  /**
   * The placeholder that binds {@code value} where it is compared with a key column of type
   * {@code columnType} rendered with {@code rendering}: {@code ?}, or an expression around it that
   * gives the bind the column's own type (so that an index on the column can serve the comparison).
   */
  default String keyPlaceholder(ValueKind kind, String columnType, Rendering rendering, Object value) {
    return "?";
  }

  /** Refuses a read point this database cannot read at (only Oracle reads at an SCN). */
  default void checkReadPoint(ReadPoint readPoint) {
    if (!readPoint.isNone()) {
      throw new CompareException(ErrorCode.CONFIG, "reading at " + readPoint + " needs Oracle flashback query; "
          + platform().name() + " has no such read point");
    }
  }

  /**
   * Whether chunk boundaries may be found by stepping through the key's index ({@code
   * io.dbcompare.jdbc.RangeSql#steppedBoundaryQuery}: a recursive query with LATERAL, OFFSET and LIMIT)
   * where the plan shows the index gives the key order; otherwise every key is numbered.
   */
  default boolean supportsSteppedBoundaries() {
    return false;
  }

  /** The statement that shows the plan of {@code sql} (where {@link #supportsSteppedBoundaries}). */
  default String explain(String sql) {
    throw new IllegalStateException(platform() + " does not step through indexes");
  }

  /**
   * Whether a plan ({@link #explain}'s rows, one per line) reads an index in the query's order and sorts
   * nothing: then each step of a stepped boundary query walks index entries only.
   */
  default boolean walksAnIndexInKeyOrder(String plan) {
    return false;
  }

  /**
   * Whether the driver sends a statement batch ({@code Statement.addBatch}, {@code executeBatch}) in one
   * round trip, so that a connection's session setup is one exchange with the server; otherwise the
   * statements are run one by one.
   */
  default boolean pipelinesStatementBatches() {
    return false;
  }

  /** Whether {@link #tableReference} can sample a table ({@link #sampleClause}). */
  default boolean supportsSampling() {
    return false;
  }

  /** The clause after a table name that reads a random sample of its blocks. */
  default String sampleClause(TableSample sample) {
    throw new IllegalStateException(platform() + " cannot sample a table");
  }

  /**
   * A table in a FROM clause: its name, then the sample clause (if any), then what the read point needs
   * (whose binds are added to {@code binds}), then the alias (if any).
   */
  default String tableReference(TableRef table, TableSample sample, ReadPoint readPoint, String alias,
      List<Object> binds) {
    checkReadPoint(readPoint);
    return qualified(table) + (sample == null ? "" : " " + sampleClause(sample)) + (alias == null ? "" : " " + alias);
  }

  /** The canonical kind of a column type, or empty when the type is not supported. */
  Optional<ValueKind> kindOf(ColumnType type);

  /**
   * What the comparison knows about a column type: its kind, its family of values (which other types
   * it is compared with, {@link TypePairs}) and whether it can be a key; empty when not supported.
   * Each dialect keeps this knowledge with the rest of its types' (its {@code *Types} class).
   */
  default Optional<ColumnKind> columnKind(ColumnType type) {
    return kindOf(type).map(ColumnKind::plain);
  }

  /**
   * How a column of {@code typeName} is read, where its kind's standard driver call would not give the
   * canonical value exactly; empty for the standard call.
   */
  default Optional<ValueReader> reader(ValueKind kind, String typeName) {
    return Optional.empty();
  }

  /**
   * The expression a compared column is selected as (never a key column): the column itself, or for a
   * type the driver cannot read as its kind, an expression that gives its value as one (Oracle
   * XMLTYPE serialized to a CLOB, for one).
   */
  default String selectExpression(String quotedColumn, ValueKind kind, String typeName) {
    return quotedColumn;
  }

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

  // ----- guarded statements and multi-file scripts (io.dbcompare.sync). The defaults are for
  // ----- databases without procedural blocks (H2); Oracle and PostgreSQL override them.

  /**
   * A condition that holds while {@code quotedColumn} still has the value the comparison read:
   * {@code literal} (a literal of this dialect), or NULL when {@code literal} is null. With
   * {@code emptyIsNull} a NULL may have been read from an empty string.
   */
  default String guardCondition(String quotedColumn, ValueKind kind, String targetType, String literal,
      boolean emptyIsNull) {
    if (literal == null) {
      return kind == ValueKind.TEXT && emptyIsNull
          ? "(" + quotedColumn + " IS NULL OR " + quotedColumn + " = '')"
          : quotedColumn + " IS NULL";
    }
    if (kind == ValueKind.FLOAT && targetType.equalsIgnoreCase("REAL")) {
      return quotedColumn + " = CAST(" + literal + " AS REAL)"; // the value was read widened to double
    }
    return quotedColumn + " = " + literal;
  }

  /**
   * Whether a column of {@code targetType} can be part of a guard: Oracle compares LONG and LONG RAW in no
   * WHERE clause, so such a column is left out of the guards (the README says so).
   */
  default boolean canGuard(ValueKind kind, String targetType) {
    return true;
  }

  /**
   * An UPDATE or DELETE of one row ({@code dml}: on {@code table}, with the WHERE clause
   * {@code where}) as script text that stops the script with {@code message} when it changes no row.
   * Without procedural blocks: a check query before the statement, failing on a conversion error
   * that carries the message (H2 has no RAISE); the statement's WHERE clause repeats the guard.
   */
  default String guardedStatement(String dml, String table, String where, String message, SqlScript script) {
    return checkQuery("= 1", table, where, message, script) + statement(dml, script);
  }

  /**
   * A DELETE of one of the rows of {@code table} that {@code where} ({@code " WHERE ..."}, every column
   * of a table without key) matches: identical rows cannot be told apart, so any one of them. H2 and
   * standard SQL: {@code FETCH FIRST ROW ONLY} after the WHERE clause.
   */
  default String deleteOneRow(String table, String where) {
    return "DELETE FROM " + table + where + " FETCH FIRST ROW ONLY";
  }

  /**
   * {@link #guardedStatement} for a {@link #deleteOneRow}: the script stops when it deletes no row.
   * Without procedural blocks the check query accepts any number of matching rows but none (there may
   * be several identical rows, of which the statement deletes one).
   */
  default String guardedDeleteOne(String dml, String table, String where, String message, SqlScript script) {
    return checkQuery(">= 1", table, where, message, script) + statement(dml, script);
  }

  /** H2's check query: fails with a conversion error carrying the message unless the count satisfies {@code test}. */
  private String checkQuery(String test, String table, String where, String message, SqlScript script) {
    // COUNT(*) in the failing branch keeps the optimizer from evaluating the CAST up front.
    return "SELECT CASE WHEN COUNT(*) " + test + " THEN 1 ELSE CAST(" + literal(ValueKind.TEXT, message
        + " [rows matching: ", "VARCHAR", script) + " || COUNT(*) || ']' AS INT) END AS \"SYNC_GUARD\" FROM " + table
        + where + ";\n";
  }

  // ----- bound statements (--apply): the same statements with parameters instead of literals. Each
  // ----- type quirk of the literals above has its counterpart here, as a small override per dialect.

  /**
   * A value of a column of {@code targetType} as a statement parameter: normally {@code ?} bound with
   * the value's exact Java type (BigDecimal, Double, String, byte[], LocalDateTime, OffsetDateTime,
   * Boolean); NULL is the literal {@code NULL}, as in the scripts.
   */
  default BoundValue boundValue(ValueKind kind, Object value, String targetType) {
    if (value == null) {
      return BoundValue.literal("NULL");
    }
    return BoundValue.of("?", Bind.standard(kind, value));
  }

  /**
   * {@link #guardCondition} with a parameter: the column still has {@code value} as the comparison
   * read it (NULL, and with {@code emptyIsNull} an empty string, bind nothing).
   */
  default BoundValue boundGuard(String quotedColumn, ValueKind kind, String targetType, Object value,
      boolean emptyIsNull) {
    if (value == null) {
      return BoundValue.literal(guardCondition(quotedColumn, kind, targetType, null, emptyIsNull));
    }
    BoundValue v = boundValue(kind, value, targetType);
    return new BoundValue(guardCondition(quotedColumn, kind, targetType, v.sql(), emptyIsNull), v.binds());
  }

  // ----- MERGE statements (sync.style: merge). The defaults are standard SQL (H2, PostgreSQL 15+).

  /** What ends the select list of a MERGE's one-row source: Oracle's {@code FROM DUAL}; nothing elsewhere. */
  default String oneRowFrom() {
    return "";
  }

  /**
   * A key value in a MERGE's one-row source, written so that {@code t.key = s.key} compares as
   * {@code key = literal} would in an UPDATE's WHERE clause.
   */
  default String mergeKeyValue(ValueKind kind, String literal, String targetType) {
    return literal;
  }

  /**
   * A MERGE branch with its condition ({@code null}: none): standard SQL puts it after the branch,
   * {@code WHEN MATCHED AND <condition>}, then {@code THEN UPDATE SET ...} on the next line; Oracle
   * after the action (see there). Condition and action start lines of their own, so each keeps the
   * line length it was built with.
   *
   * @param when {@code WHEN MATCHED} or {@code WHEN NOT MATCHED}
   * @param action {@code UPDATE SET ...} or {@code INSERT (...) VALUES (...)}
   */
  default String mergeBranch(String when, String condition, String action) {
    return when + (condition == null ? " THEN " : " AND " + condition + "\n  THEN ") + action;
  }

  /**
   * A script line that runs another script, given {@code relative} to the calling script's folder
   * and as an {@code absolute} path (H2's RUNSCRIPT resolves paths against the working directory).
   */
  default String includeScript(String relative, String absolute) {
    return "RUNSCRIPT FROM '" + absolute.replace("'", "''") + "' CHARSET 'UTF-8';";
  }

  /** A comment line: one line whatever the text holds. */
  default String scriptComment(String text) {
    return "-- " + text.replace("\r", " ").replace("\n", " ");
  }

  /** Lines at the top of a master script, which only runs other scripts (no transaction of its own). */
  default List<String> masterPreamble() {
    return scriptPreamble();
  }

  /** Lines at the end of a master script. */
  default List<String> masterEpilogue() {
    return scriptEpilogue();
  }

  /** Lines at the end of a script that a master script runs. */
  default List<String> partEpilogue() {
    return scriptEpilogue();
  }
}
