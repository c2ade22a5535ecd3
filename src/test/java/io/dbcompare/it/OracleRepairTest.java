package io.dbcompare.it;

import org.testcontainers.containers.OracleContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * --repair into an Oracle XE target in a container (two users of one database, mapped with
 * target_table): array-bound batched INSERTs. Runs wherever Docker runs; skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class OracleRepairTest extends AbstractRepairSuite {
  @Container
  static final OracleContainer ORACLE = new OracleContainer(OracleTestDb.IMAGE);

  @Override
  protected DatabasePair createDatabases() {
    return DatabasePair.oracle(ORACLE);
  }
}
