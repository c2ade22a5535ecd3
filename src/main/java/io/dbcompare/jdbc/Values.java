package io.dbcompare.jdbc;

import io.dbcompare.compare.ValueKind;
import java.math.BigDecimal;
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

  static Object read(ResultSet rs, int i, ValueKind kind, boolean dateOnly, boolean emptyIsNull) throws SQLException {
    return switch (kind) {
      case NUMBER -> rs.getBigDecimal(i);
      case FLOAT -> {
        double d = rs.getDouble(i);
        yield rs.wasNull() ? null : d;
      }
      case TEXT -> {
        String s = rs.getString(i);
        yield emptyIsNull && s != null && s.isEmpty() ? null : s;
      }
      case BYTES -> rs.getBytes(i);
      case DATETIME -> {
        if (dateOnly) {
          LocalDate d = rs.getObject(i, LocalDate.class);
          yield d == null ? null : d.atStartOfDay();
        }
        yield rs.getObject(i, LocalDateTime.class);
      }
      case DATETIME_TZ -> rs.getObject(i, OffsetDateTime.class);
      case BOOLEAN -> {
        boolean b = rs.getBoolean(i);
        yield rs.wasNull() ? null : b;
      }
    };
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
    } else {
      ps.setObject(i, v); // LocalDateTime, OffsetDateTime
    }
  }
}
