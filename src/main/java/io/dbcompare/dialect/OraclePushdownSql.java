package io.dbcompare.dialect;

import io.dbcompare.compare.DeclaredSize;
import io.dbcompare.compare.ValueKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Oracle 12c+: STANDARD_HASH over the encoded row. Its input is a VARCHAR2, limited to 4,000 bytes
 * (32,767 with MAX_STRING_SIZE=EXTENDED): wider rows fail with ORA-01489 and the table falls back to
 * Java hashing. LOB columns are never pushed down (STANDARD_HASH rejects them). In Oracle {@code NULL ||
 * 'x'} is {@code 'x'}, so every text expression keeps NULL by itself (format masks, no concatenation).
 */
public final class OraclePushdownSql implements PushdownSql {
  /**
   * Character sets whose bytes for ASCII are ASCII's, so the numbers, dates, hex and markers of the
   * encoding hash alike; text needs AL32UTF8 itself (see {@link #encodingBlocker}).
   */
  private static final Set<String> ASCII_BASED = Set.of("AL32UTF8", "UTF8", "US7ASCII", "WE8MSWIN1252", "WE8ISO8859P1");
  /**
   * The text of a NUMBER(p,s) with 0 <= s <= p <= 38 has at most p digits, a sign, a point and a
   * leading zero: far below the 64 characters at which TM9 switches to scientific notation.
   */
  private static final int MAX_SAFE_PRECISION = 38;

  /**
   * LENGTHB and STANDARD_HASH see the database character set's bytes. Only AL32UTF8 text is the UTF-8
   * Java hashes; CONVERT to AL32UTF8 is no way out: the SQL Language Reference calls a destination
   * other than the database or national character set unsupported. So text of any other database is
   * hashed in Java, and a character set that is not ASCII-based keeps the whole table there.
   */
  @Override
  public Optional<String> encodingBlocker(DatabaseFacts facts, ValueKind kind, String typeName) {
    Optional<String> special = OracleTypes.javaOnly(kind, typeName);
    if (special.isPresent()) {
      return special;
    }
    String cs = facts.characterSet() == null ? "" : facts.characterSet().toUpperCase(Locale.ROOT);
    if (!ASCII_BASED.contains(cs)) {
      return Optional.of("the database character set " + facts.characterSet() + " is not one whose SQL text"
          + " hashes like Java's UTF-8");
    }
    if (kind == ValueKind.TEXT && !cs.equals("AL32UTF8")) {
      return Optional.of("the database character set " + facts.characterSet() + " is not AL32UTF8, so SQL would"
          + " hash other bytes than UTF-8 for non-ASCII text");
    }
    return Optional.empty();
  }

  /**
   * The canonical text prints a year with YYYY, which has no sign: a BC date-time (Oracle's dates reach
   * back to 4712 BC) would encode like the AD one with the same digits. Such a value is marked inexact
   * (read in full and compared in Java), as PostgreSQL's are.
   */
  static final String FIRST_AD_DAY = "DATE '0001-01-01'";
  static final String FIRST_AD_INSTANT = "TIMESTAMP '0001-01-01 00:00:00 +00:00'";

  /**
   * TO_CHAR(n, 'TM9') returns fixed notation "unless the output exceeds 64 characters", then
   * scientific (SQL Language Reference, number format models): 1E+125 or a long fraction below 1E-30.
   * Scientific text always has an E and plain text never does, so the test is exact. NUMBER(p,s) with
   * 0 <= s <= p <= 38 never gets there and needs no test; unconstrained NUMBER, FLOAT and odd scales do.
   */
  @Override
  public Optional<String> inexactCondition(String c, ValueKind kind, String typeName, DeclaredSize size) {
    if (kind == ValueKind.DATETIME) {
      return Optional.of(c + " < " + FIRST_AD_DAY);
    }
    if (kind == ValueKind.DATETIME_TZ) {
      return Optional.of(c + " < " + FIRST_AD_INSTANT);
    }
    if (kind != ValueKind.NUMBER) {
      return Optional.empty();
    }
    Integer p = size.precision();
    Integer s = size.scale();
    boolean safe = typeName.toUpperCase(Locale.ROOT).equals("NUMBER") && p != null && s != null
        && s >= 0 && s <= p && p <= MAX_SAFE_PRECISION;
    return safe ? Optional.empty() : Optional.of("INSTR(TO_CHAR(" + c + ", 'TM9'), 'E') > 0");
  }

  /** In AL32UTF8 (the only character set whose text is pushed down) every non-ASCII character takes several bytes. */
  @Override
  public String nonAscii(String c) {
    return "LENGTHB(" + c + ") <> LENGTH(" + c + ")";
  }

  /**
   * Oracle merges inline views into the outer query and may then compute a column's text once per use
   * and the digest once per slice; NO_MERGE in the view's own SELECT keeps it a separate step (SQL
   * Language Reference, hints). MATERIALIZE would write the rows to TEMP.
   */
  @Override
  public String viewHint() {
    return "/*+ NO_MERGE */ ";
  }

  /** The slices are TO_NUMBER of 16 hex digits: never negative, so no count of negative slices. */
  @Override
  public boolean signedSlices() {
    return false;
  }

  @Override
  public Optional<String> canonicalText(String c, ValueKind kind, String typeName, boolean emptyIsNull) {
    String type = typeName.toUpperCase(Locale.ROOT);
    return Optional.ofNullable(switch (kind) {
      // TM9 prints the shortest form without trailing zeros but drops the leading zero (.5): put it back
      case NUMBER -> "REGEXP_REPLACE(TO_CHAR(" + c + ", 'TM9'), '^(-?)\\.', '\\10.')";
      // NVARCHAR2/NCHAR lengths would be counted in the national character set: not pushed down
      case TEXT -> type.equals("VARCHAR2") || type.equals("CHAR") || type.equals("VARCHAR") ? c : null;
      case BYTES -> type.equals("RAW") ? "LOWER(RAWTOHEX(" + c + "))" : null;
      case DATETIME -> "TO_CHAR(CAST(" + c + " AS TIMESTAMP(9)), 'YYYY-MM-DD HH24:MI:SS.FF9')";
      case DATETIME_TZ -> type.contains(OracleTypes.LOCAL_TZ) ? null
          : "TO_CHAR(SYS_EXTRACT_UTC(" + c + "), 'YYYY-MM-DD HH24:MI:SS.FF9\"Z\"')";
      case FLOAT, BOOLEAN, INTERVAL, ARRAY -> null; // Oracle has no array column
    });
  }

  @Override
  public String utf8Length(String text) {
    return "LENGTHB(" + text + ")";
  }

  @Override
  public String rowHash(String encoded, boolean nativeHash) {
    return "STANDARD_HASH(" + encoded + ", 'SHA256')";
  }

  /** Unsigned 64-bit slices of the RAW digest. */
  @Override
  public List<String> slices(String h, boolean nativeHash) {
    return List.of("TO_NUMBER(SUBSTR(RAWTOHEX(" + h + "), 1, 16), 'XXXXXXXXXXXXXXXX')",
        "TO_NUMBER(SUBSTR(RAWTOHEX(" + h + "), 17, 16), 'XXXXXXXXXXXXXXXX')");
  }

  @Override
  public boolean hasNativeHash() {
    return false;
  }

  /**
   * The row's native text: each column's own text with explicit masks (no session format in play),
   * without the canonical encoding's leading-zero REGEXP_REPLACE, CAST to TIMESTAMP(9), NULL markers and
   * per-column CASE: {@code R} then the columns joined by {@code |}. A number is TO_CHAR TM9 (exact unless
   * scientific, which is marked inexact as in the canonical encoding); text is its LENGTHB, {@code :} and
   * the text (so any character may follow, and NULL, which is also '', is a bare {@code :}); RAW is
   * RAWTOHEX; DATE and TIMESTAMP are SYYYY-MM-DD HH24:MI:SS[.FF9] (signed year: BC apart from AD); a
   * TIMESTAMP WITH TIME ZONE is its UTC instant (SYS_EXTRACT_UTC), as the reference compares it. No
   * piece but text can hold {@code |}, a non-text piece is empty only for NULL, so the text reads back
   * column by column; the leading {@code R} keeps it non-NULL. Hashed with STANDARD_HASH like the
   * canonical encoding (and, like it, limited to 4,000 bytes: ORA-01489 moves the table to Java).
   */
  @Override
  public Optional<String> nativeRowText(List<NativeColumn> columns, String inexactMarker) {
    StringBuilder sb = new StringBuilder("'R'");
    for (int i = 0; i < columns.size(); i++) {
      NativeColumn c = columns.get(i);
      String piece = nativePiece(c).orElseThrow(() -> new IllegalArgumentException(c.typeName() + " has no native text"));
      Optional<String> inexact = c.kind() == ValueKind.NUMBER
          ? inexactCondition(c.quoted(), c.kind(), c.typeName(), c.size()) : Optional.empty();
      if (inexact.isPresent()) {
        piece = "CASE WHEN " + inexact.get() + " THEN '" + inexactMarker + "' ELSE " + piece + " END";
      }
      sb.append(i == 0 ? " || " : " || '|' || ").append(piece);
    }
    return Optional.of("(" + sb + ")");
  }

  @Override
  public boolean hasNativeRowText() {
    return true;
  }

  private static Optional<String> nativePiece(NativeColumn col) {
    String c = col.quoted();
    String type = OracleTypes.upper(col.typeName());
    if (OracleTypes.javaOnly(col.kind(), col.typeName()).isPresent()) {
      return Optional.empty();
    }
    return Optional.ofNullable(switch (col.kind()) {
      case NUMBER -> "TO_CHAR(" + c + ", 'TM9')";
      // NVARCHAR2/NCHAR would turn the whole row into national text: kept out, as from the canonical encoding
      case TEXT -> type.equals("VARCHAR2") || type.equals("CHAR") || type.equals("VARCHAR")
          ? "LENGTHB(" + c + ") || ':' || " + c : null;
      case BYTES -> type.equals("RAW") ? "RAWTOHEX(" + c + ")" : null;
      case DATETIME -> type.equals("DATE") ? "TO_CHAR(" + c + ", 'SYYYY-MM-DD HH24:MI:SS')"
          : "TO_CHAR(" + c + ", 'SYYYY-MM-DD HH24:MI:SS.FF9')";
      case DATETIME_TZ -> "TO_CHAR(SYS_EXTRACT_UTC(" + c + "), 'SYYYY-MM-DD HH24:MI:SS.FF9')";
      case FLOAT, BOOLEAN, INTERVAL, ARRAY -> null; // Oracle has no array columns
    });
  }

  @Override
  public Optional<String> nativeTextBlocker(ValueKind kind, String typeName) {
    Optional<String> special = OracleTypes.javaOnly(kind, typeName);
    if (special.isPresent()) {
      return special;
    }
    return nativePiece(new NativeColumn("C", kind, typeName, DeclaredSize.UNKNOWN)).isPresent() ? Optional.empty()
        : Optional.of("its text is not known to determine its value in Oracle SQL");
  }

  /**
   * TM9 prints the session's decimal character, and TO_CHAR of a date-time follows the session's
   * calendar: both must be what {@link OracleDialect#sessionSetup} and the default give (a period, the
   * Gregorian calendar) on both sides.
   */
  @Override
  public String nativeSettingsCheck() {
    return "SELECT MAX(CASE WHEN parameter = 'NLS_NUMERIC_CHARACTERS' AND value <> '.,' THEN 'NLS_NUMERIC_CHARACTERS is '"
        + " || value END) || MAX(CASE WHEN parameter = 'NLS_CALENDAR' AND value <> 'GREGORIAN' THEN ' NLS_CALENDAR is '"
        + " || value END) FROM nls_session_parameters WHERE parameter IN ('NLS_NUMERIC_CHARACTERS', 'NLS_CALENDAR')";
  }
}
