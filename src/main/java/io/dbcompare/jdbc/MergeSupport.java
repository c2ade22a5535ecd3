package io.dbcompare.jdbc;

import io.dbcompare.config.Platform;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.vendor.DatabaseType;
import io.dbcompare.vendor.DatabaseTypes;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * Whether the target accepts the MERGE statements of {@code sync.style: merge}: Oracle (12c and
 * later, like the rest of the tool) and H2 2.x do; PostgreSQL has MERGE from version 15 (the vendor
 * object's {@link DatabaseType#firstMergeVersion}). Checked at the start of a run, from the target's
 * {@link DatabaseMetaData}: an older version is refused (exit 3) rather than given DML scripts the
 * configuration did not ask for.
 */
public final class MergeSupport {
  private MergeSupport() {}

  /** Throws a configuration error naming the version when the target has no MERGE. */
  public static void check(ConnectionPool target, String configFile) {
    DatabaseType type = target.databaseType();
    if (type.firstMergeVersion() == 0) {
      return;
    }
    Connection c = target.borrow();
    try {
      DatabaseMetaData md = c.getMetaData();
      String problem = problem(type, md.getDatabaseMajorVersion(), md.getDatabaseProductVersion());
      if (problem != null) {
        throw new CompareException(ErrorCode.CONFIG, configFile + ": " + problem);
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "reading the target's version (sync.style: merge)", target.database());
    } finally {
      ConnectionPool.release(c);
    }
  }

  /** Why a target of this platform and version cannot run MERGE scripts; null when it can. */
  public static String problem(Platform platform, int majorVersion, String versionText) {
    return problem(DatabaseTypes.of(platform), majorVersion, versionText);
  }

  private static String problem(DatabaseType type, int majorVersion, String versionText) {
    if (majorVersion < type.firstMergeVersion()) {
      return "sync.style: merge needs " + type.displayName() + " " + type.firstMergeVersion() + " or later (MERGE);"
          + " the target is " + type.displayName() + " " + versionText
          + ". Use sync.style: dml (DELETE, UPDATE, INSERT) for this target";
    }
    return null;
  }
}
