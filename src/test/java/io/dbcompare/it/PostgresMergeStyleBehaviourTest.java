package io.dbcompare.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** sync.style: merge on PostgreSQL (15 or later; psql runs the scripts where it is installed). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresMergeStyleBehaviourTest extends AbstractMergeStyleSuite {
  private PgTestDb source;
  private PgTestDb target;

  @BeforeAll
  void databases() throws Exception {
    String suffix = Long.toHexString(System.nanoTime() & 0xffffffL) + "_" + ProcessHandle.current().pid();
    source = PgTestDb.create("tm_src_" + suffix);
    target = PgTestDb.create("tm_tgt_" + suffix);
  }

  @BeforeEach
  void fresh() throws Exception {
    source.exec("DROP SCHEMA IF EXISTS app CASCADE", "CREATE SCHEMA app");
    target.exec("DROP SCHEMA IF EXISTS app CASCADE", "CREATE SCHEMA app");
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
