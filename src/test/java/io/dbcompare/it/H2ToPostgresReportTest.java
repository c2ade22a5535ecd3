package io.dbcompare.it;

/** The report suite from H2 (Oracle mode) to PostgreSQL, as in a migration. */
class H2ToPostgresReportTest extends AbstractReportSuite {
  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.h2ToPostgres("rp");
  }
}
