package io.dbcompare.it;

/** The behaviour suite on two H2 file databases in Oracle mode (the embedded default). */
class H2BehaviourTest extends AbstractBehaviourSuite {
  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.h2();
  }
}
