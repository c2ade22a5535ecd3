package io.dbcompare.jdbc;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.KeyColumnOrder.Rendering;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.TableSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the chunk query text and its bind values. The range predicate is written without row-value
 * comparison (Oracle has none, ORA-01796): {@code (a > ?) OR (a = ? AND b > ?)}, and for a composite key
 * with a redundant bound on the leading column in front ({@code a >= ? AND (...)}): it changes no
 * result, and gives the optimizer a start (stop) key on the index's first column, which it cannot
 * derive from the disjunction (use-the-index-luke.com, "Paging Through Results"). Source and target
 * run the same predicate shape with the same bind values. Every table reference carries the side's
 * read point ({@link Dialect#tableReference}); its binds come first, as its text does.
 */
public final class RangeSql {
  private RangeSql() {}

  /** A statement and its bind values. */
  public record Query(String sql, List<Object> binds) {}

  public static Query chunkQuery(TableSpec t, Side side, Dialect d, ChunkBounds b) {
    List<Object> binds = new ArrayList<>();
    String sql = "SELECT " + String.join(", ", columns(t, side, d)) + " FROM " + from(t, side, d, null, binds)
        + where(t, side, d, b, binds)
        // a table without key is read whole and in any order: its buckets are compared as multisets
        + (t.keyless() ? "" : " ORDER BY " + String.join(", ", keyExpressions(t, side, d)));
    return new Query(sql, binds);
  }

  /** The rows of a side (inside the filter): what the buckets of a table without key are sized by. */
  public static Query countQuery(TableSpec t, Side side, Dialect d) {
    List<Object> binds = new ArrayList<>();
    String sql = "SELECT COUNT(*) FROM " + from(t, side, d, null, binds)
        + t.where().map(w -> " WHERE (" + w + ")").orElse("");
    return new Query(sql, binds);
  }

  /** The side's table with its read point (and a sample, if any), adding the read point's binds. */
  static String from(TableSpec t, Side side, Dialect d, TableSample sample, List<Object> binds) {
    return d.tableReference(t.ref(side), sample, t.readPoint(side), null, binds);
  }

  /** {@code " WHERE (filter) AND (range)"} for a chunk, or "" when neither applies; adds the binds. */
  static String where(TableSpec t, Side side, Dialect d, ChunkBounds b, List<Object> binds) {
    List<String> conditions = new ArrayList<>();
    t.where().ifPresent(w -> conditions.add("(" + w + ")"));
    if (!b.openBelow()) {
      conditions.add(range(t, side, d, b.lowerExclusive(), ">", ">", binds));
    }
    if (!b.openAbove()) {
      conditions.add(range(t, side, d, b.upperInclusive(), "<", "<=", binds));
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** The full rows of the given keys (up to a few hundred at a time), inside a chunk, in key order. */
  public static Query keysQuery(TableSpec t, Side side, Dialect d, ChunkBounds b, List<Object[]> keys) {
    List<Object> binds = new ArrayList<>();
    String from = from(t, side, d, null, binds);
    String where = where(t, side, d, b, binds);
    List<String> keyCols = keyExpressions(t, side, d);
    String byKey;
    if (keyCols.size() == 1) {
      // an IN list, not ORs: PostgreSQL plans 500 ORed equalities as as many bitmap index scans (77 ms of
      // planning per statement, measured) and an IN list as one index scan (1 ms); Oracle takes up to
      // 1,000 expressions in a list, and a statement holds at most RowsByKey#batchSize keys
      List<String> values = new ArrayList<>();
      for (Object[] key : keys) {
        values.add(placeholder(t, side, d, 0, key[0]));
        binds.add(key[0]);
      }
      byKey = keyCols.get(0) + " IN (" + String.join(", ", values) + ")";
    } else {
      List<String> matches = new ArrayList<>();
      for (Object[] key : keys) {
        List<String> eq = new ArrayList<>();
        for (int i = 0; i < keyCols.size(); i++) {
          eq.add(keyCols.get(i) + " = " + placeholder(t, side, d, i, key[i]));
          binds.add(key[i]);
        }
        matches.add("(" + String.join(" AND ", eq) + ")");
      }
      byKey = "(" + String.join(" OR ", matches) + ")";
    }
    String sql = "SELECT " + String.join(", ", columns(t, side, d)) + " FROM " + from
        + (where.isEmpty() ? " WHERE " + byKey : where + " AND " + byKey)
        + " ORDER BY " + String.join(", ", keyCols);
    return new Query(sql, binds);
  }

  /**
   * Every {@code step}-th source key in key order inside a chunk: the points a chunk whose checksums
   * differ is split at.
   */
  public static Query splitQuery(TableSpec t, Dialect d, ChunkBounds b, int step) {
    List<Object> binds = new ArrayList<>();
    String inner = numbered(t, d, from(t, Side.SOURCE, d, null, binds) + where(t, Side.SOURCE, d, b, binds));
    binds.add(step);
    return new Query(outer(t, d, inner), binds);
  }

  /**
   * Every {@code step}-th key of the source in key order: the inclusive upper bounds of all chunks but
   * the last. The database does the numbering, so only the boundaries cross the network. With a sample,
   * the keys are numbered within the sampled blocks only (see {@link JdbcChunkPlanner}).
   */
  public static Query boundaryQuery(TableSpec t, Dialect d, int step, TableSample sample) {
    List<Object> binds = new ArrayList<>();
    String inner = numbered(t, d, from(t, Side.SOURCE, d, sample, binds)
        + t.where().map(w -> " WHERE (" + w + ")").orElse(""));
    binds.add(step);
    return new Query(outer(t, d, inner), binds);
  }

  /**
   * The same boundaries as {@link #boundaryQuery} (every {@code step}-th key of the source in key order)
   * without numbering every key: a recursive query whose each step skips {@code step - 1} keys after the
   * previous boundary and takes the next ({@code ORDER BY key OFFSET step - 1 LIMIT 1}), which an index
   * in key order answers by walking {@code step} index entries. Only where the plan shows such an index
   * ({@link JdbcChunkPlanner}); without one each step would sort the rest of the table. A composite key is
   * compared as a row value ({@code (a, b) > (x, y)}), which PostgreSQL answers with an index start key
   * on every key column: with only {@code a >= x} as the start key, a step would walk again all rows of
   * its leading value before the previous boundary (quadratic where the leading column has few values).
   * {@code WITH RECURSIVE CMP_B(CMP_K0, ...) AS ((first) UNION ALL (SELECT CMP_N.* FROM CMP_B CROSS JOIN
   * LATERAL (next after CMP_B) CMP_N)) SELECT ... FROM CMP_B}.
   */
  public static Query steppedBoundaryQuery(TableSpec t, Dialect d, int step) {
    if (t.keyCount() == 0) {
      throw new IllegalArgumentException(t.displayName() + " has no key to step through");
    }
    List<Object> binds = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> previous = new ArrayList<>();
    for (int i = 0; i < t.keyCount(); i++) {
      names.add(d.quote("CMP_K" + i));
      ColumnSpec c = t.columns().get(i);
      previous.add(d.keyExpression("CMP_B." + d.quote("CMP_K" + i), c.kind(), rendering(t, Side.SOURCE, i)));
    }
    // the table takes no alias (a filter may name it); its key columns stay unqualified, which inside
    // the LATERAL subquery resolves to the table, the nearest scope, and the previous boundary's columns
    // are CMP_B's CMP_K0, ... by name
    List<String> keys = keyExpressions(t, Side.SOURCE, d);
    List<String> selected = new ArrayList<>();
    for (int i = 0; i < t.keyCount(); i++) {
      selected.add(d.quote(t.columns().get(i).name()) + " AS " + names.get(i));
    }
    Optional<String> filter = t.where().map(w -> "(" + w + ")");
    String first = "SELECT " + String.join(", ", selected) + " FROM "
        + d.tableReference(t.ref(Side.SOURCE), null, t.readPoint(Side.SOURCE), null, binds)
        + filter.map(f -> " WHERE " + f).orElse("") + " ORDER BY " + String.join(", ", keys) + " OFFSET ? LIMIT 1";
    binds.add(step - 1);
    String from = d.tableReference(t.ref(Side.SOURCE), null, t.readPoint(Side.SOURCE), null, binds);
    String after = keys.size() == 1 ? keys.get(0) + " > " + previous.get(0)
        : "(" + String.join(", ", keys) + ") > (" + String.join(", ", previous) + ")";
    String next = "SELECT " + String.join(", ", selected) + " FROM " + from + " WHERE "
        + filter.map(f -> f + " AND ").orElse("") + after + " ORDER BY " + String.join(", ", keys) + " OFFSET ? LIMIT 1";
    binds.add(step - 1);
    String sql = "WITH RECURSIVE CMP_B(" + String.join(", ", names) + ") AS ((" + first + ") UNION ALL (SELECT CMP_N.*"
        + " FROM CMP_B CROSS JOIN LATERAL (" + next + ") CMP_N)) SELECT " + String.join(", ", names) + " FROM CMP_B";
    return new Query(sql, binds);
  }

  /** {@code SELECT keys, ROW_NUMBER() OVER (ORDER BY keys) AS CMP_RN FROM <fromAndWhere>}. */
  private static String numbered(TableSpec t, Dialect d, String fromAndWhere) {
    return "SELECT " + String.join(", ", keyColumns(t, d)) + ", ROW_NUMBER() OVER (ORDER BY "
        + String.join(", ", keyExpressions(t, Side.SOURCE, d)) + ") AS CMP_RN FROM " + fromAndWhere;
  }

  private static String outer(TableSpec t, Dialect d, String numbered) {
    return "SELECT " + String.join(", ", keyColumns(t, d)) + " FROM (" + numbered
        + ") CMP_Q WHERE MOD(CMP_RN, ?) = 0 ORDER BY CMP_RN";
  }

  private static List<String> keyColumns(TableSpec t, Dialect d) {
    List<String> keyCols = new ArrayList<>();
    for (ColumnSpec c : t.keyColumns()) {
      keyCols.add(d.quote(c.name()));
    }
    return keyCols;
  }

  /** The compared columns as selected: key columns bare, the others as the dialect reads their type. */
  private static List<String> columns(TableSpec t, Side side, Dialect d) {
    List<String> cols = new ArrayList<>();
    for (ColumnSpec c : t.columns()) {
      String q = d.quote(name(c, side));
      cols.add(c.key() ? q : d.selectExpression(q, c.kind(), c.type(side)));
    }
    return cols;
  }

  public static List<String> keyExpressions(TableSpec t, Side side, Dialect d) {
    return keyExpressions(t, side, d, "");
  }

  /** The key columns as ordered and compared, each prefixed (an alias and a dot, or ""). */
  static List<String> keyExpressions(TableSpec t, Side side, Dialect d, String prefix) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < t.keyCount(); i++) {
      ColumnSpec c = t.columns().get(i);
      keys.add(d.keyExpression(prefix + d.quote(name(c, side)), c.kind(), rendering(t, side, i)));
    }
    return keys;
  }

  private static Rendering rendering(TableSpec t, Side side, int keyColumn) {
    return t.keyOrders().get(keyColumn).rendering(side);
  }

  /** The placeholder for a value compared with key column {@code i} (e.g. {@code CAST(? AS DATE)}). */
  private static String placeholder(TableSpec t, Side side, Dialect d, int i, Object value) {
    ColumnSpec c = t.columns().get(i);
    return d.keyPlaceholder(c.kind(), c.type(side), rendering(t, side, i), value);
  }

  /**
   * {@code (k1 op x1) OR (k1 = x1 AND k2 op x2) ... OR (k1 = x1 AND ... AND kn lastOp xn)}, behind
   * {@code k1 >= x1 AND} ({@code k1 <= x1 AND} for an upper bound) when there are several key columns.
   */
  private static String range(TableSpec t, Side side, Dialect d, Object[] bound, String op, String lastOp,
      List<Object> binds) {
    List<String> keys = keyExpressions(t, side, d);
    String leading = "";
    if (keys.size() > 1) {
      leading = keys.get(0) + " " + op + "= " + placeholder(t, side, d, 0, bound[0]) + " AND ";
      binds.add(bound[0]);
    }
    List<String> disjuncts = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      List<String> conj = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        conj.add(keys.get(j) + " = " + placeholder(t, side, d, j, bound[j]));
        binds.add(bound[j]);
      }
      conj.add(keys.get(i) + " " + (i == keys.size() - 1 ? lastOp : op) + " " + placeholder(t, side, d, i, bound[i]));
      binds.add(bound[i]);
      disjuncts.add(conj.size() == 1 ? conj.get(0) : "(" + String.join(" AND ", conj) + ")");
    }
    return leading + "(" + String.join(" OR ", disjuncts) + ")";
  }

  static String name(ColumnSpec c, Side side) {
    return side == Side.SOURCE ? c.name() : c.targetName();
  }
}
