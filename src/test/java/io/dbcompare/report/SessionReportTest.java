package io.dbcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.RunStatus;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableStatus;
import io.dbcompare.session.SessionBook;
import io.dbcompare.session.SessionStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --list-sessions and --status: aligned columns, newest first, people's times, a running session's ETA. */
class SessionReportTest {
  @TempDir Path dir;

  private static TableSnapshot table(String key, TableStatus status, int done, int total, long rows, long diffs,
      String started, String finished) {
    return new TableSnapshot(key, "APP", key.substring(4), "APP", key.substring(4), status, total, done, rows, rows, 0,
        0, diffs, status == TableStatus.FAILED ? "boom" : null, started, finished, List.of("ID"), 10_000, null, null,
        List.of(), null, null, null);
  }

  @Test
  void statusOfARunningSessionShowsProgressRateAndEta() {
    RunSnapshot s = new RunSnapshot("0123abcd-0000-4000-8000-000000000001", "/cfg.yaml", "h", "src", "tgt",
        "2026-12-01T07:00:00Z", "2026-12-01T07:10:00Z", RunStatus.RUNNING, List.of(
            table("APP_DONE", TableStatus.COMPLETED, 10, 10, 100_000, 0, "2026-12-01T07:00:00Z", "2026-12-01T07:00:38Z"),
            table("APP_A_VERY_LONG_TABLE_NAME", TableStatus.IN_PROGRESS, 25, 100, 250_000, 3, "2026-12-01T07:05:00Z",
                null),
            table("APP_NEXT", TableStatus.PENDING, 0, 0, 0, 0, null, null),
            table("APP_BAD", TableStatus.FAILED, 1, 4, 10, 0, "2026-12-01T07:01:00Z", "2026-12-01T07:01:02Z")),
        List.of());
    StringWriter out = new StringWriter();
    SessionReport.status(new PrintWriter(out), s, true, ZoneId.of("Europe/Berlin"));
    List<String> lines = out.toString().lines().toList();
    assertEquals("Session:     0123abcd-0000-4000-8000-000000000001 (running now)", lines.get(0));
    assertEquals("Started:     2026-12-01 08:00:00   last update: 2026-12-01 08:10:00", lines.get(4));
    List<String> rows = lines.subList(7, 12);
    assertEquals(List.of(
        "TABLE                       STATUS       CHUNKS  SOURCE ROWS  TARGET ROWS  MISSING IN TARGET  MISSING IN SOURCE"
            + "  DIFFERENT    DURATION  ROWS/S  DONE          ETA",
        "APP_DONE                    identical     10/10      100,000      100,000                  0                  0"
            + "          0        38 s   2,632",
        "APP_A_VERY_LONG_TABLE_NAME  in progress  25/100      250,000      250,000                  0                  0"
            + "          3  5 min 00 s     833  25 %  15 min 00 s",
        "APP_NEXT                    pending         0/0            0            0                  0                  0"
            + "          0           -       -",
        "APP_BAD                     FAILED          1/4           10           10                  0                  0"
            + "          0         2 s       5"), rows);
    for (String r : rows) {
      assertTrue(r.chars().allMatch(c -> c < 128), "plain ASCII: " + r);
    }
    assertTrue(out.toString().contains("  APP_BAD error: boom"), out.toString());
    // 750,000 rows left in the table in progress, and the pending table taken as large as the average
    // planned table (100,000, 1,000,000 and 40,000: 380,000): 1,130,000 rows at 833 rows/s
    assertTrue(out.toString().contains("Running now (as of the last save, 2026-12-01 08:10:00): 833 rows/s in the"
        + " tables in progress (average since each started); ETA for the session 22 min 36 s"), out.toString());
  }

  @Test
  void listIsNewestFirstAndAligned() throws Exception {
    SessionStore store = new SessionStore(dir.resolve("state"), dir.resolve("cp"),
        Clock.fixed(Instant.parse("2026-12-01T07:00:00Z"), ZoneOffset.UTC));
    SessionBook older = SessionBook.create(store, "/cfg/config.yaml", "h", "src", "tgt",
        List.of(new SessionBook.NewTable("APP_T", "APP", "T", "APP", "T")));
    older.runStatus(RunStatus.RUNNING);
    SessionStore later = new SessionStore(dir.resolve("state"), dir.resolve("cp"),
        Clock.fixed(Instant.parse("2026-12-02T07:00:00Z"), ZoneOffset.UTC));
    SessionBook newer = SessionBook.create(later, "/cfg/a-much-longer-configuration-name.yaml", "h", "src", "tgt",
        List.of(new SessionBook.NewTable("APP_T", "APP", "T", "APP", "T")));
    newer.runStatus(RunStatus.RUNNING);
    StringWriter out = new StringWriter();
    SessionReport.list(new PrintWriter(out), store, store.list(), id -> id.equals(newer.sessionId()), ZoneId.of("UTC"));
    List<String> lines = out.toString().lines().toList();
    assertEquals(3, lines.size(), out.toString());
    assertTrue(lines.get(1).startsWith(newer.sessionId() + "  2026-12-02 07:00:00"), lines.get(1));
    assertTrue(lines.get(2).startsWith(older.sessionId() + "  2026-12-01 07:00:00"), lines.get(2));
    assertTrue(lines.get(1).contains("running (running now)"), lines.get(1));
    int status = lines.get(0).indexOf("STATUS");
    assertEquals(status, lines.get(2).indexOf("running"), "columns line up: " + out);
    int config = lines.get(0).indexOf("CONFIG");
    assertEquals(config, lines.get(1).indexOf("/cfg/a-much"));
    assertEquals(config, lines.get(2).indexOf("/cfg/config.yaml"));
  }

  @Test
  void statusNamesAFailedSessionMaster() {
    RunSnapshot ok = io.dbcompare.sync.OutputFixture.run(
        List.of(io.dbcompare.sync.OutputFixture.pending(io.dbcompare.sync.OutputFixture.spec("T"))));
    assertTrue(!status(ok).contains("Session sync"), status(ok));
    RunSnapshot failed = new RunSnapshot(ok.sessionId(), ok.configPath(), ok.configHash(), ok.source(), ok.target(),
        ok.startTime(), ok.lastUpdate(), ok.status(), ok.tables(), List.of(), "/o/sync_session.sql: disk full");
    assertTrue(status(failed).contains("Session sync: not written: /o/sync_session.sql: disk full (--resume 0123abcd"
        + " writes it)\n"), status(failed));
  }

  private static String status(RunSnapshot s) {
    StringWriter w = new StringWriter();
    SessionReport.status(new PrintWriter(w, true), s, false, ZoneOffset.UTC);
    return w.toString();
  }
}
