package io.dbcompare.it;

/** The behaviour suite against the real PostgreSQL server on this machine over TCP: two databases created for the run and dropped after it. Skipped with a reason where no server answers; a failure instead when PG_REQUIRED=true (set by .ci/run). */
class PostgresBehaviourTest extends AbstractBehaviourSuite {
  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.postgres("tc");
  }
}
