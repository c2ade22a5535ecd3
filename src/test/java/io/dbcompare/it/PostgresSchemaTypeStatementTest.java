package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.apply.BoundExecutor;
import io.dbcompare.compare.ArrayValue;
import io.dbcompare.compare.Canonical;
import io.dbcompare.compare.Interval;
import io.dbcompare.compare.SpecialNumber;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.dialect.PostgresDialect;
import io.dbcompare.dialect.ValueReader;
import io.dbcompare.sync.ColumnValue;
import io.dbcompare.sync.RowStatement;
import io.dbcompare.sync.StatementBinder;
import io.dbcompare.sync.StatementText;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's new types written and guarded for real: each value is inserted by its script literal and
 * by its bound parameter, read back through the dialect's reader to the same canonical value, and a
 * guarded UPDATE changes the row while it holds the value and stops (script) or changes nothing (bound)
 * once it holds another, including values PostgreSQL's own equality takes for equal ('1 day' and
 * '24:00:00', two jsonb numbers 1.0 and 1.00).
 */
class PostgresSchemaTypeStatementTest {
  private static PgTestDb db;
  private static final PostgresDialect D = new PostgresDialect();
  private static final TableRef T = new TableRef("app", "st");
  private static final java.util.concurrent.atomic.AtomicInteger ID = new java.util.concurrent.atomic.AtomicInteger();

  /** A column, its type (as the catalog names it), kind, a value and another value. */
  private record Case(String column, String type, ValueKind kind, Object value, Object other) {}

  private static Interval iv(long months, long days, String seconds) {
    return new Interval(months, days, new BigDecimal(seconds));
  }

  private static final byte[] U1 = new byte[16];
  private static final byte[] U2 = {(byte) 0xff, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};

  private static final List<Case> CASES = List.of(
      new Case("u", "uuid", ValueKind.BYTES, U1, U2),
      new Case("j", "json", ValueKind.TEXT, "{\"b\": 1,  \"a\":2}", "{\"a\":2, \"b\": 1}"),
      new Case("jb", "jsonb", ValueKind.TEXT, "{\"a\": 1.0}", "{\"a\": 1.00}"),
      new Case("ip", "inet", ValueKind.TEXT, "192.168.1.1", "192.168.1.1/24"),
      new Case("ci", "cidr", ValueKind.TEXT, "10.0.0.0/8", "10.0.0.0/16"),
      new Case("mc", "macaddr", ValueKind.TEXT, "08:00:2b:01:02:03", "08:00:2b:01:02:04"),
      new Case("b4", "bit", ValueKind.TEXT, "0101", "0110"),
      new Case("vb", "varbit", ValueKind.TEXT, "", "0"),
      new Case("e", "\"app\".\"mood\"", ValueKind.TEXT, "it's ünï", "sad"),
      new Case("iv", "interval", ValueKind.INTERVAL, iv(0, 1, "0"), iv(0, 0, "86400")),
      new Case("iv2", "interval", ValueKind.INTERVAL, iv(14, -3, "129600.5"), iv(14, -3, "129600.500001")),
      new Case("ts", "timestamp", ValueKind.DATETIME, LocalDateTime.MAX, LocalDateTime.MIN),
      new Case("d", "date", ValueKind.DATETIME, LocalDateTime.MIN, LocalDateTime.of(2024, 2, 29, 0, 0)),
      new Case("tz", "timestamptz", ValueKind.DATETIME_TZ, OffsetDateTime.MAX, OffsetDateTime.MIN),
      new Case("n", "numeric", ValueKind.NUMBER, SpecialNumber.NAN, SpecialNumber.INFINITY),
      new Case("n2", "numeric", ValueKind.NUMBER, SpecialNumber.NEGATIVE_INFINITY, new BigDecimal("-1E+3")),
      // arrays: lower bounds, dimensions, NULL elements, the text "NULL", quoting, each element type
      new Case("ai", "_int4", ValueKind.ARRAY, new ArrayValue(ValueKind.NUMBER, new int[] {0}, new int[] {2},
          Arrays.asList(BigDecimal.ONE, null)), arr(ValueKind.NUMBER, BigDecimal.ONE, null)),
      new Case("ai2", "_int4", ValueKind.ARRAY, new ArrayValue(ValueKind.NUMBER, new int[] {1, 1}, new int[] {2, 2},
          List.of(BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO, new BigDecimal(-7))), arr(ValueKind.NUMBER)),
      new Case("at", "_text", ValueKind.ARRAY, arr(ValueKind.TEXT, "a,b", "q\"x", "back\\slash", "{br}", "NULL", null,
          " sp ", "", "it's", "é😀", "tab\tnl\n"), arr(ValueKind.TEXT, "a,b", "q\"x", "back\\slash", "{br}", null, null,
          " sp ", "", "it's", "é😀", "tab\tnl\n")),
      new Case("an", "_numeric", ValueKind.ARRAY, arr(ValueKind.NUMBER, new BigDecimal("1.50"), SpecialNumber.NAN),
          arr(ValueKind.NUMBER, new BigDecimal("1.50"), SpecialNumber.INFINITY)),
      new Case("ats", "_timestamp", ValueKind.ARRAY, arr(ValueKind.DATETIME,
          LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000), LocalDateTime.MAX, null),
          arr(ValueKind.DATETIME, LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000), LocalDateTime.MIN, null)),
      new Case("atz", "_timestamptz", ValueKind.ARRAY, arr(ValueKind.DATETIME_TZ,
          OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, java.time.ZoneOffset.ofHours(2))), arr(ValueKind.DATETIME_TZ,
          OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, java.time.ZoneOffset.ofHours(3)))),
      new Case("ad", "_date", ValueKind.ARRAY, arr(ValueKind.DATETIME, LocalDateTime.of(2024, 2, 29, 0, 0)),
          arr(ValueKind.DATETIME, LocalDateTime.of(2024, 3, 1, 0, 0))),
      new Case("ab", "_bool", ValueKind.ARRAY, arr(ValueKind.BOOLEAN, true, false, null),
          arr(ValueKind.BOOLEAN, false, true, null)),
      new Case("au", "_uuid", ValueKind.ARRAY, arr(ValueKind.BYTES, U1, U2), arr(ValueKind.BYTES, U2, U1)),
      new Case("aby", "_bytea", ValueKind.ARRAY, arr(ValueKind.BYTES, new byte[] {0, (byte) 0xff}, new byte[0]),
          arr(ValueKind.BYTES, (Object) new byte[] {0, (byte) 0xfe})));

  private static ArrayValue arr(ValueKind kind, Object... elements) {
    return ArrayValue.of(kind, Arrays.asList(elements));
  }

  @BeforeAll
  static void create() throws SQLException {
    db = PgTestDb.create("tc_types_st_" + ProcessHandle.current().pid());
    db.exec("CREATE TYPE app.mood AS ENUM ('sad', 'happy', 'it''s ünï')",
        "CREATE TABLE app.st (id integer PRIMARY KEY, u uuid, j json, jb jsonb, ip inet, ci cidr, mc macaddr,"
            + " b4 bit(4), vb varbit, e app.mood, iv interval, iv2 interval, ts timestamp, d date, tz timestamptz,"
            + " n numeric, n2 numeric, ai int4[], ai2 int4[][], at text[], an numeric[], ats timestamp[],"
            + " atz timestamptz[], ad date[], ab boolean[], au uuid[], aby bytea[])");
  }

  @AfterAll
  static void drop() throws SQLException {
    if (db != null) {
      db.drop();
    }
  }

  private static ColumnValue cv(Case c, Object v) {
    return new ColumnValue(c.column(), c.kind(), c.type(), v);
  }

  private static List<ColumnValue> key(int id) {
    return List.of(new ColumnValue("id", ValueKind.NUMBER, "int4", BigDecimal.valueOf(id)));
  }

  private static Object read(Connection c, Case k, int id) throws SQLException {
    ValueReader reader = D.reader(k.kind(), k.type()).orElse(null);
    try (PreparedStatement ps = c.prepareStatement("SELECT " + D.selectExpression(D.quote(k.column()), k.kind(), k.type())
        + " FROM app.st WHERE id = ?")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        if (reader != null) {
          return reader.read(rs, 1);
        }
        return switch (k.kind()) {
          case TEXT -> rs.getString(1);
          case DATETIME -> k.type().equals("date") ? dateRead(rs) : rs.getObject(1, LocalDateTime.class);
          case DATETIME_TZ -> rs.getObject(1, OffsetDateTime.class);
          default -> throw new IllegalStateException(k.toString());
        };
      }
    }
  }

  private static LocalDateTime dateRead(ResultSet rs) throws SQLException {
    java.time.LocalDate d = rs.getObject(1, java.time.LocalDate.class);
    return d.equals(java.time.LocalDate.MIN) ? LocalDateTime.MIN : d.equals(java.time.LocalDate.MAX)
        ? LocalDateTime.MAX : d.atStartOfDay();
  }

  private static void assertSame(Case k, Object expected, Object actual) {
    assertEquals(Canonical.text(k.kind(), expected), Canonical.text(k.kind(), actual), k.column());
  }

  @Test
  void scriptLiteralsAndGuards() throws Exception {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      c.setAutoCommit(true);
      StatementText text = new StatementText(D);
      for (Case k : CASES) {
        int row = ID.incrementAndGet();
        st.execute(text.render(RowStatement.insert(T, key(row), List.of(cv(k, k.value())))));
        assertSame(k, k.value(), read(c, k, row));
        RowStatement update = RowStatement.update(T, key(row), List.of(cv(k, k.other())), List.of(cv(k, k.value())),
            false);
        st.execute(text.render(update));
        assertSame(k, k.other(), read(c, k, row));
        // the row no longer holds the value the guard expects: the script stops
        SQLException stop = assertThrows(SQLException.class, () -> st.execute(text.render(update)), k.column());
        assertTrue(stop.getMessage().contains("sync stopped"), stop.getMessage());
      }
    }
  }

  @Test
  void boundParametersAndGuards() throws Exception {
    try (Connection c = db.connect()) {
      c.setAutoCommit(true);
      StatementBinder binder = new StatementBinder(D);
      for (Case k : CASES) {
        int row = ID.incrementAndGet();
        assertEquals(1, BoundExecutor.executeUpdate(c, binder.bind(RowStatement.insert(T, key(row),
            List.of(cv(k, k.value()))))), k.column());
        assertSame(k, k.value(), read(c, k, row));
        RowStatement update = RowStatement.update(T, key(row), List.of(cv(k, k.other())), List.of(cv(k, k.value())),
            false);
        assertEquals(1, BoundExecutor.executeUpdate(c, binder.bind(update)), k.column());
        assertSame(k, k.other(), read(c, k, row));
        assertEquals(0, BoundExecutor.executeUpdate(c, binder.bind(update)), "guard of " + k.column());
      }
    }
  }
}
