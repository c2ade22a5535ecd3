package io.dbcompare.it;

/** Tables without a primary key ({@link AbstractKeylessSuite}) on H2. */
class H2KeylessBehaviourTest extends AbstractKeylessSuite {
  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.h2();
  }
}
