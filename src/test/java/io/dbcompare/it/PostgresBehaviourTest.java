package io.dbcompare.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour suite against the real PostgreSQL server on this machine over TCP: two databases
 * created for the run (source and target) and dropped after it. Skipped with a reason where no server
 * answers; a failure instead when PG_REQUIRED=true (set by .ci/run).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresBehaviourTest extends AbstractBehaviourSuite {
  private PgTestDb source;
  private PgTestDb target;

  @BeforeAll
  void databases() throws Exception {
    String suffix = Long.toHexString(System.nanoTime() & 0xffffffL) + "_" + ProcessHandle.current().pid();
    source = PgTestDb.create("tc_src_" + suffix);
    target = PgTestDb.create("tc_tgt_" + suffix);
  }

  /** Each test starts from empty schemas, so no test depends on another. */
  @BeforeEach
  void emptySchemas() throws Exception {
    for (PgTestDb db : new PgTestDb[] {source, target}) {
      db.exec("DROP SCHEMA IF EXISTS app CASCADE", "CREATE SCHEMA app");
    }
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
