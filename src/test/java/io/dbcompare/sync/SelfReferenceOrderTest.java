package io.dbcompare.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import io.dbcompare.config.SyncSettings;
import io.dbcompare.dialect.Dialects;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows of a table that references itself: inserted referenced rows first, deleted referencing rows first. */
class SelfReferenceOrderTest {
  static final TableRef EMP = new TableRef("APP", "EMP");
  static final TableSpec TABLE = new TableSpec("APP_EMP", "APP.EMP", EMP, EMP, List.of(
      new ColumnSpec("ID", "ID", ValueKind.NUMBER, "NUMBER", "numeric", true),
      new ColumnSpec("MANAGER_ID", "MANAGER_ID", ValueKind.NUMBER, "NUMBER", "numeric", false),
      new ColumnSpec("NAME", "NAME", ValueKind.TEXT, "VARCHAR2", "varchar", false)), 1, Optional.empty(), false);
  static final List<SelfReference> REFS =
      List.of(new SelfReference("EMP_MANAGER", List.of("MANAGER_ID"), List.of("ID")));

  @TempDir Path dir;

  static Object[] row(int id, Integer manager) {
    return new Object[] {BigDecimal.valueOf(id), manager == null ? null : BigDecimal.valueOf(manager), "e" + id};
  }

  static List<Integer> ids(List<Object[]> rows, SelfReferenceOrder.Result r) {
    List<Integer> out = new ArrayList<>();
    for (int i : r.order()) {
      out.add(((BigDecimal) rows.get(i)[0]).intValue());
    }
    return out;
  }

  @Test
  void referencedRowsComeFirstForInsertsAndLastForDeletes() {
    // in key order: 3 (manager 1, not in the list), 5 -> 9, 7 -> 3, 8 (none), 9 -> 7
    List<Object[]> rows = List.of(row(3, 1), row(5, 9), row(7, 3), row(8, null), row(9, 7));
    List<SelfReferenceOrder.Positions> keys = SelfReferenceOrder.positions(TABLE, REFS);
    SelfReferenceOrder.Result inserts = SelfReferenceOrder.order(TABLE, keys, rows, true);
    assertEquals(List.of(3, 7, 8, 9, 5), ids(rows, inserts));
    assertEquals(0, inserts.cycleRows());
    SelfReferenceOrder.Result deletes = SelfReferenceOrder.order(TABLE, keys, rows, false);
    assertEquals(List.of(5, 8, 9, 7, 3), ids(rows, deletes));
    assertEquals(0, deletes.cycleRows());
  }

  @Test
  void aCycleKeepsKeyOrder() {
    // 2 -> 4 -> 2 is a cycle; 6 -> 4 waits for it; 1 -> 6 waits for 6
    List<Object[]> rows = List.of(row(1, 6), row(2, 4), row(4, 2), row(6, 4));
    List<SelfReferenceOrder.Positions> keys = SelfReferenceOrder.positions(TABLE, REFS);
    SelfReferenceOrder.Result inserts = SelfReferenceOrder.order(TABLE, keys, rows, true);
    assertEquals(List.of(2, 4, 6, 1), ids(rows, inserts));
    assertEquals(2, inserts.cycleRows());
    // a pure cycle: key order
    List<Object[]> cycle = List.of(row(1, 3), row(2, 1), row(3, 2));
    assertEquals(List.of(1, 2, 3), ids(cycle, SelfReferenceOrder.order(TABLE, keys, cycle, true)));
    assertEquals(List.of(1, 2, 3), ids(cycle, SelfReferenceOrder.order(TABLE, keys, cycle, false)));
  }

  @Test
  void aReferenceOnAColumnNotComparedIsNotOrdered() {
    List<SelfReference> refs = List.of(new SelfReference("EMP_OTHER", List.of("OTHER_ID"), List.of("ID")));
    assertTrue(SelfReferenceOrder.positions(TABLE, refs).isEmpty());
    assertEquals(refs, SelfReferenceOrder.skipped(TABLE, refs));
  }

  /** The writer orders rows across chunks, for the sync and the undo script, and says so in the headers. */
  @Test
  void theScriptsInsertParentsFirstAndDeleteChildrenFirstAcrossChunks() throws Exception {
    List<ChunkResult> results = List.of(
        chunk(0, new RowDiff(DiffKind.MISSING_IN_TARGET, key(3), row(3, null), null),
            new RowDiff(DiffKind.MISSING_IN_TARGET, key(5), row(5, 9), null),
            new RowDiff(DiffKind.MISSING_IN_SOURCE, key(6), null, row(6, 8))),
        chunk(1, new RowDiff(DiffKind.MISSING_IN_TARGET, key(7), row(7, 3), null),
            new RowDiff(DiffKind.MISSING_IN_SOURCE, key(8), null, row(8, null)),
            new RowDiff(DiffKind.MISSING_IN_TARGET, key(9), row(9, 7), null),
            new RowDiff(DiffKind.MISSING_IN_SOURCE, key(10), null, row(10, 6))));
    Path sync = dir.resolve("sync.sql");
    Path undo = dir.resolve("undo.sql");
    new SyncScriptWriter(Dialects.of(Platform.POSTGRESQL), new SyncSettings(100, true, 1000, true, false))
        .write(sync, undo, TABLE, results, List.of("Session: x"), false, REFS);
    String s = Files.readString(sync);
    assertEquals(List.of("DELETE 10", "DELETE 6", "DELETE 8", "INSERT 3", "INSERT 7", "INSERT 9", "INSERT 5"),
        statements(s), s);
    assertTrue(s.contains("APP.EMP references itself (EMP_MANAGER: MANAGER_ID -> ID)"), s);
    assertTrue(s.contains("inserted referenced rows first"), s);
    String u = Files.readString(undo);
    assertEquals(List.of("DELETE 5", "DELETE 9", "DELETE 7", "DELETE 3", "INSERT 8", "INSERT 6", "INSERT 10"),
        statements(u), u);
    // without self references: key order
    new SyncScriptWriter(Dialects.of(Platform.POSTGRESQL), new SyncSettings(100, true, 1000, false, false))
        .write(sync, null, TABLE, results, List.of("Session: x"), false);
    assertEquals(List.of("DELETE 6", "DELETE 8", "DELETE 10", "INSERT 3", "INSERT 5", "INSERT 7", "INSERT 9"),
        statements(Files.readString(sync)));
  }

  @Test
  void aCycleAndAnUpdateToAnInsertedRowAreNamedInTheHeader() throws Exception {
    List<ChunkResult> results = List.of(chunk(0,
        new RowDiff(DiffKind.MISSING_IN_TARGET, key(1), row(1, 2), null),
        new RowDiff(DiffKind.MISSING_IN_TARGET, key(2), row(2, 1), null),
        new RowDiff(DiffKind.DIFFERENT, key(4), row(4, 1), row(4, null))));
    Path sync = dir.resolve("cycle.sql");
    new SyncScriptWriter(Dialects.of(Platform.POSTGRESQL), new SyncSettings(100, true, 1000, false, false))
        .write(sync, null, TABLE, results, List.of("Session: x"), false, REFS);
    String s = Files.readString(sync);
    assertEquals(List.of("UPDATE 4", "INSERT 1", "INSERT 2"), statements(s), s);
    assertTrue(s.contains("2 row(s) to INSERT reference each other in a cycle"), s);
    assertTrue(s.contains("1 UPDATE(s) set a reference to a row this script INSERTs"), s);
  }

  static Object[] key(int id) {
    return new Object[] {BigDecimal.valueOf(id)};
  }

  static ChunkResult chunk(int index, RowDiff... diffs) {
    long mit = Arrays.stream(diffs).filter(d -> d.kind() == DiffKind.MISSING_IN_TARGET).count();
    long mis = Arrays.stream(diffs).filter(d -> d.kind() == DiffKind.MISSING_IN_SOURCE).count();
    return new ChunkResult("APP_EMP", index, 0, 0, mit, mis, diffs.length - mit - mis, List.of(diffs));
  }

  /** Each statement as its verb and the ID it names (the key its WHERE or VALUES names). */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\s*(DELETE|INSERT|UPDATE)\\b([^;]*)").matcher(script);
    while (m.find()) {
      String body = m.group(2);
      Matcher id = m.group(1).equals("INSERT")
          ? Pattern.compile("VALUES\\s*\\(\\s*(\\d+)").matcher(body)
          : Pattern.compile("WHERE \"ID\" = (\\d+)").matcher(body);
      out.add(m.group(1) + " " + (id.find() ? id.group(1) : "?"));
    }
    return out;
  }
}
