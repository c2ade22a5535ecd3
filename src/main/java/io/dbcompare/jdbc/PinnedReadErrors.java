package io.dbcompare.jdbc;

import io.dbcompare.compare.ReadPoint;
import io.dbcompare.compare.TableRef;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Secrets;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.vendor.DatabaseType;
import io.dbcompare.vendor.PinnedReadError;
import io.dbcompare.vendor.SqlErrorKind;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Errors of reads pinned to one point in time ({@code snapshot: scn} or {@code exported}), which say that
 * the point itself cannot be read: the vendor object names them ({@link DatabaseType#pinnedReadError}),
 * and here they get a message that says what to do and are never retried. ORA-01555 is retried when a
 * read takes the current data (a new try reads at a new point); at a pinned SCN every try reads the same
 * point and fails the same way. A lost connection, a rejected login or a cancelled statement keep their
 * usual meaning.
 */
final class PinnedReadErrors {
  private PinnedReadErrors() {}

  /**
   * The error as a read of a pinned point means it, or empty when it is not about the point (then
   * {@link SqlErrors} translates it as any read error).
   *
   * @param attempted what was being done, as for {@link SqlErrors#translate}
   * @param table the table read, for the GRANT a missing privilege needs; null when not known
   */
  static Optional<CompareException> explain(SQLException e, String attempted, ConnectionPool pool, TableRef table,
      boolean pushdown) {
    Optional<Found> found = find(e, pool, pushdown);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    SQLException s = found.get().error();
    DatabaseConfig db = pool.database();
    String point = String.valueOf(pool.readPoint());
    String what = table == null ? "the table" : table.display();
    String user = db.username() == null || db.username().isBlank() ? "<user>" : db.username();
    String advice;
    ErrorCode code;
    switch (found.get().kind()) {
      case POINT_TOO_OLD -> {
        code = ErrorCode.DATABASE;
        advice = "the database no longer holds the undo to read as of " + point + " (snapshot: scn), and a resume"
            + " of this session reads the same SCN: start a new session or raise UNDO_RETENTION (RETENTION"
            + " GUARANTEE on the undo tablespace) to cover the whole comparison";
      }
      case TABLE_CHANGED_SINCE -> {
        code = ErrorCode.TABLE_FAILED;
        advice = what + " changed its definition after " + point + " (TRUNCATE, ALTER TABLE ... MOVE, a partition"
            + " operation or a recreated table), so it cannot be read as of that SCN: start a new session";
      }
      case PRIVILEGE_MISSING -> {
        code = ErrorCode.TABLE_FAILED;
        advice = "reading " + what + " as of " + point + " (snapshot: scn) needs the FLASHBACK privilege: ask for"
            + " GRANT FLASHBACK ON " + what + " TO " + user + " (or GRANT FLASHBACK ANY TABLE TO " + user + "),"
            + " then run the session again with --resume ID --retry-failed";
      }
      default -> {
        code = ErrorCode.DATABASE;
        advice = "the exported snapshot " + pool.sharedSnapshot().orElse("?") + " that this run's reads of the "
            + db.side() + " share can no longer be imported: the connection that exported it ended"
            + " (idle_in_transaction_session_timeout, a lost connection, a server restart); resume the session,"
            + " which reads its unfinished chunks in a new snapshot";
      }
    }
    String state = s.getSQLState() == null ? "" : s.getSQLState();
    String msg = db.side() + " database: " + attempted + " failed: " + firstLine(s) + " (SQLState " + state
        + ", code " + s.getErrorCode() + "); " + advice;
    return Optional.of(new CompareException(code, Secrets.scrub(msg, SqlErrors.secrets(db)), e, false,
        s.getSQLState(), s.getErrorCode()));
  }

  /** Whether a translated read error is about the pinned point (a push-down check must not hide it). */
  static boolean aboutThePoint(CompareException e, ConnectionPool pool) {
    if (pool.readPoint().isNone() && pool.sharedSnapshot().isEmpty()) {
      return false;
    }
    return pool.databaseType().pinnedReadError(e.sqlState(), e.vendorCode())
        .filter(k -> applies(k, pool)).isPresent();
  }

  private record Found(SQLException error, PinnedReadError kind) {}

  private static Optional<Found> find(SQLException e, ConnectionPool pool, boolean pushdown) {
    if (pool.readPoint().isNone() && pool.sharedSnapshot().isEmpty()) {
      return Optional.empty();
    }
    DatabaseType type = pool.databaseType();
    SqlErrorKind kind = SqlErrors.classify(e, type, pushdown).kind();
    if (kind == SqlErrorKind.AUTHENTICATION || kind == SqlErrorKind.CONNECTION_LOST
        || kind == SqlErrorKind.CANCELLED) {
      return Optional.empty();
    }
    for (SQLException s : SqlErrors.chain(e)) {
      Optional<PinnedReadError> k = type.pinnedReadError(s.getSQLState(), s.getErrorCode());
      if (k.isPresent() && applies(k.get(), pool)) {
        return Optional.of(new Found(s, k.get()));
      }
    }
    return Optional.empty();
  }

  /** An SCN error only where the side reads at an SCN, a snapshot error only where it shares one. */
  private static boolean applies(PinnedReadError k, ConnectionPool pool) {
    return k == PinnedReadError.SNAPSHOT_GONE ? pool.sharedSnapshot().isPresent()
        : pool.readPoint().kind() == ReadPoint.Kind.ORACLE_SCN;
  }

  private static String firstLine(SQLException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).strip();
  }
}
