package io.dbcompare.jdbc;

import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Secrets;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Translates a {@link SQLException} where JDBC was called, saying what was being attempted. Whether to
 * retry is decided from the SQLState class and the vendor code, never from message text.
 */
public final class SqlErrors {
  /** ORA-01017 invalid username/password; ORA-28000 account locked; ORA-01005 null password. */
  private static final Set<Integer> ORACLE_AUTH = Set.of(1017, 28000, 1005, 28001);
  /**
   * ORA-01555 snapshot too old; ORA-03113/03114/03135 connection lost; ORA-12170/12571 network timeout or
   * failure; ORA-17002 (driver) I/O error; ORA-17008 closed connection; ORA-17410 no more data from socket.
   */
  private static final Set<Integer> ORACLE_RETRY = Set.of(1555, 3113, 3114, 3135, 12170, 12571, 17002, 17008, 17410);
  /** ORA-00942 table or view does not exist; ORA-00904 invalid identifier. */
  private static final Set<Integer> ORACLE_OBJECT = Set.of(942, 904);
  /** H2: 90067 connection broken, 90098 database closed. */
  private static final Set<Integer> H2_RETRY = Set.of(90067, 90098);
  /** ORA-01013 user requested cancel of current operation (also what a query timeout raises). */
  private static final int ORACLE_CANCELLED = 1013;

  private SqlErrors() {}

  public static CompareException translate(SQLException e, String attempted, DatabaseConfig db) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    int vendor = e.getErrorCode();
    String cls = state.length() >= 2 ? state.substring(0, 2) : "";
    ErrorCode code;
    boolean retry = false;
    String advice;
    if (isAuthentication(db, state, cls, vendor)) {
      code = ErrorCode.AUTHENTICATION;
      advice = "check username and password of " + db.side() + "_database (not retried, to avoid locking the account)";
    } else if (cls.equals("08") || cls.equals("57") && !state.equals("57014") || state.equals("40001")
        || state.equals("40P01") || vendorRetryable(db, vendor)) {
      code = ErrorCode.DATABASE;
      retry = true;
      advice = attempted.startsWith("connecting")
          ? "check that the database runs and answers at this address (host, port, firewall); connecting gives up"
              + " after connect_timeout_seconds"
          : "the connection was lost or the database asked to retry";
    } else if (state.equals("57014")
        || (db.platform() == io.dbcompare.config.Platform.ORACLE && vendor == ORACLE_CANCELLED)) {
      code = ErrorCode.QUERY_CANCELLED;
      advice = "the statement was cancelled: it ran longer than query_timeout_seconds, or someone cancelled it";
    } else if (state.equals("42P01") || state.equals("42S02") || state.equals("42703")
        || state.equals("42S22") || oracleObject(db, vendor)) {
      code = ErrorCode.TABLE_FAILED;
      advice = "check the table and column names in the configuration";
    } else {
      code = ErrorCode.DATABASE;
      advice = "see the database error";
    }
    String msg = db.side() + " database: " + attempted + " failed: " + firstLine(e) + " (SQLState " + state
        + ", code " + vendor + "); " + advice;
    return new CompareException(code, Secrets.scrub(msg, secrets(db)), e, retry);
  }

  private static boolean isAuthentication(DatabaseConfig db, String state, String cls, int vendor) {
    return switch (db.platform()) {
      case ORACLE -> ORACLE_AUTH.contains(vendor);
      case POSTGRESQL -> cls.equals("28");
      case H2 -> state.equals("28000") || vendor == 28000;
    };
  }

  private static boolean vendorRetryable(DatabaseConfig db, int vendor) {
    return switch (db.platform()) {
      case ORACLE -> ORACLE_RETRY.contains(vendor);
      case POSTGRESQL -> false;
      case H2 -> H2_RETRY.contains(vendor);
    };
  }

  private static boolean oracleObject(DatabaseConfig db, int vendor) {
    return db.platform() == io.dbcompare.config.Platform.ORACLE && ORACLE_OBJECT.contains(vendor);
  }

  private static String firstLine(SQLException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).strip();
  }

  static List<String> secrets(DatabaseConfig db) {
    List<String> s = new ArrayList<>();
    if (db.password() != null && !db.password().isEmpty()) {
      s.add(db.password());
    }
    String inUrl = Secrets.passwordInUrl(db.url());
    if (inUrl != null && !inUrl.isEmpty()) {
      s.add(inUrl);
    }
    return s;
  }
}
