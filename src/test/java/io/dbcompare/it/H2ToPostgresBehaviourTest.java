package io.dbcompare.it;

/** The behaviour suite across platforms, as in a migration: H2 in Oracle mode (upper-case names, Oracle types) as the source, the PostgreSQL server (lower-case names, PostgreSQL types) as the target. Skipped without PostgreSQL, like {@link PostgresBehaviourTest}. */
class H2ToPostgresBehaviourTest extends AbstractBehaviourSuite {
  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.h2ToPostgres("tc");
  }
}
