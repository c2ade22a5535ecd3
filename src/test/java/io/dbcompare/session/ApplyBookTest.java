package io.dbcompare.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The apply progress changes only through ApplyBook's operations, each saved at once, in the session
 * file's {@code apply_progress} shape that resumes and tests read.
 */
class ApplyBookTest {
  @TempDir Path tmp;

  private final Clock clock = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void operationsAreSavedInTheSessionFile() throws Exception {
    SessionStore store = new SessionStore(tmp, tmp, clock);
    Session s = store.create("c.yaml", "h", "src", "tgt");
    ApplyBook book = ApplyBook.start(s, store, List.of("/x/sync.sql"));
    JsonNode ap = new ObjectMapper().readTree(store.sessionFile(s.sessionId).toFile()).get("apply_progress");
    assertEquals("running", ap.get("status").asText());
    assertEquals("2024-01-01T00:00:00Z", ap.get("started_at").asText());

    assertEquals(new ApplyProgress.FileView(3, 0, 0, null), book.file("/x/sync.sql", 3));
    book.aboutToCommit("/x/sync.sql", 0);
    ap = new ObjectMapper().readTree(store.sessionFile(s.sessionId).toFile()).get("apply_progress");
    assertEquals(0, ap.get("files").get("/x/sync.sql").get("in_doubt_batch").asInt());
    book.committed("/x/sync.sql", 0, 5, 4, List.of("APP.T (ID=1) (f, line 3): changed"));
    book.stopped("APP.T (ID=2) (f, line 9): changed");

    ap = new ObjectMapper().readTree(store.sessionFile(s.sessionId).toFile()).get("apply_progress");
    assertEquals("stopped", ap.get("status").asText());
    assertEquals(List.of("/x/sync.sql"), List.of(ap.get("scripts").get(0).asText()));
    assertEquals(4, ap.get("statements_applied").asLong());
    assertEquals(1, ap.get("statements_skipped").asLong());
    JsonNode f = ap.get("files").get("/x/sync.sql");
    assertEquals(3, f.get("batches").asInt());
    assertEquals(1, f.get("batches_done").asInt());
    assertEquals(5, f.get("statements_done").asLong());
    assertEquals(true, f.get("in_doubt_batch").isNull());
    assertEquals("skipped: APP.T (ID=1) (f, line 3): changed", ap.get("conflicts").get(0).asText());
    assertEquals("stopped: APP.T (ID=2) (f, line 9): changed", ap.get("conflicts").get(1).asText());

    // read back: the same progress, and a resumed apply keeps when it first started
    Session again = store.find(s.sessionId);
    assertEquals(new ApplyProgress.FileView(3, 1, 5, null), again.applyProgress.file("/x/sync.sql"));
    ApplyBook resumed = ApplyBook.start(again, new SessionStore(tmp, tmp, Clock.offset(clock,
        java.time.Duration.ofHours(1))), List.of("/x/sync.sql"));
    assertEquals("2024-01-01T00:00:00Z", resumed.progress().startedAt());
    assertEquals(ApplyProgress.RUNNING, resumed.progress().status());
    resumed.finished();
    assertEquals("2024-01-01T01:00:00Z", store.find(s.sessionId).applyProgress.finishedAt());
  }

  @Test
  void batchesAreRecordedInOrderOnly() {
    SessionStore store = new SessionStore(tmp, tmp, clock);
    Session s = store.create("c.yaml", "h", "src", "tgt");
    ApplyBook book = ApplyBook.start(s, store, List.of("f"));
    assertThrows(IllegalStateException.class, () -> book.aboutToCommit("f", 0), "a file not started");
    book.file("f", 3);
    assertThrows(IllegalStateException.class, () -> book.committed("f", 1, 1, 1, List.of()));
    assertThrows(IllegalStateException.class, () -> book.aboutToCommit("f", 2));
    assertNull(book.progress().file("f").inDoubtBatch());
  }
}
