package io.dbcompare.it;

/** The PostgreSQL behaviour suite with rows hashed in Java (PostgreSQL's default is push-down on). */
class PostgresNoPushdownBehaviourTest extends PostgresBehaviourTest {
  @Override
  protected String comparisonExtras() {
    return "  pushdown: false\n";
  }
}
