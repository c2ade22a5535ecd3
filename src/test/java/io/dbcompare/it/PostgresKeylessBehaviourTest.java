package io.dbcompare.it;

/** Tables without a primary key ({@link AbstractKeylessSuite}) on Postgres. */
class PostgresKeylessBehaviourTest extends AbstractKeylessSuite {
  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.postgres("k11b");
  }
}
