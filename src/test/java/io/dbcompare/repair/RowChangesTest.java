package io.dbcompare.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.sync.ColumnValue;
import io.dbcompare.sync.RowStatement;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a repair writes for each key the comparison found different: the source row as read now against
 * the target row as the comparison read it (the guard).
 */
class RowChangesTest {
  private static final TableSpec T = new TableSpec("APP_T", "APP.T", new TableRef("APP", "T"), new TableRef("APP", "T"),
      List.of(new ColumnSpec("ID", "ID", ValueKind.NUMBER, "NUMBER", "NUMBER", true),
          new ColumnSpec("NAME", "NAME", ValueKind.TEXT, "VARCHAR2", "VARCHAR2", false),
          new ColumnSpec("CODE", "CODE", ValueKind.TEXT, "VARCHAR2", "VARCHAR2", false)),
      1, Optional.empty(), false, List.of(List.of("CODE")));

  private static Object[] row(int id, String name, String code) {
    return new Object[] {BigDecimal.valueOf(id), name, code};
  }

  private static Object[] key(int id) {
    return new Object[] {BigDecimal.valueOf(id)};
  }

  private static KeyIndex fresh(Object[]... rows) {
    KeyIndex k = new KeyIndex(T);
    for (Object[] r : rows) {
      k.put(r);
    }
    return k;
  }

  @Test
  void eachKindBecomesTheStatementOfTheRowsAsTheyAreNow() {
    List<RowDiff> diffs = List.of(
        new RowDiff(DiffKind.MISSING_IN_SOURCE, key(1), null, row(1, "gone", "a")),
        new RowDiff(DiffKind.MISSING_IN_TARGET, key(2), row(2, "old value", "b"), null),
        new RowDiff(DiffKind.DIFFERENT, key(3), row(3, "src", "c"), row(3, "tgt", "c")),
        // the source caught up with the target since: nothing to write
        new RowDiff(DiffKind.DIFFERENT, key(4), row(4, "src", "d"), row(4, "tgt", "d")),
        // missing in the target, and deleted from the source since: nothing to write
        new RowDiff(DiffKind.MISSING_IN_TARGET, key(5), row(5, "x", "e"), null),
        // a unique value changes: a DELETE and an INSERT
        new RowDiff(DiffKind.DIFFERENT, key(6), row(6, "n", "new"), row(6, "n", "old")),
        // different when compared, deleted from the source since: a DELETE guarded by what was read
        new RowDiff(DiffKind.DIFFERENT, key(7), row(7, "s", "g"), row(7, "t", "g")));
    RowChanges ch = RowChanges.of(T, diffs, fresh(row(2, "new value", "b"), row(3, "src", "c"), row(4, "tgt", "d"),
        row(6, "n", "new")));
    assertEquals(3, ch.deletes().size());
    assertEquals(List.of("(ID=1)", "(ID=6)", "(ID=7)"), ch.deletes().stream().map(RowStatement::keyText).toList());
    RowStatement d7 = ch.deletes().get(2);
    assertEquals(List.of(new ColumnValue("NAME", ValueKind.TEXT, "VARCHAR2", "t"),
        new ColumnValue("CODE", ValueKind.TEXT, "VARCHAR2", "g")), d7.guard());
    assertEquals(1, ch.updates().size());
    RowStatement u = ch.updates().get(0);
    assertEquals(List.of(new ColumnValue("NAME", ValueKind.TEXT, "VARCHAR2", "src")), u.set());
    assertEquals("tgt", u.guard().get(0).value());
    assertEquals(2, ch.inserts().size());
    assertEquals("new value", ch.inserts().get(0)[1], "the value read now, not the checkpoint's");
    assertEquals("new", ch.inserts().get(1)[2]);
    assertEquals(2, ch.unchanged());
  }

  @Test
  void withoutDropsTheRowsAlreadyRepaired() {
    List<RowDiff> diffs = List.of(
        new RowDiff(DiffKind.MISSING_IN_SOURCE, key(1), null, row(1, "gone", "a")),
        new RowDiff(DiffKind.MISSING_IN_TARGET, key(2), row(2, "v", "b"), null),
        new RowDiff(DiffKind.DIFFERENT, key(3), row(3, "src", "c"), row(3, "tgt", "c")));
    RowChanges ch = RowChanges.of(T, diffs, fresh(row(2, "v", "b"), row(3, "src", "c")));
    RowChanges left = ch.without(T, k -> ((BigDecimal) k[0]).intValue() != 3);
    assertEquals(0, left.deletes().size());
    assertEquals(1, left.updates().size());
    assertEquals(0, left.inserts().size());
    assertEquals(2, left.unchanged());
  }

  @Test
  void keysMeetAcrossScales() {
    KeyIndex k = fresh(row(1, "a", "b"));
    assertEquals("a", k.get(new Object[] {new BigDecimal("1.00")})[1], "1 and 1.00 are one key, as in the merge");
  }
}
