package io.dbcompare.sync;

import io.dbcompare.compare.Canonical;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.TableSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements for one differing row: the sync statement (DELETE, UPDATE of the differing columns,
 * INSERT; or MERGE with {@code sync.style: merge}) and the undo statement that puts the row back as the
 * comparison read it from the target.
 *
 * <p>Guarded (the default), an UPDATE or DELETE matches the key and every compared column's value as
 * the comparison read it (sync) or as the sync script left it (undo); an INSERT needs no guard (a row
 * that appeared since fails it on the key). A guarded MERGE of a differing row updates it only while it
 * has the values read, and a MERGE of a missing row inserts it only while its key is missing.
 */
public final class RowStatements {
  private final TableSpec t;
  private final boolean guarded;
  private final boolean merge;

  /** With {@code merge}, differing rows and rows missing in the target become MERGE statements. */
  public RowStatements(TableSpec t, boolean guarded, boolean merge) {
    this.t = t;
    this.guarded = guarded;
    this.merge = merge;
  }

  /** Whether a difference needs statements: a DIFFERENT row may differ only in canonical form. */
  public static boolean needsStatement(TableSpec t, RowDiff diff) {
    if (diff.kind() != RowDiff.DiffKind.DIFFERENT) {
      return true;
    }
    for (int i = t.keyCount(); i < t.columns().size(); i++) {
      if (!Canonical.sameValue(t.columns().get(i).kind(), diff.sourceValues()[i], diff.targetValues()[i])) {
        return true;
      }
    }
    return false;
  }

  /** The statement that makes the target row equal to the source row. */
  public RowStatement sync(RowDiff diff) {
    if (t.keyless()) {
      // no key: one copy of a whole row is inserted or deleted (no UPDATE, no MERGE: nothing to match on)
      return switch (diff.kind()) {
        case MISSING_IN_SOURCE -> deleteRow(diff.targetValues());
        case MISSING_IN_TARGET -> insertRow(diff.sourceValues());
        case DIFFERENT -> throw new IllegalStateException(t.displayName() + " has no key: no row differs, rows are"
            + " missing on one side");
      };
    }
    return switch (diff.kind()) {
      case MISSING_IN_SOURCE -> delete(diff.key(), diff.targetValues());
      case MISSING_IN_TARGET -> merge ? mergeInsert(diff.sourceValues()) : insert(diff.sourceValues());
      case DIFFERENT -> merge ? mergeUpdate(diff) : update(diff.key(), diff.sourceValues(), diff.targetValues(),
          diff.targetValues());
    };
  }

  /** The statement that undoes {@link #sync}: the row as the comparison read it from the target. */
  public RowStatement undo(RowDiff diff) {
    if (t.keyless()) {
      return switch (diff.kind()) {
        case MISSING_IN_SOURCE -> insertRow(diff.targetValues());
        case MISSING_IN_TARGET -> deleteRow(diff.sourceValues()).asUndo();
        case DIFFERENT -> throw new IllegalStateException(t.displayName() + " has no key: no row differs");
      };
    }
    return switch (diff.kind()) {
      case MISSING_IN_SOURCE -> insert(diff.targetValues());
      case MISSING_IN_TARGET -> delete(diff.key(), diff.sourceValues()).asUndo();
      case DIFFERENT -> update(diff.key(), diff.targetValues(), diff.sourceValues(), afterSync(diff)).asUndo();
    };
  }

  /** The row as the sync leaves it: source values where it updates, target values elsewhere. */
  private Object[] afterSync(RowDiff diff) {
    Object[] row = diff.targetValues().clone();
    for (int i = t.keyCount(); i < t.columns().size(); i++) {
      if (!Canonical.sameValue(t.columns().get(i).kind(), diff.sourceValues()[i], diff.targetValues()[i])) {
        row[i] = diff.sourceValues()[i];
      }
    }
    return row;
  }

  private RowStatement insert(Object[] row) {
    return RowStatement.insert(t.target(), values(row, 0, t.keyCount()), values(row, t.keyCount(), t.columns().size()));
  }

  private RowStatement insertRow(Object[] row) {
    return RowStatement.insertRow(t.target(), values(row, 0, t.columns().size()));
  }

  /** One copy of a row of a table without key: every compared column matches, guarded or not. */
  private RowStatement deleteRow(Object[] row) {
    return RowStatement.deleteRow(t.target(), values(row, 0, t.columns().size()), t.emptyStringIsNull());
  }

  private RowStatement delete(Object[] key, Object[] expected) {
    return RowStatement.delete(t.target(), values(key, 0, t.keyCount()), guard(expected), t.emptyStringIsNull());
  }

  /** Sets the columns where {@code set} and {@code other} differ to the values of {@code set}. */
  private RowStatement update(Object[] key, Object[] set, Object[] other, Object[] expected) {
    return RowStatement.update(t.target(), values(key, 0, t.keyCount()), differing(set, other), guard(expected),
        t.emptyStringIsNull());
  }

  private RowStatement mergeUpdate(RowDiff diff) {
    Object[] src = diff.sourceValues();
    return new RowStatement(RowStatement.Kind.MERGE_UPDATE, t.target(), values(src, 0, t.keyCount()),
        differing(src, diff.targetValues()), values(src, t.keyCount(), t.columns().size()),
        guarded ? values(diff.targetValues(), t.keyCount(), t.columns().size()) : List.of(), guarded,
        t.emptyStringIsNull(), false);
  }

  private RowStatement mergeInsert(Object[] src) {
    List<ColumnValue> all = values(src, t.keyCount(), t.columns().size());
    return new RowStatement(RowStatement.Kind.MERGE_INSERT, t.target(), values(src, 0, t.keyCount()), all, all,
        List.of(), guarded, t.emptyStringIsNull(), false);
  }

  /** The guard values (every compared non-key column), or null when unguarded. */
  private List<ColumnValue> guard(Object[] expected) {
    return guarded ? values(expected, t.keyCount(), t.columns().size()) : null;
  }

  private List<ColumnValue> differing(Object[] set, Object[] other) {
    List<ColumnValue> out = new ArrayList<>();
    for (int i = t.keyCount(); i < t.columns().size(); i++) {
      ColumnSpec c = t.columns().get(i);
      if (!Canonical.sameValue(c.kind(), set[i], other[i])) {
        out.add(new ColumnValue(c.targetName(), c.kind(), c.targetType(), set[i]));
      }
    }
    return out;
  }

  /** Columns {@code from} to {@code to} of the table with the values at the same positions of {@code row}. */
  private List<ColumnValue> values(Object[] row, int from, int to) {
    List<ColumnValue> out = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      ColumnSpec c = t.columns().get(i);
      out.add(new ColumnValue(c.targetName(), c.kind(), c.targetType(), row[i]));
    }
    return out;
  }
}
