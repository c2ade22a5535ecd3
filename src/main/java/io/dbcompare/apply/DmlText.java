package io.dbcompare.apply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the table and the key values back from a generated INSERT, UPDATE or DELETE, to name the row
 * of a conflict: {@code INSERT INTO "S"."T" ("A", ...) VALUES (...)}, {@code UPDATE "S"."T" SET ...
 * WHERE "K" = v AND ...}, {@code DELETE FROM "S"."T" WHERE "K" = v AND ...}, {@code MERGE INTO "S"."T" t
 * USING (SELECT v AS "K", ...) s ...}.
 */
final class DmlText {
  private static final String QID = "\"((?:[^\"]|\"\")*)\"";
  private static final Pattern TARGET = Pattern.compile("(?s)\\s*(INSERT INTO|UPDATE|DELETE FROM|MERGE INTO)\\s+" + QID + "\\." + QID);
  private static final Pattern MERGE_KEY = Pattern.compile("(?s)\\s*(.+?)\\s+AS\\s+" + QID + "\\s*");
  private static final Pattern CONDITION = Pattern.compile("(?s)\\s*" + QID + "\\s*=\\s*(.+?)\\s*");

  private DmlText() {}

  record Target(String verb, String schema, String table) {
    String display() {
      return schema + "." + table;
    }
  }

  static Target target(String dml) {
    Matcher m = TARGET.matcher(dml);
    if (!m.lookingAt()) {
      return null;
    }
    return new Target(m.group(1), m.group(2).replace("\"\"", "\""), m.group(3).replace("\"\"", "\""));
  }

  /** {@code (K1=v1, K2=v2)}: the key columns' values as written in the statement. */
  static String key(String dml, List<String> keyColumns) {
    Target t = target(dml);
    Map<String, String> values = new LinkedHashMap<>();
    Matcher m = TARGET.matcher(dml);
    if (t == null || !m.lookingAt()) {
      return "(key unknown)";
    }
    String rest = dml.substring(m.end());
    if (t.verb().equals("MERGE INTO")) {
      // MERGE INTO "S"."T" t USING (SELECT <literal> AS "K", ... [FROM DUAL]) s ON (...)
      int open = rest.indexOf("(SELECT ");
      int close = closing(rest, open);
      if (close < 0) {
        return "(key unknown)";
      }
      String select = rest.substring(open + "(SELECT ".length(), close).replaceFirst("\\s+FROM DUAL$", "");
      for (String item : split(select, ",")) {
        Matcher a = MERGE_KEY.matcher(item);
        if (a.matches()) {
          values.put(a.group(2).replace("\"\"", "\""), a.group(1).replaceFirst("::bpchar$", ""));
        }
      }
    } else if (t.verb().equals("INSERT INTO")) {
      int open = rest.indexOf('(');
      int close = closing(rest, open);
      int valuesOpen = close < 0 ? -1 : rest.indexOf('(', close + 1);
      int valuesClose = closing(rest, valuesOpen);
      if (valuesClose < 0) {
        return "(key unknown)";
      }
      List<String> cols = split(rest.substring(open + 1, close), ",");
      List<String> vals = split(rest.substring(valuesOpen + 1, valuesClose), ",");
      for (int i = 0; i < cols.size() && i < vals.size(); i++) {
        values.put(unquote(cols.get(i).strip()), vals.get(i).strip());
      }
    } else {
      List<String> where = split(rest, " WHERE ");
      if (where.size() < 2) {
        return "(key unknown)";
      }
      for (String cond : split(where.get(1), " AND ")) {
        Matcher c = CONDITION.matcher(cond);
        if (c.matches()) {
          values.putIfAbsent(c.group(1).replace("\"\"", "\""), c.group(2));
        }
      }
    }
    List<String> parts = new ArrayList<>();
    List<String> names = keyColumns.isEmpty() ? values.keySet().stream().limit(1).toList() : keyColumns;
    for (String k : names) {
      String v = values.get(k);
      if (v != null) {
        parts.add(k + "=" + display(v));
      }
    }
    return parts.isEmpty() ? "(key unknown)" : "(" + String.join(", ", parts) + ")";
  }

  private static String display(String literal) {
    String v = literal.replaceAll("\\s+", " ");
    if (v.matches("'(?:[^']|'')*'")) {
      v = v.substring(1, v.length() - 1).replace("''", "'");
    }
    return v.length() > 60 ? v.substring(0, 57) + "..." : v;
  }

  private static String unquote(String id) {
    return id.startsWith("\"") && id.endsWith("\"") && id.length() >= 2
        ? id.substring(1, id.length() - 1).replace("\"\"", "\"") : id;
  }

  /** The index of the parenthesis closing the one at {@code open}, outside quotes; -1 if none. */
  private static int closing(String s, int open) {
    if (open < 0) {
      return -1;
    }
    int depth = 0;
    char quote = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Splits at {@code sep} outside quotes and parentheses; a separator made of words (" AND ") also
   * matches across line breaks and indentation.
   */
  static List<String> split(String s, String sep) {
    List<String> out = new ArrayList<>();
    boolean words = sep.startsWith(" ");
    String word = sep.strip();
    int depth = 0;
    char quote = 0;
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0) {
        if (!words && s.startsWith(sep, i)) {
          out.add(s.substring(from, i));
          from = i + sep.length();
        } else if (words && Character.isWhitespace(c) && s.regionMatches(true, i + 1, word, 0, word.length())
            && i + 1 + word.length() < s.length() && Character.isWhitespace(s.charAt(i + 1 + word.length()))) {
          out.add(s.substring(from, i));
          from = i + 1 + word.length() + 1;
          i = from - 1;
        }
      }
    }
    out.add(s.substring(from));
    return out;
  }
}
