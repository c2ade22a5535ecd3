package io.dbcompare.repair;

import io.dbcompare.jdbc.TableCatalog;

/** The CREATE TABLE fixtures, for the suites of other packages. */
public final class RepairFixtures {
  private RepairFixtures() {}

  public static TableCatalog.Table oracle() {
    return CreateTableFixtures.oracle();
  }

  public static TableCatalog.Table postgres() {
    return CreateTableFixtures.postgres();
  }

  public static TableCatalog.Table h2() throws Exception {
    return CreateTableFixtures.h2("fixture_" + System.nanoTime());
  }
}
