package io.dbcompare.it;

/** --apply from an H2 source to a PostgreSQL target (skipped without PostgreSQL unless PG_REQUIRED=true). */
class H2ToPostgresApplyTest extends AbstractApplySuite {
  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.h2ToPostgres("ta");
  }
}
