package io.dbcompare.it;

import org.testcontainers.containers.OracleContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The report suite on Oracle XE in a container (two users); skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class OracleReportTest extends AbstractReportSuite {
  @Container
  static final OracleContainer ORACLE = new OracleContainer(OracleTestDb.IMAGE);

  @Override
  protected DatabasePair createDatabases() {
    return DatabasePair.oracle(ORACLE);
  }
}
