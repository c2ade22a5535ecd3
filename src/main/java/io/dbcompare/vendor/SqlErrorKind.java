package io.dbcompare.vendor;

/**
 * What a database error means for the tool, decided by a vendor object from the SQLState and the
 * vendor code (never from message text). Listed from the most to the least telling: when an exception
 * chain holds several errors, the first kind in this order decides.
 */
public enum SqlErrorKind {
  /** Credentials were rejected: never retried, so that the account is not locked. */
  AUTHENTICATION,
  /** The connection is broken (lost, closed, ended by the server): retried, and the connection is evicted. */
  CONNECTION_LOST,
  /** The same statement may succeed if tried again on the same connection (snapshot too old, deadlock). */
  TRANSIENT,
  /** The statement was cancelled: by query_timeout_seconds or by a DBA. */
  CANCELLED,
  /** A table or column named by the configuration does not exist (or is not visible). */
  OBJECT_MISSING,
  /** A push-down query cannot compute the canonical encoding of some row; only push-down queries get it. */
  CANNOT_ENCODE,
  /** Anything else: the database's own message says what. */
  OTHER;

  /** Whether the same work may succeed when tried again. */
  public boolean retryable() {
    return this == CONNECTION_LOST || this == TRANSIENT;
  }
}
