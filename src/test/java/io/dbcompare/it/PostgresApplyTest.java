package io.dbcompare.it;

/** --apply between two databases of the local PostgreSQL server (skipped without one unless PG_REQUIRED=true). */
class PostgresApplyTest extends AbstractApplySuite {
  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.postgres("ta");
  }
}
