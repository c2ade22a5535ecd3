package io.dbcompare.repair;

import io.dbcompare.compare.ChunkSnapshot;
import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableStatus;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What {@code --repair} will do, from a finished comparison session alone (no database is read): per
 * table with differences, the chunks with differences in the plan's order and their counts per kind.
 * A table the comparison could not finish is not repaired: a repair writes what the comparison found,
 * and for such a table it found nothing to trust.
 */
public record RepairPlan(List<TablePlan> tables, List<TableSnapshot> failed) {

  public RepairPlan {
    tables = List.copyOf(tables);
    failed = List.copyOf(failed);
  }

  /** How a chunk's rows are read and written. */
  public enum Method {
    /** The target had no row in the chunk: the source range is read once and loaded whole. */
    COPY_RANGE,
    /** Most of the chunk is missing in the target: the source range is read once, the differing rows kept. */
    READ_RANGE,
    /** Scattered differences: the differing rows are read from the source by key. */
    READ_KEYS
  }

  /** One chunk with differences. */
  public record ChunkPlan(ChunkSnapshot chunk, Method method) {
    public int index() {
      return chunk.index();
    }
  }

  /** One table to repair. */
  public record TablePlan(TableSnapshot table, List<ChunkPlan> chunks) {
    public TablePlan {
      chunks = List.copyOf(chunks);
    }

    public long deletes() {
      return table.missingInSource();
    }

    public long updates() {
      return table.differentRows();
    }

    public long inserts() {
      return table.missingInTarget();
    }
  }

  /**
   * The plan for the session's tables with differences, or the tables {@code only} (session keys) when
   * given. A table named there that is not complete in the session is refused; one that failed and is
   * not named is reported in {@link #failed()} (the caller decides, e.g. a missing target table).
   */
  public static RepairPlan of(RunSnapshot session, Set<String> only, Function<String, List<ChunkSnapshot>> chunks) {
    List<TablePlan> out = new ArrayList<>();
    List<TableSnapshot> failed = new ArrayList<>();
    for (TableSnapshot t : session.tables()) {
      if (!only.isEmpty() && !only.contains(t.key())) {
        continue;
      }
      if (t.status() == TableStatus.FAILED) {
        failed.add(t);
        continue;
      }
      if (t.status() == TableStatus.MISSING_IN_TARGET) {
        continue; // a schema's table the target schema lacks: nothing was compared (the summary names it)
      }
      if (t.status() != TableStatus.COMPLETED) {
        throw new CompareException(ErrorCode.APPLY_REFUSED, "table " + t.displayName() + " of session "
            + session.sessionId() + " is not complete (" + t.status().name().toLowerCase(java.util.Locale.ROOT)
            + "): finish the comparison with --resume " + session.shortId() + " before repairing it");
      }
      if (t.differences() == 0) {
        continue;
      }
      List<ChunkPlan> cs = new ArrayList<>();
      for (ChunkSnapshot c : chunks.apply(t.key())) {
        if (c.missingInTarget() + c.missingInSource() + c.differentRows() > 0) {
          cs.add(new ChunkPlan(c, method(c)));
        }
      }
      out.add(new TablePlan(t, cs));
    }
    return new RepairPlan(out, failed);
  }

  /** The cheapest way to read a chunk's rows, from its counts (the choice is checked again when it runs). */
  static Method method(ChunkSnapshot c) {
    if (c.targetRows() == 0 && c.missingInSource() == 0 && c.differentRows() == 0) {
      return Method.COPY_RANGE;
    }
    // reading the whole range once beats looking up half of it by key
    return c.missingInTarget() + c.differentRows() >= c.sourceRows() / 2 && c.sourceRows() > 0
        ? Method.READ_RANGE : Method.READ_KEYS;
  }

  public long deletes() {
    return tables.stream().mapToLong(TablePlan::deletes).sum();
  }

  public long updates() {
    return tables.stream().mapToLong(TablePlan::updates).sum();
  }

  public long inserts() {
    return tables.stream().mapToLong(TablePlan::inserts).sum();
  }
}
