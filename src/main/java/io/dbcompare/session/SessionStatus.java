package io.dbcompare.session;

import com.fasterxml.jackson.annotation.JsonValue;
import io.dbcompare.compare.RunStatus;
import io.dbcompare.compare.TableStatus;
import java.util.Locale;

/**
 * Status of a session, a table or a chunk in the session file, serialized in lower case exactly as
 * older versions wrote it ({@code pending}, {@code in_progress}, ...), so their files stay readable.
 */
public enum SessionStatus {
  PENDING,
  IN_PROGRESS,
  COMPLETED,
  FAILED,
  /** Session-level only: the run was stopped (Ctrl-C) before all tables were done. */
  INTERRUPTED,
  /** Session-level only. */
  RUNNING,
  /** Table-level only: the target schema has no such table (see {@link TableStatus#MISSING_IN_TARGET}). */
  MISSING_IN_TARGET;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return json();
  }

  static SessionStatus of(TableStatus s) {
    return valueOf(s.name());
  }

  static SessionStatus of(RunStatus s) {
    return valueOf(s.name());
  }

  /** As a table's or chunk's status; a session-level value there means the file was edited by hand. */
  TableStatus table() {
    return switch (this) {
      case PENDING -> TableStatus.PENDING;
      case IN_PROGRESS -> TableStatus.IN_PROGRESS;
      case COMPLETED -> TableStatus.COMPLETED;
      case FAILED -> TableStatus.FAILED;
      case MISSING_IN_TARGET -> TableStatus.MISSING_IN_TARGET;
      // an interrupted table is one that was in progress: a resume continues it
      case INTERRUPTED, RUNNING -> TableStatus.IN_PROGRESS;
    };
  }

  RunStatus run() {
    return switch (this) {
      case RUNNING, PENDING, IN_PROGRESS -> RunStatus.RUNNING;
      case COMPLETED, MISSING_IN_TARGET -> RunStatus.COMPLETED; // the latter never a session's status
      case FAILED -> RunStatus.FAILED;
      case INTERRUPTED -> RunStatus.INTERRUPTED;
    };
  }
}
