package io.dbcompare.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Columns aligned whatever the lengths of their values: each column is as wide as its widest cell;
 * numbers are right-aligned, text left-aligned; two spaces between columns; no trailing blanks.
 */
public final class TextTable {
  private final List<String> headers;
  private final boolean[] right;
  private final List<List<String>> rows = new ArrayList<>();

  /** @param headers column titles; a title starting with {@code >} is right-aligned (the mark is dropped) */
  public TextTable(String... headers) {
    this.headers = new ArrayList<>();
    this.right = new boolean[headers.length];
    for (int i = 0; i < headers.length; i++) {
      right[i] = headers[i].startsWith(">");
      this.headers.add(right[i] ? headers[i].substring(1) : headers[i]);
    }
  }

  public TextTable row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(cells.length + " cells for " + headers.size() + " columns");
    }
    List<String> r = new ArrayList<>();
    for (Object c : cells) {
      r.add(c == null ? "" : c.toString());
    }
    rows.add(r);
    return this;
  }

  /** The lines, the header first unless every title is empty. */
  public List<String> lines() {
    boolean header = headers.stream().anyMatch(h -> !h.isEmpty());
    int[] width = new int[headers.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header ? headers.get(i).length() : 0;
      for (List<String> r : rows) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    List<String> out = new ArrayList<>();
    if (header) {
      out.add(line(headers, width));
    }
    for (List<String> r : rows) {
      out.add(line(r, width));
    }
    return out;
  }

  private String line(List<String> cells, int[] width) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append("  ");
      }
      String c = cells.get(i);
      String pad = " ".repeat(width[i] - c.length());
      sb.append(right[i] ? pad + c : c + pad);
    }
    return sb.toString().stripTrailing();
  }
}
