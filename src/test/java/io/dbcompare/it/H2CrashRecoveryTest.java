package io.dbcompare.it;

/** The crash-recovery suite on two H2 file databases in Oracle mode. */
class H2CrashRecoveryTest extends AbstractCrashRecoverySuite {
  @Override
  protected DatabasePair createDatabases() {
    return DatabasePair.h2();
  }
}
