package io.dbcompare.compare;

import java.util.List;

/**
 * A session's state at one moment, for the console, --status, --list-sessions and reports.
 *
 * @param sessionScriptError why the last attempt to write the session's master scripts failed; null when
 *     it did not fail
 * @param replicationLag the target's replay lag as read at the start and the end of runs, in order
 */
public record RunSnapshot(
    String sessionId,
    String configPath,
    String configHash,
    String source,
    String target,
    String startTime,
    String lastUpdate,
    RunStatus status,
    List<TableSnapshot> tables,
    List<ScriptRecord> sessionScripts,
    String sessionScriptError,
    List<LagReading> replicationLag,
    List<String> targetOnlyTables) {

  /**
   * @param targetOnlyTables tables of the compared target schemas that the source schemas do not have
   *     ({@code SCHEMA.TABLE}; never compared)
   */
  public RunSnapshot {
    tables = List.copyOf(tables);
    sessionScripts = sessionScripts == null ? List.of() : List.copyOf(sessionScripts);
    replicationLag = replicationLag == null ? List.of() : List.copyOf(replicationLag);
    targetOnlyTables = targetOnlyTables == null ? List.of() : List.copyOf(targetOnlyTables);
  }

  /** A session without tables only in the target. */
  public RunSnapshot(String sessionId, String configPath, String configHash, String source, String target,
      String startTime, String lastUpdate, RunStatus status, List<TableSnapshot> tables,
      List<ScriptRecord> sessionScripts, String sessionScriptError, List<LagReading> replicationLag) {
    this(sessionId, configPath, configHash, source, target, startTime, lastUpdate, status, tables, sessionScripts,
        sessionScriptError, replicationLag, List.of());
  }

  /** A session without lag readings whose master scripts did not fail. */
  public RunSnapshot(String sessionId, String configPath, String configHash, String source, String target,
      String startTime, String lastUpdate, RunStatus status, List<TableSnapshot> tables,
      List<ScriptRecord> sessionScripts) {
    this(sessionId, configPath, configHash, source, target, startTime, lastUpdate, status, tables, sessionScripts,
        (String) null, List.of());
  }

  /** A session without lag readings. */
  public RunSnapshot(String sessionId, String configPath, String configHash, String source, String target,
      String startTime, String lastUpdate, RunStatus status, List<TableSnapshot> tables,
      List<ScriptRecord> sessionScripts, String sessionScriptError) {
    this(sessionId, configPath, configHash, source, target, startTime, lastUpdate, status, tables, sessionScripts,
        sessionScriptError, List.of());
  }

  /** A session whose master scripts did not fail. */
  public RunSnapshot(String sessionId, String configPath, String configHash, String source, String target,
      String startTime, String lastUpdate, RunStatus status, List<TableSnapshot> tables,
      List<ScriptRecord> sessionScripts, List<LagReading> replicationLag) {
    this(sessionId, configPath, configHash, source, target, startTime, lastUpdate, status, tables, sessionScripts,
        null, replicationLag);
  }

  public String shortId() {
    return sessionId.substring(0, 8);
  }

  /** The table with this key, or null. */
  public TableSnapshot table(String key) {
    for (TableSnapshot t : tables) {
      if (t.key().equals(key)) {
        return t;
      }
    }
    return null;
  }

  public Totals totals() {
    int completed = 0;
    int failed = 0;
    int missing = 0;
    long sr = 0;
    long tr = 0;
    long mit = 0;
    long mis = 0;
    long d = 0;
    long inFlight = 0;
    long changing = 0;
    for (TableSnapshot t : tables) {
      inFlight += t.inFlightRows();
      changing += t.changingRows();
      if (t.status() == TableStatus.COMPLETED) {
        completed++;
      } else if (t.status() == TableStatus.FAILED) {
        failed++;
      } else if (t.status() == TableStatus.MISSING_IN_TARGET) {
        missing++;
      }
      sr += t.sourceRows();
      tr += t.targetRows();
      mit += t.missingInTarget();
      mis += t.missingInSource();
      d += t.differentRows();
    }
    return new Totals(tables.size(), completed, failed, tables.size() - completed - failed - missing, sr, tr, mit, mis,
        d, inFlight, changing, missing);
  }

  /**
   * Counts over all tables of the session.
   *
   * @param inFlightRows rows the recheck found equal again (not differences)
   * @param changingRows rows whose target changed between reads (not differences)
   * @param tablesMissingInTarget tables of a schema that the target schema does not have
   */
  public record Totals(int tables, int tablesCompleted, int tablesFailed, int tablesPending, long sourceRows,
      long targetRows, long missingInTarget, long missingInSource, long differentRows, long inFlightRows,
      long changingRows, int tablesMissingInTarget) {

    public long differences() {
      return missingInTarget + missingInSource + differentRows;
    }
  }
}
