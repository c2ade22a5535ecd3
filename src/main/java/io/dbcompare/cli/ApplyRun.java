package io.dbcompare.cli;

import io.dbcompare.apply.ApplyPlan;
import io.dbcompare.apply.ScriptApplier;
import io.dbcompare.config.CompareConfig;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.error.ExitCodes;
import io.dbcompare.jdbc.WritableConnection;
import io.dbcompare.report.SessionLog;
import io.dbcompare.session.Session;
import io.dbcompare.session.SessionLock;
import io.dbcompare.session.SessionStore;
import io.dbcompare.session.TableProgress;
import io.dbcompare.vendor.DatabaseTypes;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --apply ID}: wires the apply of a session's sync scripts (checks and plan in
 * {@link ApplyPlan}, execution in {@link ScriptApplier}) and then compares the changed tables again,
 * in a new session, to say whether the target now matches.
 */
final class ApplyRun {
  private final CompareConfig cfg;
  private final SessionStore store;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Clock clock;
  private final boolean handleSignals;
  private final boolean verbose;

  ApplyRun(CompareConfig cfg, SessionStore store, PrintWriter out, PrintWriter err, Clock clock, boolean handleSignals,
      boolean verbose) {
    this.cfg = cfg;
    this.store = store;
    this.out = out;
    this.err = err;
    this.clock = clock;
    this.handleSignals = handleSignals;
    this.verbose = verbose;
  }

  int run(String idOrPrefix, boolean allowEdited, boolean skipConflicts) throws InterruptedException {
    String id = SessionStore.idOf(store.resolve(idOrPrefix));
    ApplyPlan plan;
    ScriptApplier.Result result;
    Session session;
    try (SessionLock lock = SessionLock.acquire(store.lockFile(id), id)) {
      session = store.find(id);
      if (!cfg.comparisonHash().equals(session.configHash)) {
        throw new CompareException(ErrorCode.CONFIG_CHANGED, "session " + session.sessionId + " was created from a"
            + " configuration with other databases, tables, keys, columns or filters (" + session.configPath
            + "); apply it with that configuration");
      }
      Dialect dialect = DatabaseTypes.of(cfg.target()).dialect();
      plan = ApplyPlan.of(session, dialect, allowEdited);
      out.println("Apply:         session " + session.sessionId + " to " + cfg.target().describe());
      boolean unscripted = false;
      for (TableProgress t : session.tableProgress.values()) {
        if (t.syncScript == null && t.differences() > 0) {
          unscripted = true;
          out.println("Not applied:   " + t.schema + "." + t.table + ": no sync script (more differing rows than"
              + " sync.max_script_rows); write them with: scripts/compare " + cfg.file() + " --repair "
              + session.shortId());
        }
      }
      if (plan.steps().isEmpty() && unscripted) {
        out.flush();
        return ExitCodes.DIFFERENCES;
      }
      if (plan.steps().isEmpty()) {
        out.println("Nothing to apply: the session wrote no sync script (no differences).");
        out.flush();
        return ExitCodes.IDENTICAL;
      }
      boolean master = !session.sessionScripts.isEmpty() && plan.entries().size() == 1
          && session.sessionScripts.stream().anyMatch(f -> plan.entries().get(0).toString().equals(
              java.nio.file.Path.of(f.path).toAbsolutePath().normalize().toString()));
      for (java.nio.file.Path e : plan.entries()) {
        out.println("Running:       " + e + (master ? " (session master: every table's parts in foreign-key order)"
            : ""));
      }
      out.println("Statements:    " + plan.statements() + " in " + plan.batches() + " batches (one transaction each)"
          + " from " + plan.steps().size() + " file(s); SHA-256 of every file checked against the session; each"
          + " statement bound from its values, which render to the reviewed script");
      for (String e : plan.edited()) {
        out.println("EDITED:        " + e + " differs from the generated script in comments or blank lines only;"
            + " its statements are applied (--allow-edited)");
      }
      if (skipConflicts) {
        out.println("Conflicts:     skipped and logged (--skip-conflicts)");
      }
      out.flush();
      try (SessionLog sl = SessionLog.attach(store.logFile(id), verbose);
          Connection c = WritableConnection.open(cfg.target(), dialect, cfg.settings().connectTimeoutSeconds())) {
        result = new ScriptApplier(c, cfg.target(), dialect, session, store, skipConflicts, out).run(plan);
      } catch (SQLException e) {
        throw io.dbcompare.jdbc.SqlErrors.translate(e, "closing the apply connection", cfg.target());
      }
    }
    String again = "scripts/compare " + cfg.file() + " --apply " + session.shortId();
    if (result.stoppedAt() != null) {
      out.println("Stopped:       " + result.stoppedAt().describe());
      out.println("               its batch was rolled back; " + result.applied() + " statements were applied and"
          + " committed before it.");
      out.println("               Check the row; then resume with: " + again + " (add --skip-conflicts to skip such"
          + " rows and go on)");
      out.flush();
      err.println("error: apply stopped on a conflict: " + Cli.oneLine(result.stoppedAt().describe()));
      err.flush();
      return ExitCodes.FAILED;
    }
    out.println("Applied:       " + result.applied() + " statements in " + result.batches() + " batches"
        + (result.skipped() > 0 ? "; " + result.skipped() + " conflicting statements skipped (see the session log)"
            : ""));
    List<String> tables = new ArrayList<>();
    for (TableProgress t : plan.tables()) {
      tables.add(CompareAgain.quoted(t.schema, t.table));
    }
    return CompareAgain.tables(new CompareRun(cfg, store, out, err, clock, handleSignals, verbose), out, tables,
        "Apply");
  }

}
