package io.dbcompare.jdbc;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the chunk query text and its bind values. The range predicate is written without row-value
 * comparison (Oracle has none, ORA-01796): {@code (a > ?) OR (a = ? AND b > ?)}. Source and target run
 * the same predicate shape with the same bind values.
 */
public final class RangeSql {
  private RangeSql() {}

  /** A statement and its bind values. */
  public record Query(String sql, List<Object> binds) {}

  public static Query chunkQuery(TableSpec t, Side side, Dialect d, ChunkBounds b) {
    StringBuilder sql = new StringBuilder("SELECT ");
    List<String> cols = new ArrayList<>();
    for (ColumnSpec c : t.columns()) {
      cols.add(d.quote(name(c, side)));
    }
    sql.append(String.join(", ", cols));
    sql.append(" FROM ").append(d.qualified(side == Side.SOURCE ? t.source() : t.target()));
    List<Object> binds = new ArrayList<>();
    sql.append(where(t, side, d, b, binds));
    sql.append(" ORDER BY ").append(String.join(", ", keyExpressions(t, side, d)));
    return new Query(sql.toString(), binds);
  }

  /** {@code " WHERE (filter) AND (range)"} for a chunk, or "" when neither applies; adds the binds. */
  static String where(TableSpec t, Side side, Dialect d, ChunkBounds b, List<Object> binds) {
    List<String> conditions = new ArrayList<>();
    t.where().ifPresent(w -> conditions.add("(" + w + ")"));
    List<String> keys = keyExpressions(t, side, d);
    if (!b.openBelow()) {
      conditions.add(range(keys, b.lowerExclusive(), ">", ">", binds));
    }
    if (!b.openAbove()) {
      conditions.add(range(keys, b.upperInclusive(), "<", "<=", binds));
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** The full rows of the given keys (a few dozen at a time), inside a chunk, in key order. */
  public static Query keysQuery(TableSpec t, Side side, Dialect d, ChunkBounds b, List<Object[]> keys) {
    List<String> cols = new ArrayList<>();
    for (ColumnSpec c : t.columns()) {
      cols.add(d.quote(name(c, side)));
    }
    List<Object> binds = new ArrayList<>();
    String where = where(t, side, d, b, binds);
    List<String> keyCols = new ArrayList<>();
    for (ColumnSpec c : t.keyColumns()) {
      keyCols.add(d.keyExpression(d.quote(name(c, side)), c.kind()));
    }
    List<String> matches = new ArrayList<>();
    for (Object[] key : keys) {
      List<String> eq = new ArrayList<>();
      for (int i = 0; i < keyCols.size(); i++) {
        eq.add(keyCols.get(i) + " = ?");
        binds.add(key[i]);
      }
      matches.add(eq.size() == 1 ? eq.get(0) : "(" + String.join(" AND ", eq) + ")");
    }
    String byKey = "(" + String.join(" OR ", matches) + ")";
    String sql = "SELECT " + String.join(", ", cols) + " FROM " + d.qualified(side == Side.SOURCE ? t.source() : t.target())
        + (where.isEmpty() ? " WHERE " + byKey : where + " AND " + byKey)
        + " ORDER BY " + String.join(", ", keyExpressions(t, side, d));
    return new Query(sql, binds);
  }

  /**
   * Every {@code step}-th source key in key order inside a chunk: the points a chunk whose checksums
   * differ is split at.
   */
  public static Query splitQuery(TableSpec t, Dialect d, ChunkBounds b, int step) {
    List<String> keyCols = new ArrayList<>();
    for (ColumnSpec c : t.keyColumns()) {
      keyCols.add(d.quote(c.name()));
    }
    List<Object> binds = new ArrayList<>();
    String inner = "SELECT " + String.join(", ", keyCols) + ", ROW_NUMBER() OVER (ORDER BY "
        + String.join(", ", keyExpressions(t, Side.SOURCE, d)) + ") AS CMP_RN FROM " + d.qualified(t.source())
        + where(t, Side.SOURCE, d, b, binds);
    binds.add(step);
    return new Query("SELECT " + String.join(", ", keyCols) + " FROM (" + inner
        + ") CMP_Q WHERE MOD(CMP_RN, ?) = 0 ORDER BY CMP_RN", binds);
  }

  /**
   * Every {@code chunkSize}-th key of the source in key order: the inclusive upper bounds of all chunks
   * but the last. The database does the numbering, so only the boundaries cross the network.
   */
  public static String boundaryQuery(TableSpec t, Dialect d) {
    List<String> keyCols = new ArrayList<>();
    for (ColumnSpec c : t.keyColumns()) {
      keyCols.add(d.quote(c.name()));
    }
    String inner = "SELECT " + String.join(", ", keyCols) + ", ROW_NUMBER() OVER (ORDER BY "
        + String.join(", ", keyExpressions(t, Side.SOURCE, d)) + ") AS CMP_RN FROM " + d.qualified(t.source())
        + t.where().map(w -> " WHERE (" + w + ")").orElse("");
    return "SELECT " + String.join(", ", keyCols) + " FROM (" + inner + ") CMP_Q WHERE MOD(CMP_RN, ?) = 0 ORDER BY CMP_RN";
  }

  public static List<String> keyExpressions(TableSpec t, Side side, Dialect d) {
    List<String> keys = new ArrayList<>();
    for (ColumnSpec c : t.keyColumns()) {
      keys.add(d.keyExpression(d.quote(name(c, side)), c.kind()));
    }
    return keys;
  }

  /** {@code (k1 op x1) OR (k1 = x1 AND k2 op x2) ... OR (k1 = x1 AND ... AND kn lastOp xn)}. */
  private static String range(List<String> keys, Object[] bound, String op, String lastOp, List<Object> binds) {
    List<String> disjuncts = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      List<String> conj = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        conj.add(keys.get(j) + " = ?");
        binds.add(bound[j]);
      }
      conj.add(keys.get(i) + " " + (i == keys.size() - 1 ? lastOp : op) + " ?");
      binds.add(bound[i]);
      disjuncts.add(conj.size() == 1 ? conj.get(0) : "(" + String.join(" AND ", conj) + ")");
    }
    return "(" + String.join(" OR ", disjuncts) + ")";
  }

  static String name(ColumnSpec c, Side side) {
    return side == Side.SOURCE ? c.name() : c.targetName();
  }
}
