package io.dbcompare.dialect;

import io.dbcompare.compare.KeyColumnOrder.Rendering;
import io.dbcompare.compare.ReadPoint;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.math.BigDecimal;
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
  /** Every script, master and part stops here on a SQL or PL/SQL error, undoing what followed the last COMMIT. */
  public static final String SQL_ERROR_EXIT = "WHENEVER SQLERROR EXIT FAILURE ROLLBACK";
  /** ...and on an operating-system error (a part that cannot be read, a spool file that cannot be written). */
  public static final String OS_ERROR_EXIT = "WHENEVER OSERROR EXIT FAILURE ROLLBACK";
  /** Everything after the year: the year is written by {@link #dateTime}, which knows Oracle's BC years. */
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("-MM-dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("-MM-dd HH:mm:ss.SSSSSSSSS", Locale.ROOT);
  private static final DateTimeFormatter TSTZ = DateTimeFormatter.ofPattern("-MM-dd HH:mm:ss.SSSSSSSSS xxx", Locale.ROOT);
  /** Oracle's DATE and TIMESTAMP range: January 1, 4712 BC to December 31, 9999 AD. */
  static final int FIRST_ORACLE_YEAR = -4712;
  static final int LAST_ORACLE_YEAR = 9999;
  /** PL/SQL takes a RAW literal of up to 32,767 hex digits; a longer RAW is built in a PL/SQL variable. */
  static final int RAW_LITERAL_BYTES = 16_383;
  /** The largest RAW (MAX_STRING_SIZE=EXTENDED). */
  static final int RAW_MAX_BYTES = 32_767;

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

  /**
   * A column declared with a non-binary collation (12.2+: {@code COLLATE BINARY_CI}, a linguistic
   * one...) sorts by that collation whatever the session's NLS_SORT says; the COLLATE operator gives
   * its comparisons and ORDER BY the binary order back (SQL Language Reference, "COLLATE Operator").
   */
  @Override
  public String keyExpression(String quotedColumn, ValueKind kind, Rendering rendering) {
    return rendering == Rendering.BINARY_COLLATION ? quotedColumn + " COLLATE BINARY"
        : super.keyExpression(quotedColumn, kind, rendering);
  }

  /**
   * ojdbc binds a LocalDateTime as TIMESTAMP; compared with a DATE column, Oracle then widens the column
   * ({@code INTERNAL_FUNCTION("D")}) and no index range scan is possible. {@code CAST(? AS DATE)} keeps
   * the column bare (jOOQ's fix). Only for a value without a fraction of a second, which the cast keeps
   * exactly; a value with one (from a TIMESTAMP on the other side) is compared as a TIMESTAMP, exact
   * but without the index: whether the cast rounds or truncates a fraction is not documented.
   */
  @Override
  public String keyPlaceholder(ValueKind kind, String columnType, Rendering rendering, Object value) {
    return kind == ValueKind.DATETIME && upper(columnType).equals("DATE") && value instanceof LocalDateTime ldt
        && ldt.getNano() == 0 ? "CAST(? AS DATE)" : "?";
  }

  /** Flashback query: {@code AS OF SCN} (SQL Language Reference, flashback_query_clause). */
  @Override
  public void checkReadPoint(ReadPoint readPoint) {
    if (readPoint.kind() != ReadPoint.Kind.NONE && readPoint.kind() != ReadPoint.Kind.ORACLE_SCN) {
      super.checkReadPoint(readPoint);
    }
  }

  @Override
  public boolean supportsSampling() {
    return true;
  }

  /** Block sampling reads only the sampled blocks; the seed makes it repeatable on unchanged data. */
  @Override
  public String sampleClause(TableSample sample) {
    return "SAMPLE BLOCK (" + sample.percent().toPlainString() + ") SEED (" + sample.seed() + ")";
  }

  /**
   * {@code "S"."T" [SAMPLE BLOCK (p) SEED (s)] [AS OF SCN ?] [alias]}: the sample clause belongs to the
   * table expression and the flashback clause follows it, before the alias (table_reference grammar).
   * The SCN is bound, never written into the text.
   */
  @Override
  public String tableReference(TableRef table, TableSample sample, ReadPoint readPoint, String alias,
      List<Object> binds) {
    checkReadPoint(readPoint);
    StringBuilder sb = new StringBuilder(qualified(table));
    if (sample != null) {
      sb.append(' ').append(sampleClause(sample));
    }
    if (readPoint.kind() == ReadPoint.Kind.ORACLE_SCN) {
      sb.append(" AS OF SCN ?");
      binds.add(new BigDecimal(readPoint.scn()));
    }
    if (alias != null) {
      sb.append(' ').append(alias);
    }
    return sb.toString();
  }

  /** Oracle's type names decide; every name not listed here is unsupported, never guessed. */
  @Override
  public Optional<ValueKind> kindOf(ColumnType type) {
    return columnKind(type).map(ColumnKind::kind);
  }

  /** Special types first ({@link OracleTypes}), then the plain ones. */
  @Override
  public Optional<ColumnKind> columnKind(ColumnType type) {
    return OracleTypes.columnKind(type).or(() -> plainKind(type).map(ColumnKind::plain));
  }

  private static Optional<ValueKind> plainKind(ColumnType type) {
    String name = upper(type.typeName());
    if (name.startsWith("TIMESTAMP")) {
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
      default -> null; // BFILE, object types, VECTOR, SDO_GEOMETRY...
    });
  }

  @Override
  public Optional<ValueReader> reader(ValueKind kind, String typeName) {
    return OracleTypes.reader(kind, typeName);
  }

  @Override
  public String selectExpression(String quotedColumn, ValueKind kind, String typeName) {
    return OracleTypes.selectExpression(quotedColumn, typeName);
  }

  @Override
  public boolean canGuard(ValueKind kind, String targetType) {
    return OracleTypes.canGuard(targetType);
  }

  @Override
  public String literal(ValueKind kind, Object v, String targetType, SqlScript script) {
    if (v == null) {
      return "NULL";
    }
    refuseUnstorable(kind, v);
    String type = upper(targetType);
    String wrapped = kind == ValueKind.TEXT && OracleTypes.clobLiteral(type)
        ? OracleTypes.wrap(type, text((String) v, "CLOB", script)) : null;
    if (wrapped != null) {
      return wrapped;
    }
    return switch (kind) {
      case NUMBER -> number(v);
      case FLOAT -> binaryDouble((Double) v);
      case TEXT -> text((String) v, type, script);
      case BYTES -> bytes((byte[]) v, type.equals("BLOB"), script);
      case DATETIME -> type.equals("DATE")
          ? dateTime("TO_DATE", ((LocalDateTime) v).getYear(), DATE.format((LocalDateTime) v), "-MM-DD HH24:MI:SS")
          : dateTime("TO_TIMESTAMP", ((LocalDateTime) v).getYear(), TS.format((LocalDateTime) v),
              "-MM-DD HH24:MI:SS.FF9");
      case DATETIME_TZ -> dateTime("TO_TIMESTAMP_TZ", ((OffsetDateTime) v).getYear(), TSTZ.format((OffsetDateTime) v),
          "-MM-DD HH24:MI:SS.FF9 TZH:TZM");
      case BOOLEAN -> ((Boolean) v) ? "TRUE" : "FALSE";
      case INTERVAL -> OracleTypes.intervalLiteral((io.dbcompare.compare.Interval) v, type);
      // Oracle has no array column: an array column is never paired with an Oracle column
      case ARRAY -> throw new IllegalStateException("Oracle has no array column type");
    };
  }

  /**
   * Parameters of Oracle columns, each quirk of the literals above kept:
   * <ul>
   *   <li>BINARY_DOUBLE/FLOAT: {@code TO_BINARY_DOUBLE(?)} of the decimal text ({@code NaN}, {@code INF},
   *       {@code -INF} for the specials, as TO_BINARY_DOUBLE reads them): the same decimal the literal
   *       writes, and no {@code setDouble}, which binds a NUMBER that holds no NaN or infinity;
   *   <li>DATE: {@code CAST(? AS DATE)}: a TIMESTAMP parameter would make Oracle compare the column
   *       converted to TIMESTAMP, which no index on it serves;
   *   <li>NCHAR, NVARCHAR2, NCLOB: national binds ({@code setNString}, an NClob), so no character passes
   *       through the database character set (the literal uses UNISTR for the same reason);
   *   <li>CLOB, NCLOB, BLOB: a LOB parameter (a temporary LOB filled with the value), which
   *       {@code DBMS_LOB.COMPARE} in guards takes as well as INSERT and SET do;
   *   <li>empty LOBs and RAWs: the literal ({@code EMPTY_BLOB()}, {@code EMPTY_CLOB()}, {@code NULL}), so a
   *       guard on an empty LOB checks its length, exactly as the script does.
   * </ul>
   */
  @Override
  public BoundValue boundValue(ValueKind kind, Object v, String targetType) {
    if (v == null) {
      return BoundValue.literal("NULL");
    }
    refuseUnstorable(kind, v);
    String type = upper(targetType);
    if (kind == ValueKind.INTERVAL) {
      return OracleTypes.intervalBound((io.dbcompare.compare.Interval) v, type);
    }
    if (kind == ValueKind.TEXT && OracleTypes.clobLiteral(type)) {
      return BoundValue.of(OracleTypes.wrap(type, "?"), new Bind(Bind.Binding.CLOB, v));
    }
    boolean national = type.startsWith("N");
    boolean lob = type.endsWith("LOB");
    return switch (kind) {
      case FLOAT -> BoundValue.of("TO_BINARY_DOUBLE(?)", new Bind(Bind.Binding.STRING, binaryDoubleText((Double) v)));
      case DATETIME -> type.equals("DATE")
          ? BoundValue.of("CAST(? AS DATE)", Bind.standard(kind, v))
          : BoundValue.of("?", Bind.standard(kind, v));
      case TEXT -> {
        String s = (String) v;
        if (lob && s.isEmpty()) {
          yield BoundValue.literal(literal(kind, v, targetType, new SqlScript()));
        }
        Bind.Binding b = lob ? (national ? Bind.Binding.NCLOB : Bind.Binding.CLOB)
            : national ? Bind.Binding.NSTRING : Bind.Binding.STRING;
        yield BoundValue.of("?", new Bind(b, s));
      }
      case BYTES -> ((byte[]) v).length == 0
          ? BoundValue.literal(literal(kind, v, targetType, new SqlScript()))
          : BoundValue.of("?", new Bind(type.equals("BLOB") ? Bind.Binding.BLOB : Bind.Binding.BYTES, v));
      default -> BoundValue.of("?", Bind.standard(kind, v));
    };
  }

  /** The text TO_BINARY_DOUBLE reads back to exactly {@code d}. */
  static String binaryDoubleText(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "INF" : "-INF";
    }
    return Double.toString(d);
  }

  /**
   * A date-time literal with an explicit mask. Java's years are proleptic (year 0 is 1 BC, -1 is 2 BC;
   * pgJDBC and ojdbc both read BC values that way), Oracle's have no year 0 (-1 is 1 BC): a year before 1
   * is written one lower, with the signed {@code SYYYY} mask, which a plain {@code YYYY} mask cannot read.
   * Values outside Oracle's range (4712 BC to 9999 AD) are refused: no literal can hold them.
   */
  private static String dateTime(String function, int javaYear, String afterYear, String maskAfterYear) {
    int year = javaYear > 0 ? javaYear : javaYear - 1;
    if (year < FIRST_ORACLE_YEAR || year > LAST_ORACLE_YEAR) {
      throw new CompareException(ErrorCode.TABLE_FAILED, "the value " + javaYear + afterYear
          + " (ISO years: 0 is 1 BC) is outside Oracle's date range, 4712 BC to 9999 AD: no " + function
          + " literal can hold it");
    }
    return year > 0
        ? function + "('" + String.format(Locale.ROOT, "%04d", year) + afterYear + "', 'YYYY" + maskAfterYear + "')"
        : function + "('" + String.format(Locale.ROOT, "%05d", year) + afterYear + "', 'SYYYY" + maskAfterYear + "')";
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
   *
   * <p>The script stays ASCII, so the client's NLS_LANG cannot change a value: text with non-ASCII
   * characters is written as {@code UNISTR('\XXXX')} escapes (converted with TO_CHAR to the database
   * character set unless the column is national), control characters and {@code &} as {@code CHR(n)}.
   */
  private static String text(String s, String type, SqlScript script) {
    boolean clob = type.endsWith("CLOB");
    if (clob && s.isEmpty()) {
      // '' is NULL in Oracle, and so is TO_CLOB(''); an empty LOB is not NULL (EMPTY_CLOB serves NCLOB too)
      return "EMPTY_CLOB()";
    }
    List<String> tokens = tokens(s, type.startsWith("N"));
    if (!clob && tokens.size() == 1) {
      return tokens.get(0);
    }
    String toLob = type.equals("NCLOB") ? "TO_NCLOB" : "TO_CLOB";
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

  /**
   * ASCII pieces of text, each at most {@link #TEXT_PIECE} characters as written (so a UNISTR result
   * stays within 1,000 UTF-16 units and a TO_CHAR result within 3,000 bytes): quoted literals for
   * printable ASCII, {@code UNISTR} for pieces with other characters, {@code CHR(n)} for control
   * characters and {@code &}. A surrogate pair is never split.
   */
  private static List<String> tokens(String s, boolean national) {
    List<String> tokens = new ArrayList<>();
    StringBuilder escaped = new StringBuilder(); // the piece as UNISTR input: '' \\ \XXXX
    StringBuilder plain = new StringBuilder();   // the piece as a plain literal, if all ASCII
    boolean unicode = false;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x20 || cp == 0x7f || cp == '&') {
        unicode = flush(tokens, escaped, plain, unicode, national);
        tokens.add("CHR(" + cp + ")");
        continue;
      }
      String esc;
      if (cp == '\'') {
        esc = "''";
      } else if (cp == '\\') {
        esc = "\\\\";
      } else if (cp < 0x7f) {
        esc = String.valueOf((char) cp);
      } else {
        StringBuilder u = new StringBuilder();
        for (char c : Character.toChars(cp)) {
          u.append(String.format(Locale.ROOT, "\\%04X", (int) c));
        }
        esc = u.toString();
      }
      if (escaped.length() + esc.length() > TEXT_PIECE) {
        unicode = flush(tokens, escaped, plain, unicode, national);
      }
      escaped.append(esc);
      plain.append(cp == '\'' ? "''" : cp < 0x7f ? String.valueOf((char) cp) : "");
      unicode |= cp >= 0x7f;
    }
    flush(tokens, escaped, plain, unicode, national);
    if (tokens.isEmpty()) {
      tokens.add("''");
    }
    return tokens;
  }

  /** Adds the piece collected so far (if any) as a token; returns the reset "has non-ASCII" flag. */
  private static boolean flush(List<String> tokens, StringBuilder escaped, StringBuilder plain, boolean unicode,
      boolean national) {
    if (escaped.length() > 0) {
      if (unicode) {
        String u = "UNISTR('" + escaped + "')";
        tokens.add(national ? u : "TO_CHAR(" + u + ")");
      } else {
        tokens.add("'" + plain + "'");
      }
    }
    escaped.setLength(0);
    plain.setLength(0);
    return false;
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
    if (!blob && b.length > RAW_LITERAL_BYTES) {
      return longRaw(b, script);
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

  /**
   * A RAW of more than {@link #RAW_LITERAL_BYTES} bytes (MAX_STRING_SIZE=EXTENDED): its hex digits would
   * make a concatenated literal over 32,767 characters (ORA-01489), so it is built in a PL/SQL RAW
   * variable with UTL_RAW.CONCAT, a line of 1,000 bytes at a time. Over 32,767 bytes no RAW can hold it.
   */
  private static String longRaw(byte[] b, SqlScript script) {
    if (b.length > RAW_MAX_BYTES) {
      throw new CompareException(ErrorCode.TABLE_FAILED, "a value of " + b.length + " bytes does not fit a RAW"
          + " (at most " + RAW_MAX_BYTES + " bytes); compare such a column as a BLOB or leave it out with exclude_columns");
    }
    String var = script.newVariable("RAW(" + RAW_MAX_BYTES + ")");
    for (int i = 0; i < b.length; i += RAW_PIECE) {
      String piece = "HEXTORAW('" + hex(java.util.Arrays.copyOfRange(b, i, Math.min(b.length, i + RAW_PIECE))) + "')";
      script.prepare("  " + var + " := " + (i == 0 ? piece : "UTL_RAW.CONCAT(" + var + ", " + piece + ")") + ";");
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
    // FAILURE, never SQL.SQLCODE: a UNIX exit status is one byte, so ORA-01536 (6 x 256) would exit 0
    // and a failed sync would look successful. The ORA- message is printed anyway.
    lines.add(SQL_ERROR_EXIT);
    lines.add(OS_ERROR_EXIT);
    // Binary comparison: a linguistic NLS_COMP (e.g. from a logon trigger) would let keys and guards
    // match values that differ in case or accents.
    lines.add("ALTER SESSION SET NLS_NUMERIC_CHARACTERS='.,' NLS_COMP=BINARY NLS_SORT=BINARY TIME_ZONE='+00:00';");
    lines.add("-- ASCII only: non-ASCII text is written with UNISTR, control characters and ampersands with CHR,");
    lines.add("-- so neither NLS_LANG nor SQL*Plus substitution can change a value.");
    lines.add("-- TIME_ZONE='+00:00' holds for this session: CURRENT_DATE, CURRENT_TIMESTAMP and LOCALTIMESTAMP give");
    lines.add("-- UTC here, and so do column defaults and triggers that use them; SYSDATE and SYSTIMESTAMP do not change.");
    return lines;
  }

  /** Scripts run by a master script end without EXIT, which would end the master's session. */
  @Override
  public List<String> partEpilogue() {
    return List.of("COMMIT;");
  }

  @Override
  public List<String> scriptEpilogue() {
    return List.of("COMMIT;", "EXIT");
  }

  /** {@code @@} runs a script from the calling script's folder. */
  @Override
  public String includeScript(String relative, String absolute) {
    return "@@" + (relative.contains(" ") ? "\"" + relative + "\"" : relative);
  }

  /** Comments stay ASCII and free of {@code &} too: other characters are shown as {@code \\uXXXX}. */
  @Override
  public String scriptComment(String text) {
    StringBuilder sb = new StringBuilder("-- ");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '&') {
        sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * LOBs are compared with DBMS_LOB.COMPARE (no {@code =} on LOBs), empty LOBs by length, and a
   * BINARY_FLOAT with its value rounded back to single precision.
   */
  @Override
  public String guardCondition(String quotedColumn, ValueKind kind, String targetType, String literal,
      boolean emptyIsNull) {
    String type = upper(targetType);
    if (literal != null) {
      String special = OracleTypes.guardCondition(quotedColumn, type, unwrap(type, literal));
      if (special != null) {
        return special;
      }
    }
    boolean lob = type.endsWith("LOB");
    String length = "DBMS_LOB.GETLENGTH(" + quotedColumn + ") = 0";
    if (literal == null) {
      return lob && emptyIsNull ? "(" + quotedColumn + " IS NULL OR " + length + ")" : quotedColumn + " IS NULL";
    }
    if (lob) {
      if (literal.equals("EMPTY_BLOB()") || literal.equals("EMPTY_CLOB()") || literal.equals("TO_CLOB('')")
          || literal.equals("TO_NCLOB('')")) {
        return length;
      }
      String value = literal.startsWith("HEXTORAW(") ? "TO_BLOB(" + literal + ")" : literal;
      return "DBMS_LOB.COMPARE(" + quotedColumn + ", " + value + ") = 0";
    }
    if (type.equals("BINARY_FLOAT")) {
      return quotedColumn + " = TO_BINARY_FLOAT(" + literal + ")";
    }
    return quotedColumn + " = " + literal;
  }

  /** The CLOB inside an XMLTYPE(...) or JSON(...) literal or parameter, which the guard compares as text. */
  private static String unwrap(String type, String literal) {
    String w = OracleTypes.wrap(type, "");
    if (w != null && literal.startsWith(w.substring(0, w.length() - 1)) && literal.endsWith(")")) {
      return literal.substring(w.length() - 1, literal.length() - 1);
    }
    return literal;
  }

  @Override
  public String oneRowFrom() {
    return " FROM DUAL";
  }

  /** Oracle's MERGE has no {@code AND} after {@code WHEN [NOT] MATCHED}: the condition is a WHERE after the action. */
  @Override
  public String mergeBranch(String when, String condition, String action) {
    return when + " THEN " + action + (condition == null ? "" : "\n  WHERE " + condition);
  }

  /**
   * A PL/SQL block: the statement, then {@code RAISE_APPLICATION_ERROR(-20001, ...)} unless it changed
   * exactly one row; {@code WHENEVER SQLERROR} then rolls back and ends SQL*Plus.
   */
  @Override
  public String deleteOneRow(String table, String where) {
    // ROWNUM = 1 stops the DELETE after the first matching row (Oracle SQL Reference, ROWNUM pseudocolumn)
    return "DELETE FROM " + table + where + " AND ROWNUM = 1";
  }

  /** The PL/SQL block of any guarded statement: SQL%ROWCOUNT is 1 or 0 with {@code ROWNUM = 1}. */
  @Override
  public String guardedDeleteOne(String dml, String table, String where, String message, SqlScript script) {
    return guardedStatement(dml, table, where, message, script);
  }

  @Override
  public String guardedStatement(String dml, String table, String where, String message, SqlScript script) {
    String msg = literal(ValueKind.TEXT, message, "VARCHAR2", script);
    List<String> lines = new ArrayList<>();
    if (script.needsBlock()) {
      lines.add("DECLARE");
      lines.addAll(script.declarations());
    }
    lines.add("BEGIN");
    lines.addAll(script.preparation());
    lines.add("  " + dml + ";");
    lines.add("  IF SQL%ROWCOUNT <> 1 THEN");
    lines.add("    RAISE_APPLICATION_ERROR(-20001, " + msg + ");");
    lines.add("  END IF;");
    lines.addAll(script.cleanups());
    lines.add("END;");
    lines.add("/");
    return String.join("\n", lines);
  }
}
