package io.dbcompare.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
      case INTERVAL -> rs.getObject(i, java.time.Duration.class);
      case ARRAY -> rs.getArray(i);
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

  static void runScript(Connection c, String script) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String stmt : SqlStatements.split(script)) {
        s.execute(stmt);
      }
    }
    c.commit();
  }

  /** Sync, then undo: the table holds exactly the target state again (guards on both ways). */
  @Test
  void undoPutsTheTargetBack() throws Exception {
    String sync = SyncScriptGoldenTest.script(Platform.H2, tmp);
    String undo = SyncScriptGoldenTest.undo(Platform.H2, tmp);
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      createTable(c);
      load(c, SyncFixture.target());
      c.commit();
      runScript(c, sync);
      assertEquals(SyncFixture.byKey(SyncFixture.source()), SyncFixture.byKey(read(c)));
      runScript(c, undo);
      assertEquals(SyncFixture.byKey(SyncFixture.target()), SyncFixture.byKey(read(c)));
      // the undo is guarded too: run again, it finds the rows it would put back already back
      SQLException e = assertThrows(SQLException.class, () -> runScript(c, undo));
      assertTrue(e.getMessage().contains("undo stopped: HR.Mixed Case (ID=3, Region="), e.getMessage());
    }
  }

  /**
   * A row changed between the comparison and the script (here: one to update, one to delete) stops
   * the script with an error naming the table and the key, before it overwrites the change.
   */
  @ParameterizedTest
  @CsvSource({"7, NOTE = 'changed meanwhile', '(ID=7, Region=Nulls)'", "6, AMOUNT = 1, '(ID=6, Region=gone)'",
      "2, PAYLOAD = X'00', '(ID=2, Region=O''Brien & Co)'", "1, BODY = 'u', '(ID=1, Region=EU)'"})
  void aRowChangedSinceTheComparisonStopsTheScript(int id, String change, String key) throws Exception {
    String sync = SyncScriptGoldenTest.script(Platform.H2, tmp);
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      createTable(c);
      load(c, SyncFixture.target());
      try (Statement s = c.createStatement()) {
        s.execute("UPDATE \"HR\".\"Mixed Case\" SET \"" + change.replace(" =", "\" =") + " WHERE \"ID\" = " + id);
      }
      c.commit();
      SQLException e = assertThrows(SQLException.class, () -> runScript(c, sync));
      c.rollback();
      assertTrue(e.getMessage().contains("sync stopped: HR.Mixed Case " + key + " changed since the comparison"),
          e.getMessage());
      assertTrue(e.getMessage().contains("[rows matching: 0]"), e.getMessage());
      // the changed row keeps the change, and the script went no further (the INSERT phase never ran)
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"HR\".\"Mixed Case\" WHERE \"ID\" = " + id + " AND \""
              + change.replace(" =", "\" ="))) {
        assertTrue(rs.next());
        assertEquals(1, rs.getInt(1), "row " + id + " still has " + change);
      }
      List<String> ids = read(c).stream().map(r -> r[0].toString()).toList();
      assertFalse(ids.contains("3") || ids.contains("4"), ids.toString());
    }
  }

  /** Without guards the same change is overwritten: the statements match by key only. */
  @Test
  void unguardedScriptsOverwriteChangedRows() throws Exception {
    SyncScriptGoldenTest.write(Platform.H2, tmp, SyncScriptGoldenTest.settings(false, 1000), false);
    String sync = java.nio.file.Files.readString(tmp.resolve("sync_h2.sql"));
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      createTable(c);
      load(c, SyncFixture.target());
      try (Statement s = c.createStatement()) {
        s.execute("UPDATE \"HR\".\"Mixed Case\" SET \"NOTE\" = 'changed meanwhile' WHERE \"ID\" = 7");
      }
      c.commit();
      runScript(c, sync);
      assertEquals(SyncFixture.byKey(SyncFixture.source()), SyncFixture.byKey(read(c)));
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
