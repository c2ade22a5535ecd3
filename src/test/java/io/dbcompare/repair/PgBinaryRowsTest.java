package io.dbcompare.repair;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The binary COPY encoding of the values PostgreSQL's own send functions would produce (numeric in
 * base-10000 digits with weight and display scale, timestamps in microseconds since 2000-01-01); the
 * round trip through a live server is in {@code it.PostgresCopyTest}.
 */
class PgBinaryRowsTest {
  private static TableSpec table(String type) {
    return new TableSpec("APP_T", "APP.T", new TableRef("app", "t"), new TableRef("app", "t"),
        List.of(new ColumnSpec("v", "v", ValueKind.NUMBER, type, type, true)), 1, Optional.empty(), false);
  }

  private static String numeric(String v) throws Exception {
    PgBinaryRows rows = new PgBinaryRows(table("numeric"));
    rows.numeric(new BigDecimal(v));
    return HexFormat.of().formatHex(rows.take());
  }

  @Test
  void numericIsWrittenInBase10000Digits() throws Exception {
    // length, ndigits, weight, sign, dscale, digits
    assertEquals("00000008" + "0000" + "0000" + "0000" + "0000", numeric("0"));
    assertEquals("00000008" + "0000" + "0000" + "0000" + "0002", numeric("0.00"));
    assertEquals("0000000a" + "0001" + "0000" + "0000" + "0000" + "0001", numeric("1"));
    // 12345.678 = 1|2345|.6780: weight 1, dscale 3
    assertEquals("0000000e" + "0003" + "0001" + "0000" + "0003" + "0001" + "0929" + "1a7c", numeric("12345.678"));
    // -0.0001: one digit 1 at weight -1
    assertEquals("0000000a" + "0001" + "ffff" + "4000" + "0004" + "0001", numeric("-0.0001"));
    // 0.00000001: digit 1 at weight -2 (0000|0001)
    assertEquals("0000000a" + "0001" + "fffe" + "0000" + "0008" + "0001", numeric("0.00000001"));
    // 1E+8 (negative scale): 1|0000|0000, trailing zero digits left out, dscale 0
    assertEquals("0000000a" + "0001" + "0002" + "0000" + "0000" + "0001", numeric("1E+8"));
  }

  @Test
  void timestampsAreMicrosecondsSince2000RoundedAsPostgresRounds() {
    assertEquals(0, PgBinaryRows.micros(LocalDateTime.of(2000, 1, 1, 0, 0)));
    assertEquals(-1_000_000, PgBinaryRows.micros(LocalDateTime.of(1999, 12, 31, 23, 59, 59)));
    assertEquals(1_500_000, PgBinaryRows.micros(LocalDateTime.of(2000, 1, 1, 0, 0, 1, 499_999_600)));
    assertEquals(1_499_999, PgBinaryRows.micros(LocalDateTime.of(2000, 1, 1, 0, 0, 1, 499_999_400)));
  }

  @Test
  void aRowIsItsFieldCountThenEachField() {
    PgBinaryRows rows = new PgBinaryRows(table("int8"));
    rows.header();
    rows.row(new Object[] {BigDecimal.valueOf(42)});
    rows.row(new Object[] {null});
    rows.trailer();
    ByteBuffer b = ByteBuffer.wrap(rows.take());
    byte[] sig = new byte[11];
    b.get(sig);
    assertArrayEquals("PGCOPY\n\u00ff\r\n\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), sig);
    assertEquals(0, b.getInt());
    assertEquals(0, b.getInt());
    assertEquals(1, b.getShort());
    assertEquals(8, b.getInt());
    assertEquals(42, b.getLong());
    assertEquals(1, b.getShort());
    assertEquals(-1, b.getInt(), "NULL");
    assertEquals(-1, b.getShort(), "trailer");
    assertEquals(0, b.remaining());
  }

  @Test
  void aTypeWithoutEncoderKeepsTheTableOnInserts() {
    assertEquals(Optional.of("v (jsonb)"), PgBinaryRows.unsupported(table("jsonb")));
    assertEquals(Optional.empty(), PgBinaryRows.unsupported(table("numeric")));
  }
}
