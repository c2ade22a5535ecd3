package io.dbcompare.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.sync.OutputFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --status names a session master that could not be written, and the command that writes it. */
class SessionReportTest {
  private static String status(RunSnapshot s) {
    StringWriter w = new StringWriter();
    SessionReport.status(new PrintWriter(w, true), s, false);
    return w.toString();
  }

  @Test
  void statusNamesAFailedSessionMaster() {
    RunSnapshot ok = OutputFixture.run(List.of(OutputFixture.pending(OutputFixture.spec("T"))));
    assertFalse(status(ok).contains("Session sync"), status(ok));
    RunSnapshot failed = new RunSnapshot(ok.sessionId(), ok.configPath(), ok.configHash(), ok.source(), ok.target(),
        ok.startTime(), ok.lastUpdate(), ok.status(), ok.tables(), List.of(), "/o/sync_session.sql: disk full");
    assertTrue(status(failed).contains("Session sync: not written: /o/sync_session.sql: disk full (--resume 0123abcd"
        + " writes it)\n"), status(failed));
  }
}
