package io.dbcompare.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An array value as PostgreSQL keeps it: its dimensions (each a lower bound and a length), and its
 * elements in row-major order, each a canonical value of {@link #elementKind} or null (a NULL element).
 * An empty array has no dimensions. H2's arrays are one-dimensional with lower bound 1.
 *
 * <p>The canonical text is PostgreSQL's array output form of the elements' canonical texts: braces per
 * dimension, elements separated by commas, an element in double quotes (with {@code "} and {@code \}
 * escaped by a backslash) when it is empty, is {@code NULL} in any letter case, or holds a brace, a
 * comma, a quote, a backslash or white space; a NULL element is the bare word {@code NULL}; the
 * dimensions {@code [lb:ub]...=} come first when a lower bound is not 1; an empty array is {@code {}}.
 * So {@code '{1,2}'} differs from {@code '{2,1}'}, from {@code '[0:1]={1,2}'} and from
 * {@code '{{1,2}}'}; a NULL element differs from the text {@code "NULL"}; an empty array differs from
 * a NULL array (no text at all); and numeric elements {@code 1.0} and {@code 1.00} are one element, as
 * scalars are. For integer and text elements this is exactly what PostgreSQL prints, so it is pushed
 * down as {@code c::text}.
 *
 * @param elementKind the kind of the elements
 * @param lowerBounds per dimension, its lower bound
 * @param lengths per dimension, its number of elements (at least 1)
 * @param elements row-major, as many as the product of the lengths
 */
public record ArrayValue(ValueKind elementKind, int[] lowerBounds, int[] lengths, List<Object> elements) {

  public ArrayValue {
    if (elementKind == ValueKind.ARRAY) {
      throw new IllegalArgumentException("an array's elements are not arrays (use dimensions)");
    }
    lowerBounds = lowerBounds.clone();
    lengths = lengths.clone();
    if (lowerBounds.length != lengths.length) {
      throw new IllegalArgumentException("lower bounds and lengths of different dimensions");
    }
    long n = lengths.length == 0 ? 0 : 1;
    for (int len : lengths) {
      if (len < 1) {
        throw new IllegalArgumentException("an array dimension of length " + len);
      }
      n *= len;
    }
    if (n != elements.size()) {
      throw new IllegalArgumentException(elements.size() + " elements for dimensions " + Arrays.toString(lengths));
    }
    elements = Collections.unmodifiableList(new ArrayList<>(elements));
  }

  /** A one-dimensional array starting at 1 (or the empty array when there are no elements). */
  public static ArrayValue of(ValueKind elementKind, List<Object> elements) {
    return elements.isEmpty() ? new ArrayValue(elementKind, new int[0], new int[0], List.of())
        : new ArrayValue(elementKind, new int[] {1}, new int[] {elements.size()}, elements);
  }

  public int dimensions() {
    return lengths.length;
  }

  /** Whether every lower bound is 1 (an H2 array, or a PostgreSQL one written without bounds). */
  public boolean startsAtOne() {
    for (int lb : lowerBounds) {
      if (lb != 1) {
        return false;
      }
    }
    return true;
  }

  /** The canonical text (see the class comment). */
  public String text() {
    if (lengths.length == 0) {
      return "{}";
    }
    StringBuilder sb = new StringBuilder();
    if (!startsAtOne()) {
      dimensions(sb);
      sb.append('=');
    }
    int[] next = {0};
    nest(sb, 0, next, e -> e == null ? "NULL" : quoteIfNeeded(Canonical.text(elementKind, e)));
    return sb.toString();
  }

  /** {@code [lb:ub]} per dimension, as PostgreSQL writes them. */
  public void dimensions(StringBuilder sb) {
    for (int d = 0; d < lengths.length; d++) {
      sb.append('[').append(lowerBounds[d]).append(':').append((long) lowerBounds[d] + lengths[d] - 1).append(']');
    }
  }

  /** Writes the braces and the elements, each as {@code element} renders it. */
  public void nest(StringBuilder sb, java.util.function.Function<Object, String> element) {
    nest(sb, 0, new int[] {0}, element);
  }

  private void nest(StringBuilder sb, int dim, int[] next, java.util.function.Function<Object, String> element) {
    sb.append('{');
    for (int i = 0; i < lengths[dim]; i++) {
      if (i > 0) {
        sb.append(',');
      }
      if (dim + 1 < lengths.length) {
        nest(sb, dim + 1, next, element);
      } else {
        sb.append(element.apply(elements.get(next[0]++)));
      }
    }
    sb.append('}');
  }

  /**
   * An element's text as PostgreSQL's array output writes it (array_out): in double quotes when it is
   * empty, is NULL in any ASCII letter case, or holds {@code " \ { } ,} or white space (blank, tab,
   * line feed, carriage return, vertical tab, form feed); {@code "} and {@code \} escaped by a backslash.
   */
  public static String quoteIfNeeded(String t) {
    boolean quote = t.isEmpty() || isNullWord(t);
    for (int i = 0; i < t.length() && !quote; i++) {
      char c = t.charAt(i);
      quote = c == '"' || c == '\\' || c == '{' || c == '}' || c == ',' || c == ' ' || c == '\t' || c == '\n'
          || c == '\r' || c == 0x0B || c == '\f';
    }
    return quote ? quoted(t) : t;
  }

  /** An element in double quotes, {@code "} and {@code \} escaped by a backslash (array input and output). */
  public static String quoted(String t) {
    StringBuilder sb = new StringBuilder(t.length() + 2).append('"');
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append('"').toString();
  }

  /** {@code NULL} in any ASCII letter case (PostgreSQL's pg_strcasecmp folds ASCII letters only). */
  public static boolean isNullWord(String t) {
    if (t.length() != 4) {
      return false;
    }
    String w = "null";
    for (int i = 0; i < 4; i++) {
      char c = t.charAt(i);
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      if (lower != w.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ArrayValue a && a.elementKind == elementKind && Arrays.equals(a.lowerBounds, lowerBounds)
        && Arrays.equals(a.lengths, lengths) && text().equals(a.text());
  }

  @Override
  public int hashCode() {
    return text().hashCode();
  }

  @Override
  public String toString() {
    return text();
  }
}
