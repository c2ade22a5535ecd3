package io.dbcompare.session;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of one run, as written to {@code oracle_session_<id>.json}. It never holds a password: the
 * databases are described by URL (secrets masked) and user only.
 *
 * <p>A plain data object for the JSON file: during a run only {@link SessionBook} changes it (under the
 * session's monitor), and readers get snapshots from the book.
 */
public class Session {
  public int formatVersion = 1;
  public String sessionId;
  public String configPath;
  public String configHash;
  public String source;
  public String target;
  public String startTime;
  public String lastUpdate;
  public SessionStatus status = SessionStatus.RUNNING;
  public Totals totals = new Totals();
  public Map<String, TableProgress> tableProgress = new LinkedHashMap<>();
  /** The session's master scripts (several tables with differences: all tables in foreign-key order). */
  public java.util.List<ScriptFile> sessionScripts = new java.util.ArrayList<>();
  /**
   * Why the session's master scripts could not be written at the end of the last run (null when they
   * were, or none was needed): {@code --apply} refuses the session until a {@code --resume} writes them.
   */
  public String sessionScriptError;
  /** The SCN both sides are read at ({@code snapshot: scn}); null for any other mode. */
  public ScnRecord scn;

  /** The target's replication lag read at the start and the end of each run, in order. */
  public java.util.List<LagRecord> replicationLag = new java.util.ArrayList<>();

  /**
   * Tables of the target schemas of {@code schemas:} entries that the source schemas do not have, as
   * {@code SCHEMA.TABLE} (found when the session was created; never compared).
   */
  public java.util.List<String> targetOnlyTables = new java.util.ArrayList<>();
  /** What {@code --apply} did with the sync scripts (null until the first apply). */
  public ApplyProgress applyProgress;
  /** What {@code --repair} did (null until the first repair). */
  public RepairProgress repairProgress;

  public String shortId() {
    return sessionId.substring(0, 8);
  }

  /** Totals over all tables, recomputed before every write. */
  public static class Totals {
    public int tables;
    public int tablesCompleted;
    public int tablesFailed;
    public int tablesPending;
    /** Tables of a schema that the target schema does not have (also counted as differences). */
    public int tablesMissingInTarget;
    public long sourceRows;
    public long targetRows;
    public long missingInTarget;
    public long missingInSource;
    public long differentRows;
    /** Rows the recheck found in flight or changing: not differences. */
    public long inFlightRows;
    public long changingRows;
  }

  void recomputeTotals() {
    Totals t = new Totals();
    for (TableProgress p : tableProgress.values()) {
      t.tables++;
      if (p.status == SessionStatus.COMPLETED) {
        t.tablesCompleted++;
      } else if (p.status == SessionStatus.FAILED) {
        t.tablesFailed++;
      } else if (p.status == SessionStatus.MISSING_IN_TARGET) {
        t.tablesMissingInTarget++;
      } else {
        t.tablesPending++;
      }
      t.sourceRows += p.sourceRows;
      t.targetRows += p.targetRows;
      t.missingInTarget += p.missingInTarget;
      t.missingInSource += p.missingInSource;
      t.differentRows += p.differentRows;
      t.inFlightRows += p.inFlightRows;
      t.changingRows += p.changingRows;
    }
    totals = t;
  }
}
