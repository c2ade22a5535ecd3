package io.dbcompare.report;

import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.CrashPoints;
import io.dbcompare.compare.ReadPoint;
import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.TableFinisher;
import io.dbcompare.compare.TableOutputs;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.sync.ScriptNames;
import io.dbcompare.sync.ScriptSet;
import io.dbcompare.sync.SelfReference;
import io.dbcompare.sync.SyncScriptWriter;
import io.dbcompare.sync.TargetNotes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Finishes a table: its scripts (only when there are differences; named, written and recorded by the
 * {@link ScriptSet}), then its summary ({@link SummaryWriter}), then the removal of what an interrupted
 * earlier finish of the same table and session left. Both share one header and one time stamp.
 */
public final class ResultWriter implements TableFinisher {
  /** The session as the run started: its id, databases and tables do not change during the run. */
  private final RunSnapshot session;
  private final SyncScriptWriter sync;
  private final ScriptSet scripts;
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
    this.session = session;
    this.sync = sync;
    this.scripts = new ScriptSet(outputDir, session.sessionId(), session.tables().size(), sync);
    this.clock = clock;
    this.selfReferences = selfReferences;
  }

  @Override
  public TableOutputs finish(TableSpec table, Iterable<ChunkResult> results, TableSnapshot progress) {
    String stamp = ScriptNames.stamp(clock);
    List<String> header = header(table);
    long limit = sync.settings().maxScriptRows();
    // gigabytes of statements nobody reviews: such a table is written by --repair, not by a script
    boolean tooLarge = progress.differences() > limit;
    ScriptSet.Written written = progress.differences() > 0 && !tooLarge
        ? scripts.write(table, stamp, results, header, selfReferences.apply(table.target()))
        : new ScriptSet.Written(null, null, List.of());
    String script = written.sync() == null ? null : written.sync().toString();
    Path summary = scripts.summary(table, stamp);
    CrashPoints.hit(CrashPoints.SUMMARY_BEFORE_WRITE);
    SummaryWriter.write(summary, table, progress, results, header, tooLarge
        ? String.format(Locale.ROOT, "not written: %,d differing rows are more than sync.max_script_rows (%,d);"
            + " write them with: scripts/compare CONFIG --repair %s", progress.differences(), limit, session.shortId())
        : script);
    scripts.removeEarlier(table, stamp);
    return new TableOutputs(script, written.undo() == null ? null : written.undo().toString(), written.records(),
        summary.toString(), table.target().schema(), table.target().table());
  }

  /**
   * The point in time both sides were read at ({@code snapshot: scn}): the differences, and the values the
   * guarded statements match, are those of that SCN. Empty when the table was read as it was.
   */
  static java.util.Optional<String> readPoint(TableSpec table) {
    ReadPoint s = table.sourceReadPoint();
    ReadPoint t = table.targetReadPoint();
    if (s.isNone() && t.isNone()) {
      return java.util.Optional.empty();
    }
    String where = s.equals(t) ? s + " on both sides" : "source at " + s + ", target at " + t;
    return java.util.Optional.of("Read at:             " + where + " (flashback queries; the differences are"
        + " exact at that SCN)");
  }

  /** The lines at the top of the table's scripts and summary. */
  private List<String> header(TableSpec table) {
    List<String> header = new ArrayList<>(List.of(
        "Session:             " + session.sessionId(),
        "Table:               " + table.source().display() + " (source) -> " + table.target().display() + " (target)",
        "Source:              " + session.source(),
        "Target:              " + session.target(),
        "Generated:           " + Instant.now(clock)));
    readPoint(table).ifPresent(header::add);
    header.addAll(TargetNotes.lines(sync.dialect(), table));
    return header;
  }
}
