package io.dbcompare.it;

/** The whole-schema suite across platforms: H2 in Oracle mode (upper case) to PostgreSQL (lower case). */
class H2ToPostgresSchemaTest extends AbstractSchemaSuite {
  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.h2ToPostgres("tcs");
  }
}
