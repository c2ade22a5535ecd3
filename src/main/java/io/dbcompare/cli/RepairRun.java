package io.dbcompare.cli;

import io.dbcompare.checkpoint.KryoCheckpointStore;
import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.config.CompareConfig;
import io.dbcompare.config.ComparisonSettings;
import io.dbcompare.config.TableConfig;
import io.dbcompare.config.TableName;
import io.dbcompare.discovery.SessionTables;
import io.dbcompare.discovery.TableDiscovery;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.error.ExitCodes;
import io.dbcompare.jdbc.ConnectionPool;
import io.dbcompare.jdbc.JdbcTableResolver;
import io.dbcompare.jdbc.Pools;
import io.dbcompare.jdbc.WritableConnection;
import io.dbcompare.repair.RepairPlan;
import io.dbcompare.repair.RepairPlan.TablePlan;
import io.dbcompare.repair.Repairer;
import io.dbcompare.report.SessionLog;
import io.dbcompare.session.RepairBook;
import io.dbcompare.session.Session;
import io.dbcompare.session.SessionBook;
import io.dbcompare.session.SessionLock;
import io.dbcompare.session.SessionStore;
import io.dbcompare.vendor.DatabaseType;
import io.dbcompare.vendor.DatabaseTypes;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code --repair ID}: writes the differing rows of a session's tables from the source into the target
 * ({@link Repairer}, chunk by chunk, resumable), after the plan is shown and confirmed, and then compares
 * the repaired tables again in a new session. A table the comparison could not read because the target
 * does not have it gets a CREATE TABLE script first ({@link MissingTargets}).
 */
final class RepairRun {
  private final CompareConfig cfg;
  private final SessionStore store;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Clock clock;
  private final boolean handleSignals;
  private final boolean verbose;
  private final Confirmation terminal;

  RepairRun(CompareConfig cfg, SessionStore store, PrintWriter out, PrintWriter err, Clock clock,
      boolean handleSignals, boolean verbose, Confirmation terminal) {
    this.cfg = cfg;
    this.store = store;
    this.out = out;
    this.err = err;
    this.clock = clock;
    this.handleSignals = handleSignals;
    this.verbose = verbose;
    this.terminal = terminal;
  }

  int run(String idOrPrefix, List<String> tableArgs, boolean skipConflicts, boolean yes, boolean dryRun)
      throws InterruptedException {
    String id = SessionStore.idOf(store.resolve(idOrPrefix));
    Session session = store.find(id);
    checkSameConfig(session);
    Set<String> only = selected(tableArgs, SessionBook.snapshotOf(session));
    ComparisonSettings st = cfg.settings();
    Repairer.Result result;
    RepairPlan plan;
    double seconds;
    try (Pools pools = new Pools(
        new ConnectionPool(cfg.source(), 3, st.connectTimeoutSeconds(), st.queryTimeoutSeconds()),
        new ConnectionPool(cfg.target(), 2, st.connectTimeoutSeconds(), st.queryTimeoutSeconds()))) {
      pools.source().verify();
      pools.target().verify();
      MissingTargets missing = new MissingTargets(cfg, pools, out, clock);
      int code = missing.handle(SessionBook.snapshotOf(session), only, dryRun, id);
      if (code >= 0) {
        return code;
      }
      if (missing.retried(SessionBook.snapshotOf(session), only)) {
        // the target table exists now: the comparison reads it (resuming the session's failed tables)
        int again = new CompareRun(cfg, store, out, err, clock, handleSignals, verbose)
            .run(id, true, missing.retryNames(SessionBook.snapshotOf(session), only), null);
        if (again == ExitCodes.FAILED) {
          return again;
        }
        out.println();
      }
      try (SessionLock lock = SessionLock.acquire(store.lockFile(id), id)) {
        session = store.find(id);
        SessionBook book = SessionBook.open(store, session);
        RunSnapshot snapshot = book.snapshot();
        plan = RepairPlan.of(snapshot, only, book::chunks);
        for (TableSnapshot f : plan.failed()) {
          throw new CompareException(ErrorCode.APPLY_REFUSED, "table " + f.displayName() + " failed in the comparison ("
              + f.error() + "); finish it first: scripts/compare " + cfg.file() + " --resume " + session.shortId()
              + " --retry-failed, then repair");
        }
        DatabaseType type = DatabaseTypes.of(cfg.target());
        Map<String, TableSpec> specs = new ConcurrentHashMap<>();
        JdbcTableResolver resolver = new JdbcTableResolver(pools,
            st.emptyStrings().emptyIsNull(cfg.source().platform(), cfg.target().platform()), cfg.strictColumns());
        // the session's tables as configured: a schemas: entry's tables too, bare names qualified
        List<TableConfig> known = SessionTables.of(snapshot, new TableDiscovery(cfg, pools).resolve(), cfg, pools);
        java.util.function.Function<TablePlan, TableSpec> spec = tp -> specs.computeIfAbsent(tp.table().key(),
            k -> resolve(resolver, known, tp));
        printPlan(session, plan, skipConflicts);
        if (plan.tables().isEmpty()) {
          out.println("Nothing to repair: the session found no differences"
              + (only.isEmpty() ? "." : " in the tables given."));
          out.flush();
          return ExitCodes.IDENTICAL;
        }
        if (dryRun) {
          for (TablePlan tp : plan.tables()) {
            out.println("  " + tp.table().displayName() + " inserts: "
                + Repairer.insertPath(type, cfg.repair(), spec.apply(tp)));
          }
          out.println("Dry run:       nothing was written.");
          out.flush();
          return ExitCodes.IDENTICAL;
        }
        confirm(yes, plan);
        try (SessionLog sl = SessionLog.attach(store.logFile(id), verbose);
            Connection c = WritableConnection.open(cfg.target(), type.dialect(), st.connectTimeoutSeconds(),
                WritableConnection.REPAIR)) {
          RepairBook repairBook = RepairBook.start(session, store);
          Repairer repairer = new Repairer(c, cfg.target(), type, pools.source(),
              new KryoCheckpointStore(st.checkpointDir()), id, cfg.repair(), st.fetchSize(), skipConflicts, out);
          Runnable restore = handleSignals ? Signals.onInterrupt(repairer::requestStop) : () -> { };
          long started = System.nanoTime();
          try {
            result = repairer.run(plan, repairBook, spec);
          } finally {
            restore.run();
          }
          seconds = (System.nanoTime() - started) / 1e9;
        } catch (SQLException e) {
          throw io.dbcompare.jdbc.SqlErrors.translate(e, "closing the repair connection", cfg.target());
        }
      }
    }
    return finish(session, plan, result, seconds);
  }

  private int finish(Session session, RepairPlan plan, Repairer.Result r, double seconds)
      throws InterruptedException {
    String again = "scripts/compare " + cfg.file() + " --repair " + session.shortId();
    String done = r.deleted() + " deleted, " + r.updated() + " updated, " + r.inserted() + " inserted in " + r.chunks()
        + " chunks (one transaction each)";
    if (r.stoppedAt() != null) {
      out.println("Stopped:       " + r.stoppedAt().describe());
      out.println("               its chunk was rolled back; before it: " + done + ".");
      out.println("               Check the row; then resume with: " + again + " (add --skip-conflicts to skip such"
          + " rows and go on)");
      out.flush();
      err.println("error: repair stopped on a conflict: " + Cli.oneLine(r.stoppedAt().describe()));
      err.flush();
      return ExitCodes.FAILED;
    }
    if (r.interrupted()) {
      out.println("Stopped:       after " + done + ". Resume with: " + again);
      out.flush();
      return ExitCodes.FAILED;
    }
    out.println("Repaired:      " + done + (r.skipped() > 0 ? "; " + r.skipped()
        + " conflicting rows skipped (see the session log)" : ""));
    long rows = r.deleted() + r.updated() + r.inserted();
    out.printf(Locale.ROOT, "Duration:      %.1f s (%,.0f rows/s written)%n", seconds, seconds > 0 ? rows / seconds : 0.0);
    out.printf(Locale.ROOT, "Peak heap:     %d MB%n", io.dbcompare.report.PeakHeap.megabytes());
    List<String> tables = new ArrayList<>();
    for (TablePlan tp : plan.tables()) {
      tables.add(CompareAgain.quoted(tp.table().schema(), tp.table().table()));
    }
    return CompareAgain.tables(new CompareRun(cfg, store, out, err, clock, handleSignals, verbose), out, tables,
        "Repair");
  }

  private void printPlan(Session session, RepairPlan plan, boolean skipConflicts) {
    out.println("Repair:        session " + session.sessionId + " into the TARGET " + cfg.target().describe());
    int chunks = plan.tables().stream().mapToInt(t -> t.chunks().size()).sum();
    out.printf(Locale.ROOT, "Rows:          %,d deletes, %,d updates, %,d inserts in %d chunks of %d tables%n",
        plan.deletes(), plan.updates(), plan.inserts(), chunks, plan.tables().size());
    for (TablePlan tp : plan.tables()) {
      out.printf(Locale.ROOT, "  %s -> %s.%s: %,d deletes, %,d updates, %,d inserts in %d of %d chunks%n",
          tp.table().displayName(), tp.table().targetSchema(), tp.table().targetTable(), tp.deletes(), tp.updates(),
          tp.inserts(), tp.chunks().size(), tp.table().totalChunks());
    }
    if (!plan.tables().isEmpty()) {
      out.println("Values:        read from the source now; each UPDATE and DELETE is guarded by the target's"
          + " values as the comparison read them");
      out.println("Conflicts:     " + (skipConflicts ? "skipped and logged (--skip-conflicts)"
          : "stop the repair, rolling back their chunk (exit 2)"));
    }
    out.flush();
  }

  /** A person confirms on the terminal, or --yes was given; otherwise nothing is written. */
  private void confirm(boolean yes, RepairPlan plan) {
    if (yes) {
      return;
    }
    String answer = terminal.ask("Write these rows into " + cfg.target().describe() + "? Type yes to repair: ");
    if (answer == null) {
      throw new CompareException(ErrorCode.USAGE, "--repair writes into the target database and asks first, but there"
          + " is no terminal to ask; nothing was written. Add --yes to repair without asking (or --dry-run to see"
          + " the plan)");
    }
    if (!answer.strip().equalsIgnoreCase("yes")) {
      throw new CompareException(ErrorCode.USAGE, "not confirmed ('" + Cli.oneLine(answer.strip())
          + "'); nothing was written");
    }
  }

  private TableSpec resolve(JdbcTableResolver resolver, List<TableConfig> known, TablePlan tp) {
    TableConfig tc = known.stream().filter(c -> c.key().equals(tp.table().key())).findFirst()
        .orElseThrow(() -> new CompareException(ErrorCode.CONFIG_CHANGED, "table " + tp.table().displayName()
            + " of the session is not in " + cfg.file()));
    TableSpec t = resolver.resolve(tc);
    List<String> keys = tp.table().keyColumns();
    if (keys != null && !keys.equals(t.keyNames())) {
      throw new CompareException(ErrorCode.CONFIG_CHANGED, t.displayName() + ": the key is " + t.keyNames()
          + " now, the comparison used " + keys + "; compare the table again and repair the new session");
    }
    return t;
  }

  /** The session keys of the tables named with --table (all when none). */
  private Set<String> selected(List<String> tableArgs, RunSnapshot session) {
    Set<String> out = new LinkedHashSet<>();
    for (String a : tableArgs) {
      TableName wanted = TableName.parse(a, "--table");
      // a table of the configuration, or of the session (a schemas: entry's tables are in the session only)
      String key = java.util.stream.Stream.concat(cfg.tables().stream().map(TableConfig::key),
              session.tables().stream().map(TableSnapshot::key))
          .filter(k -> k.toUpperCase(Locale.ROOT).equals(wanted.key().toUpperCase(Locale.ROOT))).findFirst()
          .orElseThrow(() -> new CompareException(ErrorCode.USAGE, "--table " + a + ": no such table in "
              + cfg.file()));
      if (session.table(key) == null) {
        throw new CompareException(ErrorCode.USAGE, "table " + a + " is not part of session " + session.sessionId());
      }
      out.add(key);
    }
    return out;
  }

  private void checkSameConfig(Session session) {
    if (!cfg.comparisonHash().equals(session.configHash)) {
      throw new CompareException(ErrorCode.CONFIG_CHANGED, "session " + session.sessionId + " was created from a"
          + " configuration with other databases, tables, keys, columns or filters (" + session.configPath
          + "); repair it with that configuration");
    }
  }
}
