package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.KeyColumnOrder;
import io.dbcompare.compare.KeyOrder;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.TextOrder;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.Dialects;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.OracleContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * What only a real Oracle can show for issue 9 (runs wherever Docker runs, skipped without it): a DATE
 * key bound as {@code CAST(? AS DATE)} is read by an index range scan (item 1); NVARCHAR2 keys sort by
 * UTF-16 unit and the tool chooses that order for them (item 2); a composite-key chunk gets start and
 * stop keys from the redundant leading-column bound (item 7).
 */
@Testcontainers(disabledWithoutDocker = true)
class OracleQueryPlanTest {
  @Container
  static final OracleContainer ORACLE = new OracleContainer("gvenzl/oracle-xe:21-slim-faststart");
  static final String SCHEMA = "CMP_PLAN";
  static final Dialect D = Dialects.of(Platform.ORACLE);

  /** SYSTEM, auto-commit on, with the comparison's session settings (binary NLS). */
  static Connection system() throws SQLException {
    Connection c = DriverManager.getConnection(ORACLE.getJdbcUrl(), "system", ORACLE.getPassword());
    try (Statement st = c.createStatement()) {
      for (String s : D.sessionSetup()) {
        st.execute(s);
      }
    }
    return c;
  }

  static DatabaseConfig config() {
    return new DatabaseConfig("source", ORACLE.getJdbcUrl(), "system", ORACLE.getPassword(), Platform.ORACLE, Map.of());
  }

  @BeforeAll
  static void tables() throws SQLException {
    try (Connection c = system(); Statement st = c.createStatement()) {
      st.execute("CREATE USER " + SCHEMA + " IDENTIFIED BY \"Plan_pw_4713\" QUOTA UNLIMITED ON USERS");
      st.execute("CREATE TABLE " + SCHEMA + ".DAYS (D DATE PRIMARY KEY, V NUMBER)");
      st.execute("INSERT INTO " + SCHEMA + ".DAYS SELECT DATE '2000-01-01' + NUMTODSINTERVAL(LEVEL, 'HOUR'), LEVEL FROM DUAL CONNECT BY LEVEL <= 50000");
      st.execute("CREATE TABLE " + SCHEMA + ".PAIRS (A NUMBER(10) NOT NULL, B NUMBER(10) NOT NULL, V NUMBER,"
          + " PRIMARY KEY (A, B))");
      st.execute("INSERT INTO " + SCHEMA + ".PAIRS SELECT MOD(LEVEL, 1000), TRUNC(LEVEL / 1000), LEVEL FROM DUAL"
          + " CONNECT BY LEVEL <= 200000");
      st.execute("CREATE TABLE " + SCHEMA + ".NKEYS (K NVARCHAR2(20) PRIMARY KEY, V NUMBER)");
      st.execute("BEGIN DBMS_STATS.GATHER_SCHEMA_STATS('" + SCHEMA + "'); END;");
    }
  }

  static TableSpec days() {
    return new TableSpec("CMP_PLAN_DAYS", "CMP_PLAN.DAYS", new TableRef(SCHEMA, "DAYS"), new TableRef(SCHEMA, "DAYS"),
        List.of(new ColumnSpec("D", "D", ValueKind.DATETIME, "DATE", "DATE", true),
            new ColumnSpec("V", "V", ValueKind.NUMBER, "NUMBER", "NUMBER", false)), 1, Optional.empty(), false);
  }

  /** The plan of the statement just run in this session (DBMS_XPLAN.DISPLAY_CURSOR without arguments). */
  static String lastPlan(Connection c) throws SQLException {
    StringBuilder sb = new StringBuilder();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT plan_table_output FROM TABLE(DBMS_XPLAN.DISPLAY_CURSOR(NULL, NULL, 'TYPICAL'))")) {
      while (rs.next()) {
        sb.append(rs.getString(1)).append('\n');
      }
    }
    return sb.toString();
  }

  static int run(Connection c, RangeSql.Query q) throws SQLException {
    int n = 0;
    try (PreparedStatement ps = c.prepareStatement(q.sql())) {
      for (int i = 0; i < q.binds().size(); i++) {
        Values.bind(ps, i + 1, q.binds().get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          n++;
        }
      }
    }
    return n;
  }

  /** Item 1: with CAST(? AS DATE) the DATE key stays bare: an index range scan, no INTERNAL_FUNCTION. */
  @Test
  void aDateKeyChunkIsAnIndexRangeScan() throws SQLException {
    TableSpec t = days();
    ChunkBounds b = new ChunkBounds(1, new Object[] {LocalDateTime.of(2001, 1, 1, 0, 0)},
        new Object[] {LocalDateTime.of(2001, 1, 5, 0, 0)});
    RangeSql.Query q = RangeSql.chunkQuery(t, Side.SOURCE, D, b);
    assertTrue(q.sql().contains("CAST(? AS DATE)"), q.sql());
    try (Connection c = system()) {
      assertEquals(96, run(c, q));
      String plan = lastPlan(c);
      assertTrue(plan.contains("INDEX RANGE SCAN"), plan);
      assertFalse(plan.contains("INTERNAL_FUNCTION"), plan);
    }
  }

  /** Item 2: NVARCHAR2 (AL16UTF16) sorts a supplementary character before U+FF21; the tool reads it so. */
  @Test
  void nvarchar2KeysSortByUtf16UnitAndTheToolFollows() throws Exception {
    String grinning = "\uD83D\uDE00";
    String fullwidthA = "\uFF21";
    try (Connection c = system(); PreparedStatement ps = c.prepareStatement("INSERT INTO " + SCHEMA + ".NKEYS VALUES (?, ?)")) {
      int i = 0;
      for (String k : List.of(fullwidthA, grinning, "b", fullwidthA + "1", grinning + "1", "\u00e9")) {
        ps.setNString(1, k);
        ps.setInt(2, i++);
        ps.executeUpdate();
      }
      List<String> sorted = new ArrayList<>();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT K FROM " + SCHEMA + ".NKEYS ORDER BY K")) {
        while (rs.next()) {
          sorted.add(rs.getString(1));
        }
      }
      assertEquals(List.of("b", "\u00e9", grinning, grinning + "1", fullwidthA, fullwidthA + "1"), sorted);
    }
    try (Pools pools = new Pools(new ConnectionPool(config(), D, 2, 30), new ConnectionPool(config(), D, 2, 30))) {
      TableSpec t = KeyOrderResolver.complete(pools, new TableSpec("CMP_PLAN_NKEYS", "CMP_PLAN.NKEYS",
          new TableRef(SCHEMA, "NKEYS"), new TableRef(SCHEMA, "NKEYS"),
          List.of(new ColumnSpec("K", "K", ValueKind.TEXT, "NVARCHAR2", "NVARCHAR2", true),
              new ColumnSpec("V", "V", ValueKind.NUMBER, "NUMBER", "NUMBER", false)), 1, Optional.empty(), true));
      assertEquals(new KeyColumnOrder(TextOrder.UTF16, KeyColumnOrder.Rendering.PLAIN, KeyColumnOrder.Rendering.PLAIN),
          t.keyOrders().get(0));
      // two chunks split at U+FF21: each side's rows arrive ascending in the chosen order, all of them once
      KeyOrder order = t.keyOrder();
      List<Object[]> keys = new ArrayList<>();
      for (ChunkBounds b : List.of(new ChunkBounds(0, null, new Object[] {fullwidthA}),
          new ChunkBounds(1, new Object[] {fullwidthA}, null))) {
        try (var cursor = new JdbcRowSource(pools, 100).open(t, Side.SOURCE, b)) {
          for (var row = cursor.next(); row != null; row = cursor.next()) {
            if (!keys.isEmpty()) {
              assertTrue(order.compare(keys.get(keys.size() - 1), row.values()) < 0);
            }
            keys.add(row.values());
          }
        }
      }
      assertEquals(6, keys.size());
    }
  }

  /** Item 7: the redundant leading-column bound gives the composite-key chunk an index range scan. */
  @Test
  void aCompositeKeyChunkIsAnIndexRangeScan() throws SQLException {
    TableSpec t = new TableSpec("CMP_PLAN_PAIRS", "CMP_PLAN.PAIRS", new TableRef(SCHEMA, "PAIRS"),
        new TableRef(SCHEMA, "PAIRS"), List.of(new ColumnSpec("A", "A", ValueKind.NUMBER, "NUMBER", "NUMBER", true),
            new ColumnSpec("B", "B", ValueKind.NUMBER, "NUMBER", "NUMBER", true),
            new ColumnSpec("V", "V", ValueKind.NUMBER, "NUMBER", "NUMBER", false)), 2, Optional.empty(), false);
    ChunkBounds b = new ChunkBounds(1, new Object[] {new BigDecimal(500), new BigDecimal(10)},
        new Object[] {new BigDecimal(502), new BigDecimal(30)});
    String sql = RangeSql.chunkQuery(t, Side.SOURCE, D, b).sql();
    // EXPLAIN PLAN takes named binds without values (typed VARCHAR2: converted on the bind side)
    int n = 0;
    StringBuilder named = new StringBuilder();
    for (char ch : sql.toCharArray()) {
      named.append(ch == '?' ? ":b" + (++n) : String.valueOf(ch));
    }
    try (Connection c = system(); Statement st = c.createStatement()) {
      st.execute("EXPLAIN PLAN SET STATEMENT_ID = 'CMP7' FOR " + named);
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = st.executeQuery("SELECT plan_table_output FROM TABLE(DBMS_XPLAN.DISPLAY(NULL, 'CMP7', 'TYPICAL'))")) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      assertTrue(plan.toString().contains("INDEX RANGE SCAN"), plan.toString());
      assertTrue(plan.toString().contains("access(\"A\">="), plan.toString());
    }
  }
}
