package io.dbcompare.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Reads another cursor on a background thread into a small bounded queue, so that the source and the
 * target of a chunk are read at the same time. Memory is bounded by {@code batchSize * depth} rows.
 * An error in the reader is rethrown by {@link #next()}; it never looks like the end of the data.
 */
public final class PrefetchingCursor implements RowCursor {
  private static final List<Row> END = List.of();

  private final BlockingQueue<Object> queue;
  private final Future<?> task;
  private volatile boolean closed;
  private List<Row> current = List.of();
  private int pos;
  private boolean finished;

  /**
   * @param opener opens the underlying cursor; it runs on the reader thread, so the two sides' queries
   *     are also executed at the same time
   */
  public PrefetchingCursor(Supplier<RowCursor> opener, ExecutorService readers, int batchSize, int depth) {
    this.queue = new ArrayBlockingQueue<>(depth);
    this.task = readers.submit(() -> pump(opener, batchSize));
  }

  private void pump(Supplier<RowCursor> opener, int batchSize) {
    try (RowCursor inner = opener.get()) {
      List<Row> batch = new ArrayList<>(batchSize);
      Row r;
      while (!closed && (r = inner.next()) != null) {
        batch.add(r);
        if (batch.size() == batchSize) {
          queue.put(batch);
          batch = new ArrayList<>(batchSize);
        }
      }
      if (!batch.isEmpty()) {
        queue.put(batch);
      }
      queue.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      try {
        queue.put(t);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public Row next() throws InterruptedException {
    while (pos >= current.size()) {
      if (finished) {
        return null;
      }
      Object item = queue.take();
      if (item instanceof Throwable t) {
        finished = true;
        if (t instanceof RuntimeException re) {
          throw re;
        }
        if (t instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(t);
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
    closed = true;
    if (!task.isDone()) {
      // Drain so a blocked reader can observe 'closed' and close its statement.
      task.cancel(true);
    }
    queue.clear();
  }
}
