package io.dbcompare.it;

import org.testcontainers.containers.OracleContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The whole-schema suite against Oracle XE in a container: the two users' schemas are the source and
 * target schemas (target_name), and a bare name is each user's own schema. Skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class OracleSchemaTest extends AbstractSchemaSuite {
  @Container
  static final OracleContainer ORACLE = new OracleContainer(OracleTestDb.IMAGE);

  @Override
  protected DatabasePair createDatabases() {
    return DatabasePair.oracle(ORACLE);
  }
}
