package io.dbcompare.it;

/** The whole-schema suite on two databases of the local PostgreSQL server (skipped without one; a failure with PG_REQUIRED=true). */
class PostgresSchemaTest extends AbstractSchemaSuite {
  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.postgres("tcs");
  }
}
