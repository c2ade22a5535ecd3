package io.dbcompare.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.config.Platform;
import io.dbcompare.sync.Golden;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The replication-lag query of each platform (golden SQL: Oracle cannot run here) and what its row and
 * errors mean. Unknown is never 0.
 */
class ReplicaLagQueryTest {
  private static ReplicaLagQuery oracle() {
    return DatabaseTypes.of(Platform.ORACLE).replicaLagQuery().orElseThrow();
  }

  private static ReplicaLagQuery postgres() {
    return DatabaseTypes.of(Platform.POSTGRESQL).replicaLagQuery().orElseThrow();
  }

  @Test
  void queriesMatchTheirGoldenFiles() throws Exception {
    Golden.check("lag_oracle.sql", oracle().sql() + "\n");
    Golden.check("lag_postgresql.sql", postgres().sql() + "\n");
  }

  @Test
  void h2ReportsNoLag() {
    assertTrue(DatabaseTypes.of(Platform.H2).replicaLagQuery().isEmpty());
  }

  @Test
  void oracleApplyLagOfAStandby() {
    ReplicaLag lag = oracle().interpret(List.of(BigDecimal.ONE, new BigDecimal("5.25")));
    assertEquals(Duration.ofMillis(5250), lag.lag());
    assertEquals(Duration.ofSeconds(90061), oracle().interpret(List.of(BigDecimal.ONE, new BigDecimal("90061")))
        .lag(), "1 day 1:01:01");
    assertEquals(Duration.ZERO, oracle().interpret(List.of(BigDecimal.ONE, BigDecimal.ZERO)).lag());
  }

  @Test
  void oracleLagIsUnknownOnAPrimaryBeforeAValueAndWithoutPrivilege() {
    ReplicaLag primary = oracle().interpret(Arrays.asList(BigDecimal.ZERO, null));
    assertFalse(primary.known());
    assertTrue(primary.unknownReason().contains("not a Data Guard standby"), primary.unknownReason());
    assertTrue(oracle().interpret(Arrays.asList(BigDecimal.ONE, null)).unknownReason().contains("not computed"));
    assertFalse(oracle().interpret(List.of(BigDecimal.ONE, new BigDecimal("-1"))).known());
    ReplicaLag denied = oracle().onError("42000", 942);
    assertTrue(denied.unknownReason().contains("GRANT SELECT ON V_$DATAGUARD_STATS"), denied.unknownReason());
    assertNull(oracle().onError("72000", 1867), "any other error: unknown, with the error itself");
  }

  @Test
  void postgresReplayLag() {
    assertEquals(Duration.ofMillis(1501), postgres().interpret(List.of(true, new BigDecimal("1.5003"))).lag(),
        "rounded up to the millisecond");
    assertEquals(Duration.ofMillis(250), postgres().interpret(List.of(true, 0.25d)).lag(), "PostgreSQL 12/13: double");
    assertEquals(Duration.ZERO, postgres().interpret(List.of(true, 0)).lag(), "every WAL record received is replayed");
    assertEquals(Duration.ZERO, postgres().interpret(List.of(true, new BigDecimal("-0.003"))).lag(), "clock skew");
  }

  @Test
  void postgresLagIsUnknownOnAPrimaryOrSubscriberAndBeforeAReplay() {
    ReplicaLag primary = postgres().interpret(Arrays.asList(false, null));
    assertFalse(primary.known());
    assertTrue(primary.unknownReason().contains("not a standby"), primary.unknownReason());
    assertTrue(postgres().interpret(Arrays.asList(true, null)).unknownReason().contains("no transaction"));
  }

  @Test
  void aLagIsKnownOrUnknownWithAReasonNeverBoth() {
    assertThrows(IllegalArgumentException.class, () -> new ReplicaLag(Duration.ZERO, "why"));
    assertThrows(IllegalArgumentException.class, () -> new ReplicaLag(null, null));
    assertThrows(IllegalArgumentException.class, () -> ReplicaLag.of(Duration.ofSeconds(-1)));
  }
}
