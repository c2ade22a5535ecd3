package io.dbcompare.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The INSERT, UPDATE and DELETE statements of a generated script in any dialect, in order: plain
 * statements, statements inside Oracle PL/SQL blocks (ended by a lone {@code /}) and PostgreSQL
 * {@code DO $tag$ ... $tag$;} blocks; H2's guard queries are skipped. Scripts a master runs
 * ({@code @@part}, {@code \ir 'part'}, {@code RUNSCRIPT FROM 'part'}) are read in their place.
 */
public final class ScriptDml {
  private static final Pattern ORACLE_INCLUDE = Pattern.compile("@@\"?([^\"]+)\"?");
  private static final Pattern PSQL_INCLUDE = Pattern.compile("\\\\ir '((?:[^']|'')*)'");
  private static final Pattern H2_INCLUDE = Pattern.compile("RUNSCRIPT FROM '((?:[^']|'')*)'.*");

  private ScriptDml() {}

  public static List<String> dml(Path script) {
    List<String> out = new ArrayList<>();
    collect(script, out);
    return out;
  }

  public static List<String> dml(String script) {
    List<String> out = new ArrayList<>();
    for (String unit : units(script, null, new ArrayList<>())) {
      addDml(unit, out);
    }
    return out;
  }

  private static void collect(Path script, List<String> out) {
    String text;
    try {
      text = Files.readString(script, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Path> includes = new ArrayList<>();
    for (String unit : units(text, script, includes)) {
      if (unit.startsWith("\u0000include:")) {
        collect(Path.of(unit.substring("\u0000include:".length())), out);
      } else {
        addDml(unit, out);
      }
    }
  }

  /**
   * The script's statements and blocks, with comments and client commands removed; an included
   * script becomes a marker unit.
   */
  static List<String> units(String script, Path from, List<Path> includes) {
    List<String> units = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    String[] lines = script.split("\n", -1);
    boolean plsql = false;
    for (int li = 0; li < lines.length; li++) {
      String line = lines[li];
      if (plsql) {
        if (line.equals("/")) {
          units.add(cur.toString().strip());
          cur.setLength(0);
          plsql = false;
        } else {
          cur.append(line).append('\n');
        }
        continue;
      }
      if (cur.toString().isBlank()) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("--") || t.startsWith("SET ") && !t.endsWith(";") || t.startsWith("WHENEVER ")
            || t.equals("EXIT") || t.equals("\\set ON_ERROR_STOP on")) {
          continue;
        }
        Matcher m;
        if (from != null && ((m = ORACLE_INCLUDE.matcher(t)).matches() || (m = PSQL_INCLUDE.matcher(t)).matches())) {
          units.add("\u0000include:" + from.resolveSibling(m.group(1).replace("''", "'")));
          continue;
        }
        if (from != null && (m = H2_INCLUDE.matcher(t)).matches()) {
          units.add("\u0000include:" + m.group(1).replace("''", "'"));
          continue;
        }
        if (t.equals("DECLARE") || t.equals("BEGIN")) {
          plsql = true;
          cur.append(line).append('\n');
          continue;
        }
      }
      // a statement up to ';' outside quotes (and outside a dollar-quoted body)
      cur.append(line).append('\n');
      String s = cur.toString();
      int end = statementEnd(s);
      if (end >= 0) {
        units.add(s.substring(0, end).strip());
        String rest = s.substring(end + 1).strip();
        cur.setLength(0);
        if (!rest.isEmpty() && !rest.startsWith("--")) {
          throw new IllegalStateException("two statements on one line: " + line);
        }
      }
    }
    if (!cur.toString().isBlank()) {
      throw new IllegalStateException("script ends inside a statement: " + cur);
    }
    return units;
  }

  /** The index of the ';' ending the first statement of s, or -1. */
  private static int statementEnd(String s) {
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"') {
        int e = s.indexOf(c, i + 1);
        while (e >= 0 && e + 1 < s.length() && s.charAt(e + 1) == c) {
          e = s.indexOf(c, e + 2);
        }
        if (e < 0) {
          return -1;
        }
        i = e + 1;
      } else if (c == '$') {
        Matcher m = Pattern.compile("\\$[A-Za-z0-9_]*\\$").matcher(s).region(i, s.length());
        if (m.lookingAt()) {
          int e = s.indexOf(m.group(), m.end());
          if (e < 0) {
            return -1;
          }
          i = e + m.group().length();
        } else {
          i++;
        }
      } else if (c == '-' && i + 1 < s.length() && s.charAt(i + 1) == '-') {
        int eol = s.indexOf('\n', i);
        i = eol < 0 ? s.length() : eol + 1;
      } else if (c == ';') {
        return i;
      } else {
        i++;
      }
    }
    return -1;
  }

  private static void addDml(String unit, List<String> out) {
    String u = unit.toUpperCase(Locale.ROOT);
    if (u.startsWith("INSERT") || u.startsWith("UPDATE") || u.startsWith("DELETE") || u.startsWith("MERGE")) {
      out.add(unit);
      return;
    }
    String body = null;
    if (u.startsWith("DECLARE") || u.startsWith("BEGIN")) {
      body = unit.substring(unit.indexOf("BEGIN") + "BEGIN".length());
    } else if (u.startsWith("DO $")) {
      String tag = unit.substring(3, unit.indexOf('$', 4) + 1);
      body = unit.substring(3 + tag.length(), unit.lastIndexOf(tag));
      body = body.substring(body.indexOf("BEGIN") + "BEGIN".length());
    }
    if (body == null) {
      return; // settings, transaction control, H2 guard queries
    }
    String rest = body;
    while (true) {
      int end = statementEnd(rest);
      if (end < 0) {
        return;
      }
      String stmt = rest.substring(0, end).strip();
      String s = stmt.toUpperCase(Locale.ROOT);
      if (s.startsWith("INSERT") || s.startsWith("UPDATE") || s.startsWith("DELETE") || s.startsWith("MERGE")) {
        out.add(stmt);
      }
      rest = rest.substring(end + 1);
    }
  }
}
