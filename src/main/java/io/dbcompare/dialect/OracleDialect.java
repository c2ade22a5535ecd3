package io.dbcompare.dialect;

import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Oracle Database (12c and later). */
public final class OracleDialect extends AbstractDialect {
  /** Oracle refuses a single string literal over 4,000 bytes (ORA-01704): 1,000 characters always fit. */
  static final int TEXT_PIECE = 1000;
  /** HEXTORAW takes at most 2,000 bytes in SQL; pieces of 1,000 keep SQL*Plus lines under 2,500 chars. */
  static final int RAW_PIECE = 1000;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS", Locale.ROOT);
  private static final DateTimeFormatter TSTZ =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS xxx", Locale.ROOT);

  @Override
  public Platform platform() {
    return Platform.ORACLE;
  }

  @Override
  public String foldUnquoted(String identifier) {
    return upper(identifier);
  }

  /**
   * The driver takes NLS language and territory from the JVM locale; the comparison relies on binary
   * sort and comparison (keyset ranges and ORDER BY must agree) and on a fixed time zone.
   */
  @Override
  public List<String> sessionSetup() {
    return List.of("ALTER SESSION SET NLS_SORT=BINARY NLS_COMP=BINARY NLS_NUMERIC_CHARACTERS='.,'"
        + " NLS_DATE_FORMAT='YYYY-MM-DD HH24:MI:SS' NLS_TIMESTAMP_FORMAT='YYYY-MM-DD HH24:MI:SS.FF9'"
        + " NLS_TIMESTAMP_TZ_FORMAT='YYYY-MM-DD HH24:MI:SS.FF9 TZH:TZM' TIME_ZONE='+00:00'");
  }

  /** Oracle's type names decide; every name not listed here is unsupported, never guessed. */
  @Override
  public Optional<ValueKind> kindOf(ColumnType type) {
    String name = upper(type.typeName());
    if (name.startsWith("TIMESTAMP")) {
      if (name.contains("LOCAL TIME ZONE")) {
        return Optional.empty(); // values depend on the session time zone; not supported yet
      }
      return Optional.of(name.contains("TIME ZONE") ? ValueKind.DATETIME_TZ : ValueKind.DATETIME);
    }
    return Optional.ofNullable(switch (name) {
      // FLOAT(p) is a decimal NUMBER with binary precision in Oracle, not an IEEE double.
      case "NUMBER", "FLOAT", "INTEGER", "DECIMAL" -> ValueKind.NUMBER;
      case "BINARY_FLOAT", "BINARY_DOUBLE" -> ValueKind.FLOAT;
      case "VARCHAR2", "NVARCHAR2", "CHAR", "NCHAR", "CLOB", "NCLOB", "VARCHAR" -> ValueKind.TEXT;
      case "RAW", "BLOB" -> ValueKind.BYTES;
      // DATE has a time part to the second.
      case "DATE" -> ValueKind.DATETIME;
      case "BOOLEAN" -> ValueKind.BOOLEAN;
      default -> null; // LONG, LONG RAW, INTERVAL, XMLTYPE, ROWID, BFILE, object types...
    });
  }

  @Override
  public String literal(ValueKind kind, Object v, String targetType, SqlScript script) {
    if (v == null) {
      return "NULL";
    }
    String type = upper(targetType);
    return switch (kind) {
      case NUMBER -> number(v);
      case FLOAT -> binaryDouble((Double) v);
      case TEXT -> text((String) v, type.endsWith("CLOB"));
      case BYTES -> bytes((byte[]) v, type.equals("BLOB"), script);
      case DATETIME -> type.equals("DATE")
          ? "TO_DATE('" + DATE.format((LocalDateTime) v) + "', 'YYYY-MM-DD HH24:MI:SS')"
          : "TO_TIMESTAMP('" + TS.format((LocalDateTime) v) + "', 'YYYY-MM-DD HH24:MI:SS.FF9')";
      case DATETIME_TZ -> "TO_TIMESTAMP_TZ('" + TSTZ.format((OffsetDateTime) v) + "', 'YYYY-MM-DD HH24:MI:SS.FF9 TZH:TZM')";
      case BOOLEAN -> ((Boolean) v) ? "TRUE" : "FALSE";
    };
  }

  /** BINARY_DOUBLE literals: NaN and infinities are named constants, not numbers. */
  private static String binaryDouble(double d) {
    if (Double.isNaN(d)) {
      return "BINARY_DOUBLE_NAN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "BINARY_DOUBLE_INFINITY" : "-BINARY_DOUBLE_INFINITY";
    }
    return Double.toString(d) + "d";
  }

  /** Text longer than one literal is concatenated from pieces (TO_CLOB pieces for CLOB columns). */
  private static String text(String s, boolean clob) {
    if (s.length() <= TEXT_PIECE && !clob) {
      return quoted(s);
    }
    List<String> pieces = new ArrayList<>();
    int i = 0;
    do {
      int end = Math.min(s.length(), i + TEXT_PIECE);
      if (end < s.length() && Character.isHighSurrogate(s.charAt(end - 1))) {
        end--; // never split a surrogate pair
      }
      String p = quoted(s.substring(i, end));
      pieces.add(clob ? "TO_CLOB(" + p + ")" : p);
      i = end;
    } while (i < s.length());
    return String.join("\n|| ", pieces);
  }

  private static String bytes(byte[] b, boolean blob, SqlScript script) {
    if (b.length == 0) {
      return blob ? "EMPTY_BLOB()" : "NULL";
    }
    if (b.length <= 2000 / 2 || !blob) {
      return "HEXTORAW('" + hex(b) + "')";
    }
    // No SQL expression builds a BLOB over 2,000 bytes: fill a temporary LOB in PL/SQL.
    String var = script.newVariable("BLOB");
    script.prepare("  DBMS_LOB.CREATETEMPORARY(" + var + ", TRUE);");
    for (int i = 0; i < b.length; i += RAW_PIECE) {
      int n = Math.min(RAW_PIECE, b.length - i);
      byte[] piece = java.util.Arrays.copyOfRange(b, i, i + n);
      script.prepare("  DBMS_LOB.WRITEAPPEND(" + var + ", " + n + ", HEXTORAW('" + hex(piece) + "'));");
    }
    return var;
  }

  @Override
  public String statement(String sql, SqlScript script) {
    if (!script.needsBlock()) {
      return sql + ";";
    }
    List<String> lines = new ArrayList<>();
    lines.add("DECLARE");
    lines.addAll(script.declarations());
    lines.add("BEGIN");
    lines.addAll(script.preparation());
    lines.add("  " + sql + ";");
    lines.add("END;");
    lines.add("/");
    return String.join("\n", lines);
  }

  @Override
  public List<String> scriptPreamble() {
    List<String> lines = new ArrayList<>();
    lines.add("SET DEFINE OFF");
    lines.add("SET SQLBLANKLINES ON");
    lines.add("WHENEVER SQLERROR EXIT SQL.SQLCODE ROLLBACK");
    lines.add("ALTER SESSION SET NLS_NUMERIC_CHARACTERS='.,' TIME_ZONE='+00:00';");
    return lines;
  }
}
