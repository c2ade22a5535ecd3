package io.dbcompare.it;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;

/**
 * The crash-recovery suite against the PostgreSQL server on this machine: two databases created for
 * the class and dropped after it; skipped with a reason where no server answers (a failure with
 * PG_REQUIRED=true).
 */
class PostgresCrashRecoveryTest extends AbstractCrashRecoverySuite {
  private PgTestDb source;
  private PgTestDb target;

  @Override
  protected void openDatabases(Path folder) throws Exception {
    String suffix = Long.toHexString(System.nanoTime() & 0xffffffL) + "_" + ProcessHandle.current().pid();
    source = PgTestDb.create("tc_crash_src_" + suffix);
    target = PgTestDb.create("tc_crash_tgt_" + suffix);
  }

  @AfterAll
  void drop() throws Exception {
    if (source != null) {
      source.drop();
    }
    if (target != null) {
      target.drop();
    }
  }

  @Override
  protected TestDb source() {
    return source;
  }

  @Override
  protected TestDb target() {
    return target;
  }
}
