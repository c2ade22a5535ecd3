package io.dbcompare.vendor;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a platform reports a replica's lag: one query returning one row, what that row means, and what
 * its errors mean. The JDBC layer runs it; the vendor object never touches a connection.
 */
public interface ReplicaLagQuery {
  String sql();

  /** The lag from the query's row ({@code getObject} values in column order). */
  ReplicaLag interpret(List<Object> row);

  /** What an error of the query means for the lag, or null for "unknown: the error itself". */
  default ReplicaLag onError(String sqlState, int vendorCode) {
    return null;
  }

  /** A numeric column as a decimal (drivers return it as BigDecimal, Double or Long), or null. */
  static BigDecimal decimal(Object v) {
    return v == null ? null : v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
  }
}
