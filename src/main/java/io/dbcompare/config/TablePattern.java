package io.dbcompare.config;

import io.dbcompare.error.CompareException;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A glob pattern on table names in {@code schemas:} ({@code *} any characters, {@code ?} one). Case
 * follows the database's rule for names: an unquoted pattern is folded like an unquoted name (upper
 * case in Oracle and H2, lower case in PostgreSQL), so {@code *_LOG} matches {@code AUDIT_LOG} there
 * and {@code audit_log} in PostgreSQL; a double-quoted pattern ({@code "Tmp*"}) matches exactly.
 */
public record TablePattern(String text, boolean quoted) {
  private static final Pattern UNQUOTED = Pattern.compile("[A-Za-z0-9_$#*?]+");

  public static TablePattern parse(String raw, String where) {
    String s = raw == null ? "" : raw.strip();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      String rawInner = s.substring(1, s.length() - 1);
      String inner = rawInner.replace("\"\"", "\"");
      // every quote inside is doubled, as in a quoted identifier
      if (!inner.isEmpty() && inner.length() <= 128 && inner.chars().noneMatch(c -> c < 0x20)
          && !rawInner.replace("\"\"", "").contains("\"")) {
        return new TablePattern(inner, true);
      }
    } else if (UNQUOTED.matcher(s).matches() && s.length() <= 128) {
      return new TablePattern(s, false);
    }
    throw CompareException.config(where + ": '" + raw + "' is not a table name pattern; use letters, digits,"
        + " _ $ # and the wildcards * and ?, or a double-quoted pattern for an exact case");
  }

  /** Whether the catalog name {@code exact} matches, unquoted patterns folded by {@code foldUnquoted}. */
  public boolean matches(String exact, UnaryOperator<String> foldUnquoted) {
    String glob = quoted ? text : foldUnquoted.apply(text);
    return regex(glob).matcher(exact).matches();
  }

  private static Pattern regex(String glob) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        sb.append(".*");
      } else if (c == '?') {
        sb.append('.');
      } else {
        sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(sb.toString(), Pattern.DOTALL);
  }

  public String display() {
    return quoted ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  @Override
  public String toString() {
    return display();
  }
}
