package io.dbcompare.compare;

import io.dbcompare.config.TableConfig;
import io.dbcompare.config.TableName;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** In-memory ports for engine tests: tables, a database, a planner, a book and a checkpoint store. */
final class EngineFixture {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  final MemoryBook book;
  final MemoryCheckpoints checkpoints = new MemoryCheckpoints();
  final List<ProgressEvent> events = Collections.synchronizedList(new ArrayList<>());
  /** Each reading of the clock is one second after the previous one. */
  final Clock clock = new TickingClock();

  EngineFixture(String... tables) {
    List<String> keys = new ArrayList<>();
    for (String t : tables) {
      keys.add(config(t).key());
    }
    book = new MemoryBook("0123abcd-0000-0000-0000-000000000000", keys.toArray(String[]::new));
  }

  static TableConfig config(String name) {
    return new TableConfig(TableName.parse(name, "test"), TableName.parse(name, "test"), List.of(), Optional.empty(),
        List.of(), List.of(), Optional.empty());
  }

  static TableSpec spec(TableConfig tc) {
    String schema = tc.source().schema().text();
    String table = tc.source().table().text();
    return new TableSpec(tc.key(), schema + "." + table, new TableRef(schema, table), new TableRef(schema, table),
        List.of(new ColumnSpec("ID", "ID", ValueKind.NUMBER, "NUMBER", "NUMBER", true),
            new ColumnSpec("V", "V", ValueKind.TEXT, "VARCHAR2", "VARCHAR2", false)), 1, Optional.empty(), false);
  }

  /** Resolves every configured table to its two-column spec. */
  static final TableResolver RESOLVER = EngineFixture::spec;

  /** Every {@code chunkSize}-th source key, as the JDBC planner does. */
  static ChunkPlanner planner(MemoryDb db) {
    return (t, size) -> {
      List<Object[]> out = new ArrayList<>();
      int i = 0;
      for (BigDecimal k : db.source.keySet()) {
        if (++i % size == 0 && i < db.source.size()) {
          out.add(new Object[] {k});
        }
      }
      return out;
    };
  }

  /** A database with the same rows {@code 1..n} on both sides, except where {@code target} changes them. */
  static MemoryDb db(int n, Function<Object[], Object[]> target) {
    MemoryDb db = new MemoryDb();
    for (int i = 1; i <= n; i++) {
      Object[] row = {BigDecimal.valueOf(i), "v" + i};
      db.source.put(BigDecimal.valueOf(i), row);
      Object[] t = target.apply(row.clone());
      if (t != null) {
        db.target.put(BigDecimal.valueOf(i), t);
      }
    }
    return db;
  }

  ComparisonEngine engine(MemoryDb db, HashPushdown pushdown, TableResolver resolver, TableFinisher finisher,
      ComparisonEngine.Options options, ComparisonEngine.Hooks hooks, ProgressListener... more) {
    List<ProgressListener> listeners = new ArrayList<>();
    listeners.add(events::add);
    listeners.addAll(List.of(more));
    return new ComparisonEngine(book, new ComparisonEngine.Ports(resolver, planner(db), db, pushdown, checkpoints,
        finisher), options, listeners, clock, hooks);
  }

  /** A finisher that writes nothing and records what it was given. */
  static final class RecordingFinisher implements TableFinisher {
    final List<String> threads = Collections.synchronizedList(new ArrayList<>());
    final List<Long> differences = Collections.synchronizedList(new ArrayList<>());

    @Override
    public TableOutputs finish(TableSpec table, Iterable<ChunkResult> results, TableSnapshot progress) {
      threads.add(Thread.currentThread().getName());
      long n = 0;
      for (ChunkResult r : results) {
        n += r.diffs().size();
      }
      differences.add(n);
      return new TableOutputs(null, null, List.of(), "summary_" + table.key() + ".txt", table.target().schema(),
          table.target().table());
    }
  }

  static ComparisonEngine.Options options(int threads, int chunkSize) {
    return new ComparisonEngine.Options(threads, chunkSize, 2, 1, 64, 8, 100);
  }

  <T extends ProgressEvent> List<T> events(Class<T> type) {
    synchronized (events) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }

  /** The in-memory database of BisectingComparerTest, which also streams full rows for Java hashing. */
  static class MemoryDb extends BisectingComparerTest.FakeDb {
    @Override
    public RowCursor open(TableSpec table, Side side, ChunkBounds b) {
      List<Object[]> rows = in(side, b);
      RowHasher hasher = new RowHasher(table.kinds());
      Iterator<Object[]> it = rows.iterator();
      return new RowCursor() {
        @Override
        public Row next() throws InterruptedException {
          if (!it.hasNext()) {
            return null;
          }
          Object[] r = it.next();
          return new Row(r, hasher.hash(r), 1);
        }

        @Override
        public void close() {}
      };
    }
  }

  /** A clock that moves one second at every reading, so event times are distinct and predictable in order. */
  static final class TickingClock extends Clock {
    private final AtomicLong ticks = new AtomicLong();

    @Override
    public Instant instant() {
      return T0.plus(Duration.ofSeconds(ticks.getAndIncrement()));
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
