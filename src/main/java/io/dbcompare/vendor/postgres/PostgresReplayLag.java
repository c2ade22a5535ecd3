package io.dbcompare.vendor.postgres;

import io.dbcompare.vendor.ReplicaLag;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The replay lag of a PostgreSQL standby (streaming or archive recovery). Nothing is behind when every
 * WAL record received is replayed (an idle primary would otherwise show a lag that grows with the time
 * since its last commit); else the lag is the time since the last replayed transaction was committed on
 * the primary. A server not in recovery (a primary, or a logical replication subscriber, whose lag only
 * its publisher knows) has no lag it can tell. The functions are executable by PUBLIC.
 */
final class PostgresReplayLag {
  static final String SQL = "SELECT pg_is_in_recovery(), CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()"
      + " THEN 0 ELSE EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()) END";

  private PostgresReplayLag() {}

  static ReplicaLag read(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SQL)) {
      rs.next();
      boolean inRecovery = rs.getBoolean(1);
      BigDecimal seconds = rs.getBigDecimal(2);
      if (!inRecovery) {
        return ReplicaLag.unknown("the target is not a standby (a primary, or a logical replication subscriber,"
            + " whose lag only its publisher knows)");
      }
      if (seconds == null) {
        return ReplicaLag.unknown("the standby has replayed no transaction yet");
      }
      return ReplicaLag.of(lag(seconds));
    }
  }

  /** Seconds as a lag; clock skew between primary and standby can make it slightly negative: 0 then. */
  static Duration lag(BigDecimal seconds) {
    long millis = seconds.movePointRight(3).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
    return Duration.ofMillis(Math.max(0, millis));
  }
}
