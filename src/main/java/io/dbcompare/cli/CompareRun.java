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
import io.dbcompare.discovery.SessionTables;
import io.dbcompare.discovery.TableDiscovery;
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
          checkSameConfig(book.snapshot());
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
        // the tables as the catalogs name them now; a resumed session keeps the ones it was created with (and
        // a catalog that cannot be read, a pattern matching nothing, is refused before a new session exists)
        var resolved = new TableDiscovery(cfg, pools).resolve();
        List<String> notices = List.of();
        List<TableConfig> selected;
        List<TableConfig> known; // every table of the session, for the reports
        // before a new session exists: a pair that cannot be read at one SCN is refused (exit 3) leaving none
        PointInTime point = PointInTime.choose(cfg.snapshot(), book == null ? Optional.empty() : book.chosenScn(),
            () -> ScnReader.choose(pools));
        if (book == null) {
          selected = select(resolved.tables(), resolved.tables(), tableArgs, startFrom, pools);
          known = selected;
          List<SessionBook.NewTable> tables = new ArrayList<>();
          for (TableConfig t : selected) {
            String[] s = exact(t.source(), pools.source());
            String[] g = exact(t.target(), pools.target());
            tables.add(new SessionBook.NewTable(t.key(), s[0], s[1], g[0], g[1]));
          }
          book = SessionBook.create(store, cfg.file().toString(), cfg.comparisonHash(), cfg.source().describe(),
              cfg.target().describe(), tables, resolved.targetOnly());
          lock = SessionLock.acquire(store.lockFile(book.sessionId()), book.sessionId());
          for (TableConfig t : selected) {
            String why = resolved.missingInTarget().get(t.key());
            if (why != null) {
              book.tableMissingInTarget(t.key(), why);
            }
          }
        } else {
          RunSnapshot session = book.snapshot();
          List<TableConfig> inSession = SessionTables.of(session, resolved, cfg, pools);
          selected = select(inSession, resolved.tables(), tableArgs, startFrom, pools);
          known = inSession;
          notices = SessionTables.newTables(session, resolved);
        }
        point.record(book);
        book.runStatus(RunStatus.RUNNING);
        if (mode == Mode.NEW) {
          CrashPoints.hit(CrashPoints.SESSION_CREATED);
        }
        try (SessionLog sl = SessionLog.attach(store.logFile(book.sessionId()), verbose); point) {
          point.pin(pools, mode != Mode.NEW);
          return execute(book, selected, known, mode, pools, emptyIsNull, point, notices);
        }
      } finally {
        if (lock != null) {
          lock.close();
        }
      }
    }
  }

  /** Schema and table as the catalog spells a qualified configured name (what the session records). */
  private static String[] exact(TableName n, ConnectionPool pool) {
    return new String[] {part(n.schema(), pool), part(n.table(), pool)};
  }

  private static String part(TableName.Identifier id, ConnectionPool pool) {
    return id.quoted() ? id.text() : pool.dialect().foldUnquoted(id.text());
  }

  private int execute(SessionBook book, List<TableConfig> listed, List<TableConfig> known, Mode mode, Pools pools,
      boolean emptyIsNull, PointInTime point, List<String> notices) throws InterruptedException {
    ComparisonSettings st = cfg.settings();
    RunSnapshot session = book.snapshot();
    if (!console.quiet()) {
      SessionReport.header(out, session, mode == Mode.NEW ? "new" : mode == Mode.RESUME ? "resumed"
          : "retrying failed tables", zone);
      out.println("Folders:     state " + st.stateDir() + ", checkpoints " + st.checkpointDir() + ", output "
          + st.outputDir());
      point.lines().forEach(out::println);
    }
    for (String notice : notices) {
      out.println("Note:        " + notice); // said even with --quiet: tables of the schema are not compared
      log.info("{}", notice);
    }
    if (!console.quiet()) {
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
    ResolvedTables specs = new ResolvedTables(point.resolver(new JdbcTableResolver(pools, emptyIsNull,
        cfg.strictColumns())));
    ConsoleChoice.Decision shown = console.decide();
    if (shown.note() != null) {
      out.println(shown.note());
      out.flush();
    }
    ConsoleReporter reporter = new ConsoleReporter(out, err, shown.terminal(), shown.mode(),
        Duration.ofSeconds(st.progressIntervalSeconds()), clock, Duration.ofMillis(500));
    // the console reporter is the only writer of the console while the engine runs
    List<ProgressListener> listeners = List.of(reporter, new ProgressLog());
    LiveChecks live = new LiveChecks(cfg.withTables(known), pools, fetched, clock, listeners, RETRY_BACKOFF_MILLIS);
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
    long rowsBefore = rows(session, listed);
    // a table missing in the target is recorded and counted; there is nothing of it to compare
    List<TableConfig> selected = listed.stream().filter(t -> !book.table(t.key()).missingTable()).toList();
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
    for (TableConfig t : listed) {
      runTables.add(after.table(t.key()));
    }
    RunTotals totals = RunTotals.of(runTables);
    long rowsThisRun = rows(after, listed) - rowsBefore;
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
        : totals.withDifferences() > 0 || totals.missingTables() > 0 ? ExitCodes.DIFFERENCES : ExitCodes.IDENTICAL;
    if (master.failure() != null) {
      code = Math.max(code, ExitCodes.FAILED); // the report records the exit the run ends with
    }
    try {
      RunReports.Written reports = new RunReportStep(cfg, known, book, specs, checkpoints, List.of(live.stage().name())).write(
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

  /**
   * The tables of {@code all} that the options name (all of them without options), in {@code all}'s order.
   * A name the configuration has but {@code all} has not (a resumed session without it) is refused.
   */
  private List<TableConfig> select(List<TableConfig> all, List<TableConfig> configured, List<String> tableArgs,
      String startFrom, Pools pools) {
    if (startFrom != null) {
      int i = indexOf(all, configured, startFrom, "--start-from-table", pools);
      return all.subList(i, all.size());
    }
    if (tableArgs.isEmpty()) {
      return all;
    }
    List<TableConfig> out = new ArrayList<>();
    for (String t : tableArgs) {
      TableConfig tc = all.get(indexOf(all, configured, t, "--table", pools));
      if (!out.contains(tc)) {
        out.add(tc);
      }
    }
    out.sort((a, b) -> Integer.compare(all.indexOf(a), all.indexOf(b)));
    return out;
  }

  /** Where the table a --table or --start-from-table option names (bare: in the source's default schema) is. */
  private int indexOf(List<TableConfig> all, List<TableConfig> configured, String name, String option, Pools pools) {
    TableName wanted = TableDiscovery.qualify(TableName.parse(name, option), pools.source(), option);
    String key = wanted.key().toUpperCase(Locale.ROOT);
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).key().toUpperCase(Locale.ROOT).equals(key)) {
        return i;
      }
    }
    if (configured.stream().anyMatch(c -> c.key().toUpperCase(Locale.ROOT).equals(key)) && all != configured) {
      throw new CompareException(ErrorCode.USAGE, "table " + wanted.display() + " is not part of this session;"
          + " run it in a new session");
    }
    String example = configured.isEmpty() ? "" : ", e.g. " + configured.get(0).source().display();
    throw new CompareException(ErrorCode.USAGE, option + " " + name + ": no such table in " + cfg.file()
        + "; the configuration names " + configured.size() + " tables" + example);
  }
}
