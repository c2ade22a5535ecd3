package io.dbcompare.error;

/** Exit statuses of the command line, in one place. */
public final class ExitCodes {
  public static final int IDENTICAL = 0;
  public static final int DIFFERENCES = 1;
  public static final int FAILED = 2;
  public static final int USAGE = 3;

  private ExitCodes() {}
}
