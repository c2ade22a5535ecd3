package io.dbcompare.it;

/** The report suite on two H2 databases. */
class H2ReportTest extends AbstractReportSuite {
  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.h2();
  }
}
