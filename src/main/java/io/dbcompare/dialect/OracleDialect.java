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
  /**
   * UTF-8 bytes of text in one string literal: Oracle refuses a literal over 4,000 bytes (ORA-01704),
   * and even with every quote doubled a piece stays far below SQL*Plus's 2,499-byte line limit.
   */
  static final int TEXT_PIECE = 1000;
  /** HEXTORAW takes at most 2,000 bytes in SQL; pieces of 1,000 keep SQL*Plus lines under 2,500 chars. */
  static final int RAW_PIECE = 1000;
  /** Long literals are wrapped onto lines of about this many bytes (SQL*Plus refuses lines over 2,499). */
  static final int LINE_BYTES = 2000;
  /** CLOB values up to this many bytes are a SQL expression; longer ones are built in PL/SQL. */
  static final int CLOB_INLINE = 4000;
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
      case TEXT -> text((String) v, type, script);
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

  /**
   * A text literal that SQL*Plus reads back unchanged: line breaks are written as {@code CHR(10)} /
   * {@code CHR(13)}, never inside a quoted string, so no line of the script starts with user text (a
   * blank line, a lone {@code /} or {@code .}, a {@code #} line, a line ending in {@code ;} would all be
   * taken as SQL*Plus commands); text longer than one literal is concatenated from pieces (TO_CLOB
   * pieces for CLOB columns, so the concatenation is not limited to 4,000 bytes). A CLOB over
   * {@link #CLOB_INLINE} bytes is appended to a temporary LOB in PL/SQL, a line at a time: one SQL
   * expression of thousands of LOB concatenations would copy the growing LOB at every step.
   */
  private static String text(String s, String type, SqlScript script) {
    boolean clob = type.endsWith("CLOB");
    if (!clob && s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && utf8Length(s) <= TEXT_PIECE) {
      return quoted(s);
    }
    String toLob = type.equals("NCLOB") ? "TO_NCLOB" : "TO_CLOB";
    List<String> tokens = tokens(s);
    if (clob && utf8Length(s) > CLOB_INLINE) {
      String var = script.newVariable(type.equals("NCLOB") ? "NCLOB" : "CLOB");
      script.prepare("  DBMS_LOB.CREATETEMPORARY(" + var + ", TRUE);");
      for (String line : lines(tokens)) {
        script.prepare("  DBMS_LOB.APPEND(" + var + ", " + toLob + "(" + line + "));");
      }
      script.cleanup("  DBMS_LOB.FREETEMPORARY(" + var + ");");
      return var;
    }
    if (clob) {
      // The first operand makes the whole (left-to-right) concatenation a CLOB.
      tokens.set(0, toLob + "(" + tokens.get(0) + ")");
    }
    return String.join("\n|| ", lines(tokens));
  }

  /** Quoted pieces of at most {@link #TEXT_PIECE} bytes, and CHR(10) / CHR(13) for line breaks. */
  private static List<String> tokens(String s) {
    List<String> tokens = new ArrayList<>();
    int start = 0;
    int bytes = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      if (cp == '\n' || cp == '\r') {
        if (i > start) {
          tokens.add(quoted(s.substring(start, i)));
        }
        tokens.add(cp == '\n' ? "CHR(10)" : "CHR(13)");
        i += n;
        start = i;
        bytes = 0;
        continue;
      }
      int b = utf8Length(s.substring(i, i + n)); // never split a surrogate pair
      if (bytes + b > TEXT_PIECE) {
        tokens.add(quoted(s.substring(start, i)));
        start = i;
        bytes = 0;
      }
      bytes += b;
      i += n;
    }
    if (start < s.length() || tokens.isEmpty()) {
      tokens.add(quoted(s.substring(start)));
    }
    return tokens;
  }

  /** Tokens joined with {@code ||} into lines of about {@link #LINE_BYTES} bytes. */
  private static List<String> lines(List<String> tokens) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(tokens.get(0));
    int len = utf8Length(tokens.get(0));
    for (int k = 1; k < tokens.size(); k++) {
      String t = tokens.get(k);
      int n = utf8Length(t);
      if (len + 4 + n > LINE_BYTES) {
        lines.add(line.toString());
        line.setLength(0);
        line.append(t);
        len = n;
      } else {
        line.append(" || ").append(t);
        len += 4 + n;
      }
    }
    lines.add(line.toString());
    return lines;
  }

  private static String bytes(byte[] b, boolean blob, SqlScript script) {
    if (b.length == 0) {
      return blob ? "EMPTY_BLOB()" : "NULL";
    }
    if (b.length <= 2000 / 2 || !blob) {
      // A RAW of up to 2,000 bytes: its hex is split into literals of 2,000 digits (one line each).
      String h = hex(b);
      List<String> pieces = new ArrayList<>();
      for (int i = 0; i < h.length(); i += 2 * RAW_PIECE) {
        pieces.add(quoted(h.substring(i, Math.min(h.length(), i + 2 * RAW_PIECE))));
      }
      return "HEXTORAW(" + String.join("\n|| ", pieces) + ")";
    }
    // No SQL expression builds a BLOB over 2,000 bytes: fill a temporary LOB in PL/SQL.
    String var = script.newVariable("BLOB");
    script.prepare("  DBMS_LOB.CREATETEMPORARY(" + var + ", TRUE);");
    for (int i = 0; i < b.length; i += RAW_PIECE) {
      int n = Math.min(RAW_PIECE, b.length - i);
      byte[] piece = java.util.Arrays.copyOfRange(b, i, i + n);
      script.prepare("  DBMS_LOB.WRITEAPPEND(" + var + ", " + n + ", HEXTORAW('" + hex(piece) + "'));");
    }
    // A temporary LOB lives until the session ends unless freed: free it once the statement used it.
    script.cleanup("  DBMS_LOB.FREETEMPORARY(" + var + ");");
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
    lines.addAll(script.cleanups());
    lines.add("END;");
    lines.add("/");
    return String.join("\n", lines);
  }

  @Override
  public List<String> scriptPreamble() {
    List<String> lines = new ArrayList<>();
    // First, so that no '&' further down (even in a comment) is taken for a substitution variable.
    lines.add("SET DEFINE OFF");
    lines.add("SET SQLBLANKLINES ON");
    lines.add("WHENEVER SQLERROR EXIT SQL.SQLCODE ROLLBACK");
    lines.add("ALTER SESSION SET NLS_NUMERIC_CHARACTERS='.,' TIME_ZONE='+00:00';");
    lines.add("-- The script is UTF-8: run SQL*Plus with NLS_LANG=<language>_<territory>.AL32UTF8.");
    return lines;
  }
}
