package io.dbcompare.it;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** sync.style: merge across platforms: H2 (Oracle mode) source, PostgreSQL target. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2ToPostgresMergeStyleBehaviourTest extends AbstractMergeStyleSuite {
  @TempDir
  Path dbDir;

  private H2TestDb source;
  private PgTestDb target;

  @BeforeAll
  void database() throws Exception {
    target = PgTestDb.create("tm_mix_" + Long.toHexString(System.nanoTime() & 0xffffffL) + "_"
        + ProcessHandle.current().pid());
  }

  @BeforeEach
  void fresh() throws Exception {
    source = new H2TestDb(dbDir.resolve("source-" + System.nanoTime()));
    source.exec("CREATE SCHEMA APP");
    target.exec("DROP SCHEMA IF EXISTS app CASCADE", "CREATE SCHEMA app");
  }

  @AfterAll
  void drop() throws Exception {
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
