package io.dbcompare.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repair progress changes only through RepairBook's operations, each saved at once, in the session
 * file's {@code repair_progress} shape that a resumed repair reads.
 */
class RepairBookTest {
  @TempDir Path tmp;

  private final Clock clock = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);

  private JsonNode progress(SessionStore store, Session s) throws Exception {
    return new ObjectMapper().readTree(store.sessionFile(s.sessionId).toFile()).get("repair_progress");
  }

  @Test
  void operationsAreSavedInTheSessionFile() throws Exception {
    SessionStore store = new SessionStore(tmp, tmp, clock);
    Session s = store.create("c.yaml", "h", "src", "tgt");
    RepairBook book = RepairBook.start(s, store);
    assertEquals("running", progress(store, s).get("status").asText());
    assertEquals(new RepairProgress.TableView("running", -1, null, 0, 0, 0, 0, 0), book.table("APP_T"));

    book.aboutToCommit("APP_T", 2);
    assertEquals(2, progress(store, s).get("tables").get("APP_T").get("in_doubt_chunk").asInt());
    book.committed("APP_T", 2, 1, 2, 500, List.of("APP.T (ID=7) (chunk 3/9): changed"));
    book.aboutToCommit("APP_T", 5);
    book.stopped("APP.T (ID=9) (chunk 6/9): changed");

    JsonNode rp = progress(store, s);
    assertEquals("stopped", rp.get("status").asText());
    assertEquals(1, rp.get("rows_deleted").asLong());
    assertEquals(2, rp.get("rows_updated").asLong());
    assertEquals(500, rp.get("rows_inserted").asLong());
    assertEquals(1, rp.get("rows_skipped").asLong());
    JsonNode t = rp.get("tables").get("APP_T");
    assertEquals(2, t.get("last_chunk").asInt());
    assertEquals(5, t.get("in_doubt_chunk").asInt(), "whether chunk 6 committed is still unknown");
    assertEquals(1, t.get("chunks_done").asInt());
    assertEquals(List.of("skipped: APP.T (ID=7) (chunk 3/9): changed", "stopped: APP.T (ID=9) (chunk 6/9): changed"),
        List.of(rp.get("conflicts").get(0).asText(), rp.get("conflicts").get(1).asText()));

    // read back: the same progress; a resumed repair keeps when it first started
    Session again = store.find(s.sessionId);
    RepairProgress.TableView view = again.repairProgress.table("APP_T");
    assertTrue(view.inDoubt(5) && !view.inDoubt(2) && !view.completed(), view.toString());
    RepairBook resumed = RepairBook.start(again, new SessionStore(tmp, tmp, Clock.offset(clock, Duration.ofHours(1))));
    assertEquals("2024-01-01T00:00:00Z", resumed.progress().startedAt());
    resumed.committed("APP_T", 5, 0, 0, 10, List.of());
    resumed.tableCompleted("APP_T");
    resumed.finished();
    Session last = store.find(s.sessionId);
    assertEquals("completed", last.repairProgress.status());
    assertEquals("2024-01-01T01:00:00Z", last.repairProgress.finishedAt());
    assertTrue(last.repairProgress.table("APP_T").completed());
    assertEquals(510, last.repairProgress.rowsInserted());
  }

  @Test
  void chunksAreRecordedInOrderOnly() {
    SessionStore store = new SessionStore(tmp, tmp, clock);
    Session s = store.create("c.yaml", "h", "src", "tgt");
    RepairBook book = RepairBook.start(s, store);
    assertThrows(IllegalStateException.class, () -> book.aboutToCommit("APP_T", 0), "a table not started");
    book.table("APP_T");
    book.committed("APP_T", 3, 0, 0, 1, List.of());
    assertThrows(IllegalStateException.class, () -> book.aboutToCommit("APP_T", 3));
    assertThrows(IllegalStateException.class, () -> book.committed("APP_T", 1, 0, 0, 1, List.of()));
  }
}
