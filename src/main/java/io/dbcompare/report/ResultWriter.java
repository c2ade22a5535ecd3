package io.dbcompare.report;

import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.CrashPoints;
import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.ScriptRecord;
import io.dbcompare.compare.TableFinisher;
import io.dbcompare.compare.TableOutputs;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.sync.GeneratedScript;
import io.dbcompare.sync.SelfReference;
import io.dbcompare.sync.SyncScriptWriter;
import io.dbcompare.sync.TargetNotes;
import io.dbcompare.sync.UniqueChanges;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Writes a finished table's outputs into the output folder:
 * {@code sync_target_<SCHEMA_TABLE>_<yyyyMMdd_HHmmss>_<session8>.sql} (only when there are differences),
 * {@code undo_target_<...>.sql} beside it (sync.undo), the parts of both when they are split,
 * and {@code comparison_summary_<SCHEMA_TABLE>_<yyyyMMdd_HHmmss>_<session8>.txt}. What an interrupted
 * earlier finish of the same table and session left is then removed ({@link StaleOutputs}): one set
 * of outputs per table and session.
 */
public final class ResultWriter implements TableFinisher {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT);
  private final Path outputDir;
  /** The session as the run started: its id, databases and tables do not change during the run. */
  private final RunSnapshot session;
  private final SyncScriptWriter sync;
  private final Clock clock;
  private final Function<TableRef, List<SelfReference>> selfReferences;

  public ResultWriter(Path outputDir, RunSnapshot session, SyncScriptWriter sync, Clock clock) {
    this(outputDir, session, sync, clock, t -> List.of());
  }

  /**
   * @param selfReferences reads the target table's foreign keys to itself (once per table with
   *     differences), so its scripts insert and delete its rows in reference order
   */
  public ResultWriter(Path outputDir, RunSnapshot session, SyncScriptWriter sync, Clock clock,
      Function<TableRef, List<SelfReference>> selfReferences) {
    this.outputDir = outputDir;
    this.session = session;
    this.sync = sync;
    this.clock = clock;
    this.selfReferences = selfReferences;
  }

  @Override
  public TableOutputs finish(TableSpec table, Iterable<ChunkResult> results, TableSnapshot progress) {
    String stamp = LocalDateTime.now(clock).format(STAMP);
    List<String> header = new ArrayList<>(List.of(
        "Session:             " + session.sessionId(),
        "Table:               " + table.source().display() + " (source) -> " + table.target().display() + " (target)",
        "Source:              " + session.source(),
        "Target:              " + session.target(),
        "Generated:           " + java.time.Instant.now(clock)));
    header.addAll(TargetNotes.lines(sync.dialect(), table));
    String script = null;
    String undoScript = null;
    List<ScriptRecord> files = new ArrayList<>();
    long limit = sync.settings().maxScriptRows();
    // gigabytes of statements nobody reviews: such a table is written by --repair, not by a script
    boolean tooLarge = progress.differences() > limit;
    if (progress.differences() > 0 && !tooLarge) {
      String name = table.key() + "_" + stamp + "_" + session.shortId() + ".sql";
      Path f = outputDir.resolve("sync_target_" + name);
      Path undo = sync.settings().undo() ? outputDir.resolve("undo_target_" + name) : null;
      // Several tables: each script in phase parts, so the session's master can order them by foreign keys.
      boolean separatePhases = session.tables().size() > 1;
      // a row whose unique value changes is deleted and inserted again, so rows swapping it apply cleanly
      Iterable<ChunkResult> statements = UniqueChanges.asDeleteAndInsert(table, results);
      List<SelfReference> selfRefs = selfReferences.apply(table.target());
      for (GeneratedScript g : sync.write(f, undo, table, statements, header, separatePhases, selfRefs)) {
        files.add(new ScriptRecord(g.kind(), g.phase() == null ? null : g.phase().label(), g.part(), g.path().toString(),
            g.sha256(), g.statements()));
      }
      CrashPoints.hit(CrashPoints.SCRIPT_RENAMED);
      script = f.toString();
      undoScript = undo == null ? null : undo.toString();
    }
    Path summary =
        outputDir.resolve("comparison_summary_" + table.key() + "_" + stamp + "_" + session.shortId() + ".txt");
    CrashPoints.hit(CrashPoints.SUMMARY_BEFORE_WRITE);
    SummaryWriter.write(summary, table, progress, results, header, tooLarge
        ? String.format(Locale.ROOT, "not written: %,d differing rows are more than sync.max_script_rows (%,d);"
            + " write them with: scripts/compare CONFIG --repair %s", progress.differences(), limit, session.shortId())
        : script);
    StaleOutputs.removeEarlier(outputDir, table.key(), session.sessionId(), stamp);
    return new TableOutputs(script, undoScript, files, summary.toString(), table.target().schema(),
        table.target().table());
  }
}
