package io.dbcompare.compare;

import java.util.List;

/**
 * The one owner of a run's progress (implemented by the session): every change goes through one of
 * these named operations, each done under one lock, and readers only get snapshots. Operations that
 * say "saved" write the session before they return; chunk completions are saved at most once a second
 * (the checkpoint files are the record of finished chunks).
 *
 * <p>Tables are named by their session key ({@link TableSpec#key()}); the book knows every table of the
 * session from its start, and an unknown key is an internal error.
 */
public interface ProgressBook {
  String sessionId();

  /** The whole session, consistent at one moment. */
  RunSnapshot snapshot();

  TableSnapshot table(String key);

  /** The table's chunk plan with each chunk's progress (empty before planning). */
  List<ChunkSnapshot> chunks(String key);

  /**
   * A run takes the table up: in progress, error cleared, start time kept from an earlier run, names and
   * key columns as resolved. Not saved (the plan or {@link #tablePrepared} saves).
   */
  TableSnapshot tableStarted(String key, TableSpec spec);

  /** A new chunk plan, every chunk pending; saved, so the plan is on disk before any chunk runs. */
  TableSnapshot planRecorded(String key, List<ChunkRange> chunks, int chunkSize);

  /** A chunk whose result was read back from the checkpoint store: completed with its counts. Not saved. */
  void chunkRestored(String key, ChunkResult stored);

  /** A chunk that has to be compared (again): pending, error cleared. Not saved. */
  void chunkPending(String key, int index);

  /** The table is ready to run its pending chunks; saved. */
  TableSnapshot tablePrepared(String key);

  void chunkStarted(String key, int index);

  /** Records a compared chunk's counts; saved at most once a second. */
  TableSnapshot chunkCompleted(String key, ChunkResult result);

  /** Not saved: the table's failure (or the run's end) saves it. */
  TableSnapshot chunkFailed(String key, int index, String error);

  /**
   * A table stage replaced a completed chunk's result (e.g. rows rechecked and found equal): its counts
   * become the revised ones. Not saved ({@link #tableCompleted} saves).
   */
  TableSnapshot chunkRevised(String key, ChunkResult revised);

  /** The run stopped before all of the table's chunks ran: it stays in progress for --resume; saved. */
  TableSnapshot tableSuspended(String key);

  /** Failed with this error, finish time stamped; saved. */
  TableSnapshot tableFailed(String key, String error);

  /** The files finishing the table wrote. Not saved ({@link #tableCompleted} saves). */
  void outputsRecorded(String key, TableOutputs outputs);

  /** Completed, finish time stamped; saved. */
  TableSnapshot tableCompleted(String key);

  /** The session's master scripts (replacing earlier ones); saved. */
  void sessionScriptsRecorded(List<ScriptRecord> scripts);

  /** The run's status; saved. */
  void runStatus(RunStatus status);
}
