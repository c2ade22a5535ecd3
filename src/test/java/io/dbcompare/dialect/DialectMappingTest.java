package io.dbcompare.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Type mapping, identifier quoting and case folding of each dialect. */
class DialectMappingTest {
  static final Dialect ORACLE = new OracleDialect();
  static final Dialect POSTGRES = new PostgresDialect();
  static final Dialect H2 = new H2Dialect();

  static Optional<ValueKind> kind(Dialect d, int jdbcType, String name) {
    return d.kindOf(new ColumnType(jdbcType, name, 0, 0));
  }

  // ----- Oracle: the type name decides, whatever JDBC type code the driver reports -----

  @ParameterizedTest
  @CsvSource({
      "NUMBER, 2, NUMBER",
      "number, 2, NUMBER",
      // FLOAT(p) is a decimal NUMBER with binary precision, reported as JDBC FLOAT: still NUMBER
      "FLOAT, 6, NUMBER",
      "INTEGER, 2, NUMBER",
      "BINARY_DOUBLE, 101, FLOAT",
      "BINARY_FLOAT, 100, FLOAT",
      "VARCHAR2, 12, TEXT",
      "NVARCHAR2, -9, TEXT",
      "CHAR, 1, TEXT",
      "NCHAR, -15, TEXT",
      "CLOB, 2005, TEXT",
      "NCLOB, 2011, TEXT",
      "RAW, -3, BYTES",
      "BLOB, 2004, BYTES",
      // DATE has a time part to the second; the driver reports it as TIMESTAMP
      "DATE, 93, DATETIME",
      "TIMESTAMP, 93, DATETIME",
      "TIMESTAMP(6), 93, DATETIME",
      "TIMESTAMP(9), 93, DATETIME",
      "TIMESTAMP(6) WITH TIME ZONE, -101, DATETIME_TZ",
      "TIMESTAMP(9) WITH TIME ZONE, -101, DATETIME_TZ",
      "BOOLEAN, 16, BOOLEAN",
      // issue 11: types a whole schema meets
      "TIMESTAMP(6) WITH LOCAL TIME ZONE, -102, DATETIME_TZ",
      "TIMESTAMP WITH LOCAL TIME ZONE, -102, DATETIME_TZ",
      "LONG, -1, TEXT",
      "LONG RAW, -4, BYTES",
      "XMLTYPE, 2009, TEXT",
      "SYS.XMLTYPE, 2009, TEXT",
      "INTERVAL DAY(2) TO SECOND(6), -104, INTERVAL",
      "INTERVAL YEAR(2) TO MONTH, -103, INTERVAL",
      "ROWID, -8, TEXT",
      "UROWID, 1111, TEXT",
      "JSON, 2016, TEXT"})
  void oracleSupportedTypes(String name, int jdbcType, ValueKind expected) {
    assertEquals(Optional.of(expected), kind(ORACLE, jdbcType, name));
  }

  @ParameterizedTest
  @CsvSource({
      "BFILE, -13",
      "SDO_GEOMETRY, 2002",
      "VECTOR, 1111",
      "ANYDATA, 2002"})
  void oracleUnsupportedTypes(String name, int jdbcType) {
    assertEquals(Optional.empty(), kind(ORACLE, jdbcType, name), name);
  }

  @Test
  void oracleUnsupportedEvenWithAMappableJdbcCode() {
    // the name decides, never the code: a BFILE reported as BLOB is not bytes
    assertEquals(Optional.empty(), kind(ORACLE, Types.BLOB, "BFILE"));
    assertEquals(Optional.empty(), kind(ORACLE, Types.VARCHAR, "SDO_GEOMETRY"));
    // LONG is reported as LONGVARCHAR; it is text because of its name (and never a key)
    assertEquals(Optional.of(ValueKind.TEXT), kind(ORACLE, Types.LONGVARCHAR, "LONG"));
    assertEquals(Optional.of(ValueKind.DATETIME_TZ), kind(ORACLE, Types.TIMESTAMP, "TIMESTAMP(6) WITH LOCAL TIME ZONE"));
  }

  // ----- PostgreSQL: type names as pg_type spells them -----

  @ParameterizedTest
  @CsvSource({
      "int2, 5, NUMBER",
      "int4, 4, NUMBER",
      "int8, -5, NUMBER",
      "numeric, 2, NUMBER",
      "float4, 7, FLOAT",
      "float8, 8, FLOAT",
      "text, 12, TEXT",
      "varchar, 12, TEXT",
      "bpchar, 1, TEXT",
      "bytea, -2, BYTES",
      "date, 91, DATETIME",
      "timestamp, 93, DATETIME",
      "timestamptz, 93, DATETIME_TZ",
      "bool, -7, BOOLEAN",
      // issue 11: types a whole schema meets
      "uuid, 1111, BYTES",
      "json, 1111, TEXT",
      "jsonb, 1111, TEXT",
      "interval, 1111, INTERVAL",
      "inet, 1111, TEXT",
      "cidr, 1111, TEXT",
      "macaddr, 1111, TEXT",
      "macaddr8, 1111, TEXT",
      "bit, -7, TEXT",
      "varbit, 1111, TEXT",
      "'\"app\".\"mood\"', 12, TEXT"})
  void postgresSupportedTypes(String name, int jdbcType, ValueKind expected) {
    assertEquals(Optional.of(expected), kind(POSTGRES, jdbcType, name));
  }

  @ParameterizedTest
  @CsvSource({
      "_float8, 2003", "_json, 2003", "money, 8", "time, 92", "timetz, 92", "xml, 2009", "oid, -5", "hstore, 1111",
      "point, 1111",
      "tsvector, 1111", "'\"app\".\"composite\"', 2002"})
  void postgresUnsupportedTypes(String name, int jdbcType) {
    assertEquals(Optional.empty(), kind(POSTGRES, jdbcType, name), name);
  }

  // ----- H2: JDBC type codes -----

  @ParameterizedTest
  @CsvSource({
      "2, NUMBER", "3, NUMBER", "4, NUMBER", "-5, NUMBER", "5, NUMBER", "-6, NUMBER",
      "7, FLOAT", "8, FLOAT", "6, FLOAT",
      "1, TEXT", "12, TEXT", "-1, TEXT", "-15, TEXT", "-9, TEXT", "-16, TEXT", "2005, TEXT", "2011, TEXT",
      "-2, BYTES", "-3, BYTES", "-4, BYTES", "2004, BYTES",
      "91, DATETIME", "93, DATETIME",
      "2014, DATETIME_TZ",
      "16, BOOLEAN"})
  void h2ByJdbcType(int jdbcType, ValueKind expected) {
    assertEquals(Optional.of(expected), kind(H2, jdbcType, "whatever"));
  }

  @ParameterizedTest
  @CsvSource({"92", "2013", "1111", "2003", "2000", "2002", "-7", "70", "0"})
  void h2UnsupportedJdbcTypes(int jdbcType) {
    assertEquals(Optional.empty(), kind(H2, jdbcType, "whatever"));
  }

  /** The codes H2 itself reports (Oracle mode) map as expected. */
  @Test
  void h2CatalogOfARealTable() throws Exception {
    Map<String, Optional<ValueKind>> expected = new LinkedHashMap<>();
    expected.put("N10", Optional.of(ValueKind.NUMBER));
    expected.put("NUM", Optional.of(ValueKind.NUMBER)); // NUMBER without precision: DECFLOAT
    expected.put("DBL", Optional.of(ValueKind.FLOAT));
    expected.put("VC", Optional.of(ValueKind.TEXT));
    expected.put("CL", Optional.of(ValueKind.TEXT));
    expected.put("RW", Optional.of(ValueKind.BYTES));
    expected.put("BL", Optional.of(ValueKind.BYTES));
    expected.put("DT", Optional.of(ValueKind.DATETIME)); // Oracle mode: DATE is TIMESTAMP(0)
    expected.put("TS", Optional.of(ValueKind.DATETIME));
    expected.put("TZ", Optional.of(ValueKind.DATETIME_TZ));
    expected.put("BO", Optional.of(ValueKind.BOOLEAN));
    expected.put("TI", Optional.empty());
    expected.put("JS", Optional.of(ValueKind.TEXT)); // H2 JSON as stored, only with H2 JSON
    expected.put("IV", Optional.of(ValueKind.INTERVAL)); // issue 11: day-to-second intervals
    expected.put("AR", Optional.of(ValueKind.ARRAY));
    Map<String, Optional<ValueKind>> actual = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE T (N10 NUMBER(10), NUM NUMBER, DBL BINARY_DOUBLE, VC VARCHAR2(10), CL CLOB, RW RAW(10),"
          + " BL BLOB, DT DATE, TS TIMESTAMP(9), TZ TIMESTAMP(6) WITH TIME ZONE, BO BOOLEAN, TI TIME, JS JSON,"
          + " IV INTERVAL DAY TO SECOND, AR INTEGER ARRAY)");
      try (ResultSet rs = c.getMetaData().getColumns(null, null, "T", null)) {
        while (rs.next()) {
          actual.put(rs.getString("COLUMN_NAME"), H2.kindOf(
              new ColumnType(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"), 0)));
        }
      }
    }
    assertEquals(expected, actual);
  }

  // ----- identifiers -----

  @ParameterizedTest
  @EnumSource(Platform.class)
  void quoteKeepsTheSpellingAndDoublesQuotes(Platform p) {
    Dialect d = Dialects.of(p);
    assertEquals("\"Mixed Case\"", d.quote("Mixed Case"));
    assertEquals("\"ORDER\"", d.quote("ORDER"));
    assertEquals("\"a\"\"b\"", d.quote("a\"b"));
    assertEquals("\"\"\"\"\"\"", d.quote("\"\""));
    assertEquals("\"it's\"", d.quote("it's"));
    assertEquals("\"HR\".\"Mixed \"\"Case\"\"\"", d.qualified(new TableRef("HR", "Mixed \"Case\"")));
  }

  @Test
  void foldUnquotedIsLocaleIndependent() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR")); // "i".toUpperCase() is "İ" in Turkish
      assertEquals("TITLE_ID", ORACLE.foldUnquoted("title_id"));
      assertEquals("TITLE_ID", H2.foldUnquoted("Title_Id"));
      assertEquals("title_id", POSTGRES.foldUnquoted("TITLE_ID"));
    } finally {
      Locale.setDefault(saved);
    }
    assertEquals("MIXED CASE", ORACLE.foldUnquoted("Mixed Case"));
    assertEquals("mixed case", POSTGRES.foldUnquoted("Mixed Case"));
  }

  @Test
  void dialectsPerPlatform() {
    for (Platform p : Platform.values()) {
      assertEquals(p, Dialects.of(p).platform());
    }
  }

  // ----- key expressions and date-only columns -----

  @Test
  void postgresOrdersTextKeysByCodePoint() {
    assertEquals("\"Region\" COLLATE \"C\"", POSTGRES.keyExpression("\"Region\"", ValueKind.TEXT));
    for (ValueKind k : ValueKind.values()) {
      if (k != ValueKind.TEXT) {
        assertEquals("\"ID\"", POSTGRES.keyExpression("\"ID\"", k));
      }
      assertEquals("\"ID\"", ORACLE.keyExpression("\"ID\"", k));
      assertEquals("\"ID\"", H2.keyExpression("\"ID\"", k));
    }
  }

  @Test
  void dateOnlyColumns() {
    assertTrue(POSTGRES.isDateOnly(new ColumnType(Types.DATE, "date", 0, 0)));
    assertFalse(POSTGRES.isDateOnly(new ColumnType(Types.TIMESTAMP, "timestamp", 0, 0)));
    assertTrue(H2.isDateOnly(new ColumnType(Types.DATE, "DATE", 0, 0)));
    assertFalse(H2.isDateOnly(new ColumnType(Types.TIMESTAMP, "TIMESTAMP", 0, 0)));
    // an Oracle DATE keeps its time of day
    assertFalse(ORACLE.isDateOnly(new ColumnType(Types.TIMESTAMP, "DATE", 0, 0)));
  }

  @Test
  void oracleSessionIsBinaryAndUtc() {
    String setup = String.join(" ", ORACLE.sessionSetup());
    assertTrue(setup.contains("NLS_SORT=BINARY"));
    assertTrue(setup.contains("NLS_COMP=BINARY"));
    assertTrue(setup.contains("TIME_ZONE='+00:00'"));
  }
}
