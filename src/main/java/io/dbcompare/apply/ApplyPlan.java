package io.dbcompare.apply;

import io.dbcompare.config.Platform;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.session.ScriptFile;
import io.dbcompare.session.Session;
import io.dbcompare.session.SessionStatus;
import io.dbcompare.session.TableProgress;
import io.dbcompare.sync.GeneratedScript;
import io.dbcompare.sync.ScriptParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code --apply} runs for a session: the session's sync master when there is one (it runs every
 * table's parts in foreign-key order), else each table's sync script in the session's order; every
 * file it reads (masters and parts) checked against the SHA-256 the session recorded, and parsed.
 */
public final class ApplyPlan {
  /** A file with statements, in the order they run, and the table its statements belong to. */
  public record Step(Path file, String table, ScriptParser.Parsed parsed) {
    public long statements() {
      return parsed.statements();
    }
  }

  private record Recorded(ScriptFile file, String table) {}

  private final List<Path> entries;
  private final List<Step> steps;
  private final List<String> edited;
  private final List<TableProgress> tablesWithScripts;

  private ApplyPlan(List<Path> entries, List<Step> steps, List<String> edited, List<TableProgress> tables) {
    this.entries = entries;
    this.steps = steps;
    this.edited = edited;
    this.tablesWithScripts = tables;
  }

  /** The scripts a DBA would run: the session master, or the tables' scripts. */
  public List<Path> entries() {
    return entries;
  }

  public List<Step> steps() {
    return steps;
  }

  /** Files whose SHA-256 differs from the session's record (accepted with --allow-edited). */
  public List<String> edited() {
    return edited;
  }

  /** The tables that have a sync script (the ones the apply changes). */
  public List<TableProgress> tables() {
    return tablesWithScripts;
  }

  public long statements() {
    return steps.stream().mapToLong(Step::statements).sum();
  }

  /**
   * Checks the session and its scripts and reads them.
   *
   * @throws CompareException APPLY_REFUSED when a table is not completed, a script is missing, not
   *     recorded, not in the tool's format, or (without {@code allowEdited}) edited since it was written
   */
  public static ApplyPlan of(Session session, Platform platform, boolean allowEdited) {
    List<String> unfinished = new ArrayList<>();
    for (TableProgress t : session.tableProgress.values()) {
      if (!SessionStatus.COMPLETED.equals(t.status)) {
        unfinished.add(t.schema + "." + t.table + " (" + t.status + ")");
      }
    }
    if (!unfinished.isEmpty()) {
      throw refused("session " + session.sessionId + " is not complete: " + String.join(", ", unfinished)
          + "; finish it with --resume " + session.shortId() + " (--retry-failed for failed tables) before applying"
          + " its scripts");
    }
    Map<Path, Recorded> recorded = new LinkedHashMap<>();
    List<TableProgress> withScripts = new ArrayList<>();
    for (ScriptFile f : session.sessionScripts) {
      recorded.put(norm(f.path), new Recorded(f, null));
    }
    List<Path> entries = new ArrayList<>();
    for (TableProgress t : session.tableProgress.values()) {
      String display = t.targetSchema + "." + t.targetTable;
      for (ScriptFile f : t.scripts) {
        recorded.put(norm(f.path), new Recorded(f, display));
      }
      if (t.syncScript != null) {
        withScripts.add(t);
        for (ScriptFile f : t.scripts) {
          if (GeneratedScript.SYNC.equals(f.kind) && f.phase == null) {
            entries.add(norm(f.path));
          }
        }
      }
    }
    for (ScriptFile f : session.sessionScripts) {
      if (GeneratedScript.SYNC.equals(f.kind)) {
        entries = List.of(norm(f.path)); // the session master runs every table's parts in foreign-key order
        break;
      }
    }
    List<Step> steps = new ArrayList<>();
    List<String> edited = new ArrayList<>();
    for (Path e : entries) {
      visit(e, recorded, platform, steps, edited, 0);
    }
    if (!edited.isEmpty() && !allowEdited) {
      throw refused("the scripts were changed after they were generated (SHA-256 differs from the session's record): "
          + String.join(", ", edited) + "; review the changes, then run again with --allow-edited to apply them"
          + " as they are now, or compare again for fresh scripts");
    }
    return new ApplyPlan(List.copyOf(entries), List.copyOf(steps), List.copyOf(edited), List.copyOf(withScripts));
  }

  private static void visit(Path file, Map<Path, Recorded> recorded, Platform platform, List<Step> steps,
      List<String> edited, int depth) {
    if (depth > 3) {
      throw refused(file + ": scripts include each other too deeply");
    }
    Recorded r = recorded.get(file);
    if (r == null) {
      throw refused(file + " is run by the session's scripts but is not recorded in the session; only scripts"
          + " the tool wrote are applied");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CompareException(ErrorCode.APPLY_REFUSED, file + ": cannot read the script (" + e.getMessage()
          + "); it was written by the comparison and is needed to apply it", e);
    }
    boolean changed = !sha256(bytes).equalsIgnoreCase(String.valueOf(r.file().sha256));
    if (changed) {
      edited.add(file.toString());
    }
    ScriptParser.Parsed parsed;
    try {
      parsed = ScriptParser.parse(new String(bytes, StandardCharsets.UTF_8), file, platform);
    } catch (ScriptParser.FormatException e) {
      throw new CompareException(ErrorCode.APPLY_REFUSED, e.getMessage(), e);
    }
    if (!parsed.includes().isEmpty()) {
      for (Path p : parsed.includes()) {
        visit(p, recorded, platform, steps, edited, depth + 1);
      }
      return;
    }
    if (!changed && parsed.statements() != r.file().statements) {
      throw refused(file + " holds " + parsed.statements() + " statements where the session records "
          + r.file().statements + "; it is not applied");
    }
    steps.add(new Step(file, r.table(), parsed));
  }

  static Path norm(String path) {
    return Path.of(path).toAbsolutePath().normalize();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static CompareException refused(String message) {
    return new CompareException(ErrorCode.APPLY_REFUSED, message);
  }
}
