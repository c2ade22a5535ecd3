package io.dbcompare.sync;

/**
 * Evaluates the Oracle text expressions the dialect writes: quoted literals ({@code ''} for a quote),
 * {@code CHR(n)}, {@code UNISTR('...')}, {@code TO_CLOB(...)} / {@code TO_NCLOB(...)} / {@code TO_CHAR(...)},
 * joined by {@code ||} across any white
 * space. Anything else is rejected, so a test learns when the dialect starts writing something new.
 */
public final class OracleText {
  private OracleText() {}

  public static String eval(String expr) {
    StringBuilder out = new StringBuilder();
    int i = parse(expr, 0, out);
    if (i != expr.length()) {
      throw new IllegalArgumentException("unexpected '" + expr.substring(i, Math.min(expr.length(), i + 20)) + "'");
    }
    return out.toString();
  }

  /** Parses {@code term (|| term)*} from i; returns the index after it (before a closing paren). */
  private static int parse(String s, int i, StringBuilder out) {
    while (true) {
      i = skip(s, i);
      if (s.startsWith("'", i)) {
        int j = i + 1;
        while (true) {
          int q = s.indexOf('\'', j);
          if (q < 0) {
            throw new IllegalArgumentException("unterminated literal at " + i);
          }
          out.append(s, j, q);
          if (q + 1 < s.length() && s.charAt(q + 1) == '\'') {
            out.append('\'');
            j = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
      } else if (s.startsWith("UNISTR('", i)) {
        StringBuilder raw = new StringBuilder();
        i = parse(s, i + "UNISTR(".length(), raw);
        if (s.charAt(i) != ')') {
          throw new IllegalArgumentException("expected ) at " + i);
        }
        i++;
        out.append(unistr(raw.toString()));
      } else if (s.startsWith("CHR(", i)) {
        int close = s.indexOf(')', i);
        out.appendCodePoint(Integer.parseInt(s.substring(i + 4, close)));
        i = close + 1;
      } else if (s.startsWith("TO_CLOB(", i) || s.startsWith("TO_NCLOB(", i) || s.startsWith("TO_CHAR(", i)) {
        i = parse(s, s.indexOf('(', i) + 1, out);
        if (s.charAt(i) != ')') {
          throw new IllegalArgumentException("expected ) at " + i);
        }
        i++;
      } else {
        throw new IllegalArgumentException("unexpected term at " + i + ": " + s.substring(i, Math.min(s.length(), i + 20)));
      }
      int j = skip(s, i);
      if (s.startsWith("||", j)) {
        i = j + 2;
      } else {
        return i;
      }
    }
  }

  /** Oracle's UNISTR: {@code \\XXXX} is a UTF-16 code unit, {@code \\\\} a backslash; the input is ASCII. */
  public static String unistr(String in) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < in.length(); i++) {
      char c = in.charAt(i);
      if (c > 0x7e) {
        throw new IllegalArgumentException("UNISTR input must be ASCII: " + (int) c);
      }
      if (c != '\\') {
        sb.append(c);
      } else if (in.startsWith("\\", i + 1)) {
        sb.append('\\');
        i++;
      } else {
        sb.append((char) Integer.parseInt(in.substring(i + 1, i + 5), 16));
        i += 4;
      }
    }
    return sb.toString();
  }

  private static int skip(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
