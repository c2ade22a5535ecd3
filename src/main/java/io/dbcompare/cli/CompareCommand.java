package io.dbcompare.cli;

import io.dbcompare.config.CompareConfig;
import io.dbcompare.config.ConfigLoader;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.report.SessionReport;
import io.dbcompare.session.Session;
import io.dbcompare.session.SessionBook;
import io.dbcompare.session.SessionLock;
import io.dbcompare.session.SessionStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compare CONFIG [options]}: parses, then hands over to {@link CompareRun} or a housekeeping action. */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = {"Compares tables of a source database with a target (DR copy, replica, migration target)",
        "chunk by chunk, with checkpoints, and writes sync scripts and summaries.", ""},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:all tables compared and identical", "1:all compared, differences found",
        "2:a table or the run failed (resume with --resume ID)", "3:usage or configuration error"})
final class CompareCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "CONFIG", description = "YAML configuration (see config.yaml.example)")
  Path config;

  @Option(names = "--resume", paramLabel = "ID", arity = "0..1", fallbackValue = LatestSession.LATEST,
      description = "resume a session (full id or unique prefix); without ID, the most recent unfinished session"
          + " of CONFIG")
  String resume;

  @Option(names = "--retry-failed", description = "with --resume: run the failed tables again, reusing finished chunks")
  boolean retryFailed;

  @Option(names = "--table", paramLabel = "[SCHEMA.]TABLE",
      description = "compare only this table (repeatable); without a schema: the source user's default schema")
  List<String> tables = new ArrayList<>();

  @Option(names = "--start-from-table", paramLabel = "[SCHEMA.]TABLE",
      description = "skip the tables listed (or discovered) before this one")
  String startFrom;

  @Option(names = "--list-sessions", description = "list the sessions in the state folder")
  boolean listSessions;

  @Option(names = "--status", paramLabel = "ID", description = "show a session's progress per table")
  String status;

  @Option(names = "--cleanup", paramLabel = "DAYS", description = "remove sessions (and their checkpoints) older than DAYS days")
  Integer cleanupDays;

  @Option(names = "--apply", paramLabel = "ID", description = "run a session's reviewed sync scripts on the TARGET"
      + " (resumes after the last committed batch), then compare the changed tables again")
  String apply;

  @Option(names = "--allow-edited", description = "with --apply: run scripts changed since they were generated")
  boolean allowEdited;

  @Option(names = "--skip-conflicts", description = "with --apply or --repair: log and skip rows changed since the"
      + " comparison")
  boolean skipConflicts;

  @Option(names = "--repair", paramLabel = "ID", description = "write the differing rows of a session's tables (or"
      + " those given with --table) from the SOURCE into the TARGET, chunk by chunk (resumable), then compare again")
  String repair;

  @Option(names = "--yes", description = "with --repair: do not ask for confirmation")
  boolean yes;

  @Option(names = "--dry-run", description = "with --repair: print what would be written, write nothing")
  boolean dryRun;

  @Option(names = "--no-pushdown", description = "hash rows in Java instead of in the databases (results are the same)")
  boolean noPushdown;

  @Option(names = "--progress", paramLabel = "auto|live|plain", description = "live: a status block redrawn in"
      + " place (needs a terminal); plain: a line per table start and end and per progress_interval_seconds; auto"
      + " (default): live on a terminal, else plain")
  ConsoleChoice.Progress progress = ConsoleChoice.Progress.AUTO;

  @Option(names = "--quiet", description = "print only errors and the final summary")
  boolean quiet;

  @Option(names = "--verbose", description = "show stack traces and debug logging")
  boolean verbose;

  private final PrintWriter out;
  private final PrintWriter err;
  private final Function<String, String> env;
  private final Clock clock;
  private final boolean handleSignals;
  private final Supplier<Terminal> terminal;
  /** Who confirms a repair before it writes. */
  private final Confirmation confirmation;

  CompareCommand(PrintWriter out, PrintWriter err, Function<String, String> env, Clock clock, boolean handleSignals,
      Supplier<Terminal> terminal, Confirmation confirmation) {
    this.terminal = terminal;
    this.confirmation = confirmation;
    this.out = out;
    this.err = err;
    this.env = env;
    this.clock = clock;
    this.handleSignals = handleSignals;
  }

  boolean verbose() {
    return verbose;
  }

  @Override
  public Integer call() throws Exception {
    int actions = (listSessions ? 1 : 0) + (status != null ? 1 : 0) + (cleanupDays != null ? 1 : 0);
    if (actions > 1 || (actions == 1 && (resume != null || !tables.isEmpty() || startFrom != null || retryFailed))) {
      throw usage("--list-sessions, --status and --cleanup are used alone (with CONFIG only)");
    }
    if (apply != null && (actions > 0 || resume != null || !tables.isEmpty() || startFrom != null || retryFailed)) {
      throw usage("--apply ID is used alone (with CONFIG, and optionally --allow-edited and --skip-conflicts)");
    }
    if (repair != null && (actions > 0 || apply != null || resume != null || startFrom != null || retryFailed
        || allowEdited)) {
      throw usage("--repair ID is used alone (with CONFIG, and optionally --table, --skip-conflicts, --yes and"
          + " --dry-run)");
    }
    if ((yes || dryRun) && repair == null) {
      throw usage("--yes and --dry-run need --repair SESSION_ID");
    }
    if (allowEdited && apply == null) {
      throw usage("--allow-edited and --skip-conflicts need --apply SESSION_ID");
    }
    if (skipConflicts && apply == null && repair == null) {
      throw usage("--allow-edited and --skip-conflicts need --apply SESSION_ID (--skip-conflicts also --repair ID)");
    }
    if (retryFailed && resume == null) {
      throw usage("--retry-failed needs --resume SESSION_ID");
    }
    if (startFrom != null && !tables.isEmpty()) {
      throw usage("give either --table or --start-from-table, not both");
    }
    if (cleanupDays != null && cleanupDays < 0) {
      throw usage("--cleanup takes a number of days >= 0, not " + cleanupDays);
    }
    CompareConfig cfg = new ConfigLoader(env).load(config);
    if (noPushdown) {
      cfg = cfg.withSettings(cfg.settings().withoutPushdown());
    }
    SessionStore store = new SessionStore(cfg.settings().stateDir(), cfg.settings().checkpointDir(), clock);
    if (verbose) {
      err.println(cfg.describe());
    }
    if (listSessions) {
      SessionReport.list(out, store, store.list(), id -> isLocked(store, id), ZoneId.systemDefault());
      return 0;
    }
    if (status != null) {
      Session s = store.find(status);
      SessionReport.status(out, SessionBook.snapshotOf(s), isLocked(store, s.sessionId), ZoneId.systemDefault());
      return 0;
    }
    if (cleanupDays != null) {
      SessionStore.CleanupResult r = store.cleanup(cleanupDays);
      out.printf("Removed %d session(s) older than %d day(s) and %d checkpoint file(s).%n", r.removed().size(),
          cleanupDays, r.checkpointsRemoved());
      if (r.statementFilesRemoved() > 0) {
        out.println("  removed " + r.statementFilesRemoved() + " statement file(s) beside their scripts (the scripts"
            + " and summaries stay)");
      }
      for (String id : r.removed()) {
        out.println("  removed " + id);
      }
      for (String id : r.skippedInUse()) {
        out.println("  kept " + id + ": in use by a running process");
      }
      for (String line : r.unreadable()) {
        out.println("  kept " + line);
      }
      return 0;
    }
    if (repair != null) {
      return new RepairRun(cfg, store, out, err, clock, handleSignals, verbose, confirmation)
          .run(repair, tables, skipConflicts, yes, dryRun);
    }
    if (apply != null) {
      return new ApplyRun(cfg, store, out, err, clock, handleSignals, verbose).run(apply, allowEdited, skipConflicts);
    }
    return new CompareRun(cfg, store, out, err, clock, handleSignals, verbose,
        new ConsoleChoice(quiet, progress, terminal)).run(resume, retryFailed, tables, startFrom);
  }

  private static boolean isLocked(SessionStore store, String id) {
    if (!java.nio.file.Files.exists(store.lockFile(id))) {
      return false;
    }
    try (SessionLock l = SessionLock.tryAcquire(store.lockFile(id))) {
      return l == null;
    }
  }

  private static CompareException usage(String msg) {
    return new CompareException(ErrorCode.USAGE, msg);
  }
}
