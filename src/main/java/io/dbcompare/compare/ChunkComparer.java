package io.dbcompare.compare;

import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Merge-joins the key-ordered rows of both sides of one chunk. Rows whose keys match and whose hashes
 * are equal are dropped at once; only differing rows are kept. Each stream is checked to be strictly
 * ascending: a duplicate key or an order that differs from {@link KeyOrder} fails the chunk instead of
 * producing false differences.
 */
public final class ChunkComparer {

  private ChunkComparer() {}

  public static ChunkResult compare(TableSpec table, int chunkIndex, RowCursor source, RowCursor target)
      throws InterruptedException {
    KeyOrder order = table.keyOrder();
    int kc = table.keyCount();
    List<RowDiff> diffs = new ArrayList<>();
    long sourceRows = 0;
    long targetRows = 0;
    long missingInTarget = 0;
    long missingInSource = 0;
    long different = 0;
    Row s = source.next();
    Row t = target.next();
    Object[] prevS = null;
    Object[] prevT = null;
    while (s != null || t != null) {
      if (s != null && prevS != s.values()) {
        checkAscending(table, order, Side.SOURCE, prevS, s.values(), kc);
        prevS = s.values();
      }
      if (t != null && prevT != t.values()) {
        checkAscending(table, order, Side.TARGET, prevT, t.values(), kc);
        prevT = t.values();
      }
      int c = s == null ? 1 : t == null ? -1 : order.compare(s.values(), t.values());
      if (c < 0) {
        missingInTarget++;
        diffs.add(new RowDiff(DiffKind.MISSING_IN_TARGET, s.key(), s.values(), null));
        sourceRows++;
        s = source.next();
      } else if (c > 0) {
        missingInSource++;
        diffs.add(new RowDiff(DiffKind.MISSING_IN_SOURCE, t.key(), null, t.values()));
        targetRows++;
        t = target.next();
      } else {
        if (!s.hash().equals(t.hash())) {
          different++;
          diffs.add(new RowDiff(DiffKind.DIFFERENT, s.key(), s.values(), t.values()));
        }
        sourceRows++;
        targetRows++;
        s = source.next();
        t = target.next();
      }
    }
    return new ChunkResult(table.key(), chunkIndex, sourceRows, targetRows, missingInTarget, missingInSource,
        different, diffs);
  }

  private static void checkAscending(TableSpec table, KeyOrder order, Side side, Object[] prev, Object[] cur, int kc) {
    if (prev == null) {
      return;
    }
    int c = order.compare(prev, cur);
    if (c < 0) {
      return;
    }
    String key = ValueText.display(table.keyNames(), table.keyKinds(), java.util.Arrays.copyOf(cur, kc));
    if (c == 0) {
      String which = table.keySource().kind() == KeySource.Kind.KEY_COLUMNS
          ? "key_columns (" + String.join(", ", table.keyNames()) + ") value " : "key ";
      throw new CompareException(ErrorCode.TABLE_FAILED, table.displayName() + ": " + which + key
          + " occurs twice in the " + side.label() + "; " + table.keySource().fixHint());
    }
    throw new CompareException(ErrorCode.TABLE_FAILED, table.displayName() + ": the " + side.label()
        + " returned rows out of binary key order at " + key
        + "; the database's sort order differs from the comparison's (check NLS_SORT/collation of the key columns)");
  }
}
