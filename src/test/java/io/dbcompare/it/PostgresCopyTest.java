package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.repair.RepairTestAccess;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The repair's binary COPY on a live PostgreSQL server: every type it encodes, with awkward values,
 * reads back as the value sent (skipped without PostgreSQL unless PG_REQUIRED=true).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresCopyTest {
  private PgTestDb db;

  @BeforeAll
  void create() throws Exception {
    db = PgTestDb.create("cp_" + Long.toHexString(System.nanoTime() & 0xffffff) + "_" + ProcessHandle.current().pid());
  }

  @AfterAll
  void drop() throws Exception {
    if (db != null) {
      db.drop();
    }
  }

  private static ColumnSpec col(String name, ValueKind kind, String type) {
    return new ColumnSpec(name, name, kind, type, type, name.equals("id"));
  }

  @Test
  void everyEncodedTypeReadsBackAsSent() throws Exception {
    db.exec("CREATE TABLE public.t (id int8 PRIMARY KEY, i2 int2, i4 int4, n numeric, n2 numeric(12,2), f4 float4,"
        + " f8 float8, vc varchar(20), tx text, bc char(5), by bytea, b bool, d date, ts timestamp(6), ts0 timestamp(0),"
        + " tz timestamptz)");
    TableSpec t = new TableSpec("public_t", "public.t", new TableRef("public", "t"), new TableRef("public", "t"), List.of(
        col("id", ValueKind.NUMBER, "int8"), col("i2", ValueKind.NUMBER, "int2"), col("i4", ValueKind.NUMBER, "int4"),
        col("n", ValueKind.NUMBER, "numeric"), col("n2", ValueKind.NUMBER, "numeric"),
        col("f4", ValueKind.FLOAT, "float4"), col("f8", ValueKind.FLOAT, "float8"),
        col("vc", ValueKind.TEXT, "varchar"), col("tx", ValueKind.TEXT, "text"), col("bc", ValueKind.TEXT, "bpchar"),
        col("by", ValueKind.BYTES, "bytea"), col("b", ValueKind.BOOLEAN, "bool"),
        col("d", ValueKind.DATETIME, "date"), col("ts", ValueKind.DATETIME, "timestamp"),
        col("ts0", ValueKind.DATETIME, "timestamp"), col("tz", ValueKind.DATETIME_TZ, "timestamptz")),
        1, Optional.empty(), false);
    List<Object[]> rows = List.of(
        new Object[] {bd("1"), bd("-32768"), bd("2147483647"), bd("123456789012345678901234567890.000000000001"),
            bd("-0.01"), 1.5, Double.NaN, "ä€😀", "line\nbreak 'q'", "ab   ", new byte[] {0, -1, 7}, true,
            LocalDateTime.of(1999, 12, 31, 0, 0), LocalDateTime.of(1970, 1, 1, 0, 0, 0, 123_456_000),
            LocalDateTime.of(2030, 6, 1, 12, 0, 1), OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000,
                ZoneOffset.ofHours(5))},
        new Object[] {bd("2"), null, null, bd("0.0000"), bd("1E+3"), Double.NEGATIVE_INFINITY, -0.0, "", "", null,
            new byte[0], false, null, LocalDateTime.of(1, 1, 1, 0, 0), null, null},
        new Object[] {bd("3"), bd("7.5"), bd("-7.5"), bd("-99999999999999999999.99990001"), bd("9999999999.99"),
            Float.MIN_VALUE * 1.0, Double.MAX_VALUE, "x", "y", "z", new byte[] {1}, null,
            LocalDateTime.of(2000, 1, 1, 0, 0), LocalDateTime.of(2000, 1, 1, 0, 0), null,
            OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)});
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      assertEquals(3, RepairTestAccess.copy(c, t, rows));
      c.commit();
    }
    List<String> back = new ArrayList<>();
    try (Connection c = db.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id, i2, i4, n, n2, f4, f8, vc, tx, bc, encode(by, 'hex'), b, d, ts, ts0,"
            + " tz AT TIME ZONE 'UTC' FROM public.t ORDER BY id")) {
      while (rs.next()) {
        List<String> r = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
          r.add(rs.getString(i));
        }
        back.add(String.join("|", r));
      }
    }
    assertEquals(List.of(
        "1|-32768|2147483647|123456789012345678901234567890.000000000001|-0.01|1.5|NaN|ä€😀|line\nbreak 'q'|ab   |00ff07"
            + "|t|1999-12-31|1970-01-01 00:00:00.123456|2030-06-01 12:00:01|2024-02-29 18:59:59.999999",
        // integers round half away from zero, as PostgreSQL assigns a numeric to an integer column
        "2|null|null|0.0000|1000.00|-Infinity|-0|||null||f|null|0001-01-01 00:00:00|null|null",
        "3|8|-8|-99999999999999999999.99990001|9999999999.99|1e-45|1.7976931348623157e+308|x|y|z    |01|null"
            + "|2000-01-01|2000-01-01 00:00:00|null|1900-01-01 00:00:00").toString(), back.toString());
  }

  private static BigDecimal bd(String s) {
    return new BigDecimal(s);
  }
}
