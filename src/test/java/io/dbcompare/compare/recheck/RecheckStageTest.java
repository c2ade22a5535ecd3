package io.dbcompare.compare.recheck;

import static io.dbcompare.compare.recheck.RecheckFixture.chunk;
import static io.dbcompare.compare.recheck.RecheckFixture.key;
import static io.dbcompare.compare.recheck.RecheckFixture.list;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.ChunkSnapshot;
import io.dbcompare.compare.ProgressEvent;
import io.dbcompare.compare.RecheckRound;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableStageContext;
import io.dbcompare.config.RecheckSettings;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recheck stage on an in-memory live pair whose rows change between rounds; no test waits on the clock. */
class RecheckStageTest {
  private final RecheckFixture f = new RecheckFixture();

  /** One chunk holding rows 1..20, compared now. */
  private TableStageContext oneChunk(List<ChunkResult> results) {
    return f.context(results, List.of(chunk(results.get(0), null, null)));
  }

  @Test
  void aRowThatReturnsToEqualIsInFlight() throws Exception {
    f.equalRows(20);
    f.put(f.source, 5, "new"); // updated on the source, not yet replicated
    List<ChunkResult> compared = List.of(f.compare(0, null, null));
    f.onSleep = n -> f.put(f.target, 5, "new"); // replication catches up before the first recheck

    List<ChunkResult> out = list(f.stage(new RecheckSettings(2, 10)).run(oneChunk(compared), compared));

    ChunkResult r = out.get(0);
    assertEquals(0, r.differences());
    assertEquals(List.of(new RecheckRound(1, 1, 1, 0)), r.rechecks(), "settled in round 1, no round 2 needed");
    assertEquals(1, r.inFlight());
    assertEquals(List.of(Duration.ofSeconds(10)), f.sleeps, "waited the delay from the comparison's read");
  }

  @Test
  void aRowWhoseTargetChangesBetweenReadsIsChangingNotADifference() throws Exception {
    f.equalRows(20);
    f.put(f.source, 6, "b1"); // a hot row: the source moves on at every read, the target follows behind
    List<ChunkResult> compared = List.of(f.compare(0, null, null));
    f.onSleep = n -> {
      f.put(f.target, 6, "b" + n);
      f.put(f.source, 6, "b" + (n + 1));
    };

    List<ChunkResult> out = list(f.stage(new RecheckSettings(2, 10)).run(oneChunk(compared), compared));

    assertEquals(0, out.get(0).differences());
    assertEquals(1, out.get(0).changing());
    assertEquals(0, out.get(0).inFlight());
  }

  @Test
  void rowsInsertedOrDeletedBetweenRoundsAreInFlight() throws Exception {
    f.equalRows(20);
    f.put(f.source, 21, "inserted");  // inserted on the source, not yet on the target
    f.source.remove(key(7));          // deleted on the source, still on the target
    f.put(f.source, 9, "changed");    // changed on the source; deleted there before the recheck
    List<ChunkResult> compared = List.of(f.compare(0, null, null));
    assertEquals(3, compared.get(0).differences());
    f.onSleep = n -> {
      f.put(f.target, 21, "inserted");
      f.target.remove(key(7));
      f.source.remove(key(9));
      f.target.remove(key(9));
    };

    ChunkResult r = list(f.stage(new RecheckSettings(2, 10)).run(oneChunk(compared), compared)).get(0);

    assertEquals(0, r.differences());
    assertEquals(3, r.inFlight(), "equal again, or gone from both sides");
  }

  @Test
  void aRowStillDifferentWithAStillTargetIsPersistentWithTheLastValuesRead() throws Exception {
    f.equalRows(20);
    f.put(f.target, 9, "target drifted"); // a real difference: the target never changes
    f.target.remove(key(10));             // a real missing row
    f.put(f.target, 30, "extra");         // a real extra row
    List<ChunkResult> compared = List.of(f.compare(0, null, null));
    f.onSleep = n -> {
      f.put(f.source, 9, "source moved " + n);   // the source moves on: it does not matter
      f.put(f.source, 10, "source of 10 moved " + n);
    };

    ChunkResult r = list(f.stage(new RecheckSettings(2, 10)).run(oneChunk(compared), compared)).get(0);

    assertEquals(1, r.different());
    assertEquals(1, r.missingInTarget());
    assertEquals(1, r.missingInSource());
    assertEquals(List.of(new RecheckRound(1, 3, 0, 0), new RecheckRound(2, 3, 0, 0)), r.rechecks());
    RowDiff d9 = r.diffs().stream().filter(d -> d.kind() == DiffKind.DIFFERENT).findFirst().orElseThrow();
    assertArrayEquals(RecheckFixture.row(9, "source moved 2"), d9.sourceValues(), "the values of the last read");
    assertArrayEquals(RecheckFixture.row(9, "target drifted"), d9.targetValues());
    RowDiff d10 = r.diffs().stream().filter(d -> d.kind() == DiffKind.MISSING_IN_TARGET).findFirst().orElseThrow();
    assertArrayEquals(RecheckFixture.row(10, "source of 10 moved 2"), d10.sourceValues());
    assertNull(d10.targetValues());
    assertEquals(T0plus(20), r.readAt(), "read by the second round");
    assertEquals(2, f.reads.get(Side.SOURCE));
    assertEquals(2, f.reads.get(Side.TARGET));
  }

  @Test
  void aTargetThatStartsFollowingInTheLastRoundMakesTheRowChanging() throws Exception {
    f.equalRows(20);
    f.put(f.source, 4, "s1");
    List<ChunkResult> compared = List.of(f.compare(0, null, null));
    f.onSleep = n -> {
      f.put(f.source, 4, "s" + (n + 1));
      if (n == 2) {
        f.put(f.target, 4, "s1"); // replication was stalled, resumes before round 2
      }
    };

    ChunkResult r = list(f.stage(new RecheckSettings(2, 10)).run(oneChunk(compared), compared)).get(0);

    assertEquals(0, r.differences());
    assertEquals(List.of(new RecheckRound(1, 1, 0, 0), new RecheckRound(2, 1, 0, 1)), r.rechecks());
  }

  @Test
  void roundsZeroLeavesTheResultsAsTheyAre() throws Exception {
    f.equalRows(20);
    f.put(f.source, 5, "new");
    List<ChunkResult> compared = List.of(f.compare(0, null, null));

    Iterable<ChunkResult> out = f.stage(new RecheckSettings(0, 10)).run(oneChunk(compared), compared);

    assertSame(compared, out, "the stage is off: the engine keeps the results unrevised");
    assertTrue(f.reads.isEmpty() && f.sleeps.isEmpty() && f.state.isEmpty());
  }

  @Test
  void rowsReadLongAgoAreRecheckedAtOnceAndALagRaisesTheDelay() throws Exception {
    f.equalRows(20);
    f.put(f.target, 3, "drifted");
    List<ChunkResult> compared = List.of(f.compare(0, null, null));
    f.clock.advance(Duration.ofHours(1)); // a large table: its first chunk was compared an hour ago
    RecheckStage stage = f.stage(new RecheckSettings(2, 10));
    stage.useDelayOfAtLeast(Duration.ofSeconds(42));

    list(stage.run(oneChunk(compared), compared));

    assertEquals(List.of(Duration.ofSeconds(42)), f.sleeps, "round 1 at once; round 2 the lag's delay after it");
    assertEquals(2, f.events.stream().filter(e -> e instanceof ProgressEvent.RecheckRoundDone).count());
  }

  /** Rows read "in the future" (a clock set back, a resume on another machine) wait the delay, no longer. */
  @Test
  void aReadTimeAfterNowWaitsNoLongerThanTheDelay() throws Exception {
    f.equalRows(20);
    f.put(f.target, 3, "drifted");
    List<ChunkResult> compared = List.of(f.compare(0, null, null).withReadAt(RecheckFixture.T0.plus(
        Duration.ofDays(300))));

    list(f.stage(new RecheckSettings(1, 10)).run(oneChunk(compared), compared));

    assertEquals(List.of(Duration.ofSeconds(10)), f.sleeps);
  }

  @Test
  void roundsGoOverAllChunksSoEachChunkWaitsOnlyForItsOwnRows() throws Exception {
    f.equalRows(20);
    f.put(f.target, 3, "drifted");
    f.put(f.target, 15, "drifted");
    List<ChunkResult> compared = List.of(f.compare(0, null, 10), f.compare(1, 10, null));
    List<ChunkSnapshot> chunks = List.of(chunk(compared.get(0), null, 10), chunk(compared.get(1), 10, null));

    List<ChunkResult> out = list(f.stage(new RecheckSettings(3, 10)).run(f.context(compared, chunks), compared));

    assertEquals(List.of(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10)), f.sleeps,
        "one wait per round, not one per chunk and round");
    assertEquals(1, out.get(0).different());
    assertEquals(1, out.get(1).different());
  }

  @Test
  void aKillDuringTheRecheckResumesWithoutRedoingFinishedRounds() throws Exception {
    f.equalRows(30);
    f.put(f.target, 3, "drifted");
    f.put(f.target, 15, "drifted");
    f.put(f.source, 25, "in flight");
    List<ChunkResult> compared = List.of(f.compare(0, null, 10), f.compare(1, 10, 20), f.compare(2, 20, null));
    List<ChunkSnapshot> chunks = List.of(chunk(compared.get(0), null, 10), chunk(compared.get(1), 10, 20),
        chunk(compared.get(2), 20, null));
    f.onSleep = n -> f.put(f.target, 25, "in flight");
    // killed at the 9th lookup: round 1 done (3 chunks x 2 sides), round 2 done for chunk 0, in chunk 1
    f.failAt = 9;
    f.failure = new IllegalStateException("killed");
    assertThrows(IllegalStateException.class,
        () -> f.stage(new RecheckSettings(2, 10)).run(f.context(compared, chunks), compared));
    assertEquals(2, f.state.get(0).rechecks().size());
    assertEquals(1, f.state.get(1).rechecks().size());
    int readsBefore = f.reads.values().stream().mapToInt(Integer::intValue).sum();

    f.failAt = 0;
    f.events.clear();
    List<ChunkResult> out = list(f.stage(new RecheckSettings(2, 10)).run(f.context(compared, chunks), compared));

    int readsAfter = f.reads.values().stream().mapToInt(Integer::intValue).sum() - readsBefore;
    assertEquals(2, readsAfter, "only chunk 1's second round is read again (chunk 2 settled in round 1)");
    assertEquals(1, out.get(0).different());
    assertEquals(1, out.get(1).different());
    assertEquals(0, out.get(2).differences());
    assertEquals(1, out.get(2).inFlight());
    List<ProgressEvent.RecheckRoundDone> rounds = f.events.stream()
        .filter(e -> e instanceof ProgressEvent.RecheckRoundDone).map(e -> (ProgressEvent.RecheckRoundDone) e).toList();
    assertEquals(new RecheckRound(1, 3, 1, 0), rounds.get(0).counts(), "round 1 as the killed run found it");
    assertEquals(new RecheckRound(2, 2, 0, 0), rounds.get(1).counts());
  }

  @Test
  void aLostConnectionIsRetriedAndAnyOtherErrorFailsTheTable() throws Exception {
    f.equalRows(20);
    f.put(f.target, 3, "drifted");
    List<ChunkResult> compared = List.of(f.compare(0, null, null));
    f.failAt = 1;
    f.failure = new CompareException(ErrorCode.DATABASE, "connection reset", null, true);

    ChunkResult r = list(f.stage(new RecheckSettings(1, 0)).run(oneChunk(compared), compared)).get(0);
    assertEquals(1, r.different());
    assertEquals(List.of(Duration.ofMillis(100)), f.sleeps, "the backoff before the retry");

    RecheckFixture g = new RecheckFixture();
    g.equalRows(20);
    g.put(g.target, 3, "drifted");
    List<ChunkResult> again = List.of(g.compare(0, null, null));
    g.failAt = 1;
    g.failure = new CompareException(ErrorCode.TABLE_FAILED, "no such column", null, false);
    CompareException e = assertThrows(CompareException.class, () -> g.stage(new RecheckSettings(1, 0))
        .run(g.context(again, List.of(chunk(again.get(0), null, null))), again));
    assertEquals("no such column", e.getMessage());
  }

  private static java.time.Instant T0plus(int seconds) {
    return RecheckFixture.T0.plusSeconds(seconds);
  }

  @Test
  void aTableWithoutKeyIsNotRechecked() throws Exception {
    f.equalRows(20);
    f.put(f.source, 5, "new");
    List<ChunkResult> compared = List.of(f.compare(0, null, null));
    TableStageContext keyed = oneChunk(compared);
    io.dbcompare.compare.TableSpec t = keyed.table();
    io.dbcompare.compare.TableSpec noKey = new io.dbcompare.compare.TableSpec(t.key(), t.displayName(), t.source(),
        t.target(), t.columns().stream().map(c -> new io.dbcompare.compare.ColumnSpec(c.name(), c.targetName(),
            c.kind(), c.sourceType(), c.targetType(), false)).toList(), 0, t.where(), t.emptyStringIsNull(),
        List.of(), t.targetTraits(), List.of(), t.sourceReadPoint(), t.targetReadPoint(),
        io.dbcompare.compare.KeySource.none());
    TableStageContext keyless = new TableStageContext(keyed.sessionId(), noKey, keyed.progress(), keyed.chunks(),
        keyed.state());

    Iterable<ChunkResult> out = f.stage(new RecheckSettings(2, 10)).run(keyless, compared);

    assertSame(compared, out, "rows are read again by key: a multiset table keeps its results");
    assertTrue(f.reads.isEmpty() && f.sleeps.isEmpty() && f.state.isEmpty());
  }

  /**
   * With the run's threads the stage rechecks several chunks at a time (a chunk's recheck is a few short
   * reads, bound by round trips); the results are those of one chunk after the other, each chunk reads its
   * source before its target, and a failure still fails the table.
   */
  @Test
  void chunksAreRecheckedSeveralAtATimeWithTheSameResults() throws Exception {
    f.equalRows(400);
    List<ChunkResult> compared = new java.util.ArrayList<>();
    List<ChunkSnapshot> chunks = new java.util.ArrayList<>();
    for (int c = 0; c < 40; c++) {
      f.put(f.target, c * 10 + 5, "drifted");
    }
    for (int c = 0; c < 40; c++) {
      Integer lower = c == 0 ? null : c * 10;
      Integer upper = c == 39 ? null : c * 10 + 10;
      compared.add(f.compare(c, lower, upper));
      chunks.add(chunk(compared.get(c), lower, upper));
    }
    List<ChunkResult> sequential = list(f.stage(new RecheckSettings(2, 0)).run(f.context(compared, chunks), compared));
    f.state.clear();

    java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
    java.util.Set<Integer> targetBeforeSource = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.Set<Integer> sourceRead = java.util.concurrent.ConcurrentHashMap.newKeySet();
    RowLookup slow = (table, side, chunk, rows, keys) -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(5);
        if (side == Side.SOURCE) {
          sourceRead.add(chunk.index());
        } else if (!sourceRead.contains(chunk.index())) {
          targetBeforeSource.add(chunk.index());
        }
        synchronized (f) {
          return f.lookup.fetch(table, side, chunk, rows, keys);
        }
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      } finally {
        inFlight.decrementAndGet();
      }
    };
    RecheckStage parallel = new RecheckStage(slow, key -> new RecheckSettings(2, 0), f.clock, f.sleeper,
        new RecheckStage.Settings(2, 100, 4), List.of());
    List<ChunkResult> out = list(parallel.run(f.context(compared, chunks), compared));
    assertTrue(most.get() > 1 && most.get() <= 4, "chunks rechecked at a time: " + most.get());
    assertTrue(targetBeforeSource.isEmpty(), "a chunk's target read before its source: " + targetBeforeSource);
    assertEquals(sequential.size(), out.size());
    for (int c = 0; c < sequential.size(); c++) {
      assertEquals(sequential.get(c).different(), out.get(c).different(), "chunk " + c);
      assertEquals(sequential.get(c).rechecks(), out.get(c).rechecks(), "chunk " + c);
    }
    assertEquals(40, out.stream().mapToLong(ChunkResult::different).sum());

    f.state.clear();
    RowLookup failing = (table, side, chunk, rows, keys) -> {
      if (chunk.index() == 17) {
        throw new CompareException(ErrorCode.DATABASE, "ORA-00942: table or view does not exist");
      }
      synchronized (f) {
        return f.lookup.fetch(table, side, chunk, rows, keys);
      }
    };
    RecheckStage broken = new RecheckStage(failing, key -> new RecheckSettings(2, 0), f.clock, f.sleeper,
        new RecheckStage.Settings(2, 100, 4), List.of());
    CompareException e = assertThrows(CompareException.class,
        () -> list(broken.run(f.context(compared, chunks), compared)));
    assertTrue(e.getMessage().contains("ORA-00942"), e.getMessage());
  }
}
