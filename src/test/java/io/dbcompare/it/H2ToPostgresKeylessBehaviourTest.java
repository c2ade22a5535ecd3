package io.dbcompare.it;

/** Tables without a primary key ({@link AbstractKeylessSuite}) on H2ToPostgres. */
class H2ToPostgresKeylessBehaviourTest extends AbstractKeylessSuite {
  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.h2ToPostgres("k11b");
  }
}
