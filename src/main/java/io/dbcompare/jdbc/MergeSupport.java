package io.dbcompare.jdbc;

import io.dbcompare.config.Platform;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * Whether the target accepts the MERGE statements of {@code sync.style: merge}: Oracle (12c and
 * later, like the rest of the tool) and H2 2.x do; PostgreSQL has MERGE from version 15. Checked at
 * the start of a run, from the target's {@link DatabaseMetaData}: an older PostgreSQL is refused
 * (exit 3) rather than given DML scripts the configuration did not ask for.
 */
public final class MergeSupport {
  /** The first PostgreSQL major version with MERGE. */
  public static final int POSTGRES_MERGE = 15;

  private MergeSupport() {}

  /** Throws a configuration error naming the version when the target has no MERGE. */
  public static void check(ConnectionPool target, String configFile) {
    if (target.database().platform() != Platform.POSTGRESQL) {
      return;
    }
    Connection c = target.borrow();
    try {
      DatabaseMetaData md = c.getMetaData();
      String problem = problem(Platform.POSTGRESQL, md.getDatabaseMajorVersion(), md.getDatabaseProductVersion());
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
    if (platform == Platform.POSTGRESQL && majorVersion < POSTGRES_MERGE) {
      return "sync.style: merge needs PostgreSQL " + POSTGRES_MERGE + " or later (MERGE); the target is PostgreSQL "
          + versionText + ". Use sync.style: dml (DELETE, UPDATE, INSERT) for this target";
    }
    return null;
  }
}
