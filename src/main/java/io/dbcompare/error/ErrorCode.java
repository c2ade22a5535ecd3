package io.dbcompare.error;

/**
 * Every failure the tool reports has one of these codes; the code decides the process exit status.
 *
 * <p>Exit statuses: 0 all tables compared and identical, 1 all compared with differences, 2 a table or
 * the run failed (the session can be resumed), 3 usage or configuration error (nothing was compared).
 */
public enum ErrorCode {
  /** Command-line usage: unknown option, missing argument, conflicting flags. */
  USAGE(3),
  /** The YAML configuration is malformed, has an unknown key, a wrong type or a missing value. */
  CONFIG(3),
  /** Credentials were rejected by a database: retrying would only risk locking the account. */
  AUTHENTICATION(3),
  /** A session id given with --resume / --status does not exist or is ambiguous. */
  SESSION_NOT_FOUND(3),
  /** The configuration changed since the session was created; resuming it would mix two comparisons. */
  CONFIG_CHANGED(3),
  /** Another process holds the session. */
  SESSION_LOCKED(2),
  /** A session file exists but cannot be read. */
  SESSION_DAMAGED(2),
  /** A database could not be reached or a statement failed. */
  DATABASE(2),
  /**
   * A push-down query was refused because the database cannot compute the encoding for some row
   * (Oracle ORA-01489: the concatenated row text is too long for STANDARD_HASH). Only this code may move
   * a table from push-down to hashing in Java; every other database error fails or retries the chunk.
   * Decided by the platform's error classification from vendor codes, never from message text.
   */
  CANNOT_ENCODE(2),
  /** A statement was cancelled: it ran longer than query_timeout_seconds, or a DBA cancelled it. */
  QUERY_CANCELLED(2),
  /** A table could not be compared (missing table or column, incompatible types, bad key...). */
  TABLE_FAILED(2),
  /**
   * A finished chunk's checkpoint disappeared or was damaged while the table's results were being
   * written: the table fails, and {@code --resume ID --retry-failed} compares that chunk again. (A
   * damaged checkpoint found when a table is prepared is no error: a warning names the file and the
   * chunk is compared again.)
   */
  CHECKPOINT_CORRUPT(2),
  /** Reading or writing a local file failed. */
  IO(2),
  /** --apply refused to run a session's scripts: edited since generated, or the session is not complete. */
  APPLY_REFUSED(2),
  /** The run was interrupted (Ctrl-C); the session can be resumed. */
  INTERRUPTED(2),
  /**
   * The run stopped after it had started for a reason beyond one table: credentials rejected mid-run,
   * readers that never returned. What finished is saved; the session can be resumed.
   */
  RUN_FAILED(2),
  /** A bug: an invariant of the tool itself was violated. */
  INTERNAL(2);

  private final int exitCode;

  ErrorCode(int exitCode) {
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
