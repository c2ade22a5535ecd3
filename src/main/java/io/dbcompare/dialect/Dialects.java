package io.dbcompare.dialect;

import io.dbcompare.config.Platform;

/** The dialect of each platform. */
public final class Dialects {
  private Dialects() {}

  public static Dialect of(Platform platform) {
    return switch (platform) {
      case ORACLE -> new OracleDialect();
      case POSTGRESQL -> new PostgresDialect();
      case H2 -> new H2Dialect();
    };
  }
}
