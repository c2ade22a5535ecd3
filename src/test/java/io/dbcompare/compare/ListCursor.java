package io.dbcompare.compare;

import java.util.Iterator;
import java.util.List;

/** An in-memory {@link RowCursor} over a fixed list of rows, for tests. */
final class ListCursor implements RowCursor {
  private final Iterator<Row> it;
  boolean closed;

  ListCursor(List<Row> rows) {
    this.it = rows.iterator();
  }

  @Override
  public Row next() {
    return it.hasNext() ? it.next() : null;
  }

  @Override
  public void close() {
    closed = true;
  }
}
