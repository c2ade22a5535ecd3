package io.dbcompare.it;

/** sync.style: merge between two databases of the local PostgreSQL server (skipped without one unless PG_REQUIRED=true). */
class PostgresMergeStyleBehaviourTest extends AbstractMergeStyleSuite {
  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.postgres("tm");
  }
}
