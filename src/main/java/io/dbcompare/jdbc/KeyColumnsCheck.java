package io.dbcompare.jdbc;

import io.dbcompare.dialect.ValueReader;

import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueText;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a logical key the DBA named ({@code key_columns}) on both sides before any chunk runs: one
 * {@code GROUP BY} query per side finds a key value that occurs more than once or holds a NULL. Both
 * would make the comparison wrong without a word: a NULL key falls outside every key range (so the
 * row would never be read), and with the hash push-down two rows with one key can go unnoticed in a
 * chunk whose checksums match. The first such value fails the table, naming it.
 */
final class KeyColumnsCheck {
  private KeyColumnsCheck() {}

  static void run(Pools pools, TableSpec t) {
    for (Side side : Side.values()) {
      check(pools.of(side), t, side);
    }
  }

  /** {@code SELECT keys, COUNT(*) FROM t WHERE (filter) GROUP BY keys HAVING COUNT(*) > 1 OR k1 IS NULL ...}. */
  static RangeSql.Query query(TableSpec t, Side side, Dialect d) {
    List<Object> binds = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<String> nulls = new ArrayList<>();
    for (ColumnSpec c : t.keyColumns()) {
      String q = d.quote(c.name(side));
      keys.add(q);
      nulls.add(q + " IS NULL");
    }
    String sql = "SELECT " + String.join(", ", keys) + ", COUNT(*) FROM " + RangeSql.from(t, side, d, null, binds)
        + t.where().map(w -> " WHERE (" + w + ")").orElse("") + " GROUP BY " + String.join(", ", keys)
        + " HAVING COUNT(*) > 1 OR " + String.join(" OR ", nulls);
    return new RangeSql.Query(sql, binds);
  }

  private static void check(ConnectionPool pool, TableSpec t, Side side) {
    RangeSql.Query q = query(t, side, pool.dialect());
    ValueReader[] readers = Values.readers(t, side, pool.dialect());
    Connection c = pool.borrow();
    try (PreparedStatement ps = Values.prepare(c, pool, q, 1)) {
      ps.setMaxRows(1);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return;
        }
        int kc = t.keyCount();
        Object[] key = new Object[kc];
        boolean hasNull = false;
        for (int i = 0; i < kc; i++) {
          key[i] = readers[i].read(rs, i + 1);
          hasNull |= key[i] == null;
        }
        long count = rs.getLong(kc + 1);
        String value = ValueText.display(t.keyNames(), t.keyKinds(), key);
        String cols = "(" + String.join(", ", t.keyNames()) + ")";
        throw new CompareException(ErrorCode.TABLE_FAILED, t.displayName() + ": key_columns " + cols
            + (hasNull ? " hold NULL in " + count + " " + side.label() + " row(s): " + value
                : " are not unique in the " + side.label() + ": " + value + " occurs " + count + " times")
            + "; " + t.keySource().fixHint());
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "checking key_columns of " + t.displayName(), pool.database());
    } finally {
      ConnectionPool.release(c);
    }
  }
}
