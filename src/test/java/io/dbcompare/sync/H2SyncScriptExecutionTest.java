package io.dbcompare.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the H2 sync script of {@link SyncFixture} against an in-memory H2 (Oracle mode) table holding
 * the target state; afterwards the table must hold exactly the source state.
 */
class H2SyncScriptExecutionTest {
  @TempDir Path tmp;

  static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:h2:mem:sync" + UUID.randomUUID() + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH");
  }

  static void createTable(Connection c) throws SQLException {
    List<String> cols = new ArrayList<>();
    for (SyncFixture.Col col : SyncFixture.COLUMNS) {
      cols.add("\"" + col.name() + "\" " + col.h2Ddl() + (cols.size() < SyncFixture.KEYS ? " NOT NULL" : ""));
    }
    try (Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA \"HR\"");
      s.execute("CREATE TABLE \"HR\".\"Mixed Case\" (" + String.join(", ", cols) + ", PRIMARY KEY (\"ID\", \"Region\"))");
    }
  }

  /** Loads rows with bind variables (not with the literals under test). */
  static void load(Connection c, List<Object[]> rows) throws SQLException {
    String cols = SyncFixture.COLUMNS.stream().map(x -> "\"" + x.name() + "\"").collect(Collectors.joining(", "));
    String marks = SyncFixture.COLUMNS.stream().map(x -> "?").collect(Collectors.joining(", "));
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"HR\".\"Mixed Case\" (" + cols + ") VALUES (" + marks + ")")) {
      for (Object[] r : rows) {
        for (int i = 0; i < r.length; i++) {
          ps.setObject(i + 1, r[i]);
        }
        ps.executeUpdate();
      }
    }
  }

  /** Reads every row in its canonical Java types. */
  static List<Object[]> read(Connection c) throws SQLException {
    String cols = SyncFixture.COLUMNS.stream().map(x -> "\"" + x.name() + "\"").collect(Collectors.joining(", "));
    List<Object[]> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + cols + " FROM \"HR\".\"Mixed Case\" ORDER BY \"ID\"")) {
      while (rs.next()) {
        Object[] r = new Object[SyncFixture.COLUMNS.size()];
        for (int i = 0; i < r.length; i++) {
          r[i] = get(rs, i + 1, SyncFixture.COLUMNS.get(i).kind());
        }
        rows.add(r);
      }
    }
    return rows;
  }

  static Object get(ResultSet rs, int i, ValueKind kind) throws SQLException {
    Object v = switch (kind) {
      case NUMBER -> rs.getBigDecimal(i);
      case FLOAT -> rs.getDouble(i);
      case TEXT -> rs.getString(i);
      case BYTES -> rs.getBytes(i);
      case DATETIME -> rs.getObject(i, LocalDateTime.class);
      case DATETIME_TZ -> rs.getObject(i, OffsetDateTime.class);
      case BOOLEAN -> rs.getBoolean(i);
    };
    return rs.wasNull() ? null : v;
  }

  @Test
  void scriptTurnsTheTargetIntoTheSource() throws Exception {
    String script = SyncScriptGoldenTest.script(Platform.H2, tmp);
    try (Connection c = connect()) {
      createTable(c);
      load(c, SyncFixture.target());
      assertEquals(SyncFixture.byKey(SyncFixture.target()), SyncFixture.byKey(read(c)), "target state loaded");

      try (Statement s = c.createStatement()) {
        for (String stmt : SqlStatements.split(script)) {
          s.execute(stmt);
        }
      }
      c.commit();

      List<Object[]> after = read(c);
      Map<List<String>, List<String>> expected = SyncFixture.byKey(SyncFixture.source());
      Map<List<String>, List<String>> actual = SyncFixture.byKey(after);
      assertEquals(expected.keySet(), actual.keySet());
      for (var e : expected.entrySet()) {
        assertEquals(e.getValue(), actual.get(e.getKey()), "row " + e.getKey());
      }
      // Beyond canonical equality: the values written by the script are the source's, exactly.
      Object[] row2 = after.stream().filter(r -> ((BigDecimal) r[0]).intValue() == 2).findFirst().orElseThrow();
      assertEquals(SyncFixture.AWKWARD, row2[4]);
      assertEquals(SyncFixture.CLOB_100K, row2[5]);
      assertArrayEquals((byte[]) SyncFixture.S2[7], (byte[]) row2[7]);
      assertTrue(Double.isNaN((Double) row2[3]));
      assertEquals(SyncFixture.S2[10], row2[10]);
      assertEquals(SyncFixture.S2[11], row2[11], "offset +05:30 kept");
      Object[] row3 = after.stream().filter(r -> ((BigDecimal) r[0]).intValue() == 3).findFirst().orElseThrow();
      assertEquals("日本 🍣", row3[1]);
      assertEquals(SyncFixture.TEXT_5000, row3[4]);
      assertEquals(SyncFixture.TEXT_5000, row3[5]);
      assertEquals(Double.POSITIVE_INFINITY, row3[3]);
      assertEquals(SyncFixture.S3[10], row3[10]);
    }
  }

  @Test
  void splitterKeepsQuotedSemicolonsAndCommentMarkers() {
    List<String> s = SqlStatements.split("-- a comment; with 'quote\n"
        + "INSERT INTO \"a;b\" VALUES ('x;y', 'it''s\n-- not a comment\n;'); -- trailing\n"
        + "\n"
        + "COMMIT;\n");
    assertEquals(List.of("INSERT INTO \"a;b\" VALUES ('x;y', 'it''s\n-- not a comment\n;')", "COMMIT"), s);
  }
}
