package io.dbcompare.sync;

import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.ScriptRecord;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableStatus;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.sync.SessionScriptWriter.TableScripts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The session's master scripts ({@link ScriptNames#sessionSync}, {@link ScriptNames#sessionUndo}): when
 * every table of a session is complete and several have sync scripts, they run the tables' phase parts
 * in foreign-key order ({@link SessionScriptWriter}). Written at the end of every run that leaves the
 * session so (a resumed run writes them again, and the earlier ones of the session are removed);
 * {@code --apply} of such a session runs the master and refuses to run without it.
 */
public final class SessionMaster {
  private final Path outputDir;
  private final Dialect target;
  private final Clock clock;

  public SessionMaster(Path outputDir, Dialect target, Clock clock) {
    this.outputDir = outputDir;
    this.target = target;
    this.clock = clock;
  }

  /**
   * Whether the session needs a master: every table is complete and at least two have a sync script
   * (their order matters once foreign keys link them; one script alone runs as it is).
   */
  public static boolean required(RunSnapshot session) {
    List<TableSnapshot> tables = session.tables();
    // a table missing in the target has nothing to sync by rows (it is never compared)
    return tables.size() > 1 && tables.stream().allMatch(t -> t.status() == TableStatus.COMPLETED
        || t.status() == TableStatus.MISSING_IN_TARGET)
        && tables.stream().filter(t -> t.syncScript() != null).count() > 1;
  }

  /** The masters written: the sync master a DBA runs, and the records of every master written. */
  public record Written(Path sync, List<ScriptRecord> records) {
    public Written {
      records = List.copyOf(records);
    }
  }

  /**
   * Writes the masters of a session that {@link #required needs} them, for the target's foreign keys
   * between the tables, and removes the session's earlier masters.
   *
   * @param undo write the undo master too ({@code sync.undo})
   * @param foreignKeys reads the foreign keys declared on the given target tables (from the catalog)
   * @return null when the session needs no master
   * @throws CompareException when they cannot be written: the foreign keys cannot be read, a file cannot
   *     be written, or a table's scripts are not in phase parts
   */
  public Written write(RunSnapshot session, boolean undo, Function<List<TableRef>, List<ForeignKey>> foreignKeys) {
    if (!required(session)) {
      return null;
    }
    List<TableScripts> scripts = tableScripts(session);
    List<ForeignKey> keys = foreignKeys.apply(scripts.stream().map(TableScripts::target).toList());
    String stamp = ScriptNames.stamp(clock);
    Path sync = ScriptNames.sessionSync(outputDir, stamp, session.sessionId());
    List<String> header = List.of(
        "Session:             " + session.sessionId(),
        "Source:              " + session.source(),
        "Target:              " + session.target(),
        "Generated:           " + Instant.now(clock));
    List<GeneratedScript> written = new SessionScriptWriter(target).write(sync,
        undo ? ScriptNames.sessionUndo(outputDir, stamp, session.sessionId()) : null, scripts, keys, header);
    StaleOutputs.removeEarlierSessionScripts(outputDir, session.sessionId(),
        written.stream().map(GeneratedScript::path).toList());
    return new Written(sync, written.stream().map(GeneratedScript::record).toList());
  }

  /** The phase parts of every table with a sync script, in the session's (configuration) order. */
  private static List<TableScripts> tableScripts(RunSnapshot session) {
    List<TableScripts> out = new ArrayList<>();
    for (TableSnapshot t : session.tables()) {
      if (t.syncScript() == null) {
        continue;
      }
      List<GeneratedScript> parts = t.scripts().stream().filter(r -> r.phase() != null).map(GeneratedScript::of)
          .toList();
      if (parts.isEmpty() || t.catalogTargetTable() == null) {
        throw new CompareException(ErrorCode.RUN_FAILED, "the scripts of " + t.schema() + "." + t.table()
            + " were not written in phase parts (by an earlier version of the tool?), so no master can order them;"
            + " compare again in a new session");
      }
      out.add(new TableScripts(t.targetSchema() + "." + t.targetTable(),
          new TableRef(t.catalogTargetSchema(), t.catalogTargetTable()), parts));
    }
    return out;
  }
}
