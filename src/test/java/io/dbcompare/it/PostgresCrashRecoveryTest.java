package io.dbcompare.it;

/**
 * The crash-recovery suite against the PostgreSQL server on this machine: two databases created for
 * the class and dropped after it; skipped with a reason where no server answers (a failure with
 * PG_REQUIRED=true).
 */
class PostgresCrashRecoveryTest extends AbstractCrashRecoverySuite {
  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.postgres("tc_crash");
  }
}
