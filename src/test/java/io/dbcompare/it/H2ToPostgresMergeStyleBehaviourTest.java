package io.dbcompare.it;

/** sync.style: merge from an H2 source to a PostgreSQL target (skipped without PostgreSQL unless PG_REQUIRED=true). */
class H2ToPostgresMergeStyleBehaviourTest extends AbstractMergeStyleSuite {
  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.h2ToPostgres("tm");
  }
}
