package io.dbcompare.compare.recheck;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.ChunkSnapshot;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.KeyOrder;
import io.dbcompare.compare.ProgressEvent;
import io.dbcompare.compare.Row;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.compare.RowHasher;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.TableStageContext;
import io.dbcompare.compare.TableStatus;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.compare.ValueText;
import io.dbcompare.config.RecheckSettings;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * A live pair in memory for recheck tests: source and target rows that a test changes between recheck
 * rounds (on each sleep of the stage, which also moves the clock), a row lookup over them that counts
 * its reads, and the stage's state in a map, as a resumed run finds it.
 */
final class RecheckFixture {
  static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");
  static final TableSpec SPEC = new TableSpec("APP_T", "APP.T", new TableRef("APP", "T"), new TableRef("APP", "T"),
      List.of(new ColumnSpec("ID", "ID", ValueKind.NUMBER, "NUMBER", "NUMBER", true),
          new ColumnSpec("V", "V", ValueKind.TEXT, "VARCHAR2", "VARCHAR2", false)), 1, Optional.empty(), false);
  static final KeyOrder ORDER = SPEC.keyOrder();

  final TreeMap<Object[], Object[]> source = new TreeMap<>(ORDER);
  final TreeMap<Object[], Object[]> target = new TreeMap<>(ORDER);
  final MutableClock clock = new MutableClock(T0);
  final List<Duration> sleeps = new ArrayList<>();
  final List<ProgressEvent> events = new ArrayList<>();
  /** Called with the 1-based number of each sleep, after the clock moved: the live databases change here. */
  IntConsumer onSleep = n -> { };
  /** Lookups per side, and the key batches asked for. */
  final Map<Side, Integer> reads = new HashMap<>();
  /** Fails the n-th lookup (1-based) with this exception; 0: never. */
  int failAt;
  RuntimeException failure;
  private int lookups;
  final Map<Integer, ChunkResult> state = new java.util.concurrent.ConcurrentHashMap<>();
  /** Chunks the stage rechecks at a time. */
  int threads = 1;

  final Sleeper sleeper = d -> {
    sleeps.add(d);
    clock.advance(d);
    onSleep.accept(sleeps.size());
  };

  final RowLookup lookup = (table, side, chunk, chunkRows, keys) -> {
    lookups++;
    if (failAt > 0 && lookups == failAt) {
      throw failure;
    }
    reads.merge(side, 1, Integer::sum);
    TreeMap<Object[], Object[]> rows = side == Side.SOURCE ? source : target;
    RowHasher hasher = new RowHasher(table.kinds());
    List<Row> out = new ArrayList<>();
    for (Object[] k : keys) {
      Object[] v = rows.get(k);
      if (v != null && inside(chunk, k)) {
        out.add(new Row(v.clone(), hasher.hash(v), table.keyCount()));
      }
    }
    return out;
  };

  static boolean inside(ChunkBounds b, Object[] key) {
    return (b.openBelow() || ORDER.compare(b.lowerExclusive(), key) < 0)
        && (b.openAbove() || ORDER.compare(key, b.upperInclusive()) <= 0);
  }

  static Object[] key(int id) {
    return new Object[] {BigDecimal.valueOf(id)};
  }

  static Object[] row(int id, String v) {
    return new Object[] {BigDecimal.valueOf(id), v};
  }

  void put(TreeMap<Object[], Object[]> side, int id, String v) {
    side.put(key(id), row(id, v));
  }

  /** Both sides hold rows 1..n with value "v<id>". */
  void equalRows(int n) {
    for (int i = 1; i <= n; i++) {
      put(source, i, "v" + i);
      put(target, i, "v" + i);
    }
  }

  /**
   * What comparing one chunk now finds: the differing rows of the keys in {@code (lower, upper]} as the
   * sides hold them, read at the clock's time.
   */
  ChunkResult compare(int index, Integer lower, Integer upper) {
    RowHasher hasher = new RowHasher(SPEC.kinds());
    TreeMap<Object[], Object[]> keys = new TreeMap<>(ORDER);
    ChunkBounds b = new ChunkBounds(index, lower == null ? null : key(lower), upper == null ? null : key(upper));
    source.keySet().stream().filter(k -> inside(b, k)).forEach(k -> keys.put(k, k));
    target.keySet().stream().filter(k -> inside(b, k)).forEach(k -> keys.put(k, k));
    List<RowDiff> diffs = new ArrayList<>();
    long mit = 0;
    long mis = 0;
    long dif = 0;
    long sr = 0;
    long tr = 0;
    for (Object[] k : keys.keySet()) {
      Object[] s = source.get(k);
      Object[] t = target.get(k);
      sr += s == null ? 0 : 1;
      tr += t == null ? 0 : 1;
      if (s == null) {
        mis++;
        diffs.add(new RowDiff(DiffKind.MISSING_IN_SOURCE, k, null, t.clone()));
      } else if (t == null) {
        mit++;
        diffs.add(new RowDiff(DiffKind.MISSING_IN_TARGET, k, s.clone(), null));
      } else if (!hasher.hash(s).equals(hasher.hash(t))) {
        dif++;
        diffs.add(new RowDiff(DiffKind.DIFFERENT, k, s.clone(), t.clone()));
      }
    }
    return new ChunkResult(SPEC.key(), index, sr, tr, mit, mis, dif, diffs, clock.instant(), List.of());
  }

  static ChunkSnapshot chunk(ChunkResult r, Integer lower, Integer upper) {
    return new ChunkSnapshot(r.chunkIndex(), lower == null ? null : ValueText.encodeKey(SPEC.keyKinds(), key(lower)),
        upper == null ? null : ValueText.encodeKey(SPEC.keyKinds(), key(upper)), TableStatus.COMPLETED,
        r.sourceRows(), r.targetRows(), r.missingInTarget(), r.missingInSource(), r.different(), null);
  }

  TableStageContext context(List<ChunkResult> results, List<ChunkSnapshot> chunks) {
    long mit = 0;
    long mis = 0;
    long dif = 0;
    for (ChunkResult r : results) {
      mit += r.missingInTarget();
      mis += r.missingInSource();
      dif += r.different();
    }
    TableSnapshot progress = new TableSnapshot(SPEC.key(), "APP", "T", "APP", "T", TableStatus.IN_PROGRESS,
        chunks.size(), chunks.size(), 0, 0, mit, mis, dif, null, null, null, List.of("ID"), 10, null, null, List.of(),
        null, null, null);
    return new TableStageContext("0123abcd-0000-0000-0000-000000000000", SPEC, progress, chunks,
        new TableStageContext.StageState() {
          @Override
          public void save(ChunkResult result) {
            state.put(result.chunkIndex(), result);
          }

          @Override
          public Optional<ChunkResult> load(int chunkIndex) {
            return Optional.ofNullable(state.get(chunkIndex));
          }
        });
  }

  RecheckStage stage(RecheckSettings settings) {
    return new RecheckStage(lookup, key -> settings, clock, sleeper, new RecheckStage.Settings(2, 100, threads),
        List.of(events::add));
  }

  static List<ChunkResult> list(Iterable<ChunkResult> results) {
    List<ChunkResult> out = new ArrayList<>();
    results.forEach(out::add);
    return out;
  }

  /** A clock that stands still until a test (or the fixture's sleeper) moves it. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
