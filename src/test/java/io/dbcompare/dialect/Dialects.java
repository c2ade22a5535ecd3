package io.dbcompare.dialect;

import io.dbcompare.config.Platform;
import io.dbcompare.vendor.DatabaseTypes;

/** Test shorthand: the dialect of a platform, as its vendor object gives it. */
public final class Dialects {
  private Dialects() {}

  public static Dialect of(Platform platform) {
    return DatabaseTypes.of(platform).dialect();
  }
}
