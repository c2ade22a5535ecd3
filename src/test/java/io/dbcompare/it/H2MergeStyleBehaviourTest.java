package io.dbcompare.it;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** sync.style: merge on two H2 file databases in Oracle mode. */
class H2MergeStyleBehaviourTest extends AbstractMergeStyleSuite {
  @TempDir
  Path dbDir;

  private H2TestDb source;
  private H2TestDb target;

  @BeforeEach
  void databases() throws Exception {
    source = new H2TestDb(dbDir.resolve("source"));
    target = new H2TestDb(dbDir.resolve("target"));
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
