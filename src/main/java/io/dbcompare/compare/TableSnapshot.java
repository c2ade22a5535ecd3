package io.dbcompare.compare;

import java.util.List;

/**
 * A table's progress at one moment: a read-only copy taken under the progress book's lock, so its
 * counts always agree with each other. Chunks are not part of it (a table can have thousands);
 * {@link ProgressBook#chunks} copies them when needed.
 *
 * @param key the session key {@code SCHEMA_TABLE}
 * @param chunkSize the chunk size the plan was made with (null before planning and in older sessions)
 * @param startedAt ISO-8601 instant the table was first started (kept across resumed runs), or null
 * @param inFlightRows rows the recheck found equal again (or gone from both sides): not differences
 * @param changingRows rows the recheck found still different but with a target that changed between
 *     two reads (followed by the target): not differences
 * @param recheckRounds per recheck round, summed over the table's chunks (empty: not rechecked)
 */
public record TableSnapshot(
    String key,
    String schema,
    String table,
    String targetSchema,
    String targetTable,
    TableStatus status,
    int totalChunks,
    int completedChunks,
    long sourceRows,
    long targetRows,
    long missingInTarget,
    long missingInSource,
    long differentRows,
    String error,
    String startedAt,
    String finishedAt,
    List<String> keyColumns,
    Integer chunkSize,
    String syncScript,
    String undoScript,
    List<ScriptRecord> scripts,
    String catalogTargetSchema,
    String catalogTargetTable,
    String summaryFile,
    long inFlightRows,
    long changingRows,
    List<RecheckRound> recheckRounds,
    List<StructureDifference> structure) {

  /**
   * @param structure how the two tables' structures differ, as found when the table was last resolved
   */
  public TableSnapshot {
    keyColumns = keyColumns == null ? null : List.copyOf(keyColumns);
    scripts = scripts == null ? List.of() : List.copyOf(scripts);
    recheckRounds = recheckRounds == null ? List.of() : List.copyOf(recheckRounds);
    structure = structure == null ? List.of() : List.copyOf(structure);
  }

  /** A table without recorded structure differences. */
  public TableSnapshot(String key, String schema, String table, String targetSchema, String targetTable,
      TableStatus status, int totalChunks, int completedChunks, long sourceRows, long targetRows, long missingInTarget,
      long missingInSource, long differentRows, String error, String startedAt, String finishedAt,
      List<String> keyColumns, Integer chunkSize, String syncScript, String undoScript, List<ScriptRecord> scripts,
      String catalogTargetSchema, String catalogTargetTable, String summaryFile, long inFlightRows, long changingRows,
      List<RecheckRound> recheckRounds) {
    this(key, schema, table, targetSchema, targetTable, status, totalChunks, completedChunks, sourceRows, targetRows,
        missingInTarget, missingInSource, differentRows, error, startedAt, finishedAt, keyColumns, chunkSize,
        syncScript, undoScript, scripts, catalogTargetSchema, catalogTargetTable, summaryFile, inFlightRows,
        changingRows, recheckRounds, List.of());
  }

  /** A table not rechecked. */
  public TableSnapshot(String key, String schema, String table, String targetSchema, String targetTable,
      TableStatus status, int totalChunks, int completedChunks, long sourceRows, long targetRows,
      long missingInTarget, long missingInSource, long differentRows, String error, String startedAt,
      String finishedAt, List<String> keyColumns, Integer chunkSize, String syncScript, String undoScript,
      List<ScriptRecord> scripts, String catalogTargetSchema, String catalogTargetTable, String summaryFile) {
    this(key, schema, table, targetSchema, targetTable, status, totalChunks, completedChunks, sourceRows, targetRows,
        missingInTarget, missingInSource, differentRows, error, startedAt, finishedAt, keyColumns, chunkSize,
        syncScript, undoScript, scripts, catalogTargetSchema, catalogTargetTable, summaryFile, 0, 0, List.of());
  }

  /** Persistent differences: after the recheck, rows in flight or changing are not counted. */
  public long differences() {
    return missingInTarget + missingInSource + differentRows;
  }

  /** A table of a schema that the target schema does not have (never compared). */
  public boolean missingTable() {
    return status == TableStatus.MISSING_IN_TARGET;
  }

  public boolean planned() {
    return totalChunks > 0;
  }

  /** {@code schema.table} as configured for the source. */
  public String displayName() {
    return schema + "." + table;
  }

  /**
   * An estimate of the table's source rows from its plan: every chunk but the last holds exactly the
   * chunk size, so {@code chunks × chunk size} is an upper bound off by less than one chunk. Null when
   * the table is not planned or the plan's chunk size is unknown (sessions of older versions).
   */
  public Long plannedRows() {
    return chunkSize == null || totalChunks == 0 ? null : (long) totalChunks * chunkSize;
  }
}
