package io.dbcompare.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Reads another cursor on a background thread into a small bounded queue, so that the source and the
 * target of a chunk are read at the same time. Memory is bounded by {@code batchSize * depth} rows.
 * An error in the reader is rethrown by {@link #next()}; it never looks like the end of the data.
 */
public final class PrefetchingCursor implements RowCursor {
  private static final List<Row> END = List.of();

  private final BlockingQueue<Object> queue;
  private volatile boolean closed;
  private List<Row> current = List.of();
  private int pos;
  private boolean finished;
  /** The reader's error, rethrown by every later call: a failed stream never turns into an end. */
  private Throwable failure;

  /**
   * @param opener opens the underlying cursor; it runs on the reader thread, so the two sides' queries
   *     are also executed at the same time
   */
  public PrefetchingCursor(Supplier<RowCursor> opener, ExecutorService readers, int batchSize, int depth) {
    this.queue = new ArrayBlockingQueue<>(depth);
    readers.execute(() -> pump(opener, batchSize));
  }

  private void pump(Supplier<RowCursor> opener, int batchSize) {
    try (RowCursor inner = opener.get()) {
      List<Row> batch = new ArrayList<>(batchSize);
      Row r;
      while (!closed && (r = inner.next()) != null) {
        batch.add(r);
        if (batch.size() == batchSize) {
          offer(batch);
          batch = new ArrayList<>(batchSize);
        }
      }
      if (!batch.isEmpty()) {
        offer(batch);
      }
      offer(END);
    } catch (Throwable t) {
      offer(t);
    }
  }

  /**
   * Hands an item to the consumer, giving up once the cursor is closed. The reader thread is never
   * interrupted: an interrupt inside a JDBC driver can break the connection, and inside an embedded
   * database (H2) the database file channel itself.
   */
  private void offer(Object item) {
    boolean interrupted = false;
    try {
      while (!closed) {
        try {
          if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
            return;
          }
        } catch (InterruptedException e) {
          // Dropping the item would turn rows into false differences: keep trying until it is
          // delivered or the consumer has closed the cursor, and keep the interrupt for the caller.
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public Row next() throws InterruptedException {
    while (pos >= current.size()) {
      if (failure instanceof Error err) {
        throw err;
      }
      if (failure != null) {
        throw (RuntimeException) failure;
      }
      if (finished) {
        return null;
      }
      Object item = queue.take();
      if (item instanceof Throwable t) {
        failure = t instanceof RuntimeException || t instanceof Error ? t : new IllegalStateException(t);
        continue;
      }
      if (item == END) {
        finished = true;
        return null;
      }
      current = (List<Row>) item;
      pos = 0;
    }
    return current.get(pos++);
  }

  @Override
  public void close() {
    closed = true; // the reader stops at the next row and closes its statement and connection
    queue.clear();
  }
}
