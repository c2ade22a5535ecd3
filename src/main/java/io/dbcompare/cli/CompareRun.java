package io.dbcompare.cli;

import io.dbcompare.checkpoint.KryoCheckpointStore;
import io.dbcompare.compare.ComparisonEngine;
import io.dbcompare.compare.FetchStats;
import io.dbcompare.compare.HashPushdown;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.ComparisonEngine.Mode;
import io.dbcompare.compare.CrashPoints;
import io.dbcompare.config.CompareConfig;
import io.dbcompare.config.ComparisonSettings;
import io.dbcompare.config.TableConfig;
import io.dbcompare.config.TableName;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.error.ExitCodes;
import io.dbcompare.jdbc.ConnectionPool;
import io.dbcompare.jdbc.ForeignKeys;
import io.dbcompare.jdbc.JdbcChunkPlanner;
import io.dbcompare.jdbc.JdbcHashPushdown;
import io.dbcompare.jdbc.JdbcRowSource;
import io.dbcompare.jdbc.JdbcTableResolver;
import io.dbcompare.jdbc.MergeSupport;
import io.dbcompare.jdbc.Pools;
import io.dbcompare.report.ConsoleReporter;
import io.dbcompare.report.PeakHeap;
import io.dbcompare.report.ResultWriter;
import io.dbcompare.report.SessionLog;
import io.dbcompare.report.SessionReport;
import io.dbcompare.report.SessionReport.RunTotals;
import io.dbcompare.session.Session;
import io.dbcompare.session.SessionLock;
import io.dbcompare.session.SessionStatus;
import io.dbcompare.session.SessionStore;
import io.dbcompare.session.TableProgress;
import io.dbcompare.sync.SyncScriptWriter;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires a comparison run together: session, lock, pools, engine, console, exit status. */
final class CompareRun {
  private static final Logger log = LoggerFactory.getLogger(CompareRun.class);
  private final CompareConfig cfg;
  private final SessionStore store;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Clock clock;
  private final boolean handleSignals;
  private final boolean verbose;

  CompareRun(CompareConfig cfg, SessionStore store, PrintWriter out, PrintWriter err, Clock clock,
      boolean handleSignals, boolean verbose) {
    this.cfg = cfg;
    this.store = store;
    this.out = out;
    this.err = err;
    this.clock = clock;
    this.handleSignals = handleSignals;
    this.verbose = verbose;
  }

  int run(String resumeId, boolean retryFailed, List<String> tableArgs, String startFrom) throws InterruptedException {
    List<TableConfig> selected = select(tableArgs, startFrom);
    ComparisonSettings st = cfg.settings();
    boolean emptyIsNull = st.emptyStrings().emptyIsNull(cfg.source().platform(), cfg.target().platform());
    try (Pools pools = new Pools(
        new ConnectionPool(cfg.source(), st.threads() + 2, st.connectTimeoutSeconds(), st.queryTimeoutSeconds()),
        new ConnectionPool(cfg.target(), st.threads() + 2, st.connectTimeoutSeconds(), st.queryTimeoutSeconds()))) {

      Session session;
      SessionLock lock;
      Mode mode;
      if (resumeId != null) {
        String id = SessionStore.idOf(store.resolve(resumeId));
        lock = SessionLock.acquire(store.lockFile(id), id);
        try {
          session = store.find(id);
          checkSameConfig(session);
          selected = inSession(session, selected, tableArgs.isEmpty() && startFrom == null);
        } catch (RuntimeException e) {
          lock.close();
          throw e;
        }
        mode = retryFailed ? Mode.RETRY_FAILED : Mode.RESUME;
      } else {
        session = null;
        lock = null;
        mode = Mode.NEW;
      }
      try {
        // Reach both databases before anything is written: a wrong password leaves no session behind.
        pools.source().verify();
        pools.target().verify();
        if (cfg.sync().merge()) {
          // refused rather than falling back: a DBA who asked for MERGE statements must not get others unawares
          MergeSupport.check(pools.target(), cfg.file().toString());
        }
        if (session == null) {
          session = store.create(cfg.file().toString(), cfg.comparisonHash(), cfg.source().describe(),
              cfg.target().describe());
          for (TableConfig t : selected) {
            TableProgress tp = new TableProgress();
            tp.schema = t.source().schema().text();
            tp.table = t.source().table().text();
            tp.targetSchema = t.target().schema().text();
            tp.targetTable = t.target().table().text();
            session.tableProgress.put(t.key(), tp);
          }
          lock = SessionLock.acquire(store.lockFile(session.sessionId), session.sessionId);
        }
        session.status = SessionStatus.RUNNING;
        store.save(session);
        if (mode == Mode.NEW) {
          CrashPoints.hit(CrashPoints.SESSION_CREATED);
        }
        try (SessionLog sl = SessionLog.attach(store.logFile(session.sessionId), verbose)) {
          return execute(session, selected, mode, pools, emptyIsNull);
        }
      } finally {
        if (lock != null) {
          lock.close();
        }
      }
    }
  }

  private int execute(Session session, List<TableConfig> selected, Mode mode, Pools pools, boolean emptyIsNull)
      throws InterruptedException {
    ComparisonSettings st = cfg.settings();
    SessionReport.header(out, session, mode == Mode.NEW ? "new" : mode == Mode.RESUME ? "resumed" : "retrying failed tables");
    out.println("Folders:     state " + st.stateDir() + ", checkpoints " + st.checkpointDir() + ", output " + st.outputDir());
    out.println();
    out.flush();
    log.info("session {} started ({}): {}", session.sessionId, mode, cfg.describe().replace('\n', ' '));

    KryoCheckpointStore checkpoints = new KryoCheckpointStore(st.checkpointDir());
    ConsoleReporter reporter = new ConsoleReporter(out);
    ResultWriter results = new ResultWriter(st.outputDir(), session,
        new SyncScriptWriter(pools.target().dialect(), cfg.sync()), clock,
        ref -> ForeignKeys.selfReferences(pools.target(), ref));
    FetchStats fetched = new FetchStats();
    HashPushdown pushdown = st.pushdown()
        ? new JdbcHashPushdown(pools, st.fetchSize(), fetched) : null;
    ComparisonEngine engine = new ComparisonEngine(session, store, new JdbcTableResolver(pools, emptyIsNull),
        new JdbcChunkPlanner(pools.source(), st.planSampleAboveRows()), new JdbcRowSource(pools, st.fetchSize(), fetched), pushdown,
        checkpoints, results, reporter, new ComparisonEngine.Options(st.threads(), st.chunkSize(), st.maxRetries(),
            1000, 256, st.bisectFactor(), st.bisectThreshold()));

    Runnable restoreSignals = handleSignals ? Signals.onInterrupt(() -> {
      err.println();
      err.println("Interrupted: finishing the chunks in flight, then saving the session (Ctrl-C again to abort now).");
      err.flush();
      engine.requestStop();
    }) : () -> { };
    long started = System.nanoTime();
    long rowsBefore = rows(session, selected);
    try {
      engine.run(selected, mode);
    } finally {
      restoreSignals.run();
    }
    java.nio.file.Path sessionScript = engine.fatalError() == null && !engine.stopRequested()
        ? SessionScripts.write(session, store, pools.target(), st.outputDir(), clock, cfg.sync().undo()) : null;
    double seconds = (System.nanoTime() - started) / 1e9;
    List<TableProgress> runTables = new ArrayList<>();
    for (TableConfig t : selected) {
      runTables.add(session.tableProgress.get(t.key()));
    }
    RunTotals totals = RunTotals.of(runTables);
    SessionReport.finalSummary(out, session, totals, seconds, rows(session, selected) - rowsBefore);
    out.println("Fetched:       " + fetched.describe(Side.SOURCE) + "; " + fetched.describe(Side.TARGET));
    out.printf("Peak heap:     %d MB%n", PeakHeap.megabytes());
    out.println("Output:        " + st.outputDir());
    out.println("Session log:   " + store.logFile(session.sessionId));
    if (sessionScript != null) {
      out.println("Session sync:  " + sessionScript + " (runs every table's script in foreign-key order)");
    }
    String resumeCmd = "scripts/compare " + cfg.file() + " --resume " + session.shortId();
    if (engine.fatalError() != null) {
      out.flush();
      throw engine.fatalError();
    }
    if (engine.stopRequested()) {
      out.println("Stopped. Resume with: " + resumeCmd);
      out.flush();
      return ExitCodes.FAILED;
    }
    if (totals.failed() > 0) {
      out.println("Some tables failed. After fixing the cause: " + resumeCmd + " --retry-failed");
    }
    if (totals.unfinished() > 0) {
      out.println("Some tables are not finished. Resume with: " + resumeCmd);
    }
    out.flush();
    if (totals.failed() > 0 || totals.unfinished() > 0) {
      return ExitCodes.FAILED;
    }
    return totals.withDifferences() > 0 ? ExitCodes.DIFFERENCES : ExitCodes.IDENTICAL;
  }

  private static long rows(Session s, List<TableConfig> tables) {
    long n = 0;
    for (TableConfig t : tables) {
      TableProgress p = s.tableProgress.get(t.key());
      n += p.sourceRows + p.targetRows;
    }
    return n;
  }

  private void checkSameConfig(Session session) {
    if (!cfg.comparisonHash().equals(session.configHash)) {
      throw new CompareException(ErrorCode.CONFIG_CHANGED, "session " + session.sessionId + " was created from a "
          + "configuration with other databases, tables, keys, columns or filters (" + session.configPath
          + "); resuming it with " + cfg.file() + " would mix two comparisons: restore that configuration, or start"
          + " a new session without --resume");
    }
  }

  /** The selected tables that belong to the session (all of the session's tables when none were named). */
  private List<TableConfig> inSession(Session session, List<TableConfig> selected, boolean all) {
    List<TableConfig> out = new ArrayList<>();
    for (TableConfig t : selected) {
      if (session.tableProgress.containsKey(t.key())) {
        out.add(t);
      } else if (!all) {
        throw new CompareException(ErrorCode.USAGE, "table " + t.source().display() + " is not part of session "
            + session.sessionId + "; run it in a new session");
      }
    }
    return out;
  }

  private List<TableConfig> select(List<String> tableArgs, String startFrom) {
    List<TableConfig> all = cfg.tables();
    if (startFrom != null) {
      int i = indexOf(startFrom, "--start-from-table");
      return all.subList(i, all.size());
    }
    if (tableArgs.isEmpty()) {
      return all;
    }
    List<TableConfig> out = new ArrayList<>();
    for (String t : tableArgs) {
      TableConfig tc = all.get(indexOf(t, "--table"));
      if (!out.contains(tc)) {
        out.add(tc);
      }
    }
    // keep the configuration's order
    out.sort((a, b) -> Integer.compare(all.indexOf(a), all.indexOf(b)));
    return out;
  }

  private int indexOf(String name, String option) {
    TableName wanted = TableName.parse(name, option);
    List<TableConfig> all = cfg.tables();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).key().toUpperCase(Locale.ROOT).equals(wanted.key().toUpperCase(Locale.ROOT))) {
        return i;
      }
    }
    throw new CompareException(ErrorCode.USAGE, option + " " + name + ": no such table in " + cfg.file()
        + "; the configuration lists " + all.size() + " tables, e.g. " + all.get(0).source().display());
  }
}
