package io.dbcompare.error;

/**
 * The one exception type the tool throws for expected failures. Its message is a single line a DBA
 * can act on: what was being done, on which file/table/key, and what to do.
 */
public class CompareException extends RuntimeException {
  private final ErrorCode code;
  private final boolean retryable;
  private final String sqlState;
  private final int vendorCode;

  public CompareException(ErrorCode code, String message) {
    this(code, message, null, false);
  }

  public CompareException(ErrorCode code, String message, Throwable cause) {
    this(code, message, cause, false);
  }

  /**
   * @param retryable the same work may succeed if tried again (lost connection, snapshot too old);
   *     decided from SQLState class and vendor code where the error was translated, never from text
   */
  public CompareException(ErrorCode code, String message, Throwable cause, boolean retryable) {
    this(code, message, cause, retryable, null, 0);
  }

  /**
   * A database error, with the facts it was classified by.
   *
   * @param sqlState the SQLState of the database error that decided the code (null when it had none)
   * @param vendorCode its vendor code (ORA-nnnnn number, H2 error code; 0 for PostgreSQL)
   */
  public CompareException(ErrorCode code, String message, Throwable cause, boolean retryable, String sqlState,
      int vendorCode) {
    super(message, cause);
    this.code = code;
    this.retryable = retryable;
    this.sqlState = sqlState;
    this.vendorCode = vendorCode;
  }

  public boolean retryable() {
    return retryable;
  }

  /** The SQLState of the database error behind this one; null when it did not come from a database. */
  public String sqlState() {
    return sqlState;
  }

  /** The vendor code of the database error behind this one; 0 when none. */
  public int vendorCode() {
    return vendorCode;
  }

  public ErrorCode code() {
    return code;
  }

  public int exitCode() {
    return code.exitCode();
  }

  /**
   * A configuration error. Its message quotes values from the file (names, numbers, filters), which may
   * contain line breaks; they are shown as {@code \n} so the message stays one line.
   */
  public static CompareException config(String message) {
    return new CompareException(ErrorCode.CONFIG, oneLine(message));
  }

  private static String oneLine(String message) {
    return message == null ? null : message.replaceAll("\\r\\n|[\\r\\n\\u0085\\u2028\\u2029]", "\\\\n");
  }
}
