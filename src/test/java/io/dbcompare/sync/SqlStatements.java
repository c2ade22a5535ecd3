package io.dbcompare.sync;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements for execution through JDBC: statements end with {@code ;}
 * outside single-quoted strings and double-quoted identifiers; {@code --} comments (outside quotes)
 * are dropped; a quote doubled inside a string stays part of it.
 */
public final class SqlStatements {
  private SqlStatements() {}

  public static List<String> split(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int i = 0;
    int n = script.length();
    while (i < n) {
      char c = script.charAt(i);
      if (c == '\'' || c == '"') {
        int end = script.indexOf(c, i + 1);
        // a doubled quote continues the string / identifier
        while (end >= 0 && end + 1 < n && script.charAt(end + 1) == c) {
          end = script.indexOf(c, end + 2);
        }
        if (end < 0) {
          throw new IllegalArgumentException("unterminated " + c + " quote at offset " + i);
        }
        cur.append(script, i, end + 1);
        i = end + 1;
      } else if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
        int eol = script.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
      } else if (c == ';') {
        add(out, cur);
        i++;
      } else {
        cur.append(c);
        i++;
      }
    }
    add(out, cur);
    return out;
  }

  private static void add(List<String> out, StringBuilder cur) {
    String s = cur.toString().strip();
    if (!s.isEmpty()) {
      out.add(s);
    }
    cur.setLength(0);
  }
}
