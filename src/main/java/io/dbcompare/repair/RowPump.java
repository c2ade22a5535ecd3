package io.dbcompare.repair;

import io.dbcompare.jdbc.RowReads;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads rows on a thread of its own while the caller writes them: the source database, the driver's
 * decoding and the writer's encoding and sending overlap instead of taking turns. Rows cross in
 * batches through a small bounded queue, so memory stays a few batches whatever the chunk's size. An
 * error on either side ends both: the reader's is thrown by {@link #next()}, and {@link #close()} stops
 * the reader and waits for it (its connection is the caller's to release afterwards).
 */
final class RowPump implements AutoCloseable {
  /** The reading, given where each row goes. */
  interface Reader {
    void read(RowReads.RowSink sink) throws SQLException;
  }

  private static final List<Object[]> END = List.of();
  private final BlockingQueue<List<Object[]>> queue;
  private final Thread thread;
  private final int batch;
  private volatile boolean cancelled;
  private volatile Throwable failure;
  private boolean ended;

  private static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Cancelled() {
      super(null, null, false, false);
    }
  }

  RowPump(Reader reader, int batch, int depth, String name) {
    this.batch = batch;
    this.queue = new ArrayBlockingQueue<>(depth);
    this.thread = new Thread(() -> pump(reader), name);
    thread.setDaemon(true);
    thread.start();
  }

  private void pump(Reader reader) {
    List<Object[]>[] current = new List[] {new ArrayList<>(batch)};
    try {
      reader.read(row -> {
        current[0].add(row);
        if (current[0].size() >= batch) {
          put(current[0]);
          current[0] = new ArrayList<>(batch);
        }
      });
      if (!current[0].isEmpty()) {
        put(current[0]);
      }
    } catch (Cancelled e) {
      return;
    } catch (Throwable e) {
      failure = e;
    }
    try {
      put(END);
    } catch (Cancelled ignored) {
      // the consumer is gone
    }
  }

  private void put(List<Object[]> rows) {
    try {
      while (!queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
        if (cancelled) {
          throw new Cancelled();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Cancelled();
    }
  }

  /** The next batch of rows, or null after the last; the reader's error, if it failed. */
  List<Object[]> next() throws SQLException {
    if (ended) {
      return null;
    }
    List<Object[]> rows;
    try {
      rows = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while reading the source", e);
    }
    if (rows == END) {
      ended = true;
      Throwable f = failure;
      if (f instanceof SQLException se) {
        throw se;
      }
      if (f instanceof RuntimeException re) {
        throw re;
      }
      if (f instanceof Error er) {
        throw er;
      }
      return null;
    }
    return rows;
  }

  @Override
  public void close() {
    cancelled = true;
    queue.clear();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
