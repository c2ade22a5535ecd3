package io.dbcompare.compare;

import java.util.List;

/** A session's state at one moment, for the console, --status, --list-sessions and reports. */
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
    List<String> targetOnlyTables) {

  /**
   * @param sessionScripts the session's master scripts as written
   * @param sessionScriptError why the last attempt to write them failed; null when it did not fail
   * @param targetOnlyTables tables of the compared target schemas that the source schemas do not have
   *     ({@code SCHEMA.TABLE}; never compared)
   */
  public RunSnapshot {
    tables = List.copyOf(tables);
    sessionScripts = sessionScripts == null ? List.of() : List.copyOf(sessionScripts);
    targetOnlyTables = targetOnlyTables == null ? List.of() : List.copyOf(targetOnlyTables);
  }

  /** A session without tables only in the target. */
  public RunSnapshot(String sessionId, String configPath, String configHash, String source, String target,
      String startTime, String lastUpdate, RunStatus status, List<TableSnapshot> tables,
      List<ScriptRecord> sessionScripts, String sessionScriptError) {
    this(sessionId, configPath, configHash, source, target, startTime, lastUpdate, status, tables, sessionScripts,
        sessionScriptError, List.of());
  }

  /** A session whose master scripts did not fail. */
  public RunSnapshot(String sessionId, String configPath, String configHash, String source, String target,
      String startTime, String lastUpdate, RunStatus status, List<TableSnapshot> tables,
      List<ScriptRecord> sessionScripts) {
    this(sessionId, configPath, configHash, source, target, startTime, lastUpdate, status, tables, sessionScripts,
        null);
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
    for (TableSnapshot t : tables) {
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
        d, missing);
  }

  /**
   * Counts over all tables of the session.
   *
   * @param tablesMissingInTarget tables of a schema that the target schema does not have
   */
  public record Totals(int tables, int tablesCompleted, int tablesFailed, int tablesPending, long sourceRows,
      long targetRows, long missingInTarget, long missingInSource, long differentRows, int tablesMissingInTarget) {

    public long differences() {
      return missingInTarget + missingInSource + differentRows;
    }
  }
}
