package io.dbcompare.config;

import io.dbcompare.error.CompareException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A table name as written in the configuration: {@code SCHEMA.TABLE}, either part unquoted (folded to
 * the database's case when resolved) or double-quoted (kept exactly). Anything else is rejected, so a
 * name can never carry SQL.
 */
public record TableName(Identifier schema, Identifier table) {

  private static final Pattern UNQUOTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_$#]*");

  /** One identifier and whether it was quoted in the configuration. */
  public record Identifier(String text, boolean quoted) {
    public String display() {
      return quoted ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
  }

  public static TableName parse(String raw, String where) {
    List<Identifier> parts = splitQualified(raw, where);
    if (parts.size() != 2) {
      throw CompareException.config(where + ": table name '" + raw
          + "' must be SCHEMA.TABLE (quote a part with \"...\" to keep its exact case)");
    }
    return new TableName(parts.get(0), parts.get(1));
  }

  /** Parses a single column identifier (unquoted or double-quoted). */
  public static Identifier parseIdentifier(String raw, String where) {
    List<Identifier> parts = splitQualified(raw, where);
    if (parts.size() != 1) {
      throw CompareException.config(where + ": '" + raw + "' is not a single column name");
    }
    return parts.get(0);
  }

  private static List<Identifier> splitQualified(String raw, String where) {
    if (raw == null || raw.isBlank()) {
      throw CompareException.config(where + ": an identifier is empty");
    }
    List<Identifier> parts = new ArrayList<>();
    int i = 0;
    String s = raw.strip();
    while (i <= s.length()) {
      if (i < s.length() && s.charAt(i) == '"') {
        StringBuilder sb = new StringBuilder();
        int j = i + 1;
        boolean closed = false;
        while (j < s.length()) {
          char c = s.charAt(j);
          if (c == '"') {
            if (j + 1 < s.length() && s.charAt(j + 1) == '"') {
              sb.append('"');
              j += 2;
              continue;
            }
            closed = true;
            break;
          }
          sb.append(c);
          j++;
        }
        if (!closed || sb.length() == 0 || sb.length() > 128 || sb.chars().anyMatch(ch -> ch < 0x20)) {
          throw badIdentifier(raw, where);
        }
        parts.add(new Identifier(sb.toString(), true));
        i = j + 1;
      } else {
        int dot = s.indexOf('.', i);
        String token = dot < 0 ? s.substring(i) : s.substring(i, dot);
        if (!UNQUOTED.matcher(token).matches() || token.length() > 128) {
          throw badIdentifier(raw, where);
        }
        parts.add(new Identifier(token, false));
        i = dot < 0 ? s.length() : dot;
      }
      if (i >= s.length()) {
        break;
      }
      if (s.charAt(i) != '.') {
        throw badIdentifier(raw, where);
      }
      i++;
      if (i >= s.length()) {
        throw badIdentifier(raw, where);
      }
    }
    return parts;
  }

  private static CompareException badIdentifier(String raw, String where) {
    return CompareException.config(where + ": '" + raw
        + "' is not a valid identifier; use letters, digits, _ $ # (starting with a letter or _),"
        + " or a double-quoted name");
  }

  /** The name used for session keys and file names: {@code SCHEMA_TABLE}. */
  public String key() {
    return safe(schema.text()) + "_" + safe(table.text());
  }

  private static String safe(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      sb.append(Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '#' ? c : '_');
    }
    return sb.toString();
  }

  public String display() {
    return schema.display() + "." + table.display();
  }

  @Override
  public String toString() {
    return display();
  }
}
