package io.dbcompare.compare;

/** Where a whole run (a session) stands. */
public enum RunStatus {
  RUNNING,
  /** Every table of the session completed. */
  COMPLETED,
  /** Every table ended, and at least one failed. */
  FAILED,
  /** Stopped (Ctrl-C, a run failure) before every table ended: resume the session. */
  INTERRUPTED
}
