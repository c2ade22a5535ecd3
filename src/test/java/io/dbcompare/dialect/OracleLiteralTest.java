package io.dbcompare.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.Canonical;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.sync.OracleText;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Oracle literals: what SQL*Plus and Oracle accept, checked piece by piece. */
class OracleLiteralTest {
  final OracleDialect d = new OracleDialect();

  String lit(ValueKind kind, Object v, String type) {
    SqlScript s = new SqlScript();
    String l = d.literal(kind, v, type, s);
    assertFalse(s.needsBlock(), "unexpected PL/SQL for " + type);
    return l;
  }

  @ParameterizedTest
  @EnumSource(ValueKind.class)
  void nullIsNull(ValueKind k) {
    assertEquals("NULL", lit(k, null, "BLOB"));
    assertEquals("NULL", lit(k, null, "VARCHAR2"));
  }

  @Test
  void numbers() {
    assertEquals("12345678901234567890.123456789", lit(ValueKind.NUMBER, new BigDecimal("12345678901234567890.123456789"), "NUMBER"));
    assertEquals("100000", lit(ValueKind.NUMBER, new BigDecimal("1E+5"), "NUMBER"));
    assertEquals("-0.000000001", lit(ValueKind.NUMBER, new BigDecimal("-1E-9"), "NUMBER"));
    assertEquals("0", lit(ValueKind.NUMBER, BigDecimal.ZERO, "NUMBER"));
  }

  @Test
  void binaryDoubles() {
    assertEquals("BINARY_DOUBLE_NAN", lit(ValueKind.FLOAT, Double.NaN, "BINARY_DOUBLE"));
    assertEquals("BINARY_DOUBLE_INFINITY", lit(ValueKind.FLOAT, Double.POSITIVE_INFINITY, "BINARY_DOUBLE"));
    assertEquals("-BINARY_DOUBLE_INFINITY", lit(ValueKind.FLOAT, Double.NEGATIVE_INFINITY, "BINARY_DOUBLE"));
    assertEquals("1.5d", lit(ValueKind.FLOAT, 1.5, "BINARY_DOUBLE"));
    assertEquals("1.0E-5d", lit(ValueKind.FLOAT, 1e-5, "BINARY_DOUBLE"));
    assertEquals("-1.7976931348623157E308d", lit(ValueKind.FLOAT, -Double.MAX_VALUE, "BINARY_DOUBLE"));
    // each literal is an Oracle numeric literal with the d suffix: digits, optional exponent
    for (double v : new double[] {0.1, -0.0, 123456789.0, 1e21, 2.5e-300}) {
      String l = lit(ValueKind.FLOAT, v, "BINARY_DOUBLE");
      assertTrue(l.matches("-?\\d+\\.\\d+(E-?\\d+)?d"), l);
      assertEquals(v, Double.parseDouble(l.substring(0, l.length() - 1)));
    }
  }

  @Test
  void shortTextIsOneLiteral() {
    assertEquals("'O''Brien, Co'", lit(ValueKind.TEXT, "O'Brien, Co", "VARCHAR2"));
    assertEquals("''", lit(ValueKind.TEXT, "", "VARCHAR2"));
    assertEquals("TO_CLOB('x')", lit(ValueKind.TEXT, "x", "CLOB"));
    assertEquals("TO_NCLOB('x')", lit(ValueKind.TEXT, "x", "NCLOB"));
  }

  /**
   * '' is NULL in Oracle and so is TO_CLOB(''); an empty LOB is not. An empty (non-NULL) CLOB or NCLOB is
   * EMPTY_CLOB(), and its guard compares the length (DBMS_LOB.COMPARE cannot take that locator).
   */
  @Test
  void anEmptyClobIsEmptyClobNotNull() {
    assertEquals("EMPTY_CLOB()", lit(ValueKind.TEXT, "", "CLOB"));
    assertEquals("EMPTY_CLOB()", lit(ValueKind.TEXT, "", "NCLOB"));
    assertEquals("DBMS_LOB.GETLENGTH(\"C\") = 0", d.guardCondition("\"C\"", ValueKind.TEXT, "CLOB", "EMPTY_CLOB()", false));
    assertEquals("''", lit(ValueKind.TEXT, "", "VARCHAR2"), "VARCHAR2 has no empty non-NULL value");
  }

  /**
   * Java's years are proleptic (0 is 1 BC), Oracle's skip 0 (-1 is 1 BC): a BC value is written one year
   * lower with the signed SYYYY mask; AD values keep the plain mask; values outside 4712 BC .. 9999 AD are
   * refused with a message naming the value.
   */
  @Test
  void bcDatesUseSignedYears() {
    assertEquals("TO_DATE('0001-01-01 00:00:00', 'YYYY-MM-DD HH24:MI:SS')",
        lit(ValueKind.DATETIME, java.time.LocalDateTime.of(1, 1, 1, 0, 0), "DATE"));
    assertEquals("TO_DATE('-0001-12-31 23:59:59', 'SYYYY-MM-DD HH24:MI:SS')",
        lit(ValueKind.DATETIME, java.time.LocalDateTime.of(0, 12, 31, 23, 59, 59), "DATE"));
    assertEquals("TO_TIMESTAMP('-0044-03-15 12:00:00.000000000', 'SYYYY-MM-DD HH24:MI:SS.FF9')",
        lit(ValueKind.DATETIME, java.time.LocalDateTime.of(-43, 3, 15, 12, 0), "TIMESTAMP(9)"));
    assertEquals("TO_TIMESTAMP_TZ('-4712-01-01 00:00:00.000000000 +01:00', 'SYYYY-MM-DD HH24:MI:SS.FF9 TZH:TZM')",
        lit(ValueKind.DATETIME_TZ, java.time.OffsetDateTime.of(-4711, 1, 1, 0, 0, 0, 0, java.time.ZoneOffset.ofHours(1)),
            "TIMESTAMP(9) WITH TIME ZONE"));
    io.dbcompare.error.CompareException tooOld = org.junit.jupiter.api.Assertions.assertThrows(
        io.dbcompare.error.CompareException.class,
        () -> lit(ValueKind.DATETIME, java.time.LocalDateTime.of(-4712, 1, 1, 0, 0), "DATE"));
    assertTrue(tooOld.getMessage().startsWith("the value -4712-01-01 00:00:00 (ISO years: 0 is 1 BC) is outside"
        + " Oracle's date range, 4712 BC to 9999 AD"), tooOld.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(io.dbcompare.error.CompareException.class,
        () -> lit(ValueKind.DATETIME, java.time.LocalDateTime.of(10_000, 1, 1, 0, 0), "TIMESTAMP(6)"));
  }

  /**
   * A RAW over 16,383 bytes (MAX_STRING_SIZE=EXTENDED) would need a literal of over 32,767 hex digits
   * (ORA-01489): it is built in a PL/SQL RAW variable, 1,000 bytes a line; over 32,767 bytes it is refused.
   */
  @Test
  void longRawsAreBuiltInPlsql() {
    byte[] b = new byte[20_000];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (i * 7);
    }
    SqlScript script = new SqlScript();
    assertEquals("tc_lob1", d.literal(ValueKind.BYTES, b, "RAW", script));
    assertEquals(List.of("  tc_lob1 RAW(32767);"), script.declarations());
    assertEquals(20, script.preparation().size());
    assertTrue(script.preparation().get(0).startsWith("  tc_lob1 := HEXTORAW('"), script.preparation().get(0));
    assertTrue(script.preparation().get(1).startsWith("  tc_lob1 := UTL_RAW.CONCAT(tc_lob1, HEXTORAW('"));
    StringBuilder hex = new StringBuilder();
    for (String line : script.preparation()) {
      assertTrue(line.length() < 2500, "fits a SQL*Plus line");
      hex.append(line, line.indexOf("HEXTORAW('") + 10, line.lastIndexOf("')"));
    }
    assertEquals(java.util.HexFormat.of().formatHex(b), hex.toString().toLowerCase(java.util.Locale.ROOT));
    // up to 16,383 bytes: still one expression, every piece a line
    String mid = lit(ValueKind.BYTES, java.util.Arrays.copyOf(b, 16_383), "RAW");
    assertTrue(mid.startsWith("HEXTORAW('") && mid.length() < 32_767 + 20 * 6 + 20, String.valueOf(mid.length()));
    org.junit.jupiter.api.Assertions.assertThrows(io.dbcompare.error.CompareException.class,
        () -> d.literal(ValueKind.BYTES, new byte[32_768], "RAW", new SqlScript()));
  }

  /** The script is ASCII: other characters are UNISTR escapes, '&' and control characters CHR(n). */
  @Test
  void nonAsciiAmpersandsAndControlCharactersAreEscaped() {
    assertEquals("'O''Brien ' || CHR(38) || ' Co'", lit(ValueKind.TEXT, "O'Brien & Co", "VARCHAR2"));
    assertEquals("UNISTR('\\65E5\\672C \\D83C\\DF63')", lit(ValueKind.TEXT, "日本 🍣", "NVARCHAR2"));
    assertEquals("TO_CHAR(UNISTR('caf\\00E9 \\\\n ''x'''))", lit(ValueKind.TEXT, "café \\n 'x'", "VARCHAR2"));
    assertEquals("TO_CLOB(TO_CHAR(UNISTR('\\00FC'))) || CHR(9) || 'a\\b'", lit(ValueKind.TEXT, "ü\ta\\b", "CLOB"));
    assertEquals("TO_NCLOB(UNISTR('\\00FC'))", lit(ValueKind.TEXT, "ü", "NCLOB"));
    assertEquals("CHR(0) || CHR(127) || CHR(27)", lit(ValueKind.TEXT, "\u0000\u007f\u001b", "VARCHAR2"));
    for (String s : new String[] {"R&D \\ é\n\u0085€😀", "&&x", "\\\\u00e9", "a\\" + "u00e9"}) {
      String l = lit(ValueKind.TEXT, s, "VARCHAR2");
      assertTrue(l.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n') && !l.contains("&"), l);
      assertEquals(s, OracleText.eval(l));
    }
  }

  @Test
  void lineBreaksAreNeverInsideALiteral() {
    assertEquals("'a' || CHR(13) || CHR(10) || 'b'", lit(ValueKind.TEXT, "a\r\nb", "VARCHAR2"));
    assertEquals("CHR(10) || '/' || CHR(10)", lit(ValueKind.TEXT, "\n/\n", "VARCHAR2"));
    assertEquals("TO_CLOB(CHR(10))", lit(ValueKind.TEXT, "\n", "CLOB"));
    assertEquals("TO_CLOB('x') || CHR(10) || CHR(10) || '# y'", lit(ValueKind.TEXT, "x\n\n# y", "CLOB"));
  }

  @Test
  void literalsStayUnder1000BytesAndKeepSurrogatePairs() {
    String ascii1000 = "a".repeat(1000);
    assertEquals("'" + ascii1000 + "'", lit(ValueKind.TEXT, ascii1000, "VARCHAR2"));
    assertEquals("'" + ascii1000 + "' || 'b'", lit(ValueKind.TEXT, ascii1000 + "b", "VARCHAR2"));
    assertEquals("'" + ascii1000 + "'\n|| '" + ascii1000 + "'", lit(ValueKind.TEXT, ascii1000 + ascii1000, "VARCHAR2"));
    // 1,000 euro signs are 5,000 characters of UNISTR escapes: pieces of at most 1,000 as written
    String euro = "€".repeat(1000);
    String l = lit(ValueKind.TEXT, euro, "VARCHAR2");
    assertEquals(List.of(1000, 1000, 1000, 1000, 1000), pieceLengths(l));
    assertEquals(euro, OracleText.eval(l));
    String emoji = "😀".repeat(600); // 1,200 chars, 2,400 bytes, 6,000 characters escaped
    l = lit(ValueKind.TEXT, emoji, "VARCHAR2");
    assertEquals(emoji, OracleText.eval(l));
    for (String piece : pieces(l)) {
      assertTrue(piece.getBytes(StandardCharsets.UTF_8).length <= 1000, piece.length() + " characters");
      String decoded = OracleText.unistr(piece);
      assertFalse(Character.isHighSurrogate(decoded.charAt(decoded.length() - 1)), "split surrogate pair");
    }
  }

  /** Random awkward strings come back unchanged from the expression, within the SQL*Plus limits. */
  @ParameterizedTest
  @ValueSource(strings = {"VARCHAR2", "CLOB", "NCLOB", "NVARCHAR2", "CHAR"})
  void textRoundTrips(String type) {
    Random r = new Random(42);
    String alphabet = "ab'\n\r\t &;/#.-é€日😀\u00a0";
    int[] cps = alphabet.codePoints().toArray();
    for (int n : new int[] {1, 10, 999, 1000, 1001, 2500, 3999}) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) {
        sb.appendCodePoint(cps[r.nextInt(cps.length)]);
      }
      String s = sb.toString();
      SqlScript script = new SqlScript();
      String l = d.literal(ValueKind.TEXT, s, type, script);
      String back = script.needsBlock() ? appended(script, l) : OracleText.eval(l);
      assertEquals(s, back, type + " of " + n);
      checkLines(l);
      script.preparation().forEach(OracleLiteralTest::checkLines);
    }
  }

  @Test
  void longClobIsBuiltInPlsql() {
    String s = "line 'one' & more\n".repeat(500); // 9,000 bytes
    SqlScript script = new SqlScript();
    String l = d.literal(ValueKind.TEXT, s, "CLOB", script);
    assertEquals("tc_lob1", l);
    assertEquals(List.of("  tc_lob1 CLOB;"), script.declarations());
    assertEquals("  DBMS_LOB.CREATETEMPORARY(tc_lob1, TRUE);", script.preparation().get(0));
    assertEquals(List.of("  DBMS_LOB.FREETEMPORARY(tc_lob1);"), script.cleanups());
    assertEquals(s, appended(script, l));
    // a CLOB of exactly 4,000 bytes is still one SQL expression
    SqlScript small = new SqlScript();
    String s4000 = "x".repeat(4000);
    assertEquals(s4000, OracleText.eval(d.literal(ValueKind.TEXT, s4000, "CLOB", small)));
    assertFalse(small.needsBlock());
  }

  @Test
  void nclobIsBuiltAsNclob() {
    SqlScript script = new SqlScript();
    d.literal(ValueKind.TEXT, "ü".repeat(3000), "NCLOB", script);
    assertEquals(List.of("  tc_lob1 NCLOB;"), script.declarations());
    assertTrue(script.preparation().get(1).startsWith("  DBMS_LOB.APPEND(tc_lob1, TO_NCLOB(UNISTR('\\00FC"));
    assertEquals("ü".repeat(3000), appended(script, "tc_lob1"));
  }

  @Test
  void rawAndSmallBlobAreHextoraw() {
    byte[] ten = {0, 1, 0x7f, (byte) 0x80, (byte) 0xff, 0x27, 0x26, 0x0a, 0x2f, 0x23};
    assertEquals("HEXTORAW('00017f80ff27260a2f23')", lit(ValueKind.BYTES, ten, "RAW"));
    assertEquals("HEXTORAW('00017f80ff27260a2f23')", lit(ValueKind.BYTES, ten, "BLOB"));
    assertEquals("NULL", lit(ValueKind.BYTES, new byte[0], "RAW"), "Oracle has no empty RAW");
    assertEquals("EMPTY_BLOB()", lit(ValueKind.BYTES, new byte[0], "BLOB"));
    byte[] k1 = bytes(1000);
    assertEquals("HEXTORAW('" + hex(k1) + "')", lit(ValueKind.BYTES, k1, "BLOB"));
  }

  /** A RAW(2000) value is 4,000 hex digits: two literals on two lines, one HEXTORAW of 4,000 chars. */
  @Test
  void longRawIsSplitAcrossLines() {
    byte[] b = bytes(2000);
    String l = lit(ValueKind.BYTES, b, "RAW");
    String h = hex(b);
    assertEquals("HEXTORAW('" + h.substring(0, 2000) + "'\n|| '" + h.substring(2000) + "')", l);
    checkLines(l);
  }

  @Test
  void largeBlobIsWrittenInPlsql() {
    byte[] b = bytes(1001);
    SqlScript script = new SqlScript();
    assertEquals("tc_lob1", d.literal(ValueKind.BYTES, b, "BLOB", script));
    assertEquals(List.of("  tc_lob1 BLOB;"), script.declarations());
    assertEquals(List.of(
        "  DBMS_LOB.CREATETEMPORARY(tc_lob1, TRUE);",
        "  DBMS_LOB.WRITEAPPEND(tc_lob1, 1000, HEXTORAW('" + hex(b).substring(0, 2000) + "'));",
        "  DBMS_LOB.WRITEAPPEND(tc_lob1, 1, HEXTORAW('" + hex(b).substring(2000) + "'));"), script.preparation());
    assertEquals(List.of("  DBMS_LOB.FREETEMPORARY(tc_lob1);"), script.cleanups());
    // the statement uses the variable inside the block, and frees it after
    String stmt = d.statement("INSERT INTO \"T\" (\"B\") VALUES (tc_lob1)", script);
    assertEquals(String.join("\n", "DECLARE", "  tc_lob1 BLOB;", "BEGIN", script.preparation().get(0),
        script.preparation().get(1), script.preparation().get(2), "  INSERT INTO \"T\" (\"B\") VALUES (tc_lob1);",
        "  DBMS_LOB.FREETEMPORARY(tc_lob1);", "END;", "/"), stmt);
    assertEquals("DELETE FROM \"T\";", d.statement("DELETE FROM \"T\"", new SqlScript()));
  }

  @Test
  void dates() {
    LocalDateTime t = LocalDateTime.parse("2024-02-29T23:59:58");
    assertEquals("TO_DATE('2024-02-29 23:59:58', 'YYYY-MM-DD HH24:MI:SS')", lit(ValueKind.DATETIME, t, "DATE"));
    assertEquals("TO_DATE('2024-02-29 23:59:58', 'YYYY-MM-DD HH24:MI:SS')", lit(ValueKind.DATETIME, t, "date"));
    assertEquals("TO_DATE('0001-01-01 00:00:00', 'YYYY-MM-DD HH24:MI:SS')",
        lit(ValueKind.DATETIME, LocalDateTime.parse("0001-01-01T00:00"), "DATE"));
  }

  @Test
  void timestampsKeepNineDigits() {
    assertEquals("TO_TIMESTAMP('2024-03-01 12:34:56.123456789', 'YYYY-MM-DD HH24:MI:SS.FF9')",
        lit(ValueKind.DATETIME, LocalDateTime.parse("2024-03-01T12:34:56.123456789"), "TIMESTAMP(9)"));
    assertEquals("TO_TIMESTAMP('2001-01-01 00:00:00.000000001', 'YYYY-MM-DD HH24:MI:SS.FF9')",
        lit(ValueKind.DATETIME, LocalDateTime.parse("2001-01-01T00:00:00.000000001"), "TIMESTAMP(6)"));
    assertEquals("TO_TIMESTAMP('9999-12-31 23:59:59.000000000', 'YYYY-MM-DD HH24:MI:SS.FF9')",
        lit(ValueKind.DATETIME, LocalDateTime.parse("9999-12-31T23:59:59"), "TIMESTAMP"));
  }

  @Test
  void timestampsWithOffset() {
    assertEquals("TO_TIMESTAMP_TZ('2024-03-01 10:15:30.123456000 +05:30', 'YYYY-MM-DD HH24:MI:SS.FF9 TZH:TZM')",
        lit(ValueKind.DATETIME_TZ, OffsetDateTime.parse("2024-03-01T10:15:30.123456+05:30"), "TIMESTAMP(6) WITH TIME ZONE"));
    assertEquals("TO_TIMESTAMP_TZ('2024-03-01 10:15:30.000000000 +00:00', 'YYYY-MM-DD HH24:MI:SS.FF9 TZH:TZM')",
        lit(ValueKind.DATETIME_TZ, OffsetDateTime.parse("2024-03-01T10:15:30Z"), "TIMESTAMP(6) WITH TIME ZONE"));
    assertEquals("TO_TIMESTAMP_TZ('2024-06-30 23:59:59.999999999 -08:00', 'YYYY-MM-DD HH24:MI:SS.FF9 TZH:TZM')",
        lit(ValueKind.DATETIME_TZ, OffsetDateTime.parse("2024-06-30T23:59:59.999999999-08:00"), "TIMESTAMP(9) WITH TIME ZONE"));
  }

  @Test
  void booleans() {
    assertEquals("TRUE", lit(ValueKind.BOOLEAN, true, "BOOLEAN"));
    assertEquals("FALSE", lit(ValueKind.BOOLEAN, false, "BOOLEAN"));
  }

  @Test
  void preambleTurnsOffSubstitutionFirst() {
    List<String> p = d.scriptPreamble();
    assertEquals("SET DEFINE OFF", p.get(0));
    assertTrue(p.contains("WHENEVER SQLERROR EXIT FAILURE ROLLBACK"));
  }

  /**
   * The scripts set TIME_ZONE='+00:00' for their session, which changes what CURRENT_DATE and
   * CURRENT_TIMESTAMP (and defaults and triggers that use them) produce on the target: the header says so.
   */
  @Test
  void preambleNamesWhatTheSessionTimeZoneChanges() {
    List<String> p = d.scriptPreamble();
    int setting = p.indexOf("ALTER SESSION SET NLS_NUMERIC_CHARACTERS='.,' NLS_COMP=BINARY NLS_SORT=BINARY"
        + " TIME_ZONE='+00:00';");
    assertTrue(setting >= 0, p.toString());
    String notes = String.join("\n", p.subList(setting + 1, p.size()));
    assertTrue(notes.contains("-- TIME_ZONE='+00:00' holds for this session: CURRENT_DATE, CURRENT_TIMESTAMP and"
        + " LOCALTIMESTAMP give\n-- UTC here, and so do column defaults and triggers that use them; SYSDATE and"
        + " SYSTIMESTAMP do not change."), notes);
  }

  // ----- helpers -----

  /** Evaluates the PL/SQL appends of a CLOB variable. */
  static String appended(SqlScript script, String var) {
    StringBuilder sb = new StringBuilder();
    Pattern p = Pattern.compile("  DBMS_LOB\\.APPEND\\(" + var + ", TO_N?CLOB\\((.*)\\)\\);", Pattern.DOTALL);
    for (String line : script.preparation()) {
      Matcher m = p.matcher(line);
      if (m.matches()) {
        sb.append(OracleText.eval(m.group(1)));
      }
    }
    return sb.toString();
  }

  /** No line over 2,100 bytes (SQL*Plus: 2,499), no quote left open at the end of a line. */
  static void checkLines(String text) {
    for (String line : text.split("\n", -1)) {
      assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 2100, line.length() + " chars");
      assertEquals(0, line.chars().filter(c -> c == '\'').count() % 2, line);
      assertFalse(line.contains("\r"));
    }
  }

  static List<String> pieces(String literal) {
    Matcher m = Pattern.compile("'((?:[^']|'')*)'").matcher(literal);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1).replace("''", "'"));
    }
    return out;
  }

  static List<Integer> pieceLengths(String literal) {
    return pieces(literal).stream().map(String::length).toList();
  }

  static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  static String hex(byte[] b) {
    return Canonical.text(ValueKind.BYTES, b);
  }
}
