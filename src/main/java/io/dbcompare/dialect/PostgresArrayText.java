package io.dbcompare.dialect;

import io.dbcompare.compare.ArrayValue;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PostgreSQL's array output text (array_out): optional dimensions {@code [lb:ub]...=}, nested
 * braces, elements separated by commas, an element either in double quotes (backslash escapes the next
 * character) or bare, the bare word {@code NULL} (any case) being a NULL element. Also the element texts
 * of dates and timestamps as PostgreSQL prints them under DateStyle ISO ({@code 2024-01-02 03:04:05.5},
 * {@code +00} offsets in the UTC session, {@code BC} after a year before 1, {@code infinity}).
 * Anything else fails the read, naming the text: no value is guessed.
 */
final class PostgresArrayText {
  private static final Pattern DATE = Pattern.compile("(\\d{4,})-(\\d\\d)-(\\d\\d)");
  private static final Pattern TIMESTAMP =
      Pattern.compile("(\\d{4,})-(\\d\\d)-(\\d\\d) (\\d\\d):(\\d\\d):(\\d\\d)(?:\\.(\\d{1,9}))?");
  private static final Pattern TIMESTAMP_TZ = Pattern.compile(
      "(\\d{4,})-(\\d\\d)-(\\d\\d) (\\d\\d):(\\d\\d):(\\d\\d)(?:\\.(\\d{1,9}))?([+-])(\\d\\d)(?::(\\d\\d))?(?::(\\d\\d))?");

  private final String s;
  private int pos;
  private final List<Object> elements = new ArrayList<>();
  private final List<Integer> lengths = new ArrayList<>();
  private int leafDepth = -1;

  private PostgresArrayText(String s) {
    this.s = s;
  }

  /** The array printed as {@code s}, its elements made values by {@code element}. */
  static ArrayValue parse(String s, ValueKind elementKind, Function<String, Object> element) {
    PostgresArrayText p = new PostgresArrayText(s);
    List<int[]> bounds = p.bounds();
    if (s.startsWith("{}", p.pos) && p.pos + 2 == s.length() && bounds.isEmpty()) {
      return ArrayValue.of(elementKind, List.of());
    }
    List<String> texts = new ArrayList<>();
    p.level(0, texts);
    if (p.pos != s.length()) {
      throw p.bad();
    }
    int[] lb = new int[p.lengths.size()];
    int[] len = new int[lb.length];
    for (int d = 0; d < lb.length; d++) {
      len[d] = p.lengths.get(d);
      lb[d] = bounds.isEmpty() ? 1 : bounds.get(d)[0];
      if (!bounds.isEmpty() && (bounds.size() != lb.length || (long) bounds.get(d)[1] - lb[d] + 1 != len[d])) {
        throw p.bad();
      }
    }
    List<Object> values = new ArrayList<>(texts.size());
    for (String t : texts) {
      values.add(t == null ? null : element.apply(t));
    }
    return new ArrayValue(elementKind, lb, len, values);
  }

  /** {@code [lb:ub]} per dimension and the {@code =} after them; empty when the text starts with a brace. */
  private List<int[]> bounds() {
    List<int[]> out = new ArrayList<>();
    while (pos < s.length() && s.charAt(pos) == '[') {
      int colon = s.indexOf(':', pos);
      int close = s.indexOf(']', pos);
      if (colon < 0 || close < colon) {
        throw bad();
      }
      try {
        out.add(new int[] {Integer.parseInt(s.substring(pos + 1, colon)), Integer.parseInt(s.substring(colon + 1, close))});
      } catch (NumberFormatException e) {
        throw bad();
      }
      pos = close + 1;
    }
    if (!out.isEmpty()) {
      if (pos >= s.length() || s.charAt(pos) != '=') {
        throw bad();
      }
      pos++;
    }
    return out;
  }

  /** One brace level at {@code depth}: its sub-levels or elements; every level of a depth has one length. */
  private void level(int depth, List<String> texts) {
    expect('{');
    int count = 0;
    while (true) {
      if (peek() == '{') {
        level(depth + 1, texts);
      } else {
        if (leafDepth < 0) {
          leafDepth = depth;
        } else if (leafDepth != depth) {
          throw bad();
        }
        texts.add(element());
      }
      count++;
      char c = next();
      if (c == '}') {
        break;
      }
      if (c != ',') {
        throw bad();
      }
    }
    while (lengths.size() <= depth) {
      lengths.add(-1); // an inner level ends before its outer one
    }
    if (lengths.get(depth) == -1) {
      lengths.set(depth, count);
    } else if (lengths.get(depth) != count) {
      throw bad();
    }
  }

  private String element() {
    if (peek() == '"') {
      pos++;
      StringBuilder sb = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') {
          return sb.toString();
        }
        sb.append(c == '\\' ? next() : c);
      }
    }
    int start = pos;
    while (pos < s.length() && s.charAt(pos) != ',' && s.charAt(pos) != '}') {
      char c = s.charAt(pos);
      if (c == '"' || c == '{' || c == '\\') {
        throw bad();
      }
      pos++;
    }
    String t = s.substring(start, pos);
    if (t.isEmpty()) {
      throw bad();
    }
    return ArrayValue.isNullWord(t) ? null : t;
  }

  private char peek() {
    if (pos >= s.length()) {
      throw bad();
    }
    return s.charAt(pos);
  }

  private char next() {
    char c = peek();
    pos++;
    return c;
  }

  private void expect(char c) {
    if (next() != c) {
      throw bad();
    }
  }

  private CompareException bad() {
    String shown = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    return new CompareException(ErrorCode.TABLE_FAILED, "an array value printed as '" + shown
        + "' is not in PostgreSQL's array output form (at character " + (pos + 1) + ")");
  }

  /** A date element: midnight of it, or the infinities as {@code LocalDateTime.MAX}/{@code MIN}. */
  static LocalDateTime date(String t) {
    LocalDateTime inf = infinite(t);
    if (inf != null) {
      return inf;
    }
    boolean bc = t.endsWith(" BC");
    Matcher m = DATE.matcher(bc ? t.substring(0, t.length() - 3) : t);
    if (!m.matches()) {
      throw PostgresArrays.unreadable("date", t);
    }
    return LocalDate.of(year(m.group(1), bc), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))).atStartOfDay();
  }

  static LocalDateTime timestamp(String t) {
    LocalDateTime inf = infinite(t);
    if (inf != null) {
      return inf;
    }
    boolean bc = t.endsWith(" BC");
    Matcher m = TIMESTAMP.matcher(bc ? t.substring(0, t.length() - 3) : t);
    if (!m.matches()) {
      throw PostgresArrays.unreadable("timestamp", t);
    }
    return dateTime(m, bc);
  }

  static OffsetDateTime timestampTz(String t) {
    if (t.equals("infinity")) {
      return OffsetDateTime.MAX;
    }
    if (t.equals("-infinity")) {
      return OffsetDateTime.MIN;
    }
    boolean bc = t.endsWith(" BC");
    Matcher m = TIMESTAMP_TZ.matcher(bc ? t.substring(0, t.length() - 3) : t);
    if (!m.matches()) {
      throw PostgresArrays.unreadable("timestamptz", t);
    }
    int sign = m.group(8).equals("-") ? -1 : 1;
    int offset = sign * (Integer.parseInt(m.group(9)) * 3600 + (m.group(10) == null ? 0 : Integer.parseInt(m.group(10)) * 60)
        + (m.group(11) == null ? 0 : Integer.parseInt(m.group(11))));
    return dateTime(m, bc).atOffset(ZoneOffset.ofTotalSeconds(offset));
  }

  private static LocalDateTime infinite(String t) {
    return t.equals("infinity") ? LocalDateTime.MAX : t.equals("-infinity") ? LocalDateTime.MIN : null;
  }

  private static LocalDateTime dateTime(Matcher m, boolean bc) {
    String fraction = m.group(7) == null ? "" : m.group(7);
    int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
    return LocalDateTime.of(year(m.group(1), bc), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
        Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), nanos);
  }

  /** Java's years are proleptic: 1 BC is year 0, 44 BC is -43 (as pgJDBC reads BC values). */
  private static int year(String digits, boolean bc) {
    int y = Integer.parseInt(digits);
    return bc ? 1 - y : y;
  }
}
