package io.dbcompare.error;

/**
 * The one exception type the tool throws for expected failures. Its message is a single line a DBA
 * can act on: what was being done, on which file/table/key, and what to do.
 */
public class CompareException extends RuntimeException {
  private final ErrorCode code;
  private final boolean retryable;

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
    super(message, cause);
    this.code = code;
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
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
