package io.dbcompare.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrefetchingCursorTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(20);
  private static final RowHasher HASHER = new RowHasher(List.of(ValueKind.NUMBER));

  private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-reader");
    t.setDaemon(true);
    return t;
  });

  @AfterEach
  void stopReaders() {
    readers.shutdownNow();
  }

  private static Row row(long i) {
    Object[] v = {BigDecimal.valueOf(i)};
    return new Row(v, HASHER.hash(v), 1);
  }

  private static List<Row> rows(int n) {
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(row(i));
    }
    return out;
  }

  private static long id(Row r) {
    return ((BigDecimal) r.values()[0]).longValueExact();
  }

  /** A cursor that yields rows 0, 1, 2... and then throws, or never ends when failAt is negative. */
  private static final class GeneratingCursor implements RowCursor {
    private final long failAt;
    private final RuntimeException error;
    private final AtomicLong produced = new AtomicLong();
    final CountDownLatch closed = new CountDownLatch(1);

    GeneratingCursor(long failAt, RuntimeException error) {
      this.failAt = failAt;
      this.error = error;
    }

    @Override
    public Row next() {
      long i = produced.getAndIncrement();
      if (i == failAt) {
        throw error;
      }
      return row(i);
    }

    @Override
    public void close() {
      closed.countDown();
    }
  }

  @ParameterizedTest(name = "{0} rows, batch {1}, depth {2}")
  @CsvSource({"0, 3, 1", "1, 3, 1", "9, 3, 1", "10, 3, 2", "1000, 7, 2", "1000, 1, 1", "500, 1000, 4"})
  void keepsOrderAcrossBatchBoundaries(int n, int batch, int depth) {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      ListCursor inner = new ListCursor(rows(n));
      try (PrefetchingCursor c = new PrefetchingCursor(() -> inner, readers, batch, depth)) {
        for (int i = 0; i < n; i++) {
          Row r = c.next();
          assertNotNull(r, "row " + i);
          assertEquals(i, id(r));
        }
        assertNull(c.next());
        assertNull(c.next(), "the end stays the end");
      }
      // the reader closes the inner cursor when it reaches the end
      readers.shutdown();
      assertTrue(readers.awaitTermination(10, TimeUnit.SECONDS));
      assertTrue(inner.closed);
    });
  }

  @Test
  void errorMidStreamIsRethrownAndIsNotAnEnd() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      CompareException boom = new CompareException(ErrorCode.DATABASE, "connection lost");
      GeneratingCursor inner = new GeneratingCursor(25, boom);
      try (PrefetchingCursor c = new PrefetchingCursor(() -> inner, readers, 10, 2)) {
        long expected = 0;
        RuntimeException thrown = null;
        while (thrown == null) {
          try {
            Row r = c.next();
            assertNotNull(r, "an error must never look like the end of the data");
            assertEquals(expected++, id(r), "rows before the error arrive in order");
          } catch (RuntimeException e) {
            thrown = e;
          }
        }
        assertSame(boom, thrown);
        assertTrue(expected <= 25, "no row after the failing one");
        // asking again does not turn the failure into an end of stream
        assertSame(boom, assertThrows(CompareException.class, c::next));
        assertSame(boom, assertThrows(CompareException.class, c::next));
      }
      assertTrue(inner.closed.await(10, TimeUnit.SECONDS), "the inner cursor is closed after its error");
    });
  }

  @Test
  void errorOnTheFirstRowIsRethrown() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      IllegalStateException boom = new IllegalStateException("bad");
      try (PrefetchingCursor c = new PrefetchingCursor(() -> new GeneratingCursor(0, boom), readers, 10, 2)) {
        assertSame(boom, assertThrows(IllegalStateException.class, c::next));
      }
    });
  }

  @Test
  void errorOpeningTheCursorIsRethrown() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      CompareException boom = new CompareException(ErrorCode.DATABASE, "cannot connect");
      try (PrefetchingCursor c = new PrefetchingCursor(() -> {
        throw boom;
      }, readers, 10, 2)) {
        assertSame(boom, assertThrows(CompareException.class, c::next));
        assertSame(boom, assertThrows(CompareException.class, c::next));
      }
    });
  }

  @Test
  void errorsAreRethrownAsErrors() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      RowCursor failing = new RowCursor() {
        @Override
        public Row next() {
          throw new AssertionError("reader broke");
        }

        @Override
        public void close() {}
      };
      try (PrefetchingCursor c = new PrefetchingCursor(() -> failing, readers, 10, 2)) {
        AssertionError e = assertThrows(AssertionError.class, c::next);
        assertEquals("reader broke", e.getMessage());
      }
    });
  }

  @Test
  void checkedExceptionFromTheReaderIsWrapped() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      Exception checked = new java.io.IOException("disk");
      RowCursor failing = new RowCursor() {
        @Override
        public Row next() {
          throw PrefetchingCursorTest.<RuntimeException>sneaky(checked);
        }

        @Override
        public void close() {}
      };
      try (PrefetchingCursor c = new PrefetchingCursor(() -> failing, readers, 10, 2)) {
        IllegalStateException e = assertThrows(IllegalStateException.class, c::next);
        assertSame(checked, e.getCause());
        assertInstanceOf(IllegalStateException.class, assertThrows(RuntimeException.class, c::next));
      }
    });
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T sneaky(Throwable t) throws T {
    throw (T) t;
  }

  @Test
  void closeBeforeExhaustionDoesNotHang() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      GeneratingCursor endless = new GeneratingCursor(-1, null);
      PrefetchingCursor c = new PrefetchingCursor(() -> endless, readers, 2, 1);
      for (int i = 0; i < 5; i++) {
        assertEquals(i, id(c.next()));
      }
      c.close(); // the reader is blocked on the full queue here
      assertTrue(endless.closed.await(10, TimeUnit.SECONDS), "the reader stops and closes the inner cursor");
      readers.shutdown();
      assertTrue(readers.awaitTermination(10, TimeUnit.SECONDS), "no reader thread is left running");
    });
  }

  @Test
  void closeWithoutReadingAnythingDoesNotHang() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      GeneratingCursor endless = new GeneratingCursor(-1, null);
      PrefetchingCursor c = new PrefetchingCursor(() -> endless, readers, 3, 1);
      c.close();
      c.close(); // idempotent
      readers.shutdown();
      assertTrue(readers.awaitTermination(10, TimeUnit.SECONDS));
    });
  }
}
