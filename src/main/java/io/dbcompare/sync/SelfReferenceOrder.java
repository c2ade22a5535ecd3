package io.dbcompare.sync;

import io.dbcompare.compare.Canonical;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.TableSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Orders the rows a script inserts (or deletes) in one table that references itself: a row whose
 * self-referencing foreign key names another row of the same list comes after it (inserts, parents
 * first) or before it (deletes, children first). Rows that do not depend on each other keep the given
 * (key) order. Rows in a cycle (A references B, B references A) cannot be ordered: they keep key
 * order among themselves ({@link Result#cycleRows()} counts them), and the rows behind them follow.
 */
final class SelfReferenceOrder {
  private SelfReferenceOrder() {}

  /** The order of the rows (indexes into the given list) and how many of them are in a cycle. */
  record Result(int[] order, int cycleRows) {}

  /** A foreign key as positions in the table's columns. */
  record Positions(String name, int[] columns, int[] referenced) {}

  /**
   * The self references whose columns are all compared, as positions; the others are left out (their
   * values are not in the rows: see {@link #skipped}).
   */
  static List<Positions> positions(TableSpec t, List<SelfReference> refs) {
    List<Positions> out = new ArrayList<>();
    for (SelfReference r : refs) {
      int[] cols = indexes(t, r.columns());
      int[] ref = indexes(t, r.referencedColumns());
      if (cols != null && ref != null && cols.length == ref.length && cols.length > 0) {
        out.add(new Positions(r.name(), cols, ref));
      }
    }
    return out;
  }

  /** The self references that cannot be ordered because a column of theirs is not compared. */
  static List<SelfReference> skipped(TableSpec t, List<SelfReference> refs) {
    List<SelfReference> out = new ArrayList<>();
    for (SelfReference r : refs) {
      if (indexes(t, r.columns()) == null || indexes(t, r.referencedColumns()) == null) {
        out.add(r);
      }
    }
    return out;
  }

  private static int[] indexes(TableSpec t, List<String> names) {
    int[] out = new int[names.size()];
    for (int n = 0; n < names.size(); n++) {
      int found = -1;
      for (int i = 0; i < t.columns().size() && found < 0; i++) {
        if (t.columns().get(i).targetName().equals(names.get(n))) {
          found = i;
        }
      }
      for (int i = 0; i < t.columns().size() && found < 0; i++) {
        if (t.columns().get(i).targetName().equalsIgnoreCase(names.get(n))) {
          found = i;
        }
      }
      if (found < 0) {
        return null;
      }
      out[n] = found;
    }
    return out;
  }

  /**
   * Orders {@code rows} (full rows in the table's column order, in key order).
   *
   * @param parentsFirst true for inserts (a referenced row first), false for deletes (referencing rows first)
   */
  static Result order(TableSpec t, List<Positions> keys, List<Object[]> rows, boolean parentsFirst) {
    int n = rows.size();
    List<List<Integer>> after = new ArrayList<>(n); // after.get(i): rows that must come after row i
    for (int i = 0; i < n; i++) {
      after.add(new ArrayList<>(1));
    }
    int[] before = new int[n]; // how many rows must come before row i
    List<List<Integer>> mustPrecede = new ArrayList<>(n); // mustPrecede.get(i): the rows that must come before row i
    for (int i = 0; i < n; i++) {
      mustPrecede.add(new ArrayList<>(1));
    }
    for (Positions k : keys) {
      Map<List<String>, Integer> byReferenced = new HashMap<>();
      for (int i = 0; i < n; i++) {
        List<String> v = values(t, rows.get(i), k.referenced());
        if (v != null) {
          byReferenced.putIfAbsent(v, i);
        }
      }
      for (int i = 0; i < n; i++) {
        List<String> v = values(t, rows.get(i), k.columns());
        Integer parent = v == null ? null : byReferenced.get(v);
        if (parent != null && parent != i) {
          int first = parentsFirst ? parent : i;
          int second = parentsFirst ? i : parent;
          after.get(first).add(second);
          mustPrecede.get(second).add(first);
          before[second]++;
        }
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < n; i++) {
      if (before[i] == 0) {
        ready.add(i);
      }
    }
    boolean[] done = new boolean[n];
    int[] order = new int[n];
    int placed = 0;
    int cycle = 0;
    int nextStuck = 0;
    while (placed < n) {
      Integer next = ready.poll();
      List<Integer> take;
      if (next != null) {
        take = List.of(next);
      } else {
        // only rows in (or behind) a cycle are left: find a cycle, walking back from the first row left,
        // and take its rows in key order
        while (done[nextStuck]) {
          nextStuck++;
        }
        List<Integer> path = new ArrayList<>();
        int cur = nextStuck;
        while (!path.contains(cur)) {
          path.add(cur);
          cur = pending(cur, mustPrecede, done);
        }
        take = new ArrayList<>(path.subList(path.indexOf(cur), path.size()));
        take.sort(null);
        cycle += take.size();
        for (int i : take) {
          done[i] = true; // before their successors are released
        }
      }
      for (int i : take) {
        done[i] = true;
        order[placed++] = i;
        for (int j : after.get(i)) {
          if (!done[j] && --before[j] == 0) {
            ready.add(j);
          }
        }
      }
    }
    return new Result(order, cycle);
  }

  /** The values {@code rows} can be referenced by, per key (the key's index first). */
  static Set<List<String>> referencedValues(TableSpec t, List<Positions> keys, List<Object[]> rows) {
    Set<List<String>> out = new HashSet<>();
    for (int k = 0; k < keys.size(); k++) {
      for (Object[] r : rows) {
        List<String> v = values(t, r, keys.get(k).referenced());
        if (v != null) {
          v.add(0, Integer.toString(k));
          out.add(v);
        }
      }
    }
    return out;
  }

  /** Whether {@code row} references (by one of the keys) one of the {@link #referencedValues}. */
  static boolean referencesAny(TableSpec t, List<Positions> keys, Object[] row, Set<List<String>> referenced) {
    for (int k = 0; k < keys.size(); k++) {
      List<String> v = values(t, row, keys.get(k).columns());
      if (v != null) {
        v.add(0, Integer.toString(k));
        if (referenced.contains(v)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A row that must come before row {@code i} and is not placed yet (one exists while {@code i} waits). */
  private static int pending(int i, List<List<Integer>> mustPrecede, boolean[] done) {
    for (int j : mustPrecede.get(i)) {
      if (!done[j]) {
        return j;
      }
    }
    throw new IllegalStateException("row " + i + " waits for no row");
  }

  /** The canonical texts of a row's columns, or null when one is NULL (such a row references none). */
  private static List<String> values(TableSpec t, Object[] row, int[] columns) {
    List<String> out = new ArrayList<>(columns.length);
    for (int c : columns) {
      Object v = row[c];
      if (v == null) {
        return null;
      }
      ColumnSpec spec = t.columns().get(c);
      out.add(Canonical.text(spec.kind(), v));
    }
    return out;
  }
}
