package io.dbcompare.sync;

import io.dbcompare.compare.Canonical;
import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.compare.TableSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Rows whose differing columns include a column of a unique constraint are written as a DELETE (in the
 * delete phase) and an INSERT (in the insert phase) instead of an UPDATE: two rows that swap a unique
 * value would otherwise collide on the first UPDATE, whichever order the script used. All deletes run
 * before all inserts, so the swap applies cleanly. (A row referenced by a foreign key that restricts
 * deletes cannot be moved this way; the script then stops on that DELETE.)
 */
public final class UniqueChanges {
  private UniqueChanges() {}

  /** The chunk results as the sync script should write them. */
  public static Iterable<ChunkResult> asDeleteAndInsert(TableSpec t, Iterable<ChunkResult> results) {
    if (t.uniqueKeys().isEmpty()) {
      return results;
    }
    return () -> new Iterator<>() {
      private final Iterator<ChunkResult> it = results.iterator();

      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public ChunkResult next() {
        ChunkResult r = it.next();
        List<RowDiff> out = new ArrayList<>(r.diffs().size());
        long moved = 0;
        for (RowDiff d : r.diffs()) {
          if (d.kind() == DiffKind.DIFFERENT && changesUniqueValue(t, d)) {
            out.add(new RowDiff(DiffKind.MISSING_IN_SOURCE, d.key(), null, d.targetValues()));
            out.add(new RowDiff(DiffKind.MISSING_IN_TARGET, d.key(), d.sourceValues(), null));
            moved++;
          } else {
            out.add(d);
          }
        }
        return new ChunkResult(r.tableKey(), r.chunkIndex(), r.sourceRows(), r.targetRows(),
            r.missingInTarget() + moved, r.missingInSource() + moved, r.different() - moved, out);
      }
    };
  }

  /** Whether a DIFFERENT row changes a column of one of the target's unique constraints. */
  public static boolean changesUniqueValue(TableSpec t, RowDiff d) {
    for (int i = t.keyCount(); i < t.columns().size(); i++) {
      ColumnSpec c = t.columns().get(i);
      if (!Canonical.sameValue(c.kind(), d.sourceValues()[i], d.targetValues()[i])) {
        for (List<String> unique : t.uniqueKeys()) {
          if (unique.contains(c.targetName())) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
