package io.dbcompare.repair;

import io.dbcompare.apply.BoundExecutor;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.sync.BoundStatement;
import io.dbcompare.sync.StatementBinder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bound INSERTs in JDBC batches ({@code executeBatch}; Oracle's driver sends a batch as one array-bound
 * execution). A NULL is the literal NULL in a bound statement, so rows with NULLs in other columns have
 * other SQL: each distinct statement text has its own batch. With a direct-path hint (Oracle
 * {@code APPEND_VALUES}, {@code repair.direct_path}) it is placed after the INSERT keyword.
 */
final class BatchInsertSink implements InsertSink {
  private final Connection c;
  private final TableSpec t;
  private final StatementBinder binder;
  private final int batchSize;
  private final String hint;
  private final Map<String, Pending> pending = new LinkedHashMap<>();
  private long inserted;

  private static final class Pending {
    final PreparedStatement ps;
    final List<Object> lobs = new ArrayList<>();
    int rows;

    Pending(PreparedStatement ps) {
      this.ps = ps;
    }
  }

  BatchInsertSink(Connection c, TableSpec t, StatementBinder binder, int batchSize, String hint) {
    this.c = c;
    this.t = t;
    this.binder = binder;
    this.batchSize = batchSize;
    this.hint = hint;
  }

  /** The statement text with the hint after {@code INSERT}. */
  static String hinted(String sql, String hint) {
    if (hint == null) {
      return sql;
    }
    if (!sql.startsWith("INSERT INTO ")) {
      throw new IllegalStateException("not an INSERT: " + sql);
    }
    return "INSERT " + hint + " INTO " + sql.substring("INSERT INTO ".length());
  }

  @Override
  public void add(Object[] row) throws SQLException {
    BoundStatement b = binder.bind(InsertSink.insertOf(t, row));
    String sql = hinted(b.sql(), hint);
    Pending p = pending.get(sql);
    if (p == null) {
      p = new Pending(c.prepareStatement(sql));
      pending.put(sql, p);
    }
    BoundExecutor.bindAll(c, p.ps, b, p.lobs);
    p.ps.addBatch();
    if (++p.rows >= batchSize) {
      flush(p);
    }
  }

  private void flush(Pending p) throws SQLException {
    if (p.rows == 0) {
      return;
    }
    try {
      int[] counts = p.ps.executeBatch();
      for (int n : counts) {
        // an INSERT inserts one row or fails; a driver may not say how many (SUCCESS_NO_INFO)
        if (n != 1 && n != Statement.SUCCESS_NO_INFO) {
          throw new Anomaly("an INSERT of the batch inserted " + n + " rows");
        }
      }
      inserted += p.rows;
      p.rows = 0;
    } finally {
      BoundExecutor.freeLobs(p.lobs);
      p.lobs.clear();
    }
  }

  @Override
  public long finish() throws SQLException {
    try {
      for (Pending p : pending.values()) {
        flush(p);
      }
      return inserted;
    } finally {
      abort();
    }
  }

  @Override
  public void abort() {
    for (Pending p : pending.values()) {
      BoundExecutor.freeLobs(p.lobs);
      try {
        p.ps.close();
      } catch (SQLException ignored) {
        // the caller rolls back or commits; a statement that will not close changes no data
      }
    }
    pending.clear();
  }
}
