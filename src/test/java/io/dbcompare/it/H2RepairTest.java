package io.dbcompare.it;

/** --repair on two H2 file databases in Oracle mode (batched bound INSERTs). */
class H2RepairTest extends AbstractRepairSuite {
  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.h2();
  }

  /** H2 writes commits to its file up to WRITE_DELAY (500 ms) later: a SIGKILL would lose them. */
  @Override
  protected String targetUrl() {
    return target().url() + ";WRITE_DELAY=0";
  }
}
