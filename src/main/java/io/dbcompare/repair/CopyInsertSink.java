package io.dbcompare.repair;

import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.dialect.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL's {@code COPY ... FROM STDIN (FORMAT binary)} through the driver's CopyManager: rows are
 * encoded as they are read ({@link PgBinaryRows}) and sent in pieces of about a megabyte, so a chunk of
 * any size goes through a small buffer.
 *
 * <p>Directly into the target when the chunk's key range is empty there (a row that appeared meanwhile
 * fails the COPY on its key); otherwise through a temporary staging table, dropped at the commit: the
 * rows are copied there, a query finds staged keys that exist in the target (a conflict: the chunk is
 * replayed a statement at a time, which names the row), and {@code INSERT ... SELECT} moves them.
 */
final class CopyInsertSink implements InsertSink {
  static final String STAGE = "cmp_repair_stage";
  private static final int FLUSH_BYTES = 1 << 20;

  private final Connection c;
  private final TableSpec t;
  private final Dialect d;
  private final boolean staged;
  private final PgBinaryRows rows;
  private final int batchSize;
  private CopyIn copy;
  private int unsent;

  CopyInsertSink(Connection c, TableSpec t, Dialect d, boolean staged, int batchSize) throws SQLException {
    this.c = c;
    this.t = t;
    this.d = d;
    this.staged = staged;
    this.batchSize = batchSize;
    this.rows = new PgBinaryRows(t);
    String cols = PgBinaryRows.columns(t, d::quote);
    String into = d.qualified(t.target());
    if (staged) {
      try (Statement st = c.createStatement()) {
        st.execute("CREATE TEMPORARY TABLE " + d.quote(STAGE) + " ON COMMIT DROP AS SELECT " + cols + " FROM " + into
            + " WITH NO DATA");
      }
      into = d.quote(STAGE);
    }
    copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + into + " (" + cols + ") FROM STDIN (FORMAT binary)");
    rows.header();
  }

  @Override
  public void add(Object[] row) throws SQLException {
    try {
      rows.row(row);
    } catch (ArithmeticException e) {
      // what the server says of such a value: 22003 numeric value out of range
      throw new SQLException("a value does not fit its integer column in the row with key "
          + java.util.Arrays.toString(java.util.Arrays.copyOf(row, t.keyCount())), "22003", e);
    }
    if (++unsent >= batchSize || rows.size() >= FLUSH_BYTES) {
      send();
    }
  }

  private void send() throws SQLException {
    byte[] b = rows.take();
    copy.writeToCopy(b, 0, b.length);
    unsent = 0;
  }

  @Override
  public long finish() throws SQLException {
    rows.trailer();
    send();
    long n = copy.endCopy();
    copy = null;
    if (!staged) {
      return n;
    }
    try (Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + d.quote(STAGE) + " s WHERE EXISTS (SELECT 1 FROM "
          + d.qualified(t.target()) + " t WHERE " + keyMatch() + ")")) {
        rs.next();
        long existing = rs.getLong(1);
        if (existing > 0) {
          throw new Anomaly(existing + " of the rows to insert have keys that exist in the target");
        }
      }
      String cols = PgBinaryRows.columns(t, d::quote);
      long inserted = st.executeUpdate("INSERT INTO " + d.qualified(t.target()) + " (" + cols + ") SELECT " + cols
          + " FROM " + d.quote(STAGE));
      st.execute("DROP TABLE " + d.quote(STAGE));
      return inserted;
    }
  }

  private String keyMatch() {
    List<String> eq = new ArrayList<>();
    for (ColumnSpec k : t.keyColumns()) {
      eq.add("t." + d.quote(k.targetName()) + " = s." + d.quote(k.targetName()));
    }
    return String.join(" AND ", eq);
  }

  @Override
  public void abort() {
    if (copy != null && copy.isActive()) {
      try {
        copy.cancelCopy();
      } catch (SQLException ignored) {
        // the caller rolls the transaction back
      }
    }
    copy = null;
  }
}
