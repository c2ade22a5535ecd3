package io.dbcompare.compare;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A testing aid: named points in the write path where a test can make the process die at once, as a
 * power cut or {@code kill -9} would, to prove that a resumed run still gives the uninterrupted result.
 *
 * <p>Start the JVM with {@code -Ddbcompare.crashAt=<name>:<n>} and the n-th call of
 * {@link #hit(String) hit(name)} halts the process with exit status 137 (no shutdown hooks, no
 * flushing, no finally blocks). Without the properties, {@code hit} returns at once: two reads of final
 * fields. The property is for tests only; it has no use in production.
 *
 * <p>{@code -Ddbcompare.pauseAt=<name>:<n>} instead stops the thread that makes the n-th hit: it prints
 * {@value #PAUSED}{@code <name>:<n>} on standard error and waits until standard input ends. A test
 * that wants to kill or interrupt a run at an exact point (rather than poll until it has got "far
 * enough" and hope it is still running) waits for that line, signals the process, and closes its input
 * to let it go on.
 *
 * <p>The points, in the order a run passes them:
 * <ul>
 *   <li>{@value #SESSION_CREATED}: a new session's file was written, no table planned yet
 *   <li>{@value #PLAN_BEFORE_SAVE}, {@value #PLAN_AFTER_SAVE}: around saving a table's chunk plan
 *   <li>{@value #CHECKPOINT_SAVED}: a chunk's checkpoint is on disk, the session does not know it yet
 *   <li>{@value #CHUNK_SESSION_SAVED}: the session file was saved after a finished chunk (saves are
 *       throttled to one a second, so not every chunk passes this point)
 *   <li>{@value #RECHECK_STARTED}: a table's chunks are all compared and its recheck is about to read
 *       differing rows again (a test pauses here to change a row "in flight")
 *   <li>{@value #RECHECK_BEFORE_SAVE}, {@value #RECHECK_CHUNK_SAVED}: around saving the recheck's result of
 *       one chunk in one round (a table's outputs not yet written)
 *   <li>{@value #SCRIPT_BEFORE_WRITE}, {@value #SCRIPT_STATEMENT} (after each statement written),
 *       {@value #SCRIPT_FILE_WRITTEN} (after each script file, part or master, is renamed into place):
 *       writing a table's sync (and undo) script
 *   <li>{@value #SCRIPT_RENAMED}: the table's scripts are in place, the summary not yet written
 *   <li>{@value #SUMMARY_BEFORE_WRITE}: before a table's summary is written
 *   <li>{@value #TABLE_BEFORE_COMPLETED}: a table's outputs are written, it is not yet marked completed
 *   <li>{@value #RUN_BEFORE_FINAL_SAVE}: every table ended, the session's final status is not saved yet
 * </ul>
 */
public final class CrashPoints {
  public static final String PROPERTY = "dbcompare.crashAt";
  public static final String SESSION_CREATED = "session-created";
  public static final String PLAN_BEFORE_SAVE = "plan-before-save";
  public static final String PLAN_AFTER_SAVE = "plan-after-save";
  public static final String CHECKPOINT_SAVED = "checkpoint-saved";
  public static final String CHUNK_SESSION_SAVED = "chunk-session-saved";
  public static final String RECHECK_STARTED = "recheck-started";
  public static final String RECHECK_BEFORE_SAVE = "recheck-before-save";
  public static final String RECHECK_CHUNK_SAVED = "recheck-chunk-saved";
  public static final String SCRIPT_BEFORE_WRITE = "script-before-write";
  public static final String SCRIPT_STATEMENT = "script-statement";
  public static final String SCRIPT_FILE_WRITTEN = "script-file-written";
  public static final String SCRIPT_RENAMED = "script-renamed";
  public static final String SUMMARY_BEFORE_WRITE = "summary-before-write";
  public static final String TABLE_BEFORE_COMPLETED = "table-before-completed";
  public static final String RUN_BEFORE_FINAL_SAVE = "run-before-final-save";
  public static final String PAUSE_PROPERTY = "dbcompare.pauseAt";
  /** What a paused process prints on standard error, followed by {@code <name>:<n>}. */
  public static final String PAUSED = "dbcompare: paused at ";
  /** The exit status of a process halted at a crash point: that of a process killed by SIGKILL. */
  public static final int EXIT_STATUS = 137;

  /** The armed point, or null (the normal case). */
  private static final Target TARGET = Target.parse(PROPERTY, System.getProperty(PROPERTY));
  /** The point to pause at, or null (the normal case). */
  private static final Target PAUSE = Target.parse(PAUSE_PROPERTY, System.getProperty(PAUSE_PROPERTY));

  private CrashPoints() {}

  /**
   * Passes a crash point: halts the JVM when this is the armed point's n-th hit, pauses when it is the
   * pause point's n-th hit, else does nothing.
   */
  public static void hit(String name) {
    Target t = TARGET;
    if (t != null && t.name.equals(name) && t.hits.incrementAndGet() == t.n) {
      Runtime.getRuntime().halt(EXIT_STATUS);
    }
    Target p = PAUSE;
    if (p != null && p.name.equals(name) && p.hits.incrementAndGet() == p.n) {
      pause(name + ":" + p.n);
    }
  }

  private static void pause(String point) {
    System.err.println(PAUSED + point);
    System.err.flush();
    try {
      while (System.in.read() >= 0) {
        // wait for the end of standard input
      }
    } catch (IOException e) {
      // no input to wait on: go on
    }
  }

  /** {@code name:n} (n >= 1; {@code name} alone means the first hit). */
  record Target(String name, int n, AtomicInteger hits) {
    static Target parse(String spec) {
      return parse(PROPERTY, spec);
    }

    static Target parse(String property, String spec) {
      if (spec == null || spec.isBlank()) {
        return null;
      }
      int colon = spec.lastIndexOf(':');
      String name = colon < 0 ? spec.strip() : spec.substring(0, colon).strip();
      int n;
      try {
        n = colon < 0 ? 1 : Integer.parseInt(spec.substring(colon + 1).strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(property + "=" + spec + ": expected <name>:<n>");
      }
      if (n < 1 || name.isEmpty()) {
        throw new IllegalArgumentException(property + "=" + spec + ": expected <name>:<n> with n >= 1");
      }
      return new Target(name, n, new AtomicInteger());
    }
  }
}
