package io.dbcompare.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.Dialects;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Statements as values rendered as script text: for every difference of {@link SyncFixture} (every
 * value kind, NULLs, large LOBs, awkward text), every dialect, guarded or not, DML or MERGE style, sync
 * and undo, {@link StatementText} writes exactly what the renderer before it ({@link LegacyDmlBuilder})
 * wrote, and each statement kind occurs.
 */
class StatementTextTest {

  private static List<RowDiff> diffs() {
    List<RowDiff> out = new ArrayList<>();
    for (ChunkResult r : SyncFixture.results()) {
      out.addAll(r.diffs());
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void everyStatementRendersAsBefore(Platform p) {
    Dialect d = Dialects.of(p);
    TableSpec t = SyncFixture.table(p);
    StatementText text = new StatementText(d);
    Set<RowStatement.Kind> seen = EnumSet.noneOf(RowStatement.Kind.class);
    for (boolean guarded : List.of(true, false)) {
      for (boolean merge : List.of(false, true)) {
        LegacyDmlBuilder legacy = new LegacyDmlBuilder(d, t, guarded, merge);
        RowStatements rows = new RowStatements(t, guarded, merge);
        for (RowDiff diff : diffs()) {
          if (!RowStatements.needsStatement(t, diff)) {
            continue;
          }
          RowStatement sync = rows.sync(diff);
          seen.add(sync.kind());
          assertEquals(legacy.sync(diff), text.render(sync), p + " guarded " + guarded + " merge " + merge + " "
              + diff.kind() + " " + sync.keyText());
          RowStatement undo = rows.undo(diff);
          assertEquals(legacy.undo(diff), text.render(undo), p + " undo guarded " + guarded + " " + diff.kind());
        }
      }
    }
    // a table without key has its own statements (their text is golden in KeylessScriptTest)
    RowStatements keyless = new RowStatements(KeylessScriptTest.table(p), true, false);
    for (ChunkResult r : KeylessScriptTest.results()) {
      for (RowDiff diff : r.diffs()) {
        RowStatement sync = keyless.sync(diff);
        seen.add(sync.kind());
        assertTrue(text.render(sync).contains(sync.kind().verb() + " "), text.render(sync));
      }
    }
    assertEquals(EnumSet.allOf(RowStatement.Kind.class), seen);
  }

  /** The same value renders to the same text every time (the --apply check compares renderings). */
  @Test
  void renderingIsDeterministic() {
    Dialect d = Dialects.of(Platform.ORACLE);
    TableSpec t = SyncFixture.table(Platform.ORACLE);
    RowStatements rows = new RowStatements(t, true, false);
    for (RowDiff diff : diffs()) {
      if (RowStatements.needsStatement(t, diff)) {
        RowStatement s = rows.sync(diff);
        assertEquals(new StatementText(d).render(s), new StatementText(d).render(s));
      }
    }
  }

  /** A statement built by hand (as a repair would) renders like one built from a difference. */
  @Test
  void aHandBuiltStatementRenders() {
    TableRef table = new TableRef("HR", "EMP");
    ColumnValue id = new ColumnValue("ID", ValueKind.NUMBER, "NUMBER", new BigDecimal("42"));
    ColumnValue name = new ColumnValue("NAME", ValueKind.TEXT, "VARCHAR2", "O'Brien");
    RowStatement update = RowStatement.update(table, List.of(id), List.of(name),
        List.of(new ColumnValue("NAME", ValueKind.TEXT, "VARCHAR2", null)), true);
    assertEquals("SELECT CASE WHEN COUNT(*) = 1 THEN 1 ELSE CAST('sync stopped: HR.EMP (ID=42) changed since the"
        + " comparison (UPDATE found no row with the values it read) [rows matching: ' || COUNT(*) || ']' AS INT) END"
        + " AS \"SYNC_GUARD\" FROM \"HR\".\"EMP\" WHERE \"ID\" = 42 AND (\"NAME\" IS NULL OR \"NAME\" = '');\n"
        + "UPDATE \"HR\".\"EMP\" SET \"NAME\" = 'O''Brien' WHERE \"ID\" = 42 AND (\"NAME\" IS NULL OR \"NAME\" = '');",
        new StatementText(Dialects.of(Platform.H2)).render(update));
    assertEquals("INSERT INTO \"HR\".\"EMP\" (\"ID\", \"NAME\") VALUES (42, 'O''Brien');",
        new StatementText(Dialects.of(Platform.POSTGRESQL)).render(RowStatement.insert(table, List.of(id), List.of(name))));
  }

  @Test
  void malformedStatementsAreRefused() {
    TableRef table = new TableRef("HR", "EMP");
    ColumnValue id = new ColumnValue("ID", ValueKind.NUMBER, "NUMBER", BigDecimal.ONE);
    assertThrows(IllegalArgumentException.class, () -> RowStatement.insert(table, List.of(), List.of(id)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RowStatement.update(table, List.of(id), List.of(), null, false));
    assertTrue(e.getMessage().contains("no differing column for HR.EMP (ID=1)"), e.getMessage());
  }
}
