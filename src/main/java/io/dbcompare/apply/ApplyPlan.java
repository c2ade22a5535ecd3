package io.dbcompare.apply;

import io.dbcompare.dialect.Dialect;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.session.ScriptFile;
import io.dbcompare.session.Session;
import io.dbcompare.session.SessionBook;
import io.dbcompare.session.SessionStatus;
import io.dbcompare.session.TableProgress;
import io.dbcompare.sync.GeneratedScript;
import io.dbcompare.sync.SessionMaster;
import io.dbcompare.sync.StatementFile;
import io.dbcompare.sync.StatementText;
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
 * table's parts in foreign-key order), else the one table's sync script. A session with several tables'
 * scripts and no master (it could not be written) is refused: run in configuration order instead of
 * foreign-key order, they could stop on a foreign key halfway through.
 *
 * <p>Every file it reads (masters and parts) must have the SHA-256 the session recorded. A file with
 * statements is applied from its statement values ({@link StatementFile}, written beside it with the
 * script), never by reading its SQL: the values are rendered as script text again, and that text must
 * be the file's, byte for byte; so what is bound is what was reviewed. A master holds no statement:
 * each of its lines must be a setting or comment of the dialect's master, or exactly the line the tool
 * writes to run one of the session's recorded parts ({@link MasterScript}).
 *
 * <p>{@code --allow-edited} accepts files whose SHA-256 differs when only comments and blank lines
 * were changed, added or removed between statements: every statement, COMMIT and setting must still be
 * there exactly, in order ({@link EditedScript}). A script whose statements were edited is refused in
 * any case, since its values can no longer be bound: run it with the database's client, or compare
 * again for fresh scripts. Scripts written before statement files existed are refused likewise.
 */
public final class ApplyPlan {
  /** A file with statements, in the order the files run, and the table its statements belong to. */
  public record Step(Path file, String table, List<StatementFile.Batch> batches) {
    public long statements() {
      return batches.stream().mapToLong(b -> b.statements().size()).sum();
    }
  }

  private record Recorded(ScriptFile file, String table, boolean master) {}

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

  public long batches() {
    return steps.stream().mapToLong(s -> s.batches().size()).sum();
  }

  /**
   * Checks the session and its scripts and loads their statements.
   *
   * @param target the target's dialect (the scripts' dialect)
   * @throws CompareException APPLY_REFUSED when a table is not completed, a script is missing, not
   *     recorded, has no usable statement file, or (without {@code allowEdited}) was edited since it was
   *     written; with it, when more than comments and blank lines were edited
   */
  public static ApplyPlan of(Session session, Dialect target, boolean allowEdited) {
    List<String> unfinished = new ArrayList<>();
    for (TableProgress t : session.tableProgress.values()) {
      // a table missing in the target was never compared: it has no rows to apply
      if (!SessionStatus.COMPLETED.equals(t.status) && !SessionStatus.MISSING_IN_TARGET.equals(t.status)) {
        unfinished.add(t.schema + "." + t.table + " (" + t.status + ")");
      }
    }
    if (!unfinished.isEmpty()) {
      throw refused("session " + session.sessionId + " is not complete: " + String.join(", ", unfinished)
          + "; finish it with --resume " + session.shortId() + " (--retry-failed for failed tables) before applying"
          + " its scripts");
    }
    boolean hasMaster = session.sessionScripts.stream().anyMatch(f -> GeneratedScript.SYNC.equals(f.kind));
    if (session.sessionScriptError != null || (!hasMaster && SessionMaster.required(SessionBook.snapshotOf(session)))) {
      throw refused("session " + session.sessionId + " has no session master script ("
          + (session.sessionScriptError != null ? "it could not be written: " + session.sessionScriptError
              : "it was not written") + "); its tables' scripts must run in foreign-key order, which only the master"
          + " gives: after fixing the cause, write it with --resume " + session.shortId() + ", then apply again");
    }
    Map<Path, Recorded> recorded = new LinkedHashMap<>();
    for (ScriptFile f : session.sessionScripts) {
      recorded.put(norm(f.path), new Recorded(f, null, true));
    }
    List<Path> entries = new ArrayList<>();
    List<TableProgress> withScripts = new ArrayList<>();
    for (TableProgress t : session.tableProgress.values()) {
      String display = t.targetSchema + "." + t.targetTable;
      boolean parts = t.scripts.stream().anyMatch(f -> GeneratedScript.SYNC.equals(f.kind) && f.phase != null);
      for (ScriptFile f : t.scripts) {
        recorded.put(norm(f.path), new Recorded(f, display, f.phase == null && parts));
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
    Visit v = new Visit(recorded, target, allowEdited);
    for (Path e : entries) {
      v.file(e, 0);
    }
    if (!v.edited.isEmpty() && !allowEdited) {
      throw refused("the scripts were changed after they were generated (SHA-256 differs from the session's record): "
          + String.join(", ", v.edited) + "; review the changes, then run again with --allow-edited to apply them"
          + " (only comments and blank lines may differ), or compare again for fresh scripts");
    }
    return new ApplyPlan(List.copyOf(entries), List.copyOf(v.steps), List.copyOf(v.edited), List.copyOf(withScripts));
  }

  /** Reads the files a run reaches, in order. */
  private static final class Visit {
    final Map<Path, Recorded> recorded;
    final Dialect target;
    final StatementText text;
    final boolean allowEdited;
    final List<Step> steps = new ArrayList<>();
    final List<String> edited = new ArrayList<>();

    Visit(Map<Path, Recorded> recorded, Dialect target, boolean allowEdited) {
      this.recorded = recorded;
      this.target = target;
      this.text = new StatementText(target);
      this.allowEdited = allowEdited;
    }

    void file(Path file, int depth) {
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
      String script = new String(bytes, StandardCharsets.UTF_8);
      if (r.master()) {
        for (Path p : MasterScript.includes(script, file, target, recorded.keySet())) {
          file(p, depth + 1);
        }
        return;
      }
      StatementFile.Contents contents = statements(file);
      if (!changed) {
        if (!contents.render(text).equals(script)) {
          throw refused(file + ": its statement file " + StatementFile.of(file).getFileName() + " does not render to the"
              + " script (another script's, or damaged); compare again for fresh scripts");
        }
      } else if (allowEdited) {
        String problem = EditedScript.problem(script, contents, text);
        if (problem != null) {
          throw refused(file + ": " + problem + "; --apply runs only the statements the tool wrote (comments and"
              + " blank lines may be edited): run the edited script with the database's client, or compare again"
              + " for fresh scripts");
        }
      }
      long statements = contents.statements();
      if (statements != r.file().statements) {
        throw refused(file + " holds " + statements + " statements where the session records "
            + r.file().statements + "; it is not applied");
      }
      steps.add(new Step(file, r.table(), contents.batches(text)));
    }

    private StatementFile.Contents statements(Path file) {
      StatementFile.Contents contents;
      try {
        contents = StatementFile.load(file);
      } catch (StatementFile.Unreadable e) {
        throw new CompareException(ErrorCode.APPLY_REFUSED, file + ": its statement values cannot be used: "
            + e.getMessage() + " (scripts written by an earlier version of the tool have none); compare again for fresh"
            + " scripts, or run the script with the database's client", e);
      }
      if (contents.platform() != target.platform()) {
        throw refused(file + " was written for " + contents.platform() + ", the target is " + target.platform());
      }
      return contents;
    }
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

  static CompareException refused(String message) {
    return new CompareException(ErrorCode.APPLY_REFUSED, message);
  }
}
