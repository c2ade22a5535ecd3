package io.dbcompare.dialect;

import io.dbcompare.compare.DeclaredSize;
import io.dbcompare.compare.ValueKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** PostgreSQL 13+ (trim_scale, hashtextextended): core functions only, no extension. */
public final class PostgresPushdownSql implements PushdownSql {

  @Override
  public Optional<String> canonicalText(String c, ValueKind kind, String typeName, boolean emptyIsNull) {
    String type = typeName.toLowerCase(Locale.ROOT);
    return Optional.ofNullable(switch (kind) {
      // integers print canonically; numeric::text never uses an exponent, trim_scale drops trailing zeros
      case NUMBER -> type.startsWith("int") || type.endsWith("serial") ? c + "::text" : "trim_scale(" + c + "::numeric)::text";
      // bpchar::text strips the padding that JDBC returns; format('%s') keeps it (but maps NULL to '')
      case TEXT -> type.equals("bpchar") ? "CASE WHEN " + c + " IS NOT NULL THEN format('%s', " + c + ") END"
          // the output function's text, which the driver reads (inet::text would add a /32 that it omits)
          : PostgresTypes.textOfOtherType(kind, type) ? emptyIsNull(PostgresTypes.outputText(c), emptyIsNull)
          : emptyIsNull ? "NULLIF(" + c + "::text, '')" : c + "::text";
      // a uuid's text is its 16 bytes in lower-case hex with four dashes
      case BYTES -> type.equals("uuid") ? "replace(" + c + "::text, '-', '')" : "encode(" + c + ", 'hex')";
      // microsecond precision; the reference prints nine digits (NULL || '000' stays NULL here)
      case DATETIME -> finite(c, "(to_char(" + c + "::timestamp, 'YYYY-MM-DD HH24:MI:SS.US') || '000')");
      case DATETIME_TZ -> finite(c, "(to_char(" + c + " AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '000Z')");
      case BOOLEAN -> "CASE WHEN " + c + " THEN '1' WHEN NOT " + c + " THEN '0' END";
      case FLOAT -> null; // float8::text is not the reference's decimal form
      // P<months>M<days>DT<seconds>S from the stored fields: the time part is the interval minus its
      // months and days (date_trunc keeps those); extract gives exact numerics from PostgreSQL 14 on
      // arrays of integers and text print their canonical text; others are hashed in Java
      case ARRAY -> PostgresArrays.pushdownText(c, type);
      case INTERVAL -> "CASE WHEN " + c + " IS NOT NULL THEN 'P' || (extract(year from " + c + ") * 12 + extract(month from "
          + c + "))::text || 'M' || extract(day from " + c + ")::text || 'DT' || trim_scale(extract(epoch from (" + c
          + " - date_trunc('day', " + c + "))))::text || 'S' END";
    });
  }

  private static String emptyIsNull(String text, boolean emptyIsNull) {
    return emptyIsNull ? "NULLIF(" + text + ", '')" : text;
  }

  /**
   * to_char gives NULL for infinity; the reference's canonical text is the word, which is what
   * PostgreSQL prints for it (isfinite of NULL is NULL, so NULL stays NULL).
   */
  private static String finite(String c, String text) {
    return "CASE WHEN isfinite(" + c + ") THEN " + text + " ELSE " + c + "::text END";
  }

  /**
   * to_char prints a BC year without its era (4713 BC as {@code 4713}), where the reference has the ISO
   * year ({@code -4712}): such a row's encoding would equal an AD row's. It is marked inexact, read in
   * full and compared in Java.
   */
  @Override
  public Optional<String> inexactCondition(String c, ValueKind kind, String typeName, DeclaredSize size) {
    if (kind == ValueKind.DATETIME || kind == ValueKind.DATETIME_TZ) {
      return Optional.of("(isfinite(" + c + ") AND " + c + " < '0001-01-01')");
    }
    return Optional.empty();
  }

  /** octet_length counts the server encoding's bytes: text is pushed down only from a UTF8 database. */
  @Override
  public Optional<String> encodingBlocker(DatabaseFacts facts, ValueKind kind, String typeName) {
    if (kind == ValueKind.INTERVAL && !facts.atLeast(14, 0)) {
      return Optional.of("PostgreSQL " + facts.majorVersion() + " extracts interval fields as double precision,"
          + " which is not exact (14 and later: numeric)");
    }
    boolean text = kind == ValueKind.TEXT || kind == ValueKind.ARRAY && PostgresArrays.textElements(typeName);
    if (text && facts.characterSet() != null && !facts.characterSet().equalsIgnoreCase("UTF8")) {
      return Optional.of("the server encoding " + facts.characterSet() + " is not UTF8, so octet_length would count"
          + " other bytes than UTF-8 for non-ASCII text");
    }
    return Optional.empty();
  }

  /** UTF-8 bytes whatever the server encoding: a non-ASCII character takes two or more. */
  @Override
  public String nonAscii(String c) {
    return "octet_length(convert_to(" + c + "::text, 'UTF8')) <> char_length(" + c + "::text)";
  }

  @Override
  public String utf8Length(String text) {
    return "octet_length(" + text + ")";
  }

  /**
   * hashtextextended hashes a text under its collation: under a nondeterministic collation (CREATE
   * COLLATION ... deterministic = false) it hashes the collation's sort key, so 'ABC' and 'abc' of a
   * case-insensitive column would hash alike; COLLATE "C" makes it hash the bytes.
   */
  @Override
  public String rowHash(String encoded, boolean nativeHash) {
    return nativeHash ? "hashtextextended(" + encoded + " COLLATE \"C\", 0)"
        : "sha256(convert_to(" + encoded + ", 'UTF8'))";
  }

  @Override
  public List<String> slices(String h, boolean nativeHash) {
    if (nativeHash) {
      return List.of(h);
    }
    return List.of("('x' || encode(substring(" + h + " from 1 for 8), 'hex'))::bit(64)::bigint",
        "('x' || encode(substring(" + h + " from 9 for 8), 'hex'))::bit(64)::bigint");
  }

  /** OFFSET 0 keeps the planner from inlining a subquery (and computing its expressions twice). */
  @Override
  public String innerFence() {
    return " OFFSET 0";
  }

  @Override
  public boolean hasNativeHash() {
    return true;
  }

  /**
   * The text output of the row value of the compared columns (composite output: each field's own text
   * output, NULL as nothing, a field that is empty or holds parentheses, commas, double quotes,
   * backslashes or white space double-quoted with its quotes and backslashes doubled): the fields can
   * be read back one by one, and the text is never NULL (a row of NULLs is {@code (,)}). The same
   * text output is what {@code t::text} and COPY produce, without the canonical formatting.
   */
  @Override
  public Optional<String> nativeRowText(List<NativeColumn> columns, String inexactMarker) {
    return Optional.of("ROW(" + String.join(", ", columns.stream().map(NativeColumn::quoted).toList()) + ")::text");
  }

  @Override
  public boolean hasNativeRowText() {
    return true;
  }

  /**
   * Types whose text output, under the pinned session settings ({@link #nativeSettingsCheck}), reads
   * back to the same value: equal texts, equal values. TEXT columns (text, json, jsonb, inet, enums...)
   * are read by the Java reference as this very output text, so their texts are their canonical values.
   */
  private static final Set<String> NATIVE_EXACT = Set.of("int2", "int4", "int8", "serial", "bigserial", "smallserial",
      "numeric", "float4", "float8", "bytea", "uuid", "date", "timestamp", "timestamptz", "bool", "interval");

  @Override
  public Optional<String> nativeTextBlocker(ValueKind kind, String typeName) {
    return kind == ValueKind.TEXT || NATIVE_EXACT.contains(typeName.toLowerCase(Locale.ROOT)) ? Optional.empty()
        : Optional.of("its text output is not known to determine its value");
  }

  /**
   * The settings the text output depends on, as {@link PostgresDialect#sessionSetup} pins them: DateStyle
   * ISO (date-times with their numeric UTC offset and BC), IntervalStyle postgres, TimeZone UTC,
   * extra_float_digits of 1 or more (from PostgreSQL 12 the shortest text that reads back to the same
   * float; 0 or less rounds, and two floats could print alike) and bytea_output hex.
   */
  @Override
  public String nativeSettingsCheck() {
    return "SELECT concat_ws('; ', "
        + "CASE WHEN current_setting('DateStyle') NOT LIKE 'ISO%' THEN 'DateStyle is ' || current_setting('DateStyle') END, "
        + "CASE WHEN current_setting('IntervalStyle') <> 'postgres' THEN 'IntervalStyle is '"
        + " || current_setting('IntervalStyle') END, "
        + "CASE WHEN current_setting('TimeZone') <> 'UTC' THEN 'TimeZone is ' || current_setting('TimeZone') END, "
        + "CASE WHEN current_setting('extra_float_digits')::int < 1 THEN 'extra_float_digits is '"
        + " || current_setting('extra_float_digits') END, "
        + "CASE WHEN current_setting('bytea_output') <> 'hex' THEN 'bytea_output is ' || current_setting('bytea_output') END)";
  }
}
