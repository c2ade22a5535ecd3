package io.dbcompare.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.apply.BoundExecutor;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.Dialects;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bound statements of {@link SyncFixture} (every value kind: NaN and infinities, a 100,000-character
 * CLOB, bytes, dates, times with nanoseconds and offsets, NULLs) run on H2 (Oracle mode): the sync turns
 * the target into the source exactly, the undo puts it back, and run a second time every statement is
 * a conflict (a guarded UPDATE or DELETE or MERGE changes no row, an INSERT fails on its key).
 */
class StatementBinderH2Test {

  private static List<RowStatement> statements(boolean guarded, boolean merge, boolean undo) {
    TableSpec t = SyncFixture.table(Platform.H2);
    RowStatements rows = new RowStatements(t, guarded, merge);
    List<RowStatement> out = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      for (RowDiff d : SyncScriptGoldenTest.fixtureDiffs()) {
        if ((undo ? Phase.ofUndo(d.kind()) : Phase.ofSync(d.kind())) == phase && RowStatements.needsStatement(t, d)) {
          out.add(undo ? rows.undo(d) : rows.sync(d));
        }
      }
    }
    return out;
  }

  /** Runs the statements; returns their update counts (-23 for an integrity violation). */
  private static List<Integer> run(Connection c, List<RowStatement> statements) throws SQLException {
    StatementBinder binder = new StatementBinder(Dialects.of(Platform.H2));
    List<Integer> counts = new ArrayList<>();
    for (RowStatement s : statements) {
      try {
        counts.add(BoundExecutor.executeUpdate(c, binder.bind(s)));
      } catch (SQLException e) {
        if (!e.getSQLState().startsWith("23")) {
          throw e;
        }
        counts.add(-23);
      }
    }
    return counts;
  }

  private static Connection target() throws SQLException {
    Connection c = H2SyncScriptExecutionTest.connect();
    c.setAutoCommit(false);
    H2SyncScriptExecutionTest.createTable(c);
    H2SyncScriptExecutionTest.load(c, SyncFixture.target());
    c.commit();
    return c;
  }

  @Test
  void boundSyncTurnsTheTargetIntoTheSourceExactlyAndUndoPutsItBack() throws Exception {
    try (Connection c = target()) {
      assertEquals(List.of(1, 1, 1, 1, 1, 1), run(c, statements(true, false, false)));
      c.commit();
      List<Object[]> after = H2SyncScriptExecutionTest.read(c);
      assertEquals(SyncFixture.byKey(SyncFixture.source()), SyncFixture.byKey(after));
      Object[] row2 = after.stream().filter(r -> ((BigDecimal) r[0]).intValue() == 2).findFirst().orElseThrow();
      assertEquals(SyncFixture.AWKWARD, row2[4]);
      assertEquals(SyncFixture.CLOB_100K, row2[5]);
      assertArrayEquals((byte[]) SyncFixture.S2[7], (byte[]) row2[7]);
      assertTrue(Double.isNaN((Double) row2[3]));
      assertEquals(SyncFixture.S2[10], row2[10], "nanoseconds kept");
      assertEquals(SyncFixture.S2[11], row2[11], "offset kept");
      assertEquals(new BigDecimal("12345678901234567890.123456789"), row2[2]);

      // run again: every statement finds the target other than it expects
      assertEquals(List.of(0, 0, 0, 0, -23, -23), run(c, statements(true, false, false)));
      c.rollback();

      assertEquals(List.of(1, 1, 1, 1, 1, 1), run(c, statements(true, false, true)));
      c.commit();
      assertEquals(SyncFixture.byKey(SyncFixture.target()), SyncFixture.byKey(H2SyncScriptExecutionTest.read(c)));
    }
  }

  @Test
  void boundMergesConvergeAndTheirGuardsHold() throws Exception {
    try (Connection c = target()) {
      assertEquals(List.of(1, 1, 1, 1, 1, 1), run(c, statements(true, true, false)));
      c.commit();
      assertEquals(SyncFixture.byKey(SyncFixture.source()), SyncFixture.byKey(H2SyncScriptExecutionTest.read(c)));
      // again: the DELETEs find no row, the MERGEs of differing rows no row as read, those of missing rows the key
      assertEquals(List.of(0, 0, 0, 0, 0, 0), run(c, statements(true, true, false)));
      c.rollback();
    }
  }

  /** Unguarded, a MERGE is an upsert: a row inserted since is overwritten with the source's values. */
  @Test
  void unguardedBoundMergesUpsert() throws Exception {
    try (Connection c = target()) {
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO \"HR\".\"Mixed Case\" (\"ID\", \"Region\", \"NOTE\") VALUES (4, 'zz', 'appeared')");
        s.execute("DELETE FROM \"HR\".\"Mixed Case\" WHERE \"ID\" = 7");
      }
      run(c, statements(false, true, false));
      c.commit();
      assertEquals(SyncFixture.byKey(SyncFixture.source()), SyncFixture.byKey(H2SyncScriptExecutionTest.read(c)));
    }
  }

  /** A value changed since the comparison: the guarded UPDATE changes no row and the value stays. */
  @Test
  void aChangedValueMakesTheGuardedUpdateChangeNoRow() throws Exception {
    try (Connection c = target()) {
      try (Statement s = c.createStatement()) {
        s.execute("UPDATE \"HR\".\"Mixed Case\" SET \"BODY\" = 'edited' WHERE \"ID\" = 2");
      }
      List<RowStatement> updates = statements(true, false, false).stream()
          .filter(s -> s.kind() == RowStatement.Kind.UPDATE).toList();
      List<Integer> counts = run(c, updates);
      assertEquals(0, counts.get(0), "row 2 was edited");
      assertEquals(1, counts.get(1));
      Object[] row2 = H2SyncScriptExecutionTest.read(c).stream().filter(r -> ((BigDecimal) r[0]).intValue() == 2)
          .findFirst().orElseThrow();
      assertEquals("edited", row2[5]);
      assertEquals(SyncFixture.T2[4], row2[4], "nothing of the row was updated");
    }
  }
}
