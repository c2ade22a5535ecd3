package io.dbcompare.cli;

import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.files.AtomicFile;
import io.dbcompare.sync.ScriptNames;

import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableStatus;
import io.dbcompare.config.CompareConfig;
import io.dbcompare.config.TableConfig;
import io.dbcompare.config.TableName;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.error.ExitCodes;
import io.dbcompare.jdbc.Pools;
import io.dbcompare.jdbc.TableCatalog;
import io.dbcompare.repair.CreateTableScript;
import io.dbcompare.vendor.DatabaseTypes;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tables of a session that failed in the comparison, seen by {@code --repair}: one the target does not
 * have gets {@code create_target_<SCHEMA_TABLE>_<yyyyMMdd_HHmmss>_<session8>.sql} for the DBA to review
 * and run first; one whose comparison failed because its target was missing, and that exists now, is
 * compared (the session's failed tables resumed) before it is repaired.
 */
final class MissingTargets {
  private final CompareConfig cfg;
  private final Pools pools;
  private final PrintWriter out;
  private final Clock clock;

  MissingTargets(CompareConfig cfg, Pools pools, PrintWriter out, Clock clock) {
    this.cfg = cfg;
    this.pools = pools;
    this.out = out;
    this.clock = clock;
  }

  /**
   * Writes a CREATE TABLE script per selected failed table that the target does not have (none with
   * {@code dryRun}); the exit status when there were any (the repair cannot go on), else -1.
   */
  int handle(RunSnapshot session, Set<String> only, boolean dryRun, String id) {
    List<TableConfig> missing = new ArrayList<>();
    for (TableConfig tc : failed(session, only)) {
      if (!TableCatalog.exists(pools.target(), Side.TARGET, tc.target())) {
        missing.add(tc);
      }
    }
    if (missing.isEmpty()) {
      return -1;
    }
    String stamp = ScriptNames.stamp(clock);
    Dialect target = pools.target().dialect();
    for (TableConfig tc : missing) {
      Path file = ScriptNames.createTarget(cfg.settings().outputDir(), tc.key(), stamp, session.sessionId());
      TableCatalog.Table source = TableCatalog.describe(pools.source(), tc);
      CreateTableScript.Script script = CreateTableScript.of(source, tc.source().display(),
          DatabaseTypes.of(cfg.source()).ddlTypes(), pools.source().dialect(), DatabaseTypes.of(cfg.target()).ddlTypes(),
          target, targetRef(tc.target(), target), List.of(
              "CREATE TABLE for the repair of table-compare session " + session.sessionId(),
              "Source:    " + session.source(),
              "Target:    " + session.target(),
              "Generated: " + java.time.Instant.now(clock),
              "Review it, run it on the target, then repair: scripts/compare " + cfg.file() + " --repair "
                  + session.shortId()));
      out.println("Missing:       " + tc.target().display() + " does not exist in the target");
      if (dryRun) {
        out.println("               would write " + file + " (dry run: not written)");
      } else {
        try {
          AtomicFile.write(file, script.text().getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
          throw new CompareException(ErrorCode.IO, file + ": cannot write the CREATE TABLE script: " + e.getMessage()
              + "; check free space and permissions of " + file.getParent(), e);
        }
        out.println("               wrote " + file + ": review it and run it on the target first");
      }
      for (String r : script.refused()) {
        out.println("               REFUSED column " + r + ": write its type where the script says "
            + "<choose a type>");
      }
    }
    out.println("Then repair:   scripts/compare " + cfg.file() + " --repair " + session.shortId()
        + " (the tables are compared first, then copied)");
    out.flush();
    return ExitCodes.FAILED;
  }

  /** Whether a selected table failed because its target was missing (and it exists now: see {@link #handle}). */
  boolean retried(RunSnapshot session, Set<String> only) {
    return !retryNames(session, only).isEmpty();
  }

  /** Those tables, as --table takes them. */
  List<String> retryNames(RunSnapshot session, Set<String> only) {
    List<String> names = new ArrayList<>();
    for (TableConfig tc : failed(session, only)) {
      if (targetWasMissing(session.table(tc.key()))) {
        names.add(CompareAgain.quoted(session.table(tc.key()).schema(), session.table(tc.key()).table()));
      }
    }
    return names;
  }

  /** The comparison's message for a target table it could not find (JdbcTableResolver's). */
  static boolean targetWasMissing(TableSnapshot t) {
    return t.error() != null && t.error().contains(Side.TARGET.label() + " table ")
        && t.error().contains(" does not exist or is not visible");
  }

  private List<TableConfig> failed(RunSnapshot session, Set<String> only) {
    List<TableConfig> out = new ArrayList<>();
    for (TableSnapshot t : session.tables()) {
      if (t.status() == TableStatus.FAILED && (only.isEmpty() || only.contains(t.key()))) {
        cfg.tables().stream().filter(c -> c.key().equals(t.key())).findFirst().ifPresent(out::add);
      }
    }
    return out;
  }

  /** The target table as configured: a quoted part exactly, an unquoted one in the target's case. */
  static TableRef targetRef(TableName name, Dialect d) {
    return new TableRef(name.schema().quoted() ? name.schema().text() : d.foldUnquoted(name.schema().text()),
        name.table().quoted() ? name.table().text() : d.foldUnquoted(name.table().text()));
  }
}
