package io.dbcompare.sync;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names of everything a session writes into the output folder, in one place:
 *
 * <pre>
 * sync_target_&lt;SCHEMA_TABLE&gt;_&lt;yyyyMMdd_HHmmss&gt;_&lt;session8&gt;.sql      a table's sync script (or the master of its parts)
 * undo_target_&lt;SCHEMA_TABLE&gt;_&lt;yyyyMMdd_HHmmss&gt;_&lt;session8&gt;.sql      its undo script
 * &lt;script name without .sql&gt;_parts/p001_delete.sql ...                 the parts a master runs, one phase each
 * &lt;script&gt;.sql.kryo                                                   a script's statements as values ({@link StatementFile})
 * comparison_summary_&lt;SCHEMA_TABLE&gt;_&lt;yyyyMMdd_HHmmss&gt;_&lt;session8&gt;.txt  a table's summary
 * sync_session_&lt;yyyyMMdd_HHmmss&gt;_&lt;session8&gt;.sql                     the session's master (foreign-key order)
 * undo_session_&lt;yyyyMMdd_HHmmss&gt;_&lt;session8&gt;.sql                     its undo master
 * </pre>
 *
 * The time stamp is when the file set was written (the run's clock); {@code session8} is the first eight
 * characters of the session id. {@link StaleOutputs} finds an earlier attempt's files by these names.
 */
public final class ScriptNames {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT);
  private static final Pattern PART = Pattern.compile("p\\d{3,}_[a-z]+\\.sql");

  private ScriptNames() {}

  /** The time stamp of the files written now. */
  public static String stamp(Clock clock) {
    return LocalDateTime.now(clock).format(STAMP);
  }

  static String session8(String sessionId) {
    return sessionId.substring(0, 8);
  }

  /** A table's sync script. */
  public static Path tableSync(Path outputDir, String tableKey, String stamp, String sessionId) {
    return outputDir.resolve("sync_target_" + tableFiles(tableKey, stamp, sessionId) + ".sql");
  }

  /** The CREATE TABLE script {@code --repair} writes for a table the target does not have. */
  public static Path createTarget(Path outputDir, String tableKey, String stamp, String sessionId) {
    return outputDir.resolve("create_target_" + tableFiles(tableKey, stamp, sessionId) + ".sql");
  }

  /** A table's undo script. */
  public static Path tableUndo(Path outputDir, String tableKey, String stamp, String sessionId) {
    return outputDir.resolve("undo_target_" + tableFiles(tableKey, stamp, sessionId) + ".sql");
  }

  /** A table's summary. */
  public static Path summary(Path outputDir, String tableKey, String stamp, String sessionId) {
    return outputDir.resolve("comparison_summary_" + tableFiles(tableKey, stamp, sessionId) + ".txt");
  }

  private static String tableFiles(String tableKey, String stamp, String sessionId) {
    return tableKey + "_" + stamp + "_" + session8(sessionId);
  }

  /** The session's sync master. */
  public static Path sessionSync(Path outputDir, String stamp, String sessionId) {
    return outputDir.resolve("sync_session_" + stamp + "_" + session8(sessionId) + ".sql");
  }

  /** The session's undo master. */
  public static Path sessionUndo(Path outputDir, String stamp, String sessionId) {
    return outputDir.resolve("undo_session_" + stamp + "_" + session8(sessionId) + ".sql");
  }

  /** The folder of a script's parts: its name without .sql, in characters every client accepts. */
  public static String partsFolder(Path script) {
    String name = script.getFileName().toString().replaceFirst("\\.sql$", "");
    return name.replaceAll("[^A-Za-z0-9._-]", "_") + "_parts";
  }

  /** The n-th part (1-based) of a script, holding statements of one phase. */
  static Path part(Path partsFolder, int n, Phase phase) {
    return partsFolder.resolve(String.format(Locale.ROOT, "p%03d_%s.sql", n, phase.label()));
  }

  /** Whether a file name in a parts folder is a part's. */
  static boolean isPart(String fileName) {
    return PART.matcher(fileName).matches();
  }

  /**
   * A temporary file holding the text of a script's statements of one phase while they are collected
   * (the {@code n}-th part's worth, 0-based); hidden and removed when the script is written, and found
   * by {@link StaleOutputs} when a crash left it.
   */
  static Path segment(Path script, Phase phase, int n) {
    return script.resolveSibling(segmentName(script, phase, n) + ".tmp");
  }

  /** The values of the same statements ({@link StatementFile} items), beside {@link #segment}. */
  static Path segmentValues(Path script, Phase phase, int n) {
    return script.resolveSibling(segmentName(script, phase, n) + ".kryo.tmp");
  }

  private static String segmentName(Path script, Phase phase, int n) {
    return "." + script.getFileName() + "." + phase.label() + "." + n;
  }

  /** The statement file beside a script (or part). */
  public static Path statementFile(Path script) {
    return script.resolveSibling(script.getFileName() + ".kryo");
  }

  /**
   * A table's outputs of one session, any time stamp, with everything written beside them (parts
   * folders, statement files, temporary files), and those of a crash ({@code .}-prefixed segment files):
   * group 1 is the dot, group 2 the time stamp, group 3 what follows the session's eight characters.
   */
  static Pattern tableOutputs(String tableKey, String sessionId) {
    return Pattern.compile("(\\.?)(?:sync_target|undo_target|comparison_summary)_" + Pattern.quote(tableKey)
        + "_(\\d{8}_\\d{6})_" + Pattern.quote(session8(sessionId)) + "([._].*)?");
  }

  /** A session's master scripts, any time stamp, with what is written beside them. */
  static Pattern sessionScripts(String sessionId) {
    return Pattern.compile("\\.?(?:sync_session|undo_session)_\\d{8}_\\d{6}_" + Pattern.quote(session8(sessionId))
        + "[._].*");
  }
}
