package io.dbcompare.cli;

import io.dbcompare.checkpoint.KryoCheckpointStore;
import io.dbcompare.compare.ComparisonEngine;
import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.FetchStats;
import io.dbcompare.compare.HashPushdown;
import io.dbcompare.compare.ProgressListener;
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
import io.dbcompare.jdbc.ScnReader;
import io.dbcompare.report.ConsoleReporter;
import io.dbcompare.report.PeakHeap;
import io.dbcompare.report.ProgressLog;
import io.dbcompare.report.ResultWriter;
import io.dbcompare.report.SessionLog;
import io.dbcompare.report.SessionReport;
import io.dbcompare.report.SessionReport.RunTotals;
import io.dbcompare.compare.RunStatus;
import io.dbcompare.session.SessionBook;
import io.dbcompare.session.SessionLock;
import io.dbcompare.session.SessionStore;
import io.dbcompare.sync.SyncScriptWriter;
import java.io.PrintWriter;
import io.dbcompare.report.Human;
import io.dbcompare.report.RunReports;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires a comparison run together: session, lock, pools, engine, console, exit status. */
final class CompareRun {
  private static final Logger log = LoggerFactory.getLogger(CompareRun.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT);
  /** The first wait before a retry after a lost connection (doubling on each further retry). */
  private static final long RETRY_BACKOFF_MILLIS = 1000;
  private final CompareConfig cfg;
  private final SessionStore store;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Clock clock;
  private final boolean handleSignals;
  private final boolean verbose;
  private final ConsoleChoice console;
  /** Times shown to people: the machine's zone (files keep UTC). */
  private final ZoneId zone = ZoneId.systemDefault();

  CompareRun(CompareConfig cfg, SessionStore store, PrintWriter out, PrintWriter err, Clock clock,
      boolean handleSignals, boolean verbose) {
    this(cfg, store, out, err, clock, handleSignals, verbose,
        new ConsoleChoice(false, ConsoleChoice.Progress.PLAIN, () -> null));
  }

  CompareRun(CompareConfig cfg, SessionStore store, PrintWriter out, PrintWriter err, Clock clock,
      boolean handleSignals, boolean verbose, ConsoleChoice console) {
    this.console = console;
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

      SessionBook book;
      SessionLock lock;
      Mode mode;
      if (LatestSession.LATEST.equals(resumeId)) {
        RunSnapshot latest = LatestSession.choose(store, cfg.file());
        resumeId = latest.sessionId();
        if (!console.quiet()) {
          out.println("Resuming the most recent unfinished session of " + cfg.file() + ": " + latest.sessionId()
              + " (" + latest.status().name().toLowerCase(Locale.ROOT) + ", last update "
              + Human.time(latest.lastUpdate(), zone) + ")");
        }
      }
      if (resumeId != null) {
        String id = SessionStore.idOf(store.resolve(resumeId));
        lock = SessionLock.acquire(store.lockFile(id), id);
        try {
          book = SessionBook.open(store, store.find(id));
          RunSnapshot session = book.snapshot();
          checkSameConfig(session);
          selected = inSession(session, selected, tableArgs.isEmpty() && startFrom == null);
        } catch (RuntimeException e) {
          lock.close();
          throw e;
        }
        mode = retryFailed ? Mode.RETRY_FAILED : Mode.RESUME;
      } else {
        book = null;
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
        // before a new session exists: a pair that cannot be read at one SCN is refused (exit 3) leaving none
        PointInTime point = PointInTime.choose(cfg.snapshot(), book == null ? Optional.empty() : book.chosenScn(),
            () -> ScnReader.choose(pools));
        if (book == null) {
          List<SessionBook.NewTable> tables = new ArrayList<>();
          for (TableConfig t : selected) {
            tables.add(new SessionBook.NewTable(t.key(), t.source().schema().text(), t.source().table().text(),
                t.target().schema().text(), t.target().table().text()));
          }
          book = SessionBook.create(store, cfg.file().toString(), cfg.comparisonHash(), cfg.source().describe(),
              cfg.target().describe(), tables);
          lock = SessionLock.acquire(store.lockFile(book.sessionId()), book.sessionId());
        }
        point.record(book);
        book.runStatus(RunStatus.RUNNING);
        if (mode == Mode.NEW) {
          CrashPoints.hit(CrashPoints.SESSION_CREATED);
        }
        try (SessionLog sl = SessionLog.attach(store.logFile(book.sessionId()), verbose); point) {
          point.pin(pools, mode != Mode.NEW);
          return execute(book, selected, mode, pools, emptyIsNull, point);
        }
      } finally {
        if (lock != null) {
          lock.close();
        }
      }
    }
  }

  private int execute(SessionBook book, List<TableConfig> selected, Mode mode, Pools pools, boolean emptyIsNull,
      PointInTime point) throws InterruptedException {
    ComparisonSettings st = cfg.settings();
    RunSnapshot session = book.snapshot();
    if (!console.quiet()) {
      SessionReport.header(out, session, mode == Mode.NEW ? "new" : mode == Mode.RESUME ? "resumed"
          : "retrying failed tables", zone);
      out.println("Folders:     state " + st.stateDir() + ", checkpoints " + st.checkpointDir() + ", output "
          + st.outputDir());
      point.lines().forEach(out::println);
      out.println();
    }
    out.flush();
    log.info("session {} started ({}): {}", session.sessionId(), mode, cfg.describe().replace('\n', ' '));

    KryoCheckpointStore checkpoints = new KryoCheckpointStore(st.checkpointDir());
    ResultWriter results = new ResultWriter(st.outputDir(), session,
        new SyncScriptWriter(pools.target().dialect(), cfg.sync()), clock,
        ref -> ForeignKeys.selfReferences(pools.target(), ref));
    FetchStats fetched = new FetchStats();
    HashPushdown pushdown = st.pushdown()
        ? new JdbcHashPushdown(pools, st.fetchSize(), fetched) : null;
    ResolvedTables specs = new ResolvedTables(point.resolver(new JdbcTableResolver(pools, emptyIsNull)));
    ConsoleChoice.Decision shown = console.decide();
    if (shown.note() != null) {
      out.println(shown.note());
      out.flush();
    }
    ConsoleReporter reporter = new ConsoleReporter(out, err, shown.terminal(), shown.mode(),
        Duration.ofSeconds(st.progressIntervalSeconds()), clock, Duration.ofMillis(500));
    // the console reporter is the only writer of the console while the engine runs
    List<ProgressListener> listeners = List.of(reporter, new ProgressLog());
    LiveChecks live = new LiveChecks(cfg, pools, fetched, clock, listeners, RETRY_BACKOFF_MILLIS);
    ComparisonEngine engine = new ComparisonEngine(book,
        new ComparisonEngine.Ports(specs, new JdbcChunkPlanner(pools.source(), pools.target(), st.planSampleAboveRows()),
            new JdbcRowSource(pools, st.fetchSize(), fetched), pushdown, checkpoints, results),
        new ComparisonEngine.Options(st.threads(), st.chunkSize(), st.maxRetries(), RETRY_BACKOFF_MILLIS, 256,
            st.bisectFactor(), st.bisectThreshold()),
        listeners, clock, new ComparisonEngine.Hooks(List.of(), List.of(live.stage())));
    live.atStart(book);

    Runnable restoreSignals = handleSignals ? Signals.onInterrupt(engine::requestStop) : () -> { };
    Instant startedAt = clock.instant();
    long started = System.nanoTime();
    long rowsBefore = rows(session, selected);
    try {
      engine.run(selected, mode);
      live.atEnd(book);
    } finally {
      restoreSignals.run();
      reporter.close();
      closeTerminal(shown);
    }
    SessionScripts.Outcome master = engine.runFailure() == null && !engine.stopRequested()
        ? SessionScripts.write(book, pools.target().dialect(), refs -> ForeignKeys.of(pools.target(), refs),
            st.outputDir(), clock, cfg.sync().undo())
        : SessionScripts.Outcome.NONE;
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    RunSnapshot after = book.snapshot();
    List<TableSnapshot> runTables = new ArrayList<>();
    for (TableConfig t : selected) {
      runTables.add(after.table(t.key()));
    }
    RunTotals totals = RunTotals.of(runTables);
    long rowsThisRun = rows(after, selected) - rowsBefore;
    SessionReport.finalSummary(out, after, totals, took, rowsThisRun);
    out.println("Fetched:       " + fetched.describe(Side.SOURCE) + "; " + fetched.describe(Side.TARGET));
    out.printf("Peak heap:     %d MB%n", PeakHeap.megabytes());
    out.println("Output:        " + st.outputDir());
    out.println("Session log:   " + store.logFile(session.sessionId()));
    if (master.sync() != null) {
      out.println("Session sync:  " + master.sync() + " (runs every table's script in foreign-key order)");
    }
    String resumeCmd = "scripts/compare " + cfg.file() + " --resume " + session.shortId();
    int code = engine.runFailure() != null ? engine.runFailure().exitCode()
        : engine.stopRequested() || totals.failed() > 0 || totals.unfinished() > 0 ? ExitCodes.FAILED
        : totals.withDifferences() > 0 ? ExitCodes.DIFFERENCES : ExitCodes.IDENTICAL;
    if (master.failure() != null) {
      code = Math.max(code, ExitCodes.FAILED); // the report records the exit the run ends with
    }
    try {
      RunReports.Written reports = new RunReportStep(cfg, book, specs, checkpoints, List.of(live.stage().name())).write(
          mode == Mode.NEW ? "new" : mode == Mode.RESUME ? "resumed" : "retry_failed", startedAt,
          startedAt.plus(took), rowsThisRun, code, reportStamp(session), zone);
      out.println("Report:        " + reports.html());
      out.println("               " + reports.json());
    } catch (RuntimeException e) {
      // the comparison's results stand (session, scripts, summaries); the report is missing and says why
      log.error("writing the comparison report failed", e);
      err.println("error: the comparison report was not written: " + Cli.oneLine(String.valueOf(e.getMessage()))
          + "; the session, scripts and summaries are complete (resume the session to write the report again)");
      code = Math.max(code, ExitCodes.FAILED);
    }
    if (engine.runFailure() != null) {
      out.flush();
      throw engine.runFailure();
    }
    if (master.failure() != null) {
      out.println("Session sync:  NOT WRITTEN; after fixing the cause, write it with: " + resumeCmd);
      out.flush();
      // every table is compared, but the set is not usable: --apply needs the master for foreign-key order
      throw new CompareException(ErrorCode.RUN_FAILED, "the session master script was not written: "
          + master.failure().getMessage() + "; without it --apply cannot run the tables' scripts in foreign-key"
          + " order and refuses the session: after fixing the cause, run " + resumeCmd, master.failure());
    }
    if (engine.stopRequested()) {
      out.println("Stopped. Resume with: " + resumeCmd);
      out.flush();
      return code;
    }
    if (totals.failed() > 0) {
      out.println("Some tables failed. After fixing the cause: " + resumeCmd + " --retry-failed");
    }
    if (totals.unfinished() > 0) {
      out.println("Some tables are not finished. Resume with: " + resumeCmd);
    }
    out.flush();
    return code;
  }

  /**
   * The reports are named by the session's start: every run of a session replaces them, so there is one
   * report per session and it always describes the session as it stands (like the session file).
   */
  private String reportStamp(RunSnapshot session) {
    Instant start = Human.instant(session.startTime());
    return LocalDateTime.ofInstant(start != null ? start : clock.instant(), clock.getZone()).format(STAMP);
  }

  private static void closeTerminal(ConsoleChoice.Decision shown) {
    if (shown.terminal() != null) {
      try {
        shown.terminal().close();
      } catch (java.io.IOException e) {
        log.debug("closing the terminal: {}", e.toString());
      }
    }
  }

  private static long rows(RunSnapshot s, List<TableConfig> tables) {
    long n = 0;
    for (TableConfig t : tables) {
      TableSnapshot p = s.table(t.key());
      n += p.sourceRows() + p.targetRows();
    }
    return n;
  }

  private void checkSameConfig(RunSnapshot session) {
    if (!cfg.comparisonHash().equals(session.configHash())) {
      throw new CompareException(ErrorCode.CONFIG_CHANGED, "session " + session.sessionId() + " was created from a "
          + "configuration with other databases, tables, keys, columns or filters (" + session.configPath()
          + "); resuming it with " + cfg.file() + " would mix two comparisons: restore that configuration, or start"
          + " a new session without --resume");
    }
  }

  /** The selected tables that belong to the session (all of the session's tables when none were named). */
  private List<TableConfig> inSession(RunSnapshot session, List<TableConfig> selected, boolean all) {
    checkKeys(session);
    List<TableConfig> out = new ArrayList<>();
    for (TableConfig t : selected) {
      if (session.table(t.key()) != null) {
        out.add(t);
      } else if (!all) {
        throw new CompareException(ErrorCode.USAGE, "table " + t.source().display() + " is not part of session "
            + session.sessionId() + "; run it in a new session");
      }
    }
    return out;
  }

  /**
   * Every table of the session is a table of the configuration under the same key. A session whose keys
   * follow another rule (written before keys were made unique: schema names with '_', quoted names) would
   * otherwise have its tables skipped without a word, and a resumed run could report "identical".
   */
  private void checkKeys(RunSnapshot session) {
    for (TableSnapshot t : session.tables()) {
      boolean known = cfg.tables().stream().anyMatch(c -> c.key().equals(t.key())
          && c.source().schema().text().equalsIgnoreCase(String.valueOf(t.schema()))
          && c.source().table().text().equalsIgnoreCase(String.valueOf(t.table())));
      if (!known) {
        throw new CompareException(ErrorCode.CONFIG_CHANGED, "session " + session.sessionId() + " names table "
            + t.schema() + "." + t.table() + " '" + t.key() + "', which is not the key " + cfg.file()
            + " gives it (a session written by an earlier version, or edited): its checkpoints cannot be"
            + " matched; start a new session without --resume");
      }
    }
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
