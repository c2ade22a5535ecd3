package io.dbcompare.compare;

import java.util.concurrent.ExecutionException;

/** What a failed read on another thread threw, rethrown as it was where it is unchecked. */
public final class Causes {
  private Causes() {}

  /** The cause itself when it is a RuntimeException (an Error is thrown), else wrapped. */
  public static RuntimeException unchecked(ExecutionException e) {
    Throwable c = e.getCause();
    if (c instanceof RuntimeException re) {
      return re;
    }
    if (c instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(c);
  }
}
