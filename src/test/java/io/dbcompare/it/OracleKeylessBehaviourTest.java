package io.dbcompare.it;

import org.testcontainers.containers.OracleContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Tables without a primary key ({@link AbstractKeylessSuite}) against Oracle XE in a container; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class OracleKeylessBehaviourTest extends AbstractKeylessSuite {
  @Container
  static final OracleContainer ORACLE = new OracleContainer(OracleTestDb.IMAGE);

  @Override
  protected DatabasePair createDatabases() {
    return DatabasePair.oracle(ORACLE);
  }
}
