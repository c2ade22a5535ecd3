package io.dbcompare.it;

/** The report suite on two PostgreSQL databases (skipped without a server unless PG_REQUIRED=true). */
class PostgresReportTest extends AbstractReportSuite {
  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.postgres("rp");
  }
}
