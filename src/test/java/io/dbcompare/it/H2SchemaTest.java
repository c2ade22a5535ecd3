package io.dbcompare.it;

/** The whole-schema suite on two H2 file databases in Oracle mode. */
class H2SchemaTest extends AbstractSchemaSuite {
  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.h2();
  }
}
