package io.dbcompare.it;

import java.nio.file.Path;

/** The crash-recovery suite on two H2 file databases in Oracle mode. */
class H2CrashRecoveryTest extends AbstractCrashRecoverySuite {
  private H2TestDb source;
  private H2TestDb target;

  @Override
  protected void openDatabases(Path folder) throws Exception {
    source = new H2TestDb(folder.resolve("source"));
    target = new H2TestDb(folder.resolve("target"));
    source.exec("CREATE SCHEMA APP");
    target.exec("CREATE SCHEMA APP");
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
