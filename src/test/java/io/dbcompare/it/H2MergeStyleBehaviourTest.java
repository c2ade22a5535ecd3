package io.dbcompare.it;

/** sync.style: merge on two H2 file databases in Oracle mode. */
class H2MergeStyleBehaviourTest extends AbstractMergeStyleSuite {
  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.h2();
  }
}
