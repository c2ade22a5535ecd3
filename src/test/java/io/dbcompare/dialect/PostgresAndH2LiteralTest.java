package io.dbcompare.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ValueKind;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PostgreSQL and H2 literals (H2's are also executed in {@link H2LiteralExecutionTest}). */
class PostgresAndH2LiteralTest {
  final PostgresDialect pg = new PostgresDialect();
  final H2Dialect h2 = new H2Dialect();

  String pg(ValueKind k, Object v, String type) {
    SqlScript s = new SqlScript();
    String l = pg.literal(k, v, type, s);
    assertFalse(s.needsBlock());
    return l;
  }

  String h2(ValueKind k, Object v) {
    SqlScript s = new SqlScript();
    String l = h2.literal(k, v, "whatever", s);
    assertFalse(s.needsBlock());
    return l;
  }

  @ParameterizedTest
  @EnumSource(ValueKind.class)
  void nullIsNull(ValueKind k) {
    assertEquals("NULL", pg(k, null, "text"));
    assertEquals("NULL", h2(k, null));
  }

  @Test
  void postgresLiterals() {
    assertEquals("12345678901234567890.123456789", pg(ValueKind.NUMBER, new BigDecimal("12345678901234567890.123456789"), "numeric"));
    assertEquals("'NaN'::float8", pg(ValueKind.FLOAT, Double.NaN, "float8"));
    assertEquals("'Infinity'::float8", pg(ValueKind.FLOAT, Double.POSITIVE_INFINITY, "float8"));
    assertEquals("'-Infinity'::float8", pg(ValueKind.FLOAT, Double.NEGATIVE_INFINITY, "float8"));
    assertEquals("'1.0E-5'::float8", pg(ValueKind.FLOAT, 1e-5, "float8"));
    assertEquals("'-0.0'::float8", pg(ValueKind.FLOAT, -0.0, "float8"));
    // standard_conforming_strings on: a backslash is just a backslash, a line break stays in the literal
    assertEquals("'C:\\dir\\''s\n/'", pg(ValueKind.TEXT, "C:\\dir\\'s\n/", "text"));
    assertEquals("'\\x00ff27'::bytea", pg(ValueKind.BYTES, new byte[] {0, -1, 0x27}, "bytea"));
    assertEquals("'\\x'::bytea", pg(ValueKind.BYTES, new byte[0], "bytea"));
    LocalDateTime t = LocalDateTime.parse("2024-03-01T12:34:56.123456789");
    assertEquals("TIMESTAMP '2024-03-01 12:34:56.123456789'", pg(ValueKind.DATETIME, t, "timestamp"));
    assertEquals("DATE '2024-02-29'", pg(ValueKind.DATETIME, LocalDateTime.parse("2024-02-29T00:00"), "date"));
    assertEquals("TIMESTAMPTZ '2024-03-01 10:15:30.123456000+05:30'",
        pg(ValueKind.DATETIME_TZ, OffsetDateTime.parse("2024-03-01T10:15:30.123456+05:30"), "timestamptz"));
    assertEquals("TIMESTAMPTZ '2024-03-01 10:15:30.000000000+00:00'",
        pg(ValueKind.DATETIME_TZ, OffsetDateTime.parse("2024-03-01T10:15:30Z"), "timestamptz"));
    assertEquals("TRUE", pg(ValueKind.BOOLEAN, true, "bool"));
    assertEquals("FALSE", pg(ValueKind.BOOLEAN, false, "bool"));
  }

  @Test
  void postgresPreambleMakesLiteralsMeanWhatTheySay() {
    List<String> p = pg.scriptPreamble();
    assertEquals("\\set ON_ERROR_STOP on", p.get(0));
    assertTrue(p.contains("SET standard_conforming_strings = on;"));
    assertTrue(p.contains("SET client_encoding = 'UTF8';"));
    assertTrue(p.contains("SET TIME ZONE 'UTC';"));
    assertEquals("BEGIN;", p.get(p.size() - 1));
    assertEquals(List.of("COMMIT;", "BEGIN;"), pg.scriptCommit());
  }

  @Test
  void h2Literals() {
    assertEquals("CAST('NaN' AS DOUBLE PRECISION)", h2(ValueKind.FLOAT, Double.NaN));
    assertEquals("CAST('-Infinity' AS DOUBLE PRECISION)", h2(ValueKind.FLOAT, Double.NEGATIVE_INFINITY));
    assertEquals("CAST(1.5 AS DOUBLE PRECISION)", h2(ValueKind.FLOAT, 1.5));
    assertEquals("'it''s'", h2(ValueKind.TEXT, "it's"));
    assertEquals("X'00ff'", h2(ValueKind.BYTES, new byte[] {0, -1}));
    assertEquals("TIMESTAMP '2024-03-01 12:34:56.123456789'",
        h2(ValueKind.DATETIME, LocalDateTime.parse("2024-03-01T12:34:56.123456789")));
    assertEquals("TIMESTAMP WITH TIME ZONE '2024-03-01 10:15:30.123456000+05:30'",
        h2(ValueKind.DATETIME_TZ, OffsetDateTime.parse("2024-03-01T10:15:30.123456+05:30")));
    assertEquals("TRUE", h2(ValueKind.BOOLEAN, true));
    assertEquals(List.of("SET AUTOCOMMIT OFF;"), h2.scriptPreamble());
  }
}
