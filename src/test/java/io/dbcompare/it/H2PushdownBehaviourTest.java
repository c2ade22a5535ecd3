package io.dbcompare.it;

/** The H2 behaviour suite with hash push-down switched on (H2's default is off: it is embedded). */
class H2PushdownBehaviourTest extends H2BehaviourTest {
  @Override
  protected String comparisonExtras() {
    return "  pushdown: true\n";
  }
}
