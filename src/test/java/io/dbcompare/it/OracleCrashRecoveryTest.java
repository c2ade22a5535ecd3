package io.dbcompare.it;

import org.testcontainers.containers.OracleContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The crash-recovery suite against Oracle XE in a container (two users of one database, mapped
 * with target_table). Runs wherever Docker runs; skipped
 * without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class OracleCrashRecoveryTest extends AbstractCrashRecoverySuite {
  @Container
  static final OracleContainer ORACLE = new OracleContainer(OracleTestDb.IMAGE);

  @Override
  protected DatabasePair createDatabases() {
    return DatabasePair.oracle(ORACLE);
  }
}
