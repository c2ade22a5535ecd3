package io.dbcompare.compare;

/** A stream of rows in key order. Errors surface as exceptions from {@link #next()}, never as an early end. */
public interface RowCursor extends AutoCloseable {
  /** The next row, or null when the stream is exhausted. */
  Row next() throws InterruptedException;

  @Override
  void close();
}
