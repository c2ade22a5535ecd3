package io.dbcompare.sync;

import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.CrashPoints;
import io.dbcompare.compare.ScriptRecord;
import io.dbcompare.compare.TableSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * The scripts of one finished table in the output folder: named by {@link ScriptNames}, written by the
 * {@link SyncScriptWriter} (sync script, undo script with {@code sync.undo}, their parts and statement
 * files), and returned as the records the session keeps. After the table's summary is written too,
 * {@link #removeEarlier} removes what an interrupted earlier finish of the same table and session
 * left: one set of outputs per table and session.
 *
 * <p>In a session of several tables every script is written as phase parts, even a small one, so that
 * the session's master ({@link SessionMaster}) can interleave the tables' phases in foreign-key order.
 */
public final class ScriptSet {
  private final Path outputDir;
  private final String sessionId;
  private final boolean separatePhases;
  private final SyncScriptWriter writer;

  /**
   * @param tables how many tables the session has (several: every script in phase parts)
   */
  public ScriptSet(Path outputDir, String sessionId, int tables, SyncScriptWriter writer) {
    this.outputDir = outputDir;
    this.sessionId = sessionId;
    this.separatePhases = tables > 1;
    this.writer = writer;
  }

  /** The scripts written for a table: the sync script, the undo script (or null), and every file written. */
  public record Written(Path sync, Path undo, List<ScriptRecord> records) {
    public Written {
      records = List.copyOf(records);
    }
  }

  /**
   * Writes a table's scripts for its differences.
   *
   * @param stamp the time stamp of the table's outputs ({@link ScriptNames#stamp})
   * @param header comment lines for the top of every file (session, table, databases, time, notes)
   * @param selfReferences the target table's foreign keys to itself (its rows are ordered by them)
   */
  public Written write(TableSpec table, String stamp, Iterable<ChunkResult> results, List<String> header,
      List<SelfReference> selfReferences) {
    Path sync = ScriptNames.tableSync(outputDir, table.key(), stamp, sessionId);
    Path undo = writer.settings().undo() ? ScriptNames.tableUndo(outputDir, table.key(), stamp, sessionId) : null;
    // a row whose unique value changes is deleted and inserted again, so rows swapping it apply cleanly
    Iterable<ChunkResult> statements = UniqueChanges.asDeleteAndInsert(table, results);
    List<ScriptRecord> records = writer.write(sync, undo, table, statements, header, separatePhases, selfReferences)
        .stream().map(GeneratedScript::record).toList();
    CrashPoints.hit(CrashPoints.SCRIPT_RENAMED);
    return new Written(sync, undo, records);
  }

  /** The table's summary file for outputs of this time stamp. */
  public Path summary(TableSpec table, String stamp) {
    return ScriptNames.summary(outputDir, table.key(), stamp, sessionId);
  }

  /**
   * Removes the table's outputs of this session that carry another time stamp than {@code stamp} (an
   * interrupted earlier finish), and temporary files of any stamp.
   */
  public void removeEarlier(TableSpec table, String stamp) {
    StaleOutputs.removeEarlier(outputDir, table.key(), sessionId, stamp);
  }
}
