package io.dbcompare.dialect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.Canonical;
import io.dbcompare.compare.ValueKind;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * H2 literals executed: each value is INSERTed through {@link H2Dialect#literal} into H2 in Oracle mode
 * and read back through JDBC in its canonical Java type; it must come back exactly.
 */
class H2LiteralExecutionTest {
  static final String URL = "jdbc:h2:mem:;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH";
  final H2Dialect d = new H2Dialect();
  Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection(URL);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE \"V\" (\"N\" INT PRIMARY KEY, \"NUM\" NUMBER, \"DBL\" BINARY_DOUBLE,"
          + " \"TXT\" VARCHAR2(1000000), \"CL\" CLOB, \"BIN\" VARBINARY(1000000), \"BL\" BLOB, \"DT\" DATE,"
          + " \"TS\" TIMESTAMP(9), \"TZ\" TIMESTAMP(9) WITH TIME ZONE, \"BO\" BOOLEAN)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private int next;

  /** Inserts {@code v} into {@code column} with a literal and reads it back. */
  Object roundTrip(String column, ValueKind kind, Object v) throws SQLException {
    int id = ++next;
    String sql = "INSERT INTO \"V\" (\"N\", " + d.quote(column) + ") VALUES (" + id + ", "
        + d.literal(kind, v, "whatever", new SqlScript()) + ")";
    try (Statement s = c.createStatement()) {
      assertEquals(1, s.executeUpdate(sql));
      try (ResultSet rs = s.executeQuery("SELECT " + d.quote(column) + " FROM \"V\" WHERE \"N\" = " + id)) {
        assertTrue(rs.next());
        Object r = switch (kind) {
          case NUMBER -> rs.getBigDecimal(1);
          case FLOAT -> rs.getDouble(1);
          case TEXT -> rs.getString(1);
          case BYTES -> rs.getBytes(1);
          case DATETIME -> rs.getObject(1, LocalDateTime.class);
          case DATETIME_TZ -> rs.getObject(1, OffsetDateTime.class);
          case BOOLEAN -> rs.getBoolean(1);
          case INTERVAL, ARRAY -> throw new IllegalArgumentException("see H2SchemaTypeStatementTest");
        };
        return rs.wasNull() ? null : r;
      }
    }
  }

  static String awkwardText() {
    return "It's \"R&D\" -- ; /* */ \\ \\n \t\r\n\n/\n.\n# x\n日本語 😀 \u00a0 \u200b ends with quote'";
  }

  @Test
  void text() throws SQLException {
    List<String> values = new ArrayList<>(List.of(
        awkwardText(), "'", "''", "NULL", " leading and trailing ", "😀", "\uFF21", "x".repeat(4001)));
    StringBuilder big = new StringBuilder();
    for (int i = 0; big.length() < 100 * 1024; i++) {
      big.append("row ").append(i).append(": it's ünïcödé 😀\n");
    }
    values.add(big.toString());
    for (String column : List.of("TXT", "CL")) {
      for (String v : values) {
        assertEquals(v, roundTrip(column, ValueKind.TEXT, v), column);
      }
      // Oracle mode, like Oracle: the empty string is NULL
      assertNull(roundTrip(column, ValueKind.TEXT, ""));
      assertNull(roundTrip(column, ValueKind.TEXT, null));
    }
  }

  @Test
  void bytes() throws SQLException {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    byte[] big = new byte[100 * 1024];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31 + 7);
    }
    for (String column : List.of("BIN", "BL")) {
      for (byte[] v : List.of(all, big, new byte[] {0}, new byte[] {(byte) 0xff})) {
        assertArrayEquals(v, (byte[]) roundTrip(column, ValueKind.BYTES, v), column);
      }
      assertNull(roundTrip(column, ValueKind.BYTES, null));
    }
  }

  @Test
  void numbers() throws SQLException {
    for (String s : List.of("0", "1", "-1", "12345678901234567890.123456789", "-0.000000001", "1E+30",
        "99999999999999999999999999999999999999", "0.1", "3.14159265358979323846264338327950288")) {
      BigDecimal v = new BigDecimal(s);
      BigDecimal back = (BigDecimal) roundTrip("NUM", ValueKind.NUMBER, v);
      assertEquals(0, v.compareTo(back), s + " came back as " + back);
      assertEquals(Canonical.number(v), Canonical.number(back));
    }
    assertNull(roundTrip("NUM", ValueKind.NUMBER, null));
  }

  @Test
  void doubles() throws SQLException {
    for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1, 1e-5,
        -2.5e-300, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL, 1.0 / 3, 123456789.0}) {
      Double back = (Double) roundTrip("DBL", ValueKind.FLOAT, v);
      assertEquals(Double.valueOf(v), back, Double.toString(v)); // Double.equals: NaN equals NaN, bits exact
    }
    // -0.0 is written as the number -0.0, which SQL reads as 0: equal for the comparison (canonical "0")
    Double zero = (Double) roundTrip("DBL", ValueKind.FLOAT, -0.0);
    assertEquals(Canonical.floating(-0.0), Canonical.floating(zero));
    assertNull(roundTrip("DBL", ValueKind.FLOAT, null));
  }

  @Test
  void dateTimes() throws SQLException {
    for (String s : List.of("2024-03-01T12:34:56.123456789", "2001-01-01T00:00:00.000000001", "0001-01-01T00:00",
        "9999-12-31T23:59:59.999999999", "2024-03-31T02:30:00", "2024-02-29T23:59:58", "1970-01-01T00:00")) {
      LocalDateTime v = LocalDateTime.parse(s);
      assertEquals(v, roundTrip("TS", ValueKind.DATETIME, v), s);
    }
    // DATE (Oracle mode: TIMESTAMP(0)) keeps the time of day to the second
    LocalDateTime withTime = LocalDateTime.parse("2024-02-29T23:59:58");
    assertEquals(withTime, roundTrip("DT", ValueKind.DATETIME, withTime));
    assertNull(roundTrip("TS", ValueKind.DATETIME, null));
  }

  @Test
  void dateTimesWithOffset() throws SQLException {
    for (String s : List.of("2024-03-01T10:15:30.123456+05:30", "2024-06-30T23:59:59.999999999-08:00",
        "2024-01-01T00:00:00.000000001+14:00", "1999-12-31T23:59:59-12:00", "2024-03-01T10:15:30Z",
        "2024-03-01T10:15:30+05:45")) {
      OffsetDateTime v = OffsetDateTime.parse(s);
      assertEquals(v, roundTrip("TZ", ValueKind.DATETIME_TZ, v), s); // same instant and same offset
    }
    assertNull(roundTrip("TZ", ValueKind.DATETIME_TZ, null));
  }

  @Test
  void booleans() throws SQLException {
    assertEquals(true, roundTrip("BO", ValueKind.BOOLEAN, true));
    assertEquals(false, roundTrip("BO", ValueKind.BOOLEAN, false));
    assertNull(roundTrip("BO", ValueKind.BOOLEAN, null));
  }
}
