package io.dbcompare.it;

/** --repair from an H2 source into a PostgreSQL target (skipped without PostgreSQL unless PG_REQUIRED=true). */
class H2ToPostgresRepairTest extends AbstractRepairSuite {
  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.h2ToPostgres("tr");
  }
}
