package io.dbcompare.it;

/**
 * The cross-platform suite with push-down on: H2 and PostgreSQL each compute SHA-256 over the same
 * canonical encoding, so their checksums and row hashes must agree.
 */
class H2ToPostgresPushdownBehaviourTest extends H2ToPostgresBehaviourTest {
  @Override
  protected String comparisonExtras() {
    return "  pushdown: true\n";
  }
}
