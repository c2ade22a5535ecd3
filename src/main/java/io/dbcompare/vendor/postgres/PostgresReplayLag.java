package io.dbcompare.vendor.postgres;

import io.dbcompare.vendor.ReplicaLag;
import io.dbcompare.vendor.ReplicaLagQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

/**
 * The replay lag of a PostgreSQL standby (streaming or archive recovery). Nothing is behind when every
 * WAL record received is replayed (an idle primary would otherwise show a lag that grows with the time
 * since its last commit); else the lag is the time since the last replayed transaction was committed on
 * the primary. A server not in recovery (a primary, or a logical replication subscriber, whose lag only
 * its publisher knows) has no lag it can tell. The functions are executable by PUBLIC.
 */
final class PostgresReplayLag implements ReplicaLagQuery {
  static final String SQL = "SELECT pg_is_in_recovery(), CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()"
      + " THEN 0 ELSE EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()) END";

  @Override
  public String sql() {
    return SQL;
  }

  @Override
  public ReplicaLag interpret(List<Object> row) {
    if (!Boolean.TRUE.equals(row.get(0))) {
      return ReplicaLag.unknown("the target is not a standby (a primary, or a logical replication subscriber,"
          + " whose lag only its publisher knows)");
    }
    BigDecimal seconds = ReplicaLagQuery.decimal(row.get(1));
    if (seconds == null) {
      return ReplicaLag.unknown("the standby has replayed no transaction yet");
    }
    // clock skew between primary and standby can make it slightly negative: nothing is behind then
    long millis = seconds.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
    return ReplicaLag.of(Duration.ofMillis(Math.max(0, millis)));
  }
}
