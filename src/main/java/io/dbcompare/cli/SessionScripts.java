package io.dbcompare.cli;

import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.ScriptRecord;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableStatus;
import io.dbcompare.error.CompareException;
import io.dbcompare.jdbc.ConnectionPool;
import io.dbcompare.jdbc.ForeignKeys;
import io.dbcompare.report.StaleOutputs;
import io.dbcompare.session.SessionBook;
import io.dbcompare.sync.ForeignKey;
import io.dbcompare.sync.GeneratedScript;
import io.dbcompare.sync.Phase;
import io.dbcompare.sync.SessionScriptWriter;
import io.dbcompare.sync.SessionScriptWriter.TableScripts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At the end of a run in which every table of the session is complete and several have differences:
 * reads the target's foreign keys between them and writes the session's master scripts
 * ({@code sync_session_<yyyyMMdd_HHmmss>_<session8>.sql}, {@code undo_session_...}), which run the
 * tables' phase parts in foreign-key order. Recorded in the session with their SHA-256.
 */
final class SessionScripts {
  private static final Logger log = LoggerFactory.getLogger(SessionScripts.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT);

  private SessionScripts() {}

  /** The sync master written, or null when the session needs none (or it could not be written). */
  static Path write(SessionBook book, ConnectionPool target, Path outputDir, Clock clock, boolean undo) {
    RunSnapshot session = book.snapshot();
    List<TableSnapshot> tables = session.tables();
    if (tables.size() < 2 || tables.stream().anyMatch(t -> t.status() != TableStatus.COMPLETED)) {
      return null;
    }
    List<TableScripts> scripts = new ArrayList<>();
    for (TableSnapshot t : tables) {
      if (t.syncScript() == null) {
        continue;
      }
      List<GeneratedScript> parts = new ArrayList<>();
      for (ScriptRecord f : t.scripts()) {
        if (f.phase() != null) {
          parts.add(new GeneratedScript(f.kind(), Phase.valueOf(f.phase().toUpperCase(Locale.ROOT)), f.part(),
              Path.of(f.path()), f.sha256(), f.statements()));
        }
      }
      if (parts.isEmpty() || t.catalogTargetTable() == null) {
        log.warn("no session script: the scripts of {}.{} were not written in phase parts", t.schema(), t.table());
        return null;
      }
      scripts.add(new TableScripts(t.targetSchema() + "." + t.targetTable(),
          new TableRef(t.catalogTargetSchema(), t.catalogTargetTable()), parts));
    }
    if (scripts.size() < 2) {
      return null;
    }
    try {
      List<ForeignKey> keys = ForeignKeys.of(target, scripts.stream().map(TableScripts::target).toList());
      String name = LocalDateTime.now(clock).format(STAMP) + "_" + session.shortId() + ".sql";
      Path sync = outputDir.resolve("sync_session_" + name);
      List<String> header = List.of(
          "Session:             " + session.sessionId(),
          "Source:              " + session.source(),
          "Target:              " + session.target(),
          "Generated:           " + java.time.Instant.now(clock));
      List<GeneratedScript> written = new SessionScriptWriter(target.dialect()).write(sync,
          undo ? outputDir.resolve("undo_session_" + name) : null, scripts, keys, header);
      StaleOutputs.removeEarlierSessionScripts(outputDir, session.sessionId(),
          written.stream().map(GeneratedScript::path).toList());
      book.sessionScriptsRecorded(written.stream()
          .map(g -> new ScriptRecord(g.kind(), null, 0, g.path().toString(), g.sha256(), g.statements())).toList());
      return sync;
    } catch (CompareException e) {
      log.warn("the session script was not written: {}", e.getMessage());
      return null;
    }
  }
}
