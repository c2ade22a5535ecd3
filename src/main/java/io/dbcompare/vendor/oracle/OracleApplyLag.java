package io.dbcompare.vendor.oracle;

import io.dbcompare.vendor.ReplicaLag;
import io.dbcompare.vendor.ReplicaLagQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

/**
 * The apply lag of an Oracle Data Guard standby, from {@code V$DATAGUARD_STATS}: "a measure of the degree
 * to which the data in a standby database lags behind the data in the primary database" (Oracle Database
 * Reference, V$DATAGUARD_STATS), which returns no rows on a primary. Metric names are upper case in 11.2
 * and 12c and lower case in 19c and later, so the name is compared in lower case. VALUE is text; Oracle
 * converts it with {@code TO_DSINTERVAL} (SQL interval format {@code [+|-]days hh:mi:ss[.frac]}) so that
 * the tool never parses it, and the query counts the rows so that "no such metric" (a primary) and "no
 * value yet" are told apart. Reading the view needs SELECT on {@code V_$DATAGUARD_STATS} (or SELECT ANY
 * DICTIONARY).
 */
final class OracleApplyLag implements ReplicaLagQuery {
  static final String SQL = "SELECT COUNT(*) AS METRICS, MAX(EXTRACT(DAY FROM APPLY_LAG) * 86400"
      + " + EXTRACT(HOUR FROM APPLY_LAG) * 3600 + EXTRACT(MINUTE FROM APPLY_LAG) * 60"
      + " + EXTRACT(SECOND FROM APPLY_LAG)) AS LAG_SECONDS"
      + " FROM (SELECT TO_DSINTERVAL(VALUE) AS APPLY_LAG FROM V$DATAGUARD_STATS WHERE LOWER(NAME) = 'apply lag')";
  /** ORA-00942 table or view does not exist: also what a missing SELECT privilege on a V$ view raises. */
  private static final int NO_SUCH_VIEW = 942;

  @Override
  public String sql() {
    return SQL;
  }

  /** The row: how many 'apply lag' metrics, and the largest in seconds. */
  @Override
  public ReplicaLag interpret(List<Object> row) {
    BigDecimal metrics = ReplicaLagQuery.decimal(row.get(0));
    BigDecimal seconds = ReplicaLagQuery.decimal(row.get(1));
    if (metrics == null || metrics.signum() == 0) {
      return ReplicaLag.unknown("the target is not a Data Guard standby (V$DATAGUARD_STATS has no apply lag)");
    }
    if (seconds == null) {
      return ReplicaLag.unknown("the standby has not computed its apply lag yet");
    }
    if (seconds.signum() < 0) {
      return ReplicaLag.unknown("the standby reports a negative apply lag (" + seconds.toPlainString() + " s)");
    }
    return ReplicaLag.of(Duration.ofMillis(seconds.movePointRight(3).setScale(0, RoundingMode.CEILING)
        .longValueExact()));
  }

  @Override
  public ReplicaLag onError(String sqlState, int vendorCode) {
    if (vendorCode == NO_SUCH_VIEW) {
      return ReplicaLag.unknown("no privilege to read V$DATAGUARD_STATS (GRANT SELECT ON V_$DATAGUARD_STATS to the"
          + " comparison's user to see it)");
    }
    return null;
  }
}
