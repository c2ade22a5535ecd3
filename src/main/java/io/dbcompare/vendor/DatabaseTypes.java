package io.dbcompare.vendor;

import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Platform;
import io.dbcompare.config.PlatformRules;
import io.dbcompare.config.Platforms;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;

/** The vendor object of each platform: the {@link PlatformRules} registered for it. */
public final class DatabaseTypes {
  private DatabaseTypes() {}

  public static DatabaseType of(Platform platform) {
    PlatformRules r = Platforms.of(platform);
    if (!(r instanceof DatabaseType t)) {
      throw new CompareException(ErrorCode.INTERNAL, "the rules of platform " + platform + " ("
          + r.getClass().getName() + ") are not a " + DatabaseType.class.getSimpleName());
    }
    return t;
  }

  public static DatabaseType of(DatabaseConfig db) {
    return of(db.platform());
  }
}
