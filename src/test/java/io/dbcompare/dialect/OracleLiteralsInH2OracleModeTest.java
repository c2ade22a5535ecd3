package io.dbcompare.dialect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ValueKind;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * A sanity check, not a substitute for Oracle: H2's Oracle mode implements TO_DATE, TO_TIMESTAMP,
 * TO_TIMESTAMP_TZ, HEXTORAW and CHR, so the format masks and the concatenated pieces the Oracle dialect
 * writes can at least be parsed and evaluated. (TO_CLOB, BINARY_DOUBLE_* and PL/SQL are not emulated.)
 */
class OracleLiteralsInH2OracleModeTest {
  final OracleDialect d = new OracleDialect();

  Object eval(ValueKind kind, Object v, String type, Class<?> as) throws SQLException {
    String lit = d.literal(kind, v, type, new SqlScript());
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:;MODE=Oracle");
        Statement s = c.createStatement()) {
      // H2 has no UNISTR: the tests' implementation of Oracle's (H2's TO_CHAR of text is the text)
      s.execute("CREATE ALIAS UNISTR FOR \"io.dbcompare.sync.OracleText.unistr\"");
      try (ResultSet rs = s.executeQuery("SELECT " + lit + " FROM DUAL")) {
        assertTrue(rs.next());
        return as == byte[].class ? rs.getBytes(1) : rs.getObject(1, as);
      }
    }
  }

  @Test
  void dateAndTimestampMasks() throws SQLException {
    LocalDateTime date = LocalDateTime.parse("2024-02-29T23:59:58");
    assertEquals(date, eval(ValueKind.DATETIME, date, "DATE", LocalDateTime.class));
    LocalDateTime ts = LocalDateTime.parse("2024-03-01T12:34:56.123456789");
    assertEquals(ts, eval(ValueKind.DATETIME, ts, "TIMESTAMP(9)", LocalDateTime.class));
    LocalDateTime tiny = LocalDateTime.parse("2001-01-01T00:00:00.000000001");
    assertEquals(tiny, eval(ValueKind.DATETIME, tiny, "TIMESTAMP(9)", LocalDateTime.class));
    OffsetDateTime tz = OffsetDateTime.parse("2024-03-01T10:15:30.123456+05:30");
    assertEquals(tz, eval(ValueKind.DATETIME_TZ, tz, "TIMESTAMP(6) WITH TIME ZONE", OffsetDateTime.class));
    OffsetDateTime west = OffsetDateTime.parse("2024-06-30T23:59:59.999999-08:00");
    assertEquals(west, eval(ValueKind.DATETIME_TZ, west, "TIMESTAMP(6) WITH TIME ZONE", OffsetDateTime.class));
  }

  @Test
  void concatenatedTextAndHex() throws SQLException {
    String text = "It's R&D\r\n\n/\n# x;\n\\n\t" + "€".repeat(700) + "😀".repeat(300);
    assertEquals(text, eval(ValueKind.TEXT, text, "VARCHAR2", String.class));
    byte[] raw = new byte[2000];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (byte) (i * 7);
    }
    assertArrayEquals(raw, (byte[]) eval(ValueKind.BYTES, raw, "RAW", byte[].class));
    BigDecimal n = new BigDecimal("-12345678901234567890.123456789");
    assertEquals(0, n.compareTo((BigDecimal) eval(ValueKind.NUMBER, n, "NUMBER", BigDecimal.class)));
  }
}
