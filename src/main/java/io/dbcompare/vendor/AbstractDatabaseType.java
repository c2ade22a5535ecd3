package io.dbcompare.vendor;

import java.util.Locale;
import java.util.Set;

/**
 * The error classification every database shares (standard SQLState classes), with one small question
 * per kind that a platform answers from its own SQLStates and vendor codes.
 */
public abstract class AbstractDatabaseType implements DatabaseType {

  @Override
  public boolean handlesJdbcUrl(String url) {
    return url.toLowerCase(Locale.ROOT).startsWith(urlPrefix());
  }

  @Override
  public final SqlErrorKind classify(String sqlState, int vendorCode, boolean pushdownQuery) {
    String state = sqlState == null ? "" : sqlState;
    if (isAuthentication(state, vendorCode)) {
      return SqlErrorKind.AUTHENTICATION;
    }
    if (isConnectionLost(state, vendorCode)) {
      return SqlErrorKind.CONNECTION_LOST;
    }
    if (isTransient(state, vendorCode)) {
      return SqlErrorKind.TRANSIENT;
    }
    if (isCancelled(state, vendorCode)) {
      return SqlErrorKind.CANCELLED;
    }
    if (isObjectMissing(state, vendorCode)) {
      return SqlErrorKind.OBJECT_MISSING;
    }
    if (pushdownQuery && cannotEncode(state, vendorCode)) {
      return SqlErrorKind.CANNOT_ENCODE;
    }
    return SqlErrorKind.OTHER;
  }

  /** Credentials rejected, account locked or expired. */
  protected abstract boolean isAuthentication(String state, int code);

  /**
   * SQLState class 08 (connection exception) and class 57 (operator intervention: the server ended the
   * session or is shutting down) except 57014 (a cancelled statement, whose connection is fine); plus
   * the platform's own codes for a lost connection.
   */
  protected boolean isConnectionLost(String state, int code) {
    return state.startsWith("08") || state.startsWith("57") && !state.equals("57014")
        || connectionLostCodes().contains(code);
  }

  /** Vendor codes of a lost or closed connection whose SQLState is not of class 08 or 57. */
  protected Set<Integer> connectionLostCodes() {
    return Set.of();
  }

  /** 40001: serialization failure, to be retried by definition (SQL standard). */
  protected boolean isTransient(String state, int code) {
    return state.equals("40001");
  }

  /** 57014: query cancelled (by a timeout or by a DBA). */
  protected boolean isCancelled(String state, int code) {
    return state.equals("57014");
  }

  protected abstract boolean isObjectMissing(String state, int code);

  /**
   * Errors a push-down query raises for rows whose encoding the database cannot compute, so that the
   * table is hashed in Java instead. None by default: an error there is a failed chunk.
   */
  protected boolean cannotEncode(String state, int code) {
    return false;
  }

  @Override
  public String toString() {
    return displayName();
  }
}
