package io.dbcompare.config;

import io.dbcompare.error.CompareException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A table name as written in the configuration: {@code SCHEMA.TABLE}, either part unquoted (folded to
 * the database's case when resolved) or double-quoted (kept exactly), or a bare {@code TABLE} (schema
 * null) that means the connecting user's default schema: it is resolved once, after the databases are
 * reached ({@link #withSchema}), before anything asks for its {@link #key()}. Anything else is rejected,
 * so a name can never carry SQL.
 */
public record TableName(Identifier schema, Identifier table) {

  private static final Pattern UNQUOTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_$#]*");

  /** One identifier and whether it was quoted in the configuration. */
  public record Identifier(String text, boolean quoted) {
    public String display() {
      return quoted ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /**
     * A name as the catalog spells it, written the way a user would: unquoted when the database's
     * folding of unquoted names gives exactly that spelling ({@code EMPLOYEES} in Oracle and H2,
     * {@code employees} in PostgreSQL), else quoted, so that it names exactly that object.
     */
    public static Identifier ofCatalog(String exact, java.util.function.UnaryOperator<String> foldUnquoted) {
      boolean plain = UNQUOTED.matcher(exact).matches() && foldUnquoted.apply(exact).equals(exact);
      return new Identifier(exact, !plain);
    }
  }

  public static TableName parse(String raw, String where) {
    List<Identifier> parts = splitQualified(raw, where);
    if (parts.size() == 1) {
      return new TableName(null, parts.get(0));
    }
    if (parts.size() != 2) {
      throw CompareException.config(where + ": table name '" + raw
          + "' must be SCHEMA.TABLE, or TABLE alone for the user's default schema (quote a part with \"...\" to"
          + " keep its exact case)");
    }
    return new TableName(parts.get(0), parts.get(1));
  }

  /** A name without a schema: the connecting user's default schema, not resolved yet. */
  public boolean bare() {
    return schema == null;
  }

  /** The same table in {@code resolved} (a bare name once its default schema is known). */
  public TableName withSchema(Identifier resolved) {
    return new TableName(resolved, table);
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

  /**
   * The name used for session keys, checkpoint and output files: {@code SCHEMA_TABLE}, as written in the
   * configuration (no case folding). Two distinct names never share a key, and a key is ASCII that
   * every file system accepts in a file name:
   * <ul>
   *   <li>letters A-Z and a-z, digits, {@code $} and {@code #} are written as they are;
   *   <li>{@code _} in the table name is written as it is (except as its first character);
   *   <li>{@code _} in the schema name is written twice: {@code APP_OWNER.ORDERS} is
   *       {@code APP__OWNER_ORDERS}, so that it cannot be read as {@code APP.OWNER_ORDERS};
   *   <li>any other character (space, quote, dot, slash, {@code -}, non-ASCII, a table name's leading
   *       {@code _}) is written as {@code -} and two upper-case hex digits per UTF-8 byte:
   *       {@code "Case Table"} is {@code Case-20Table};
   *   <li>schema and table are joined by one {@code _}.
   * </ul>
   * Read back, the first run of {@code _} of odd length ends at the separator. Ordinary names
   * ({@code HR.EMPLOYEES}, {@code HR.EMPLOYEE_HISTORY}) keep the key they always had. Keys that differ
   * only in case are refused at load ({@link ConfigLoader}): some file systems do not tell them apart.
   */
  public String key() {
    if (schema == null) {
      // a bare name has no key until its schema is known: two spellings of one table must share one key
      throw new IllegalStateException("the default schema of table " + table.display() + " is not resolved yet");
    }
    return encode(schema.text(), true) + "_" + encode(table.text(), false);
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static String encode(String s, boolean schemaPart) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    int[] cps = s.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '$' || c == '#') {
        sb.append((char) c);
      } else if (c == '_' && schemaPart) {
        sb.append("__");
      } else if (c == '_' && i > 0) {
        sb.append('_');
      } else {
        for (int b : utf8(c)) {
          sb.append('-').append(HEX[b >> 4]).append(HEX[b & 0xF]);
        }
      }
    }
    return sb.toString();
  }

  /**
   * The UTF-8 bytes of one code point. Written out rather than {@code String.getBytes}, which turns
   * an unpaired surrogate into '?' and so would give two names one key.
   */
  private static int[] utf8(int c) {
    if (c < 0x80) {
      return new int[] {c};
    }
    if (c < 0x800) {
      return new int[] {0xC0 | c >> 6, 0x80 | c & 0x3F};
    }
    if (c < 0x10000) {
      return new int[] {0xE0 | c >> 12, 0x80 | c >> 6 & 0x3F, 0x80 | c & 0x3F};
    }
    return new int[] {0xF0 | c >> 18, 0x80 | c >> 12 & 0x3F, 0x80 | c >> 6 & 0x3F, 0x80 | c & 0x3F};
  }

  public String display() {
    return schema == null ? table.display() : schema.display() + "." + table.display();
  }

  @Override
  public String toString() {
    return display();
  }
}
