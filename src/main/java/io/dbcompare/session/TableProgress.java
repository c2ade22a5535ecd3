package io.dbcompare.session;

import java.util.ArrayList;
import java.util.List;

/** Progress of one table, keyed {@code SCHEMA_TABLE} in the session (changed only by {@link SessionBook}). */
public class TableProgress {
  public String schema;
  public String table;
  public String targetSchema;
  public String targetTable;
  public SessionStatus status = SessionStatus.PENDING;
  public int totalChunks;
  public int completedChunks;
  public long sourceRows;
  public long targetRows;
  public long missingInTarget;
  public long missingInSource;
  public long differentRows;
  /** Rows the recheck found equal again or gone from both sides: in flight, not differences. */
  public long inFlightRows;
  /** Rows still different whose target changed between two reads (followed by the target): not differences. */
  public long changingRows;
  /** Per recheck round, summed over the chunks. */
  public List<RecheckCount> recheckRounds = new ArrayList<>();
  public String error;
  public String startedAt;
  public String finishedAt;
  public List<String> keyColumns;
  /**
   * Where the key came from, as the console says it: {@code primary key (ID)}, {@code unique index
   * UQ_NO (NO) ...}, {@code key_columns (...)}, or {@code none: ... multiset of whole rows} (null in
   * sessions of older versions).
   */
  public String keySource;
  /** The chunk size the plan was made with (null before planning and in sessions of older versions). */
  public Integer chunkSize;
  public String syncScript;
  /** The undo script (sync.undo), beside the sync script. */
  public String undoScript;
  /** Every script file written for the table (sync and undo, masters and parts) with its SHA-256. */
  public List<ScriptFile> scripts = new ArrayList<>();
  /** The target table as its catalog spells it (written with the scripts; foreign keys name it so). */
  public String catalogTargetSchema;
  public String catalogTargetTable;
  public String summaryFile;
  /** How the two tables' structures differ (found when the table was resolved; the last run's). */
  public List<StructureNote> structure = new ArrayList<>();
  /** The chunk plan, fixed when the table is first planned, so a resumed run reuses the same chunks. */
  public List<ChunkProgress> chunks = new ArrayList<>();

  public long differences() {
    return missingInTarget + missingInSource + differentRows;
  }

  /** Recomputes the table's counts from its chunks (the chunks are the record; totals are derived). */
  void recount() {
    completedChunks = 0;
    sourceRows = 0;
    targetRows = 0;
    missingInTarget = 0;
    missingInSource = 0;
    differentRows = 0;
    inFlightRows = 0;
    changingRows = 0;
    // per round: rows rechecked, in flight, changing
    List<long[]> rounds = new ArrayList<>();
    for (ChunkProgress c : chunks) {
      if (c.status == SessionStatus.COMPLETED) {
        completedChunks++;
        sourceRows += c.sourceRows;
        targetRows += c.targetRows;
        missingInTarget += c.missingInTarget;
        missingInSource += c.missingInSource;
        differentRows += c.differentRows;
        for (RecheckCount r : c.recheckRounds == null ? List.<RecheckCount>of() : c.recheckRounds) {
          while (rounds.size() < r.round) {
            rounds.add(new long[3]);
          }
          long[] sum = rounds.get(r.round - 1);
          sum[0] += r.rechecked;
          sum[1] += r.inFlight;
          sum[2] += r.changing;
          inFlightRows += r.inFlight;
          changingRows += r.changing;
        }
      }
    }
    recheckRounds = new ArrayList<>();
    for (int i = 0; i < rounds.size(); i++) {
      long[] sum = rounds.get(i);
      recheckRounds.add(new RecheckCount(i + 1, sum[0], sum[1], sum[2]));
    }
    totalChunks = chunks.size();
  }

  public boolean planned() {
    return chunks != null && !chunks.isEmpty();
  }
}
