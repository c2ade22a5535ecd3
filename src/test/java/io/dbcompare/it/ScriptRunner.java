package io.dbcompare.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a generated sync script over JDBC: splits statements at ';' outside single-quoted strings,
 * skips '--' comment lines and client commands (psql backslash commands, SET AUTOCOMMIT), and runs
 * everything in one transaction that is committed only when every statement succeeded.
 */
public final class ScriptRunner {
  private ScriptRunner() {}

  public static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inQuote = false;
    for (String line : script.split("\n", -1)) {
      if (!inQuote && cur.toString().isBlank()) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("--") || t.startsWith("\\")) {
          continue;
        }
      }
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '\'') {
          inQuote = !inQuote;
        }
        if (c == ';' && !inQuote) {
          String s = cur.toString().strip();
          if (!s.isEmpty()) {
            out.add(s);
          }
          cur.setLength(0);
        } else {
          cur.append(c);
        }
      }
      cur.append('\n');
    }
    if (!cur.toString().isBlank()) {
      throw new IllegalStateException("script ends inside a statement: " + cur);
    }
    return out;
  }

  public static void run(Connection c, Path script) throws Exception {
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      for (String s : statements(Files.readString(script, StandardCharsets.UTF_8))) {
        String u = s.toUpperCase(java.util.Locale.ROOT);
        if (u.startsWith("SET AUTOCOMMIT") || u.equals("COMMIT") || u.equals("BEGIN")) {
          continue;
        }
        try {
          st.execute(s);
        } catch (SQLException e) {
          c.rollback();
          throw new SQLException("failed: " + s.substring(0, Math.min(200, s.length())) + ": " + e.getMessage(), e);
        }
      }
    }
    c.commit();
  }
}
