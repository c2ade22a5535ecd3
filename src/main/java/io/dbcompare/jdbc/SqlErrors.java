package io.dbcompare.jdbc;

import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Secrets;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.vendor.DatabaseType;
import io.dbcompare.vendor.DatabaseTypes;
import io.dbcompare.vendor.SqlErrorKind;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Translates a {@link SQLException} where JDBC was called, saying what was being attempted. What it
 * means (retry, give up, cancelled, missing table...) is decided by the platform's vendor object from
 * the SQLState and the vendor code, never from message text, looking at the whole chain: the
 * exception, its next exceptions (a batch's real error) and its causes (a pool's wrapped driver error).
 * A {@link SQLRecoverableException} is a lost connection whatever its codes: the driver says so.
 */
public final class SqlErrors {
  /** How far the chain is followed: drivers chain a few; a loop or a runaway chain stops here. */
  private static final int MAX_CHAIN = 32;

  private SqlErrors() {}

  /** An error of any statement but a push-down query. */
  public static CompareException translate(SQLException e, String attempted, DatabaseConfig db) {
    return translate(e, attempted, db, false);
  }

  /**
   * An error of a hash push-down query: the one kind of statement whose error may be
   * {@link ErrorCode#CANNOT_ENCODE} (a row the database cannot encode, so the table may be hashed in Java).
   */
  public static CompareException translatePushdown(SQLException e, String attempted, DatabaseConfig db) {
    return translate(e, attempted, db, true);
  }

  /**
   * An error of a comparison read (planning, checksums, key and hash streams, full rows, splits, lookups):
   * where the side's reads are pinned to one point in time ({@link ConnectionPool#readPoint},
   * {@link ConnectionPool#sharedSnapshot}), an error that says the point cannot be read gets its own
   * message and is never retried ({@link PinnedReadErrors}); any other error is translated as usual.
   *
   * @param table the table read (named in a GRANT a missing privilege needs); null when not known
   * @param pushdown a hash push-down query (its errors may be CANNOT_ENCODE)
   */
  public static CompareException translateRead(SQLException e, String attempted, ConnectionPool pool,
      io.dbcompare.compare.TableRef table, boolean pushdown) {
    return PinnedReadErrors.explain(e, attempted, pool, table, pushdown)
        .orElseGet(() -> translate(e, attempted, pool.database(), pushdown));
  }

  private static CompareException translate(SQLException e, String attempted, DatabaseConfig db, boolean pushdown) {
    Classified c = classify(e, DatabaseTypes.of(db), pushdown);
    SQLException d = c.decider();
    String state = d.getSQLState() == null ? "" : d.getSQLState();
    int vendor = d.getErrorCode();
    ErrorCode code;
    String advice;
    switch (c.kind()) {
      case AUTHENTICATION -> {
        code = ErrorCode.AUTHENTICATION;
        advice = "check username and password of " + db.side() + "_database (not retried, to avoid locking the account)";
      }
      case CONNECTION_LOST, TRANSIENT -> {
        code = ErrorCode.DATABASE;
        advice = attempted.startsWith("connecting")
            ? "check that the database runs and answers at this address (host, port, firewall); connecting gives up"
                + " after connect_timeout_seconds"
            : "the connection was lost or the database asked to retry";
      }
      case CANCELLED -> {
        code = ErrorCode.QUERY_CANCELLED;
        advice = "the statement was cancelled: it ran longer than query_timeout_seconds, or someone cancelled it";
      }
      case OBJECT_MISSING -> {
        code = ErrorCode.TABLE_FAILED;
        advice = "check the table and column names in the configuration";
      }
      case CANNOT_ENCODE -> {
        code = ErrorCode.CANNOT_ENCODE;
        advice = "the database cannot encode some row of this table for hash push-down; hashing in Java can";
      }
      default -> {
        code = ErrorCode.DATABASE;
        advice = "see the database error";
      }
    }
    String msg = db.side() + " database: " + attempted + " failed: " + firstLine(d) + " (SQLState " + state
        + ", code " + vendor + "); " + advice;
    return new CompareException(code, Secrets.scrub(msg, secrets(db)), e, c.kind().retryable(),
        d.getSQLState(), vendor);
  }

  /**
   * The error of a chain that decides what it means, and its kind.
   *
   * @param decider the first error of the most telling kind (see {@link SqlErrorKind}); when every one
   *     is {@link SqlErrorKind#OTHER}, the first with a SQLState (a pool's own wrapper has none)
   */
  public record Classified(SQLException decider, SqlErrorKind kind) {}

  public static Classified classify(SQLException e, DatabaseType type, boolean pushdown) {
    SQLException best = null;
    SqlErrorKind bestKind = SqlErrorKind.OTHER;
    SQLException firstWithState = null;
    for (SQLException s : chain(e)) {
      SqlErrorKind k = type.classify(s.getSQLState(), s.getErrorCode(), pushdown);
      if (s instanceof SQLRecoverableException && k.ordinal() > SqlErrorKind.CONNECTION_LOST.ordinal()) {
        // the driver's own judgement (JDBC: "the recovery operation must include closing the current
        // connection and getting a new connection"), whatever its code
        k = SqlErrorKind.CONNECTION_LOST;
      }
      if (k.ordinal() < bestKind.ordinal()) {
        best = s;
        bestKind = k;
      }
      if (firstWithState == null && s.getSQLState() != null) {
        firstWithState = s;
      }
    }
    if (best != null) {
      return new Classified(best, bestKind);
    }
    return new Classified(firstWithState != null ? firstWithState : e, SqlErrorKind.OTHER);
  }

  /** The exception, then (breadth first) the next exceptions and causes that are SQLExceptions. */
  static List<SQLException> chain(SQLException e) {
    List<SQLException> out = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> todo = new ArrayDeque<>();
    todo.add(e);
    while (!todo.isEmpty() && seen.size() < MAX_CHAIN) {
      Throwable t = todo.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (t instanceof SQLException s) {
        out.add(s);
        if (s.getNextException() != null) {
          todo.add(s.getNextException());
        }
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
    }
    return out;
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
