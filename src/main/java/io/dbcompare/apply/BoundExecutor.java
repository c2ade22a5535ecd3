package io.dbcompare.apply;

import io.dbcompare.dialect.Bind;
import io.dbcompare.sync.BoundStatement;
import java.math.BigDecimal;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link BoundStatement} on a connection: prepares its SQL, binds each value with the JDBC call
 * its {@link Bind.Binding} names, and returns the update count. LOB parameters are temporary LOBs
 * created on the connection and freed after the statement.
 */
public final class BoundExecutor {
  private BoundExecutor() {}

  /** The number of rows the statement changed (the caller decides what a count other than 1 means). */
  public static int executeUpdate(Connection c, BoundStatement s) throws SQLException {
    List<Object> lobs = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(s.sql())) {
      bindAll(c, ps, s, lobs);
      return ps.executeUpdate();
    } finally {
      freeLobs(lobs);
    }
  }

  /**
   * Binds the values of {@code s} to {@code ps}, prepared from {@code s.sql()}, e.g. to add it to a
   * batch. Temporary LOBs it creates are added to {@code lobs}: free them with {@link #freeLobs} once
   * the statement (or batch) ran.
   */
  public static void bindAll(Connection c, PreparedStatement ps, BoundStatement s, List<Object> lobs)
      throws SQLException {
    List<Bind> binds = s.binds();
    for (int i = 0; i < binds.size(); i++) {
      bind(c, ps, i + 1, binds.get(i), lobs);
    }
  }

  /**
   * Whether an error means the target is not as the statement expected (a conflict, as a count other
   * than 1 does): an integrity violation, SQLState class 23 on every platform (a duplicate key, a
   * missing parent). Any other error is the database's and stops the caller.
   */
  public static boolean isConflict(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("23");
  }

  static void bind(Connection c, PreparedStatement ps, int index, Bind b, List<Object> lobs) throws SQLException {
    Object v = b.value();
    switch (b.binding()) {
      case DECIMAL -> ps.setBigDecimal(index, (BigDecimal) v);
      case LONG -> ps.setLong(index, (Long) v);
      case DOUBLE -> ps.setDouble(index, (Double) v);
      case STRING -> ps.setString(index, (String) v);
      case NSTRING -> ps.setNString(index, (String) v);
      case CLOB -> {
        Clob lob = c.createClob();
        lobs.add(lob);
        lob.setString(1, (String) v);
        ps.setClob(index, lob);
      }
      case NCLOB -> {
        NClob lob = c.createNClob();
        lobs.add(lob);
        lob.setString(1, (String) v);
        ps.setNClob(index, lob);
      }
      case BYTES -> ps.setBytes(index, (byte[]) v);
      case BLOB -> {
        Blob lob = c.createBlob();
        lobs.add(lob);
        lob.setBytes(1, (byte[]) v);
        ps.setBlob(index, lob);
      }
      case TIMESTAMP, DATE, TIMESTAMP_TZ -> ps.setObject(index, v);
      case BOOLEAN -> ps.setBoolean(index, (Boolean) v);
    }
  }

  /**
   * Frees the temporary LOBs. A failure here changes no data (the database frees them with the
   * session at the latest) and must not hide the statement's own outcome, so it is not raised.
   */
  public static void freeLobs(List<Object> lobs) {
    for (Object lob : lobs) {
      try {
        if (lob instanceof Blob b) {
          b.free();
        } else {
          ((Clob) lob).free();
        }
      } catch (SQLException ignored) {
        // see above
      }
    }
  }
}
