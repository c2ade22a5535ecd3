package io.dbcompare.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.apply.BoundExecutor;
import io.dbcompare.compare.ArrayValue;
import io.dbcompare.compare.Canonical;
import io.dbcompare.compare.Interval;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.sync.ColumnValue;
import io.dbcompare.sync.RowStatement;
import io.dbcompare.sync.StatementBinder;
import io.dbcompare.sync.StatementText;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * H2's UUID, interval, ARRAY and JSON columns written and guarded for real (Oracle mode): by script literal and by
 * bound parameter, read back through the dialect's reader to the same canonical value; a guarded
 * UPDATE stops once the row holds another value.
 */
class H2SchemaTypeStatementTest {
  private static final H2Dialect D = new H2Dialect();
  private static final TableRef T = new TableRef("PUBLIC", "ST");
  private Connection c;
  private int id;

  private record Case(String column, String type, ValueKind kind, Object value, Object other) {}

  private static Interval iv(long months, long days, String seconds) {
    return new Interval(months, days, new BigDecimal(seconds));
  }

  private static final List<Case> CASES = List.of(
      new Case("U", "UUID", ValueKind.BYTES, new byte[16], new byte[] {(byte) 0xff, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
          12, 13, 14, 15}),
      new Case("DS", "INTERVAL DAY TO SECOND", ValueKind.INTERVAL, iv(0, -1, "-43200.123456789"), iv(0, 0, "0")),
      new Case("YM", "INTERVAL YEAR TO MONTH", ValueKind.INTERVAL, iv(-14, 0, "0"), iv(1200, 0, "0")),
      // arrays: NULL elements (H2's '=' never holds for them: the guard uses IS NOT DISTINCT FROM), order, empty
      new Case("A", "INTEGER ARRAY", ValueKind.ARRAY, arr(ValueKind.NUMBER, BigDecimal.ONE, null),
          arr(ValueKind.NUMBER, null, BigDecimal.ONE)),
      new Case("AE", "INTEGER ARRAY", ValueKind.ARRAY, arr(ValueKind.NUMBER), arr(ValueKind.NUMBER, (Object) null)),
      new Case("AT", "CHARACTER VARYING(20) ARRAY", ValueKind.ARRAY, arr(ValueKind.TEXT, "a,b", "q\"x", "back\\slash",
          "{br}", "NULL", null, " sp ", "it's", "é😀"), arr(ValueKind.TEXT, "a,b", "q\"x", "back\\slash", "{br}", null,
          null, " sp ", "it's", "é😀")),
      new Case("AN", "NUMERIC(10, 2) ARRAY", ValueKind.ARRAY, arr(ValueKind.NUMBER, new BigDecimal("1.50")),
          arr(ValueKind.NUMBER, new BigDecimal("1.51"))),
      new Case("AU", "UUID ARRAY", ValueKind.ARRAY, arr(ValueKind.BYTES, new byte[16]), arr(ValueKind.BYTES,
          (Object) new byte[] {(byte) 0xff, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})),
      new Case("ATS", "TIMESTAMP(9) ARRAY", ValueKind.ARRAY, arr(ValueKind.DATETIME,
          LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_789)), arr(ValueKind.DATETIME,
          LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_788))),
      new Case("ATZ", "TIMESTAMP(9) WITH TIME ZONE ARRAY", ValueKind.ARRAY, arr(ValueKind.DATETIME_TZ,
          OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 1, ZoneOffset.ofHours(2))), arr(ValueKind.DATETIME_TZ,
          OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 1, ZoneOffset.ofHours(3)))),
      new Case("AD", "DATE ARRAY", ValueKind.ARRAY, arr(ValueKind.DATETIME, LocalDateTime.of(2024, 2, 29, 0, 0)),
          arr(ValueKind.DATETIME, LocalDateTime.of(2024, 3, 1, 0, 0))),
      new Case("AB", "BOOLEAN ARRAY", ValueKind.ARRAY, arr(ValueKind.BOOLEAN, true, null), arr(ValueKind.BOOLEAN,
          false, null)),
      new Case("ABY", "BINARY VARYING(4) ARRAY", ValueKind.ARRAY, arr(ValueKind.BYTES, (Object) new byte[] {0, (byte) 0xff}),
          arr(ValueKind.BYTES, (Object) new byte[] {0, (byte) 0xfe})),
      // JSON as H2 stores it: 1.0 and 1.00 differ
      new Case("J", "JSON", ValueKind.TEXT, "{\"a\":1.0,\"b\":\"it's é\"}", "{\"a\":1.00,\"b\":\"it's é\"}"));

  private static ArrayValue arr(ValueKind kind, Object... elements) {
    return ArrayValue.of(kind, Arrays.asList(elements));
  }

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:h2:mem:;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH");
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE ST (ID INT PRIMARY KEY, U UUID, DS INTERVAL DAY(9) TO SECOND(9),"
          + " YM INTERVAL YEAR(9) TO MONTH, A INTEGER ARRAY, AE INTEGER ARRAY, AT CHARACTER VARYING(20) ARRAY,"
          + " AN NUMERIC(10, 2) ARRAY, AU UUID ARRAY, ATS TIMESTAMP(9) ARRAY, ATZ TIMESTAMP(9) WITH TIME ZONE ARRAY,"
          + " AD DATE ARRAY, AB BOOLEAN ARRAY, ABY BINARY VARYING(4) ARRAY, J JSON)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private static ColumnValue cv(Case k, Object v) {
    return new ColumnValue(k.column(), k.kind(), k.type(), v);
  }

  private static List<ColumnValue> key(int id) {
    return List.of(new ColumnValue("ID", ValueKind.NUMBER, "INTEGER", BigDecimal.valueOf(id)));
  }

  private Object read(Case k, int id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + D.quote(k.column()) + " FROM ST WHERE ID = ?")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        return k.kind() == ValueKind.BYTES ? rs.getBytes(1) : k.kind() == ValueKind.TEXT ? rs.getString(1)
            : D.reader(k.kind(), k.type()).orElseThrow().read(rs, 1);
      }
    }
  }

  private static void assertSame(Case k, Object expected, Object actual) {
    assertEquals(Canonical.text(k.kind(), expected), Canonical.text(k.kind(), actual), k.column());
  }

  @Test
  void scriptLiteralsAndGuards() throws Exception {
    StatementText text = new StatementText(D);
    try (Statement st = c.createStatement()) {
      for (Case k : CASES) {
        int row = ++id;
        st.execute(text.render(RowStatement.insert(T, key(row), List.of(cv(k, k.value())))));
        assertSame(k, k.value(), read(k, row));
        RowStatement update = RowStatement.update(T, key(row), List.of(cv(k, k.other())), List.of(cv(k, k.value())),
            false);
        for (String sql : text.render(update).split(";\n")) {
          st.execute(sql.replaceAll(";$", ""));
        }
        assertSame(k, k.other(), read(k, row));
        String[] again = text.render(update).split(";\n");
        SQLException stop = assertThrows(SQLException.class, () -> st.execute(again[0]), k.column());
        assertTrue(stop.getMessage().contains("sync stopped"), stop.getMessage());
      }
    }
  }

  @Test
  void boundParametersAndGuards() throws Exception {
    StatementBinder binder = new StatementBinder(D);
    for (Case k : CASES) {
      int row = ++id;
      assertEquals(1, BoundExecutor.executeUpdate(c, binder.bind(RowStatement.insert(T, key(row),
          List.of(cv(k, k.value()))))));
      assertSame(k, k.value(), read(k, row));
      RowStatement update = RowStatement.update(T, key(row), List.of(cv(k, k.other())), List.of(cv(k, k.value())),
          false);
      assertEquals(1, BoundExecutor.executeUpdate(c, binder.bind(update)), k.column());
      assertSame(k, k.other(), read(k, row));
      assertEquals(0, BoundExecutor.executeUpdate(c, binder.bind(update)), "guard of " + k.column());
    }
  }
}
