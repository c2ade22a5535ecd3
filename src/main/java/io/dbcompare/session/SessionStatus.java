package io.dbcompare.session;

/** Status of a table or a chunk in the session file. Serialized in lower case. */
public final class SessionStatus {
  public static final String PENDING = "pending";
  public static final String IN_PROGRESS = "in_progress";
  public static final String COMPLETED = "completed";
  public static final String FAILED = "failed";
  /** Session-level only: the run was stopped (Ctrl-C) before all tables were done. */
  public static final String INTERRUPTED = "interrupted";
  public static final String RUNNING = "running";

  private SessionStatus() {}
}
