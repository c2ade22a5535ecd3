package io.dbcompare.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.apply.BoundExecutor;
import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.KeySource;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.TargetTraits;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import io.dbcompare.config.SyncSettings;
import io.dbcompare.dialect.Dialects;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The scripts of a table without key: one DELETE per surplus copy of a row in the target, matching every
 * column and deleting one of the identical rows (Oracle {@code ROWNUM = 1}, PostgreSQL by
 * {@code (tableoid, ctid)}, H2 {@code FETCH FIRST ROW ONLY}), one INSERT per copy missing; the header
 * says the table has no key. Golden per dialect ({@code golden/sync_keyless_<platform>.sql} and undo),
 * and the H2 scripts and bound statements run on H2 until the target holds the source's multiset.
 */
class KeylessScriptTest {
  @TempDir Path tmp;

  /** Name, kind, Oracle, PostgreSQL and H2 catalog type, H2 (Oracle mode) DDL. */
  private static final String[][] COLUMNS = {
      {"EVENT", "TEXT", "VARCHAR2", "varchar", "CHARACTER VARYING", "VARCHAR2(100)"},
      {"AMOUNT", "NUMBER", "NUMBER", "numeric", "NUMERIC", "NUMBER(12,3)"},
      {"RATIO", "FLOAT", "BINARY_DOUBLE", "float8", "DOUBLE PRECISION", "BINARY_DOUBLE"},
      {"BODY", "TEXT", "CLOB", "text", "CHARACTER LARGE OBJECT", "CLOB"},
      {"TAG", "BYTES", "RAW", "bytea", "BINARY VARYING", "RAW(100)"},
      {"AT", "DATETIME", "DATE", "timestamp", "TIMESTAMP", "TIMESTAMP"}};

  static TableSpec table(Platform target) {
    List<ColumnSpec> cols = new ArrayList<>();
    int t = switch (target) {
      case ORACLE -> 2;
      case POSTGRESQL -> 3;
      case H2 -> 4;
    };
    for (String[] c : COLUMNS) {
      cols.add(new ColumnSpec(c[0], c[0], ValueKind.valueOf(c[1]), c[2], c[t], false));
    }
    TableRef ref = new TableRef("HR", "Event Log");
    return new TableSpec("HR_Event-20Log", "HR.Event Log", ref, ref, cols, 0, Optional.empty(), false, List.of(),
        TargetTraits.NONE, List.of(), null, null, KeySource.none());
  }

  static final Object[] LOGIN = {"login", new BigDecimal("1.500"), 0.25, "body", new byte[] {1, 2}, at(1)};
  static final Object[] LOGOUT = {"logout", BigDecimal.ZERO, null, null, null, at(2)};
  static final Object[] ODD = {"it's 日本 & \"x\"", new BigDecimal("-7"), Double.NaN, "line 1\nline 2", new byte[0],
      at(3)};

  private static LocalDateTime at(int day) {
    return LocalDateTime.of(2024, 2, day, 10, 30, 15);
  }

  /** Source: LOGIN x3, LOGOUT x1. Target: LOGIN x1, LOGOUT x2, ODD x1. */
  static List<Object[]> source() {
    return List.of(LOGIN, LOGIN, LOGIN, LOGOUT);
  }

  static List<Object[]> target() {
    return List.of(LOGOUT, LOGIN, ODD, LOGOUT);
  }

  /** What the bucket comparison reports: two LOGINs missing in the target, one LOGOUT and ODD in the source. */
  static List<ChunkResult> results() {
    Object[] none = new Object[0];
    return List.of(
        new ChunkResult("HR_Event-20Log", 0, 3, 2, 2, 1, 0, List.of(
            new RowDiff(DiffKind.MISSING_IN_TARGET, none, LOGIN, null),
            new RowDiff(DiffKind.MISSING_IN_TARGET, none, LOGIN, null),
            new RowDiff(DiffKind.MISSING_IN_SOURCE, none, null, LOGOUT))),
        new ChunkResult("HR_Event-20Log", 1, 1, 2, 0, 1, 0, List.of(
            new RowDiff(DiffKind.MISSING_IN_SOURCE, none, null, ODD))));
  }

  private Path write(Platform p, boolean merge) throws Exception {
    String name = p.name().toLowerCase(Locale.ROOT) + ".sql";
    new SyncScriptWriter(Dialects.of(p), new SyncSettings(1, true, SyncSettings.DEFAULT_MAX_STATEMENTS_PER_FILE, true,
        merge)).write(tmp.resolve("sync_keyless_" + name), tmp.resolve("undo_keyless_" + name), table(p), results(),
        SyncScriptGoldenTest.HEADER, false);
    return tmp.resolve("sync_keyless_" + name);
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void matchesGolden(Platform p) throws Exception {
    Path sync = write(p, false);
    String name = p.name().toLowerCase(Locale.ROOT) + ".sql";
    String text = Files.readString(sync, StandardCharsets.UTF_8);
    Golden.check("sync_keyless_" + name, text);
    Golden.check("undo_keyless_" + name, Files.readString(tmp.resolve("undo_keyless_" + name), StandardCharsets.UTF_8));
    assertTrue(text.contains("No key:              HR.Event Log has no primary key"), text);
    List<String> dml = ScriptDml.dml(sync);
    assertEquals(2, dml.stream().filter(s -> s.startsWith("INSERT")).count(), dml.toString());
    assertEquals(2, dml.stream().filter(s -> s.startsWith("DELETE")).count(), dml.toString());
    String oneRow = switch (p) {
      case ORACLE -> "AND ROWNUM = 1";
      case POSTGRESQL -> "WHERE (tableoid, ctid) = (SELECT tableoid, ctid FROM \"HR\".\"Event Log\" WHERE";
      case H2 -> "FETCH FIRST ROW ONLY";
    };
    assertTrue(dml.stream().filter(s -> s.startsWith("DELETE")).allMatch(s -> s.contains(oneRow)), dml.toString());
  }

  /** MERGE needs a key: a table without one gets INSERTs and DELETEs in the MERGE style too, and says so. */
  @Test
  void mergeStyleWritesInsertsAndDeletes() throws Exception {
    String text = Files.readString(write(Platform.POSTGRESQL, true), StandardCharsets.UTF_8);
    assertTrue(text.contains("MERGE needs a key"), text);
    assertTrue(ScriptDml.dml(text).stream().noneMatch(s -> s.startsWith("MERGE")), text);
  }

  // ------------------------------------------------------------------ H2: run it

  private static Connection h2() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:h2:mem:keyless" + UUID.randomUUID() + ";MODE=Oracle");
    List<String> cols = new ArrayList<>();
    for (String[] col : COLUMNS) {
      cols.add("\"" + col[0] + "\" " + col[5]);
    }
    try (Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA \"HR\"");
      s.execute("CREATE TABLE \"HR\".\"Event Log\" (" + String.join(", ", cols) + ")");
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"HR\".\"Event Log\" VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Object[] r : target()) {
        for (int i = 0; i < r.length; i++) {
          ps.setObject(i + 1, r[i]);
        }
        ps.executeUpdate();
      }
    }
    return c;
  }

  /** The table as a multiset: each row's canonical text and its number of copies. */
  private static TreeMap<String, Integer> multiset(Connection c) throws SQLException {
    TreeMap<String, Integer> out = new TreeMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"HR\".\"Event Log\"")) {
      while (rs.next()) {
        Object[] r = new Object[COLUMNS.length];
        for (int i = 0; i < r.length; i++) {
          r[i] = H2SyncScriptExecutionTest.get(rs, i + 1, ValueKind.valueOf(COLUMNS[i][1]));
        }
        out.merge(new io.dbcompare.compare.RowHasher(table(Platform.H2).kinds()).encode(r), 1, Integer::sum);
      }
    }
    return out;
  }

  private static TreeMap<String, Integer> multiset(List<Object[]> rows) {
    TreeMap<String, Integer> out = new TreeMap<>();
    rows.forEach(r -> out.merge(new io.dbcompare.compare.RowHasher(table(Platform.H2).kinds()).encode(r), 1, Integer::sum));
    return out;
  }

  @Test
  void theH2ScriptsConvergeAndUndoPutsTheTargetBack() throws Exception {
    Path sync = write(Platform.H2, false);
    try (Connection c = h2(); Statement s = c.createStatement()) {
      assertEquals(multiset(target()), multiset(c));
      for (String stmt : SqlStatements.split(Files.readString(sync))) {
        s.execute(stmt);
      }
      assertEquals(multiset(source()), multiset(c), "the target holds the source's rows, copy for copy");
      for (String stmt : SqlStatements.split(Files.readString(tmp.resolve("undo_keyless_h2.sql")))) {
        s.execute(stmt);
      }
      assertEquals(multiset(target()), multiset(c), "undo puts the target back as compared");
      // the DELETE of a row that is gone stops the script, naming the row
      RowStatement gone = RowStatement.deleteRow(table(Platform.H2).target(), List.of(
          new ColumnValue("EVENT", ValueKind.TEXT, "CHARACTER VARYING", "never"),
          new ColumnValue("AMOUNT", ValueKind.NUMBER, "NUMERIC", BigDecimal.ONE),
          new ColumnValue("RATIO", ValueKind.FLOAT, "DOUBLE PRECISION", null),
          new ColumnValue("BODY", ValueKind.TEXT, "CHARACTER LARGE OBJECT", null),
          new ColumnValue("TAG", ValueKind.BYTES, "BINARY VARYING", null),
          new ColumnValue("AT", ValueKind.DATETIME, "TIMESTAMP", null)), false);
      SQLException e = assertThrows(SQLException.class, () -> {
        for (String stmt : SqlStatements.split(new StatementText(Dialects.of(Platform.H2)).render(gone))) {
          s.execute(stmt);
        }
      });
      assertTrue(e.getMessage().contains("sync stopped: HR.Event Log (EVENT=never, AMOUNT=1"), e.getMessage());
    }
  }

  @Test
  void boundStatementsDeleteOneCopyEachAndConverge() throws Exception {
    TableSpec t = table(Platform.H2);
    RowStatements rows = new RowStatements(t, true, false);
    StatementBinder binder = new StatementBinder(Dialects.of(Platform.H2));
    try (Connection c = h2()) {
      for (ChunkResult r : results()) {
        for (RowDiff d : r.diffs()) {
          assertEquals(1, BoundExecutor.executeUpdate(c, binder.bind(rows.sync(d))), d.kind().toString());
        }
      }
      assertEquals(multiset(source()), multiset(c));
      // ODD is gone now: deleting it again changes no row (a conflict for --apply)
      RowStatement again = rows.sync(results().get(1).diffs().get(0));
      assertEquals(0, BoundExecutor.executeUpdate(c, binder.bind(again)));
      assertTrue(binder.bind(again).noRowReason(0).startsWith("sync stopped: HR.Event Log (EVENT=it's"),
          binder.bind(again).noRowReason(0));
    }
  }

  @Test
  void aStatementWithoutKeyIsOnlyAWholeRowInsertOrDelete() {
    TableRef ref = new TableRef("HR", "T");
    List<ColumnValue> row = List.of(new ColumnValue("A", ValueKind.NUMBER, "NUMBER", BigDecimal.ONE));
    assertThrows(IllegalArgumentException.class,
        () -> RowStatement.update(ref, List.of(), row, null, false), "an UPDATE needs a key");
    assertThrows(IllegalArgumentException.class,
        () -> RowStatement.delete(ref, List.of(), row, false), "a keyed DELETE needs a key");
    assertThrows(IllegalArgumentException.class, () -> new RowStatement(RowStatement.Kind.DELETE_ROW, ref, row,
        List.of(), List.of(), row, true, false, false), "a DELETE_ROW has no key");
    assertThrows(IllegalArgumentException.class, () -> new RowStatement(RowStatement.Kind.DELETE_ROW, ref, List.of(),
        List.of(), List.of(), row, false, false, false), "a DELETE_ROW always matches every column");
    assertThrows(IllegalArgumentException.class, () -> RowStatement.insert(ref, List.of(), row), "a keyed INSERT needs a key");
    assertEquals("(A=1)", RowStatement.insertRow(ref, row).keyText());
    assertEquals("(A=1)", RowStatement.deleteRow(ref, row, false).keyText());
  }
}
