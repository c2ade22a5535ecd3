package io.dbcompare.repair;

import io.dbcompare.compare.Canonical;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.sync.RowStatement;
import io.dbcompare.sync.RowStatements;
import io.dbcompare.sync.UniqueChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The statements that repair one chunk: for every key the comparison found different, the row as the
 * source has it now ({@code fresh}, read when the repair runs; checkpoints are never the values
 * written) against the row as the comparison read it from the target (the guard). Built by the sync
 * scripts' own {@link RowStatements} (guarded), so a repair statement is the statement a script would
 * hold for the same two rows:
 *
 * <ul>
 *   <li>no source row now, a target row read: a DELETE guarded by the values read;
 *   <li>a source row, no target row read: an INSERT of the source row;
 *   <li>both: an UPDATE of the columns that differ now, guarded by the values read; a row that changes a
 *       unique value becomes a DELETE and an INSERT (deletes run first, as in the scripts); nothing when
 *       the source row now equals the target row read;
 *   <li>neither (the source row was deleted since): nothing.
 * </ul>
 *
 * @param inserts the source rows to insert, whole (the insert path loads them in bulk)
 * @param unchanged keys that need nothing now (the source caught up with the target, or lost the row too)
 */
record RowChanges(List<RowStatement> deletes, List<RowStatement> updates, List<Object[]> inserts, int unchanged) {

  RowChanges {
    deletes = List.copyOf(deletes);
    updates = List.copyOf(updates);
    inserts = List.copyOf(inserts);
  }

  static RowChanges of(TableSpec t, List<RowDiff> diffs, KeyIndex fresh) {
    RowStatements dml = new RowStatements(t, true, false);
    List<RowStatement> deletes = new ArrayList<>();
    List<RowStatement> updates = new ArrayList<>();
    List<Object[]> inserts = new ArrayList<>();
    int unchanged = 0;
    for (RowDiff d : diffs) {
      Object[] source = fresh.get(d.key());
      Object[] target = d.kind() == DiffKind.MISSING_IN_TARGET ? null : d.targetValues();
      if (source == null && target == null) {
        unchanged++;
      } else if (source == null) {
        deletes.add(dml.sync(new RowDiff(DiffKind.MISSING_IN_SOURCE, d.key(), null, target)));
      } else if (target == null) {
        inserts.add(source);
      } else {
        RowDiff now = new RowDiff(DiffKind.DIFFERENT, d.key(), source, target);
        if (!RowStatements.needsStatement(t, now)) {
          unchanged++;
        } else if (UniqueChanges.changesUniqueValue(t, now)) {
          deletes.add(dml.sync(new RowDiff(DiffKind.MISSING_IN_SOURCE, d.key(), null, target)));
          inserts.add(source);
        } else {
          updates.add(dml.sync(now));
        }
      }
    }
    return new RowChanges(deletes, updates, inserts, unchanged);
  }

  /**
   * The changes without the rows already as the repair leaves them ({@code done} says so for a key):
   * what is left of a chunk whose COMMIT may have happened in a run that died before recording it.
   */
  RowChanges without(TableSpec t, Predicate<Object[]> done) {
    List<RowStatement> d = deletes.stream().filter(s -> !done.test(key(s))).toList();
    List<RowStatement> u = updates.stream().filter(s -> !done.test(key(s))).toList();
    List<Object[]> i = inserts.stream().filter(r -> !done.test(java.util.Arrays.copyOf(r, t.keyCount()))).toList();
    // a unique move is a delete and an insert of one key: both are done or neither
    return new RowChanges(d, u, i, unchanged + (deletes.size() - d.size()) + (updates.size() - u.size())
        + (inserts.size() - i.size()));
  }

  private static Object[] key(RowStatement s) {
    return s.key().stream().map(io.dbcompare.sync.ColumnValue::value).toArray();
  }

  int statements() {
    return deletes.size() + updates.size() + inserts.size();
  }

  boolean isEmpty() {
    return statements() == 0;
  }

  /** Whether two rows hold the same values, as the comparison compares them. */
  static boolean sameRow(TableSpec t, Object[] a, Object[] b) {
    for (int i = 0; i < t.columns().size(); i++) {
      if (!Canonical.sameValue(t.columns().get(i).kind(), a[i], b[i])) {
        return false;
      }
    }
    return true;
  }
}
