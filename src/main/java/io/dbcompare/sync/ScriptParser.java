package io.dbcompare.sync;

import io.dbcompare.config.Platform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a generated sync (or undo) script as the DBA's client would run it, for {@code --apply}: the
 * statements and blocks it executes, grouped into the transactions its COMMIT lines end, the session
 * settings it makes, and the scripts it includes.
 *
 * <p>It knows the exact shapes {@link SyncScriptWriter} and {@link SessionScriptWriter} write, and
 * refuses anything else (an edited script with other statements, a ROLLBACK, statements after the last
 * COMMIT) rather than guess what a client would do:
 * <ul>
 *   <li>skipped: blank lines, {@code --} comments, SQL*Plus commands ({@code SET ...} without SQL
 *       meaning, {@code WHENEVER}, {@code EXIT}, {@code PROMPT}), psql meta-commands ({@code \set ...}),
 *       H2's {@code SET AUTOCOMMIT OFF;}, and transaction starts ({@code BEGIN;} in psql scripts);
 *   <li>includes: {@code @@part} (SQL*Plus, relative to the script's folder), {@code \ir 'part'} (psql,
 *       likewise) and {@code RUNSCRIPT FROM '<absolute path>'} (H2);
 *   <li>PL/SQL blocks (a line {@code DECLARE} or {@code BEGIN} up to a line {@code /}) and PostgreSQL
 *       {@code DO $tag$ ... $tag$;} blocks are one statement each; an H2 guard query
 *       ({@code SELECT CASE WHEN COUNT(*) = 1 ... "SYNC_GUARD"}) and the statement after it (UPDATE,
 *       DELETE or MERGE) are one statement (they count as one in the script's header and the session);
 *   <li>{@code SET ...;} and {@code ALTER SESSION ...;} are session settings, run before the batches.
 * </ul>
 */
public final class ScriptParser {
  private static final Pattern ORACLE_INCLUDE = Pattern.compile("@@(?:\"([^\"]+)\"|(\\S+))");
  private static final Pattern PSQL_INCLUDE = Pattern.compile("\\\\ir\\s+'((?:[^']|'')*)'");
  private static final Pattern H2_INCLUDE = Pattern.compile("(?i)RUNSCRIPT\\s+FROM\\s+'((?:[^']|'')*)'.*;");
  private static final Pattern ORACLE_CLIENT = Pattern.compile(
      "(?i)(WHENEVER|EXIT|QUIT|PROMPT|REM|REMARK|SPOOL)(\\s.*)?|SET\\s+(?!TRANSACTION|ROLE|CONSTRAINT).*");
  private static final Pattern DML_IN_BLOCK = Pattern.compile("(?m)^\\s*(INSERT INTO|UPDATE|DELETE FROM|MERGE INTO) ");
  private static final Pattern DOLLAR_TAG = Pattern.compile("\\$[A-Za-z_0-9]*\\$");

  private ScriptParser() {}

  /** How a statement is executed. */
  public enum Kind {
    /** A plain INSERT, UPDATE, DELETE or MERGE (H2: possibly after its guard query): checked by its update count. */
    DML,
    /** A PL/SQL or DO block: it raises an error itself when its guard finds no row. */
    BLOCK
  }

  /**
   * One statement as the client runs it.
   *
   * @param line the line it starts on (1-based)
   * @param sql what is sent to the database, in order: an H2 guard query, then its statement; one
   *     element otherwise (without the client's terminator)
   */
  public record Statement(int line, List<String> sql, Kind kind) {
    public Statement {
      sql = List.copyOf(sql);
    }

    /** Whether the first element is an H2 guard query (a SELECT). */
    public boolean hasGuardQuery() {
      return sql.size() == 2;
    }

    /** The INSERT, UPDATE, DELETE or MERGE itself (inside a block, the block's DML statement). */
    public String dml() {
      String last = sql.get(sql.size() - 1);
      if (kind == Kind.DML) {
        return last;
      }
      Matcher m = DML_IN_BLOCK.matcher(last);
      return m.find() ? last.substring(m.start()).strip() : last;
    }
  }

  /** The statements between two COMMITs: one transaction. */
  public record Batch(List<Statement> statements) {
    public Batch {
      statements = List.copyOf(statements);
    }
  }

  /**
   * A parsed file: a master has includes and no batches; a script or part has batches.
   *
   * @param settings session settings ({@code SET ...}, {@code ALTER SESSION ...}), in order
   * @param includes the included scripts, resolved, in order
   */
  public record Parsed(Path file, List<String> settings, List<Path> includes, List<Batch> batches) {
    public long statements() {
      return batches.stream().mapToLong(b -> b.statements().size()).sum();
    }
  }

  /** A script that is not in the shape the tool writes. */
  public static final class FormatException extends RuntimeException {
    FormatException(String message) {
      super(message);
    }
  }

  public static Parsed parse(String text, Path file, Platform platform) {
    return new Run(text, file, platform).parse();
  }

  private static final class Run {
    private final String[] lines;
    private final Path file;
    private final Platform platform;
    private final List<String> settings = new ArrayList<>();
    private final List<Path> includes = new ArrayList<>();
    private final List<Batch> batches = new ArrayList<>();
    private List<Statement> current = new ArrayList<>();
    private String pendingGuard;
    private int pendingGuardLine;

    Run(String text, Path file, Platform platform) {
      this.lines = text.split("\n", -1);
      this.file = file;
      this.platform = platform;
    }

    Parsed parse() {
      StringBuilder cur = new StringBuilder();
      int start = 0;
      boolean plsql = false;
      // scanner state across the lines of one statement
      char quote = 0;
      String dollar = null;
      for (int li = 0; li < lines.length; li++) {
        String line = lines[li].endsWith("\r") ? lines[li].substring(0, lines[li].length() - 1) : lines[li];
        if (plsql) {
          if (line.strip().equals("/")) {
            plsql = false;
            statement(cur.toString().strip(), start, Kind.BLOCK);
            cur.setLength(0);
          } else {
            cur.append(line).append('\n');
          }
          continue;
        }
        if (cur.length() == 0) {
          String t = line.strip();
          if (t.isEmpty() || t.startsWith("--") || clientCommand(t, li)) {
            continue;
          }
          start = li + 1;
          if (platform == Platform.ORACLE && (t.equalsIgnoreCase("DECLARE") || t.equalsIgnoreCase("BEGIN"))) {
            plsql = true;
            cur.append(line).append('\n');
            continue;
          }
        }
        int i = 0;
        int end = -1;
        while (i < line.length() && end < 0) {
          char c = line.charAt(i);
          if (dollar != null) {
            int e = line.indexOf(dollar, i);
            if (e < 0) {
              i = line.length();
            } else {
              i = e + dollar.length();
              dollar = null;
            }
          } else if (quote != 0) {
            if (c == quote) {
              quote = 0; // a doubled quote leaves and enters again
            }
            i++;
          } else if (c == '\'' || c == '"') {
            quote = c;
            i++;
          } else if (c == '-' && i + 1 < line.length() && line.charAt(i + 1) == '-') {
            line = line.substring(0, i); // a comment to the end of the line
          } else if (c == '$' && platform == Platform.POSTGRESQL) {
            Matcher m = DOLLAR_TAG.matcher(line).region(i, line.length());
            if (m.lookingAt()) {
              dollar = m.group();
              i = m.end();
            } else {
              i++;
            }
          } else if (c == ';') {
            end = i;
          } else {
            i++;
          }
        }
        if (end < 0) {
          cur.append(line).append('\n');
          continue;
        }
        cur.append(line, 0, end);
        String rest = line.substring(end + 1).strip();
        if (!rest.isEmpty() && !rest.startsWith("--")) {
          throw error(li + 1, "two statements on one line");
        }
        statement(cur.toString().strip(), start, null);
        cur.setLength(0);
      }
      if (plsql || cur.length() > 0 && !cur.toString().isBlank()) {
        throw error(start, "the script ends inside a statement" + (plsql ? " (a PL/SQL block without its '/' line)" : ""));
      }
      if (pendingGuard != null) {
        throw error(pendingGuardLine, "a guard query without its statement");
      }
      if (!current.isEmpty()) {
        throw error(current.get(0).line(), "statements after the last COMMIT (a client would roll them back or"
            + " commit them depending on its settings)");
      }
      if (!includes.isEmpty() && !batches.isEmpty()) {
        throw error(1, "a script that both runs other scripts and has statements of its own");
      }
      return new Parsed(file, List.copyOf(settings), List.copyOf(includes), List.copyOf(batches));
    }

    /** Skips client commands and records includes; true when the line was one. */
    private boolean clientCommand(String t, int li) {
      Matcher m;
      switch (platform) {
        case ORACLE -> {
          if ((m = ORACLE_INCLUDE.matcher(t)).matches()) {
            include(m.group(1) != null ? m.group(1) : m.group(2), true, li);
            return true;
          }
          if (t.startsWith("@")) {
            throw error(li + 1, "'" + t + "' runs a script relative to the client's folder; the tool writes @@");
          }
          return ORACLE_CLIENT.matcher(t).matches();
        }
        case POSTGRESQL -> {
          if ((m = PSQL_INCLUDE.matcher(t)).matches()) {
            include(m.group(1).replace("''", "'"), true, li);
            return true;
          }
          if (t.startsWith("\\i") || t.startsWith("\\include")) {
            throw error(li + 1, "'" + t + "': only \\ir 'part' includes are written by the tool");
          }
          return t.startsWith("\\");
        }
        case H2 -> {
          if ((m = H2_INCLUDE.matcher(t)).matches()) {
            include(m.group(1).replace("''", "'"), false, li);
            return true;
          }
          return t.toUpperCase(Locale.ROOT).matches("SET\\s+AUTOCOMMIT\\s+\\w+\\s*;");
        }
        default -> {
          return false;
        }
      }
    }

    private void include(String name, boolean relative, int li) {
      if (pendingGuard != null || !current.isEmpty()) {
        throw error(li + 1, "an include inside a transaction");
      }
      Path p = relative ? file.toAbsolutePath().getParent().resolve(name) : Path.of(name);
      includes.add(p.toAbsolutePath().normalize());
    }

    private void statement(String sql, int line, Kind block) {
      if (block == Kind.BLOCK) {
        add(new Statement(line, List.of(sql), Kind.BLOCK), line);
        return;
      }
      String u = sql.toUpperCase(Locale.ROOT);
      String first = u.split("\\s+", 2)[0];
      switch (first) {
        case "COMMIT" -> {
          if (!u.equals("COMMIT")) {
            throw error(line, "unexpected statement: " + shorten(sql));
          }
          if (pendingGuard != null) {
            throw error(pendingGuardLine, "a guard query without its statement");
          }
          if (!current.isEmpty()) {
            batches.add(new Batch(current));
            current = new ArrayList<>();
          }
        }
        case "BEGIN", "START" -> {
          if (platform != Platform.POSTGRESQL || !(u.equals("BEGIN") || u.equals("START TRANSACTION"))) {
            throw error(line, "unexpected statement: " + shorten(sql));
          }
        }
        case "SET", "ALTER" -> {
          if (first.equals("ALTER") && !u.startsWith("ALTER SESSION ")) {
            throw error(line, "unexpected statement: " + shorten(sql));
          }
          if (pendingGuard != null || !current.isEmpty()) {
            throw error(line, "a session setting inside a transaction: " + shorten(sql));
          }
          settings.add(sql);
        }
        case "SELECT" -> {
          if (platform != Platform.H2 || !u.startsWith("SELECT CASE WHEN COUNT(*) = 1 ") || !sql.contains("\"SYNC_GUARD\"")
              || pendingGuard != null) {
            throw error(line, "unexpected statement: " + shorten(sql));
          }
          pendingGuard = sql;
          pendingGuardLine = line;
        }
        case "INSERT", "UPDATE", "DELETE", "MERGE" -> {
          if (first.equals("MERGE") && !u.startsWith("MERGE INTO ")) {
            throw error(line, "unexpected statement: " + shorten(sql));
          }
          if (pendingGuard != null) {
            if (first.equals("INSERT")) {
              throw error(pendingGuardLine, "a guard query before an INSERT");
            }
            add(new Statement(pendingGuardLine, List.of(pendingGuard, sql), Kind.DML), pendingGuardLine);
            pendingGuard = null;
          } else {
            add(new Statement(line, List.of(sql), Kind.DML), line);
          }
        }
        case "DO" -> {
          if (platform != Platform.POSTGRESQL) {
            throw error(line, "unexpected statement: " + shorten(sql));
          }
          add(new Statement(line, List.of(sql), Kind.BLOCK), line);
        }
        default -> throw error(line, "unexpected statement: " + shorten(sql));
      }
    }

    private void add(Statement s, int line) {
      if (pendingGuard != null && s.kind() == Kind.BLOCK) {
        throw error(pendingGuardLine, "a guard query without its statement");
      }
      current.add(s);
    }

    private FormatException error(int line, String what) {
      return new FormatException(file + ":" + line + ": " + what + "; this is not a script as the tool writes it");
    }
  }

  static String shorten(String sql) {
    String one = sql.replaceAll("\\s+", " ");
    return one.length() > 120 ? one.substring(0, 117) + "..." : one;
  }
}
