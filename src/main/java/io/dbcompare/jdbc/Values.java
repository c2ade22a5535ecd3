package io.dbcompare.jdbc;

import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.dialect.ColumnType;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.ValueReader;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * Reads and binds values in their canonical Java types. NUMBER is always read as BigDecimal (never
 * through double), date-times through java.time (never java.sql.Timestamp/Date, which shift values
 * through the JVM zone or drop the time part).
 */
final class Values {
  private Values() {}

  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  /** Reads a value with its kind's standard driver call. */
  static Object read(ResultSet rs, int i, ValueKind kind, boolean dateOnly) throws SQLException {
    return switch (kind) {
      case NUMBER -> rs.getBigDecimal(i);
      case FLOAT -> {
        double d = rs.getDouble(i);
        yield rs.wasNull() ? null : d;
      }
      case TEXT -> rs.getString(i);
      case BYTES -> rs.getBytes(i);
      case DATETIME -> {
        if (dateOnly) {
          yield midnight(rs.getObject(i, LocalDate.class));
        }
        yield rs.getObject(i, LocalDateTime.class);
      }
      case DATETIME_TZ -> rs.getObject(i, OffsetDateTime.class);
      case BOOLEAN -> {
        boolean b = rs.getBoolean(i);
        yield rs.wasNull() ? null : b;
      }
      // every dialect that maps a type to INTERVAL reads it with a reader of its own
      case INTERVAL -> throw new IllegalStateException("an interval column needs its dialect's reader");
      case ARRAY -> throw new IllegalStateException("an array column needs its dialect's reader");
    };
  }

  /**
   * A date as a date-time at midnight; PostgreSQL's {@code infinity} and {@code -infinity} (read by
   * pgJDBC as {@code LocalDate.MAX}/{@code MIN}) as {@code LocalDateTime.MAX}/{@code MIN}, as they are
   * read from a timestamp column, so that they compare equal.
   */
  static LocalDateTime midnight(LocalDate d) {
    if (d == null) {
      return null;
    }
    return d.equals(LocalDate.MAX) ? LocalDateTime.MAX : d.equals(LocalDate.MIN) ? LocalDateTime.MIN : d.atStartOfDay();
  }

  /**
   * Per compared column of one side, how it is read: the dialect's reader for its type where it has one
   * (uuid, numeric, intervals...), else the kind's standard call (a date-only column read as midnight).
   */
  static ValueReader[] readers(TableSpec t, Side side, Dialect d) {
    ValueReader[] out = new ValueReader[t.columns().size()];
    for (int i = 0; i < out.length; i++) {
      ColumnSpec c = t.columns().get(i);
      String type = c.type(side);
      boolean dateOnly = d.isDateOnly(new ColumnType(0, type, 0, 0));
      ValueKind kind = c.kind();
      out[i] = d.reader(kind, type).orElse((rs, col) -> read(rs, col, kind, dateOnly));
    }
    return out;
  }

  /** The key columns at the start of the current row. */
  static Object[] readKey(ResultSet rs, TableSpec t, ValueReader[] readers) throws SQLException {
    Object[] key = new Object[t.keyCount()];
    for (int i = 0; i < key.length; i++) {
      key[i] = readers[i].read(rs, i + 1);
    }
    return key;
  }

  /** All compared columns of the current row; a NULL key fails the table (the key must be NOT NULL). */
  static Object[] readRow(ResultSet rs, TableSpec t, Side side, ValueReader[] readers) throws SQLException {
    int n = t.columns().size();
    Object[] values = new Object[n];
    for (int i = 0; i < n; i++) {
      ColumnSpec col = t.columns().get(i);
      Object v = readers[i].read(rs, i + 1);
      values[i] = t.emptyStringIsNull() && col.kind() == ValueKind.TEXT && "".equals(v) ? null : v;
      if (values[i] == null && col.key()) {
        throw new CompareException(ErrorCode.TABLE_FAILED, t.displayName() + ": key column " + col.name()
            + " is NULL in a " + side.label() + " row; " + t.keySource().fixHint());
      }
    }
    return values;
  }

  /**
   * A forward-only statement for a range query: fetch size, the pool's query timeout, bind values. The
   * caller closes it.
   */
  static PreparedStatement prepare(Connection c, ConnectionPool pool, RangeSql.Query q, int fetchSize)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(q.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    try {
      ps.setFetchSize(fetchSize);
      pool.applyQueryTimeout(ps);
      for (int i = 0; i < q.binds().size(); i++) {
        bind(ps, i + 1, q.binds().get(i));
      }
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  /** Closes a streamed result and returns its connection to the pool (rolling back the read). */
  static void close(ResultSet rs, PreparedStatement ps, Connection c) {
    try {
      rs.close();
      ps.close();
    } catch (SQLException ignored) {
      // the connection is released (and rolled back) below either way
    }
    ConnectionPool.release(c);
  }

  static void bind(PreparedStatement ps, int i, Object v) throws SQLException {
    if (v instanceof BigDecimal d) {
      // A whole number is bound as a 64-bit integer: PostgreSQL compares a bigint key with a numeric
      // parameter by casting the column, which rules out its index (a full scan per chunk).
      BigDecimal whole = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
      if (whole.scale() <= 0 && whole.compareTo(LONG_MIN) >= 0 && whole.compareTo(LONG_MAX) <= 0) {
        ps.setLong(i, whole.longValueExact());
      } else {
        ps.setBigDecimal(i, d);
      }
    } else if (v instanceof String s) {
      ps.setString(i, s);
    } else if (v instanceof byte[] b) {
      ps.setBytes(i, b);
    } else if (v instanceof Double d) {
      ps.setDouble(i, d);
    } else if (v instanceof Boolean b) {
      ps.setBoolean(i, b);
    } else if (v instanceof io.dbcompare.compare.SpecialNumber n) {
      ps.setString(i, n.text()); // inside CAST(? AS numeric) (PostgresDialect#keyPlaceholder)
    } else {
      ps.setObject(i, v); // LocalDateTime, OffsetDateTime
    }
  }
}
