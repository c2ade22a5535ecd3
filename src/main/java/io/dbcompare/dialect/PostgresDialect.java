package io.dbcompare.dialect;

import io.dbcompare.compare.ReadPoint;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** PostgreSQL 12 and later (MERGE statements: 15 and later). */
public final class PostgresDialect extends AbstractDialect {
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS", Locale.ROOT);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
  private static final DateTimeFormatter TSTZ =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSSxxx", Locale.ROOT);

  @Override
  public Platform platform() {
    return Platform.POSTGRESQL;
  }

  @Override
  public String foldUnquoted(String identifier) {
    return identifier.toLowerCase(Locale.ROOT);
  }

  @Override
  public List<String> sessionSetup() {
    // intervals and arrays are read from their text, which must be in the style PostgresIntervalText and
    // PostgresArrayText read (bytea elements in hex); the rest pins what the native row text depends on
    // (PostgresPushdownSql#nativeSettingsCheck), whatever the server, role or a connection pooler in
    // between set before
    return List.of("SET TIME ZONE 'UTC'", "SET intervalstyle = 'postgres'", "SET datestyle = 'ISO, MDY'",
        "SET extra_float_digits = 3", "SET bytea_output = 'hex'");
  }

  /** Text keys are ordered and compared with the "C" collation: code-point order, like the merge. */
  @Override
  public String keyExpression(String quotedColumn, ValueKind kind) {
    return kind == ValueKind.TEXT ? quotedColumn + " COLLATE \"C\"" : quotedColumn;
  }

  @Override
  public boolean supportsSampling() {
    return true;
  }

  /** pgJDBC sends a batch's statements together and waits for the server once. */
  @Override
  public boolean pipelinesStatementBatches() {
    return true;
  }

  /** WITH RECURSIVE ... CROSS JOIN LATERAL (... ORDER BY key OFFSET n LIMIT 1): PostgreSQL 9.3 on. */
  @Override
  public boolean supportsSteppedBoundaries() {
    return true;
  }

  @Override
  public String explain(String sql) {
    return "EXPLAIN (COSTS OFF) " + sql;
  }

  /** An Index (Only) Scan node and no Sort or Incremental Sort node in the text plan. */
  @Override
  public boolean walksAnIndexInKeyOrder(String plan) {
    return plan.contains("Index") && !plan.contains("Sort");
  }

  /** SYSTEM sampling reads only the sampled pages; REPEATABLE makes it repeatable on unchanged data. */
  @Override
  public String sampleClause(TableSample sample) {
    return "TABLESAMPLE SYSTEM (" + sample.percent().toPlainString() + ") REPEATABLE (" + sample.seed() + ")";
  }

  /** PostgreSQL puts the alias before TABLESAMPLE (FROM item grammar). */
  @Override
  public String tableReference(TableRef table, TableSample sample, ReadPoint readPoint, String alias,
      List<Object> binds) {
    checkReadPoint(readPoint);
    return qualified(table) + (alias == null ? "" : " " + alias) + (sample == null ? "" : " " + sampleClause(sample));
  }

  @Override
  public Optional<ValueKind> kindOf(ColumnType type) {
    return columnKind(type).map(ColumnKind::kind);
  }

  /** Special types first ({@link PostgresTypes}), then the plain ones. */
  @Override
  public Optional<ColumnKind> columnKind(ColumnType type) {
    return PostgresTypes.columnKind(type).or(() -> plainKind(type).map(ColumnKind::plain));
  }

  @Override
  public Optional<ValueReader> reader(ValueKind kind, String typeName) {
    return PostgresTypes.reader(kind, typeName);
  }

  /**
   * An array is selected as its text ({@code c::text}): once pgJDBC has prepared a statement on the
   * server it receives arrays in binary, and its {@code getString} of a binary array drops the lower
   * bounds ({@code [0:1]={1,2}} comes back as {@code {1,2}}); a text column is always the server's text.
   */
  @Override
  public String selectExpression(String quotedColumn, ValueKind kind, String typeName) {
    return kind == ValueKind.ARRAY ? quotedColumn + "::text" : quotedColumn;
  }

  /**
   * A uuid key compares with a uuid (the bound 16 bytes as hex), a numeric key with NaN or an infinity
   * with that numeric (bound as its text): the column stays bare, so its index serves the comparison.
   */
  @Override
  public String keyPlaceholder(ValueKind kind, String columnType, io.dbcompare.compare.KeyColumnOrder.Rendering rendering,
      Object value) {
    if (PostgresTypes.isUuid(kind, columnType)) {
      return "CAST(encode(?, 'hex') AS uuid)";
    }
    return value instanceof io.dbcompare.compare.SpecialNumber ? "CAST(? AS numeric)" : "?";
  }

  private static Optional<ValueKind> plainKind(ColumnType type) {
    return Optional.ofNullable(switch (type.typeName().toLowerCase(Locale.ROOT)) {
      case "int2", "int4", "int8", "numeric", "serial", "bigserial", "smallserial" -> ValueKind.NUMBER;
      case "float4", "float8" -> ValueKind.FLOAT;
      case "varchar", "text", "bpchar", "char", "name" -> ValueKind.TEXT;
      case "bytea" -> ValueKind.BYTES;
      case "date", "timestamp" -> ValueKind.DATETIME;
      case "timestamptz" -> ValueKind.DATETIME_TZ;
      case "bool" -> ValueKind.BOOLEAN;
      default -> null; // arrays, money, xml, geometric and range types, composite types...
    });
  }

  @Override
  public boolean isDateOnly(ColumnType type) {
    return type.typeName().equalsIgnoreCase("date");
  }

  @Override
  public String literal(ValueKind kind, Object v, String targetType, SqlScript script) {
    if (v == null) {
      return "NULL";
    }
    String special = PostgresTypes.literal(kind, v, targetType);
    if (special != null) {
      return special;
    }
    return switch (kind) {
      case NUMBER -> number(v);
      case FLOAT -> floating((Double) v);
      case TEXT -> quoted((String) v);
      // With standard_conforming_strings on (set in the preamble) '\x..' reaches bytea input as hex.
      case BYTES -> "'\\x" + hex((byte[]) v) + "'::bytea";
      case DATETIME -> targetType.equalsIgnoreCase("date")
          ? "DATE '" + DATE.format((LocalDateTime) v) + "'"
          : "TIMESTAMP '" + TS.format((LocalDateTime) v) + "'";
      case DATETIME_TZ -> "TIMESTAMPTZ '" + TSTZ.format((OffsetDateTime) v) + "'";
      case BOOLEAN -> ((Boolean) v) ? "TRUE" : "FALSE";
      case INTERVAL, ARRAY -> throw new IllegalStateException("written by PostgresTypes");
    };
  }

  /**
   * A parameter keeps the column's operators and index. An integer column binds a long: a numeric
   * parameter would make PostgreSQL compare the column cast to numeric, which no index on it serves.
   * A date column binds a date (the literal is a DATE). A bpchar parameter is cast to bpchar, so it
   * compares blank-padded like the literal (of unknown type, resolved to bpchar) whatever type the
   * driver sends a string as (pgjdbc's {@code stringtype} setting): compared as text, the column's
   * padding blanks would be cut and the value's not.
   */
  @Override
  public BoundValue boundValue(ValueKind kind, Object v, String targetType) {
    if (v == null) {
      return BoundValue.literal("NULL");
    }
    BoundValue special = PostgresTypes.boundValue(kind, v, targetType);
    if (special != null) {
      return special;
    }
    String type = targetType.toLowerCase(Locale.ROOT);
    if (kind == ValueKind.NUMBER && INTEGER_TYPES.contains(type) && isLong((java.math.BigDecimal) v)) {
      return BoundValue.of("?", new Bind(Bind.Binding.LONG, ((java.math.BigDecimal) v).longValueExact()));
    }
    if (kind == ValueKind.DATETIME && type.equals("date")) {
      return BoundValue.of("?", new Bind(Bind.Binding.DATE, ((LocalDateTime) v).toLocalDate()));
    }
    if (kind == ValueKind.TEXT && type.equals("bpchar")) {
      return BoundValue.of("CAST(? AS bpchar)", Bind.standard(kind, v));
    }
    return BoundValue.of("?", Bind.standard(kind, v));
  }

  /** A fraction (from another platform's column) stays numeric: assigned to the column it rounds, as the literal does. */
  private static boolean isLong(java.math.BigDecimal d) {
    try {
      d.longValueExact();
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  private static final java.util.Set<String> INTEGER_TYPES =
      java.util.Set.of("int2", "int4", "int8", "serial", "bigserial", "smallserial");

  private static String floating(double d) {
    if (Double.isNaN(d)) {
      return "'NaN'::float8";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "'Infinity'::float8" : "'-Infinity'::float8";
    }
    return "'" + Double.toString(d) + "'::float8";
  }

  @Override
  public List<String> scriptPreamble() {
    // The script is UTF-8 whatever the client's locale (psql on Windows defaults to the console code page).
    return List.of("\\set ON_ERROR_STOP on", "SET client_encoding = 'UTF8';", "SET standard_conforming_strings = on;",
        "SET TIME ZONE 'UTC';", "BEGIN;");
  }

  @Override
  public List<String> scriptCommit() {
    return List.of("COMMIT;", "BEGIN;");
  }

  /** The settings without BEGIN: each script a master runs has its own transactions. */
  @Override
  public List<String> masterPreamble() {
    return scriptPreamble().stream().filter(l -> !l.equals("BEGIN;")).toList();
  }

  @Override
  public List<String> masterEpilogue() {
    return List.of();
  }

  /** psql's {@code \ir} includes a file relative to the including script's folder. */
  @Override
  public String includeScript(String relative, String absolute) {
    return "\\ir '" + relative.replace("'", "''") + "'";
  }

  /**
   * A text literal in a MERGE source row is of type text: against a {@code bpchar} key it is cast back,
   * so trailing blanks compare as they would against the literal.
   */
  @Override
  public String mergeKeyValue(ValueKind kind, String literal, String targetType) {
    return kind == ValueKind.TEXT && targetType.equalsIgnoreCase("bpchar") ? literal + "::bpchar" : literal;
  }

  /** A real column holds a float4: the literal is rounded to float4 before comparing. */
  @Override
  public String guardCondition(String quotedColumn, ValueKind kind, String targetType, String literal,
      boolean emptyIsNull) {
    if (literal != null && kind == ValueKind.FLOAT && targetType.equalsIgnoreCase("float4")) {
      return quotedColumn + " = " + literal + "::float4";
    }
    String special = literal == null ? null : PostgresTypes.guardCondition(quotedColumn, kind, targetType, literal);
    if (special != null) {
      return special;
    }
    return super.guardCondition(quotedColumn, kind, targetType, literal, emptyIsNull);
  }

  /**
   * A DO block that raises the message unless the statement changed a row. Its dollar-quote tag is
   * chosen so that it occurs nowhere in the block.
   */
  @Override
  public String deleteOneRow(String table, String where) {
    // PostgreSQL's DELETE has no LIMIT: one matching row is chosen by its physical address. ctid alone
    // is unique only within one table; tableoid with it also in a partitioned or inherited table.
    return "DELETE FROM " + table + " WHERE (tableoid, ctid) = (SELECT tableoid, ctid FROM " + table + where
        + " LIMIT 1)";
  }

  /** The DO block of any guarded statement: NOT FOUND when the DELETE found no row. */
  @Override
  public String guardedDeleteOne(String dml, String table, String where, String message, SqlScript script) {
    return guardedStatement(dml, table, where, message, script);
  }

  @Override
  public String guardedStatement(String dml, String table, String where, String message, SqlScript script) {
    String body = "BEGIN\n  " + dml + ";\n  IF NOT FOUND THEN\n    RAISE EXCEPTION USING MESSAGE = "
        + literal(ValueKind.TEXT, message, "text", script) + ";\n  END IF;\nEND";
    String tag = "$sync$";
    for (int n = 1; body.contains(tag); n++) {
      tag = "$sync" + n + "$";
    }
    return "DO " + tag + "\n" + body + "\n" + tag + ";";
  }
}
