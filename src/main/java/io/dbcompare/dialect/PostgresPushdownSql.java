package io.dbcompare.dialect;

import io.dbcompare.compare.DeclaredSize;
import io.dbcompare.compare.ValueKind;
import java.util.ArrayList;
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
   * Each column hashed on its own, never printed where a hash function of PostgreSQL sees every bit of
   * the value: int2 and int4 (hashint2extended, hashint4extended), float4 and float8 (-0 hashes as 0 and
   * every NaN alike, as the reference has one zero and one NaN), uuid (its 16 bytes), bool (as 0 or 1),
   * and int8 passed as the 64-bit seed of hashint4extended. Every other column is hashed as its text
   * under the pinned session settings by hashtextextended under COLLATE "C" (the bytes, never a
   * collation's sort key; bpchar with its padding, through its output function). Column i has seed i + 1
   * and a NULL constant of its own; the column hashes are combined by XOR and the result is mixed once
   * more through the seed of hashint4extended, so values swapped between columns or between the rows of
   * a chunk change the chunk's sums.
   *
   * <p>Not used, because they do not see every bit (a changed value could hash alike, systematically,
   * not by chance): hashint8extended and timestamp_hash_extended hash the XOR of the two 32-bit halves
   * (0 and 4,294,967,297 alike; two timestamps 71.6 minutes apart can collide), hash_numeric_extended
   * drops the sign (1.5 and -1.5 alike) and hashes NaN and both infinities alike. numeric, timestamp,
   * timestamptz and date are therefore hashed as their text (numeric 1.0 and 1.00 print apart: such a
   * row is confirmed by the reference, never reported).
   */
  @Override
  public Optional<String> nativeValueHash(List<NativeColumn> columns) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      parts.add("COALESCE(" + columnHash(columns.get(i), i + 1) + ", " + nullHash(i) + ")");
    }
    return Optional.of("hashint4extended(0, " + String.join(" # ", parts) + ")");
  }

  @Override
  public String nativeValueHashName() {
    return "per-column hash functions";
  }

  /** One column's hash with the given seed; NULL for NULL (every function here is strict). */
  static String columnHash(NativeColumn col, int seed) {
    String c = col.quoted();
    return switch (col.typeName().toLowerCase(Locale.ROOT)) {
      case "int2", "smallserial" -> "hashint2extended(" + c + ", " + seed + ")";
      case "int4", "serial" -> "hashint4extended(" + c + ", " + seed + ")";
      // the value as the 64-bit seed: hash_uint32_extended mixes all of its bits
      case "int8", "bigserial" -> "hashint4extended(" + seed + ", " + c + ")";
      case "float4" -> "hashfloat4extended(" + c + ", " + seed + ")";
      case "float8" -> "hashfloat8extended(" + c + ", " + seed + ")";
      case "uuid" -> "uuid_hash_extended(" + c + ", " + seed + ")";
      case "bool" -> "hashint4extended(" + c + "::int4, " + seed + ")";
      // bpchar::text strips the padding; format('%s') prints it but gives '' for NULL
      case "bpchar" -> "CASE WHEN " + c + " IS NOT NULL THEN hashtextextended(format('%s', " + c + ") COLLATE \"C\", "
          + seed + ") END";
      default -> "hashtextextended(" + c + "::text COLLATE \"C\", " + seed + ")";
    };
  }

  /** The hash that stands for NULL in column i: a fixed 64-bit constant of its own per column. */
  static String nullHash(int i) {
    long z = (i + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    // a negative literal is a unary minus of a positive one, which overflows for Long.MIN_VALUE
    return z == Long.MIN_VALUE ? "(-9223372036854775807 - 1)" : z < 0 ? "(" + z + ")" : Long.toString(z);
  }

  /**
   * Whether this platform hashes rows natively at all: here by {@link #nativeValueHash}, which needs no
   * row text (the name is the interface's, shared with Oracle's row text).
   */
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
