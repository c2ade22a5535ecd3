package io.dbcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.LagReading;
import io.dbcompare.compare.ProgressEvent;
import io.dbcompare.compare.RecheckRound;
import io.dbcompare.compare.ProgressEvent.TableFacts;
import io.dbcompare.compare.RunStatus;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console from events alone, in its three modes. Times come from the events and from a clock the
 * test moves: nothing depends on the wall clock.
 */
class ConsoleReporterTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration INTERVAL = Duration.ofSeconds(30);
  private final MutableClock clock = new MutableClock(T);
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static Instant at(long seconds) {
    return T.plusSeconds(seconds);
  }

  private static TableSnapshot table(String schema, String name, long rows, long mit, long mis, long diff) {
    return new TableSnapshot(schema + "_" + name, schema, name, schema, name, TableStatus.COMPLETED, 40, 40, rows,
        rows - mit + mis, mit, mis, diff, null, null, null, List.of("ID"), 100,
        mit + mis + diff > 0 ? "/out/sync.sql" : null, null, List.of(), schema, name, "/out/summary.txt");
  }

  private ConsoleReporter reporter(ConsoleReporter.Mode mode) {
    return new ConsoleReporter(new PrintWriter(out), new PrintWriter(err), null, mode, INTERVAL, clock, null);
  }

  /** One table of 40 chunks of 25,000 rows over 80 s (a chunk every 2 s), 3 differences found. */
  private void tableOfFortyChunks(ConsoleReporter r, String table, int position, int count, long start) {
    r.on(new ProgressEvent.TableStarted(at(start), table, position, count));
    r.on(new ProgressEvent.TableMode(at(start), table, true, "checksums and hashes computed by the databases"));
    r.on(new ProgressEvent.TablePlanned(at(start), table, 40, 0, false,
        new TableFacts(at(start), 0, 40, 1_000_000L, 0, 0)));
    for (int done = 1; done <= 40; done++) {
      clock.set(at(start + 2L * done));
      r.on(new ProgressEvent.ChunkCompleted(at(start + 2L * done), table, done - 1, 25_000, 25_000, done == 7 ? 3 : 0,
          new TableFacts(at(start), done, 40, 1_000_000L, done * 25_000L, done >= 7 ? 3 : 0)));
    }
  }

  @Test
  void plainLinesPerTableAndPerIntervalNeverPerChunk() {
    ConsoleReporter r = reporter(ConsoleReporter.Mode.PLAIN);
    r.on(new ProgressEvent.RunStarted(T, "id", 3));
    tableOfFortyChunks(r, "HR.EMP", 1, 3, 0);
    r.on(new ProgressEvent.ChunkRetry(at(80), "HR.EMP", 4, 40, 1, "I/O error"));
    r.on(new ProgressEvent.TableFinished(at(81), "HR.EMP", table("HR", "EMP", 1_000_000, 1, 0, 2),
        new TableFacts(T, 40, 40, 1_000_000L, 1_000_000, 3)));
    r.on(new ProgressEvent.TableStarted(at(81), "HR.DEPT", 2, 3));
    r.on(new ProgressEvent.TableMode(at(81), "HR.DEPT", false, "rows hashed in Java: column PHOTO is a BLOB"));
    r.on(new ProgressEvent.TablePlanned(at(81), "HR.DEPT", 2, 1, true, new TableFacts(at(81), 1, 2, 4_000L, 2_000, 0)));
    r.on(new ProgressEvent.TableMode(at(82), "HR.DEPT", false, "rows hashed in Java from chunk 2 on: ORA-01489"));
    r.on(new ProgressEvent.TableFinished(at(119), "HR.DEPT", table("HR", "DEPT", 4_000, 0, 0, 0),
        new TableFacts(at(81), 2, 2, 4_000L, 4_000, 0)));
    r.on(new ProgressEvent.TableStarted(at(119), "HR.JOBS", 3, 3));
    r.on(new ProgressEvent.TableRetry(at(119), "HR.JOBS", 1, "connection reset"));
    r.on(new ProgressEvent.ChunkFailed(at(120), "HR.JOBS", 5, 40, "ORA-01555"));
    r.on(new ProgressEvent.TableFailed(at(120), "HR.JOBS", "no such table"));
    r.on(new ProgressEvent.StopRequested(at(120)));
    r.on(new ProgressEvent.RunEnded(at(121), RunStatus.INTERRUPTED));

    assertEquals(List.of(
        "[1/3] Processing: HR.EMP: 40 chunks, up to 1,000,000 rows; checksums and hashes computed by the databases",
        // a progress line every 30 s of the table (chunks end every 2 s): at 30 s and at 60 s
        "  HR.EMP: 375,000 / 1,000,000 rows (37 %), 12,500 rows/s, 3 differences, ETA 50 s",
        "  HR.EMP: 750,000 / 1,000,000 rows (75 %), 12,500 rows/s, 3 differences, ETA 20 s",
        "  HR.EMP chunk 5/40: retry 1 after: I/O error",
        "[1/3] HR.EMP: DIFFERENCES: 1 missing in target, 0 missing in source, 2 different  1,000,000 rows  1 min 21 s",
        "[2/3] Processing: HR.DEPT: 2 chunks, up to 4,000 rows (saved plan; 1 already done, loaded from checkpoints);"
            + " rows hashed in Java: column PHOTO is a BLOB",
        "  HR.DEPT: rows hashed in Java from chunk 2 on: ORA-01489",
        "[2/3] HR.DEPT: identical  4,000 rows  38 s",
        "[3/3] Processing: HR.JOBS",
        "  HR.JOBS: retry 1 after: connection reset",
        "  HR.JOBS chunk 6/40 FAILED: ORA-01555",
        "[3/3] HR.JOBS: FAILED: no such table"), out.toString().lines().toList());
    assertEquals(List.of("", "Interrupted: finishing the chunks in flight, then saving the session (Ctrl-C again to"
        + " abort now)."), err.toString().lines().toList());
  }

  @Test
  void progressLinesFollowTheConfiguredInterval() {
    ConsoleReporter r = new ConsoleReporter(new PrintWriter(out), new PrintWriter(err), null,
        ConsoleReporter.Mode.PLAIN, Duration.ofSeconds(10), clock, null);
    r.on(new ProgressEvent.RunStarted(T, "id", 1));
    tableOfFortyChunks(r, "HR.EMP", 1, 1, 0);
    assertEquals(8, out.toString().lines().filter(l -> l.startsWith("  HR.EMP: ")).count(),
        "80 s of chunks every 2 s, a line every 10 s: " + out);
  }

  @Test
  void quietPrintsErrorsOnly() {
    ConsoleReporter r = reporter(ConsoleReporter.Mode.QUIET);
    r.on(new ProgressEvent.RunStarted(T, "id", 2));
    tableOfFortyChunks(r, "HR.EMP", 1, 2, 0);
    r.on(new ProgressEvent.ChunkRetry(at(80), "HR.EMP", 4, 40, 1, "I/O error"));
    r.on(new ProgressEvent.TableFinished(at(81), "HR.EMP", table("HR", "EMP", 1_000_000, 1, 0, 2),
        new TableFacts(T, 40, 40, 1_000_000L, 1_000_000, 3)));
    r.on(new ProgressEvent.TableStarted(at(81), "HR.JOBS", 2, 2));
    r.on(new ProgressEvent.ChunkFailed(at(82), "HR.JOBS", 5, 40, "ORA-01555"));
    r.on(new ProgressEvent.TableFailed(at(82), "HR.JOBS", "no such table"));
    r.on(new ProgressEvent.RunEnded(at(83), RunStatus.FAILED));
    assertEquals(List.of("  HR.JOBS chunk 6/40 FAILED: ORA-01555", "[2/2] HR.JOBS: FAILED: no such table"),
        out.toString().lines().toList());
  }

  @Test
  void everyTenTablesARunningSummary() {
    ConsoleReporter r = reporter(ConsoleReporter.Mode.PLAIN);
    r.on(new ProgressEvent.RunStarted(T, "id", 30));
    for (int i = 1; i <= 25; i++) {
      String name = "APP.T" + i;
      long start = (i - 1) * 10L;
      r.on(new ProgressEvent.TableStarted(at(start), name, i, 30));
      r.on(new ProgressEvent.TablePlanned(at(start), name, 1, 0, false,
          new TableFacts(at(start), 0, 1, 100_000L, 0, 0)));
      clock.set(at(start + 10));
      r.on(new ProgressEvent.ChunkCompleted(at(start + 10), name, 0, 100_000, 100_000, 0,
          new TableFacts(at(start), 1, 1, 100_000L, 100_000, 0)));
      if (i % 8 == 0) {
        r.on(new ProgressEvent.TableFailed(at(start + 10), name, "boom"));
      } else {
        r.on(new ProgressEvent.TableFinished(at(start + 10), name, table("APP", "T" + i, 100_000, 0, 0, i % 3 == 0 ? 1 : 0),
            new TableFacts(at(start), 1, 1, 100_000L, 100_000, 0)));
      }
    }
    List<String> summaries = out.toString().lines().filter(l -> l.contains(" tables: ")).toList();
    // 10,000 rows/s over the last minute; 20 tables left of 100,000 rows each (the average planned so far)
    assertEquals(List.of(
        "10/30 tables: 6 identical, 3 with differences, 1 failed; 10,000 rows/s; ETA 3 min 20 s",
        "20/30 tables: 12 identical, 6 with differences, 2 failed; 10,000 rows/s; ETA 1 min 40 s"), summaries);
  }

  @Test
  void skippedTablesCountAsDoneInTheSummary() {
    ConsoleReporter r = reporter(ConsoleReporter.Mode.PLAIN);
    r.on(new ProgressEvent.RunStarted(T, "id", 11));
    r.on(new ProgressEvent.TableSkipped(T, "APP.OLD", "already completed"));
    for (int i = 2; i <= 11; i++) {
      r.on(new ProgressEvent.TableStarted(T, "APP.T" + i, i, 11));
      r.on(new ProgressEvent.TableFinished(T, "APP.T" + i, table("APP", "T" + i, 10, 0, 0, 0),
          new TableFacts(T, 1, 1, 10L, 10, 0)));
    }
    assertTrue(out.toString().contains("11/11 tables: 10 identical, 0 with differences, 0 failed, 1 skipped; - rows/s;"
        + " ETA 0 s"), out.toString());
  }

  // ------------------------------------------------------------------ live

  /** What a terminal would be given: lines that scroll and the successive blocks. */
  private static final class Recorded implements ConsoleSink {
    final List<String> lines = new java.util.ArrayList<>();
    final List<List<String>> blocks = new java.util.ArrayList<>();
    boolean closed;

    @Override
    public void line(String text) {
      lines.add(text);
    }

    @Override
    public void block(List<String> block) {
      blocks.add(List.copyOf(block));
    }

    @Override
    public void close() {
      closed = true;
    }

    List<String> last() {
      return blocks.get(blocks.size() - 1);
    }
  }

  @Test
  void liveBlockShowsRowsRateAndEtaAndFinishedTablesScrollAboveIt() {
    Recorded screen = new Recorded();
    ConsoleReporter r = new ConsoleReporter(ConsoleReporter.Mode.LIVE, screen, new PrintWriter(err), INTERVAL, clock,
        null);
    r.on(new ProgressEvent.RunStarted(T, "id", 2));
    r.on(new ProgressEvent.TableStarted(T, "HR.EMPLOYEES", 1, 2));
    r.on(new ProgressEvent.TableMode(T, "HR.EMPLOYEES", true, "checksums and hashes computed by the databases"));
    r.on(new ProgressEvent.TablePlanned(T, "HR.EMPLOYEES", 100, 0, false,
        new TableFacts(T, 0, 100, 1_000_000L, 0, 0)));
    int drawn = screen.blocks.size();
    // forty chunks within 100 ms of the clock: drawn once (a redraw at most every 250 ms)
    for (int done = 1; done <= 40; done++) {
      clock.set(at(8).plusMillis(done));
      r.on(new ProgressEvent.ChunkCompleted(at(8), "HR.EMPLOYEES", done - 1, 10_000, 10_000, done == 3 ? 3 : 0,
          new TableFacts(T, done, 100, 1_000_000L, done * 10_000L, done >= 3 ? 3 : 0)));
    }
    assertEquals(drawn + 1, screen.blocks.size(), "one redraw for forty chunks in 100 ms");
    clock.set(at(10));
    r.on(new ProgressEvent.ChunkCompleted(at(10), "HR.EMPLOYEES", 49, 10_000, 10_000, 0,
        new TableFacts(T, 50, 100, 1_000_000L, 500_000L, 3)));
    // 500,000 rows in 10 s: 50,000 rows/s, 500,000 left: 10 s; the run: the table not started yet is taken
    // as large as the one planned so far, 1,500,000 rows left: 30 s
    assertEquals(List.of(
        " HR.EMPLOYEES  500,000  / 1,000,000 rows  50 %  50,000 rows/s  3 diffs  ETA 10 s  (push-down)",
        " 0/2 tables: 0 identical, 0 with differences, 0 failed; 50,000 rows/s; ETA 30 s"), screen.last());
    assertEquals(List.of(), screen.lines, "a starting table is shown in the block, not as a line");

    r.on(new ProgressEvent.TableStarted(at(9), "SALES.ORDERS", 2, 2));
    r.on(new ProgressEvent.TableMode(at(9), "SALES.ORDERS", false, "rows hashed in Java: column NOTE is a CLOB"));
    r.on(new ProgressEvent.TablePlanned(at(9), "SALES.ORDERS", 10, 0, false,
        new TableFacts(at(9), 0, 10, 100_000L, 0, 0)));
    assertEquals(List.of("  SALES.ORDERS: rows hashed in Java: column NOTE is a CLOB"), screen.lines,
        "why a table is hashed in Java is said once, above the block");
    clock.set(at(20));
    r.on(new ProgressEvent.TableFinished(at(20), "HR.EMPLOYEES", table("HR", "EMPLOYEES", 1_000_000, 0, 0, 3),
        new TableFacts(T, 100, 100, 1_000_000L, 1_000_000, 3)));
    assertEquals("[1/2] HR.EMPLOYEES: DIFFERENCES: 0 missing in target, 0 missing in source, 3 different"
        + "  1,000,000 rows  20 s", screen.lines.get(1));
    // nothing compared in SALES.ORDERS for 11 s: 0 rows/s, no ETA; the run: 500,000 rows in 20 s, 100,000 left
    assertEquals(List.of(
        " SALES.ORDERS  0  / 100,000 rows  0 %  0 rows/s  0 diffs  ETA unknown  (Java)",
        " 1/2 tables: 0 identical, 1 with differences, 0 failed; 25,000 rows/s; ETA 4 s"), screen.last());
    r.on(new ProgressEvent.StopRequested(at(21)));
    assertEquals("Interrupted: finishing the chunks in flight, then saving the session (Ctrl-C again to abort now).",
        screen.lines.get(2), "on a terminal the notice goes above the block, not to standard error");
    r.on(new ProgressEvent.RunEnded(at(21), RunStatus.INTERRUPTED));
    assertTrue(screen.closed, "the block is removed when the run ends");
    assertEquals("", out.toString() + err.toString());
  }

  @Test
  void manyActiveTablesAreCountedNotListed() {
    Recorded screen = new Recorded();
    ConsoleReporter r = new ConsoleReporter(ConsoleReporter.Mode.LIVE, screen, new PrintWriter(err), INTERVAL, clock,
        null);
    r.on(new ProgressEvent.RunStarted(T, "id", 30));
    for (int i = 1; i <= 25; i++) {
      r.on(new ProgressEvent.TableStarted(T, "APP.T" + i, i, 30));
    }
    List<String> block = screen.last();
    assertEquals(ConsoleReporter.MAX_TABLES + 2, block.size(), block.toString());
    assertEquals("  ... and 5 more tables in progress", block.get(ConsoleReporter.MAX_TABLES));
  }

  @Test
  void recheckRoundsAndTheReplicationLagAreShownAndAnUnknownLagOnlyOnce() {
    ConsoleReporter r = reporter(ConsoleReporter.Mode.PLAIN);
    Duration ten = Duration.ofSeconds(10);
    r.on(new ProgressEvent.ReplicationLag(T, new LagReading("start", T.toString(), null, "the target is not a standby"),
        ten, ten));
    r.on(new ProgressEvent.RecheckWaiting(T, "HR.EMP", 1, 2, Duration.ofMillis(9500)));
    r.on(new ProgressEvent.RecheckRoundDone(T, "HR.EMP", 2, new RecheckRound(1, 9, 4, 1)));
    r.on(new ProgressEvent.TableFinished(T, "HR.EMP", new TableSnapshot("HR_EMP", "HR", "EMP", "HR", "EMP",
        TableStatus.COMPLETED, 40, 40, 4000, 3999, 1, 0, 3, null, null, null, List.of("ID"), 100, "/out/sync.sql",
        null, List.of(), "HR", "EMP", "/out/summary.txt", 4, 1, List.of(new RecheckRound(1, 9, 4, 1))),
        new TableFacts(T, 40, 40, 4000L, 4000, 4)));
    r.on(new ProgressEvent.ReplicationLag(T, new LagReading("end", T.toString(), null, "the target is not a standby"),
        ten, ten));
    r.on(new ProgressEvent.ReplicationLag(T, new LagReading("start", T.toString(), 42_000L, null), ten,
        Duration.ofMillis(50_400)));

    assertEquals(List.of(
        "Replication lag: unknown (the target is not a standby)",
        "  HR.EMP: recheck round 1/2 in 9.5 s (rows are read again a while after they were read)",
        "  HR.EMP: recheck round 1/2: 9 rows read again: 4 in flight, 1 changing, 4 still different",
        "  HR.EMP: DIFFERENCES: 1 missing in target, 0 missing in source, 3 different  4,000 rows  0 s",
        "    rechecked:   4 in flight, 1 changing (followed by the target): not differences",
        "Replication lag (start of run): 42.0 s",
        "Replication lag 42.0 s exceeds the recheck delay of 10.0 s: rows are read again 50.4 s after they were read"),
        out.toString().lines().toList());
  }
}
