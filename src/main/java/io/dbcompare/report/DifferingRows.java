package io.dbcompare.report;

import io.dbcompare.compare.Canonical;
import io.dbcompare.compare.CheckpointStore;
import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.ChunkSnapshot;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.compare.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The first differing rows of a table, side by side: the key, then each column that differs with its
 * source and target value (for a row missing on one side: every column, the other side absent). Read
 * from the table's chunk results (the checkpoint store, or a table stage's revised result where one
 * exists), one chunk at a time and only chunks with differences: never from the databases again, and
 * never more than one chunk plus {@code limit} rows in memory.
 */
public final class DifferingRows {
  private DifferingRows() {}

  public record KeyPart(String column, String value) {}

  /** One column of a differing row; {@code source}/{@code target} null for SQL NULL or an absent row. */
  public record Cell(String column, ShownValue source, ShownValue target, boolean differs) {}

  public record Row(DiffKind kind, List<KeyPart> key, List<Cell> columns) {}

  /**
   * @param rows the first rows in key order (at most {@code limit})
   * @param unavailable why rows could not be read (null when they were)
   */
  public record Sample(List<Row> rows, int limit, String unavailable) {
    public static Sample unavailable(int limit, String why) {
      return new Sample(List.of(), limit, why);
    }
  }

  /**
   * @param chunks the table's chunks (their counts say which have differences)
   * @param stages names of the table stages in run order: a chunk's result is the last stage's revision
   *     of it, else its checkpoint
   */
  public static Sample read(CheckpointStore store, String sessionId, TableSpec spec, List<ChunkSnapshot> chunks,
      List<String> stages, int limit) {
    List<Row> rows = new ArrayList<>();
    for (ChunkSnapshot c : chunks) {
      if (rows.size() >= limit) {
        break;
      }
      if (c.missingInTarget() + c.missingInSource() + c.differentRows() == 0) {
        continue;
      }
      Optional<ChunkResult> r = Optional.empty();
      for (int i = stages.size() - 1; i >= 0 && r.isEmpty(); i--) {
        r = store.loadStage(sessionId, stages.get(i), spec, c.index(), chunks.size());
      }
      if (r.isEmpty()) {
        r = store.load(sessionId, spec, c.index(), chunks.size());
      }
      if (r.isEmpty()) {
        // never a shorter list that looks complete
        return Sample.unavailable(limit, "the checkpoint of chunk " + (c.index() + 1) + " is missing or damaged");
      }
      for (RowDiff d : r.get().diffs()) {
        if (rows.size() >= limit) {
          break;
        }
        rows.add(row(spec, d));
      }
    }
    return new Sample(rows, limit, null);
  }

  /** A differing row as shown: a changed row's differing columns, a missing row's every column. */
  public static Row row(TableSpec spec, RowDiff d) {
    List<KeyPart> key = new ArrayList<>();
    for (int i = 0; i < spec.keyCount(); i++) {
      ColumnSpec c = spec.columns().get(i);
      ShownValue v = ShownValue.of(c.kind(), d.key()[i]);
      key.add(new KeyPart(c.name(), v == null ? null : v.text()));
    }
    List<Cell> cells = new ArrayList<>();
    for (int i = spec.keyCount(); i < spec.columns().size(); i++) {
      ColumnSpec c = spec.columns().get(i);
      Object s = d.sourceValues() == null ? null : d.sourceValues()[i];
      Object t = d.targetValues() == null ? null : d.targetValues()[i];
      boolean differs = d.kind() != DiffKind.DIFFERENT || !Canonical.sameValue(c.kind(), s, t);
      if (differs) {
        cells.add(new Cell(c.name(), ShownValue.of(c.kind(), s), ShownValue.of(c.kind(), t), true));
      }
    }
    return new Row(d.kind(), key, cells);
  }
}
