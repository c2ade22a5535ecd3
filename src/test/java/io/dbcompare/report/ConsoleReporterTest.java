package io.dbcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dbcompare.compare.ProgressEvent;
import io.dbcompare.compare.ProgressEvent.TableFacts;
import io.dbcompare.compare.RunStatus;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console lines, from events alone (the same text as before events carried facts). */
class ConsoleReporterTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static TableSnapshot table(long mit, long mis, long diff, String sync) {
    return new TableSnapshot("HR_EMP", "HR", "EMP", "hr", "emp", TableStatus.COMPLETED, 40, 40, 4000, 3999, mit, mis,
        diff, null, null, null, List.of("ID"), 100, sync, null, List.of(), "hr", "emp", "/out/summary.txt");
  }

  @Test
  void printsWhatTheEventsSay() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ConsoleReporter r = new ConsoleReporter(new PrintWriter(out), new PrintWriter(err));
    TableFacts facts = new TableFacts(T, 0, 40, 4000L, 0, 0);
    r.on(new ProgressEvent.RunStarted(T, "id", 2));
    r.on(new ProgressEvent.TableStarted(T, "HR.EMP", 1, 2));
    r.on(new ProgressEvent.TablePlanned(T, "HR.EMP", 40, 3, true, facts));
    r.on(new ProgressEvent.TableMode(T, "HR.EMP", true, "checksums and hashes computed by the databases"));
    for (int done = 1; done <= 40; done++) {
      r.on(new ProgressEvent.ChunkCompleted(T, "HR.EMP", done - 1, 100, 100, done == 7 ? 2 : 0,
          new TableFacts(T, done, 40, 4000L, done * 100L, 2)));
    }
    r.on(new ProgressEvent.ChunkRetry(T, "HR.EMP", 4, 40, 1, "I/O error"));
    r.on(new ProgressEvent.TableRetry(T, "HR.EMP", 2, "connection reset"));
    r.on(new ProgressEvent.ChunkFailed(T, "HR.EMP", 5, 40, "ORA-01555"));
    r.on(new ProgressEvent.TableFinished(T, "HR.EMP", table(1, 0, 1, "/out/sync.sql"), facts));
    r.on(new ProgressEvent.TableFinished(T, "HR.DEPT", table(0, 0, 0, null), facts));
    r.on(new ProgressEvent.TableFailed(T, "HR.JOBS", "no such table"));
    r.on(new ProgressEvent.TableSkipped(T, "HR.X", "already completed"));
    r.on(new ProgressEvent.StopRequested(T));
    r.on(new ProgressEvent.RunEnded(T, RunStatus.INTERRUPTED));

    List<String> lines = out.toString().lines().toList();
    assertEquals("[1/2] Processing: HR.EMP", lines.get(0));
    assertEquals("  40 chunks (saved plan; 3 already done, loaded from checkpoints)", lines.get(1));
    assertEquals("  checksums and hashes computed by the databases", lines.get(2));
    assertEquals("  HR.EMP chunk 2/40 done (2/40 complete, 5%): rows 100/100, diffs 0", lines.get(3),
        "every 5% of a table of more than 20 chunks");
    assertEquals(3 + 20 + 9, lines.size(), out.toString());
    assertEquals("  HR.EMP chunk 40/40 done (40/40 complete, 100%): rows 100/100, diffs 0", lines.get(22));
    assertEquals(List.of(
        "  HR.EMP chunk 5/40: retry 1 after: I/O error",
        "  HR.EMP: retry 2 after: connection reset",
        "  HR.EMP chunk 6/40 FAILED: ORA-01555",
        "  HR.EMP: DIFFERENCES: 1 missing in target, 0 missing in source, 1 different",
        "    sync script: /out/sync.sql",
        "    summary:     /out/summary.txt",
        "  HR.DEPT: IDENTICAL (4000 rows)",
        "    summary:     /out/summary.txt",
        "  HR.JOBS: FAILED: no such table"), lines.subList(23, 32));
    assertEquals(List.of("", "Interrupted: finishing the chunks in flight, then saving the session (Ctrl-C again to"
        + " abort now)."), err.toString().lines().toList());
  }

  /** The key is named when it is not the primary key: from a unique index, key_columns, or none at all. */
  @Test
  void namesAKeyThatIsNotThePrimaryKey() {
    StringWriter out = new StringWriter();
    ConsoleReporter r = new ConsoleReporter(new PrintWriter(out), new PrintWriter(new StringWriter()));
    r.on(new ProgressEvent.TableKey(T, "HR.EMP", io.dbcompare.compare.KeySource.of(
        io.dbcompare.compare.KeySource.Kind.PRIMARY_KEY, List.of("ID"))));
    r.on(new ProgressEvent.TableKey(T, "HR.EMP", io.dbcompare.compare.KeySource.of(
        io.dbcompare.compare.KeySource.Kind.CONFIGURED, List.of("ID"))));
    r.on(new ProgressEvent.TableKey(T, "HR.ORD", io.dbcompare.compare.KeySource.uniqueIndex("UQ_ORD_NO",
        List.of("ORD_NO"))));
    r.on(new ProgressEvent.TableKey(T, "HR.LOG", io.dbcompare.compare.KeySource.none()));
    assertEquals(List.of(
        "  key: unique index UQ_ORD_NO (ORD_NO) (no primary key; its columns are NOT NULL on both sides)",
        "  key: none: no primary key and no unique index on NOT NULL columns; compared as a multiset of whole rows"),
        out.toString().lines().toList());
  }
}
