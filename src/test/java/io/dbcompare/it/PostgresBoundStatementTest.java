package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.apply.BoundExecutor;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.Bind;
import io.dbcompare.dialect.Dialects;
import io.dbcompare.sync.ColumnValue;
import io.dbcompare.sync.BoundStatement;
import io.dbcompare.sync.RowStatement;
import io.dbcompare.sync.StatementBinder;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bound statements on PostgreSQL with the types whose binding needs care: an int4 key (bound as a long),
 * a bpchar column whose values are read with their padding (cast to bpchar), a date column (bound as a
 * date), a real column read widened to double (guard rounds back to float4), timestamptz, numeric,
 * bytea, boolean and text. Guards match the values as the comparison reads them, and only those.
 */
class PostgresBoundStatementTest {
  private static final TableRef T = new TableRef("app", "bound");
  private PgTestDb db;

  @BeforeEach
  void create() throws Exception {
    db = PgTestDb.create("tc_bound");
    db.exec("CREATE TABLE app.bound (id int4 PRIMARY KEY, code char(5), d date, r real, ts timestamptz,"
        + " n numeric(12,2), raw bytea, ok boolean, t text)");
  }

  @AfterEach
  void drop() throws Exception {
    if (db != null) {
      db.drop();
    }
  }

  private static ColumnValue v(String column, ValueKind kind, String type, Object value) {
    return new ColumnValue(column, kind, type, value);
  }

  private static final ColumnValue ID = v("id", ValueKind.NUMBER, "int4", new BigDecimal("7"));

  /** The row as the comparison reads it back (bpchar padded, real widened, date at midnight). */
  private static List<ColumnValue> asRead(String code, double r, String t) {
    return List.of(v("code", ValueKind.TEXT, "bpchar", code),
        v("d", ValueKind.DATETIME, "date", LocalDateTime.of(2024, 2, 29, 0, 0)),
        v("r", ValueKind.FLOAT, "float4", r),
        v("ts", ValueKind.DATETIME_TZ, "timestamptz",
            OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 123_456_000, ZoneOffset.ofHours(2))),
        v("n", ValueKind.NUMBER, "numeric", new BigDecimal("12.50")),
        v("raw", ValueKind.BYTES, "bytea", new byte[] {0, 1, (byte) 0xff}),
        v("ok", ValueKind.BOOLEAN, "bool", true),
        v("t", ValueKind.TEXT, "text", t));
  }

  @Test
  void boundStatementsMatchTheValuesAsReadAndOnlyThose() throws Exception {
    StatementBinder b = new StatementBinder(Dialects.of(Platform.POSTGRESQL));
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      assertEquals(1, BoundExecutor.executeUpdate(c, b.bind(RowStatement.insert(T, List.of(ID),
          asRead("ab", 0.1, "x")))));
      c.commit();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT code, r, d FROM app.bound")) {
        rs.next();
        assertEquals("ab   ", rs.getString(1), "char(5) pads");
      }
      double widened = (double) 0.1f;
      List<ColumnValue> read = asRead("ab   ", widened, "x");
      List<ColumnValue> set = List.of(v("t", ValueKind.TEXT, "text", "y"));
      // a value other than the one read: no row
      assertEquals(0, BoundExecutor.executeUpdate(c, b.bind(RowStatement.update(T, List.of(ID), set,
          asRead("ab   ", widened, "other"), false))));
      assertEquals(1, BoundExecutor.executeUpdate(c, b.bind(RowStatement.update(T, List.of(ID), set, read, false))));
      // the same UPDATE again: the row is no longer as read
      assertEquals(0, BoundExecutor.executeUpdate(c, b.bind(RowStatement.update(T, List.of(ID), set, read, false))));

      List<ColumnValue> now = new ArrayList<>(read.subList(0, 7));
      now.add(v("t", ValueKind.TEXT, "text", "y"));
      RowStatement merge = new RowStatement(RowStatement.Kind.MERGE_UPDATE, T, List.of(ID),
          List.of(v("t", ValueKind.TEXT, "text", "z")), now, now, true, false, false);
      assertEquals(1, BoundExecutor.executeUpdate(c, b.bind(merge)));
      now.set(7, v("t", ValueKind.TEXT, "text", "z"));
      RowStatement insertAgain = new RowStatement(RowStatement.Kind.MERGE_INSERT, T, List.of(ID), now, now,
          List.of(), true, false, false);
      assertEquals(0, BoundExecutor.executeUpdate(c, b.bind(insertAgain)), "the key exists: a guarded MERGE inserts nothing");
      assertEquals(1, BoundExecutor.executeUpdate(c, b.bind(RowStatement.delete(T, List.of(ID), now, false))));
      c.commit();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM app.bound")) {
        rs.next();
        assertEquals(0, rs.getInt(1));
      }
    }
  }

  /**
   * The int4 key is bound as a long, so its index serves the statement; bound as numeric (as a NUMBER
   * value would be by default), PostgreSQL compares the column cast to numeric and can only scan.
   */
  @Test
  void anIntegerKeyBindsSoThatItsIndexIsUsed() throws Exception {
    BoundStatement bound = new StatementBinder(Dialects.of(Platform.POSTGRESQL)).bind(
        RowStatement.delete(T, List.of(ID), null, false));
    assertEquals(List.of(new Bind(Bind.Binding.LONG, 7L)), bound.binds());
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SET enable_seqscan = off");
      }
      assertTrue(plan(c, bound.sql(), 7L).contains("Index"), plan(c, bound.sql(), 7L));
      assertTrue(plan(c, bound.sql(), new BigDecimal("7")).contains("Seq Scan"), "numeric: no index");
      c.rollback();
    }
  }

  private static String plan(Connection c, String sql, Object key) throws Exception {
    StringBuilder sb = new StringBuilder();
    try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
      if (key instanceof Long l) {
        ps.setLong(1, l);
      } else {
        ps.setBigDecimal(1, (BigDecimal) key);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sb.append(rs.getString(1)).append('\n');
        }
      }
    }
    return sb.toString();
  }
}
