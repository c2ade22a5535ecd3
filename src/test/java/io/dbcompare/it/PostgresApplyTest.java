package io.dbcompare.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** --apply between two databases of the local PostgreSQL server (skipped without one unless PG_REQUIRED=true). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresApplyTest extends AbstractApplySuite {
  private PgTestDb source;
  private PgTestDb target;

  @BeforeAll
  void databases() throws Exception {
    String suffix = Long.toHexString(System.nanoTime() & 0xffffffL) + "_" + ProcessHandle.current().pid();
    source = PgTestDb.create("ta_src_" + suffix);
    target = PgTestDb.create("ta_tgt_" + suffix);
  }

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
