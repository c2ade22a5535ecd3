package io.dbcompare.it;

import org.testcontainers.containers.OracleContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The behaviour suite against Oracle XE in a container: source and target are two users (schemas) of
 * one database, mapped with target_table. Runs wherever Docker runs; skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class OracleBehaviourTest extends AbstractBehaviourSuite {
  @Container
  static final OracleContainer ORACLE = new OracleContainer(OracleTestDb.IMAGE);

  @Override
  protected DatabasePair createDatabases() {
    return DatabasePair.oracle(ORACLE);
  }
}
