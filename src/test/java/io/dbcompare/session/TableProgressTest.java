package io.dbcompare.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableProgressTest {

  private static ChunkProgress chunk(int index, SessionStatus status, long src, long tgt, long mit, long mis, long diff) {
    ChunkProgress c = new ChunkProgress(index, index == 0 ? null : List.of("N:" + index), List.of("N:" + (index + 1)));
    c.status = status;
    c.sourceRows = src;
    c.targetRows = tgt;
    c.missingInTarget = mit;
    c.missingInSource = mis;
    c.differentRows = diff;
    return c;
  }

  @Test
  void recountSumsOnlyCompletedChunks() {
    TableProgress t = new TableProgress();
    t.chunks.add(chunk(0, SessionStatus.COMPLETED, 100, 98, 3, 1, 2));
    t.chunks.add(chunk(1, SessionStatus.FAILED, 1000, 1000, 1000, 1000, 1000));
    t.chunks.add(chunk(2, SessionStatus.COMPLETED, 50, 51, 0, 1, 5));
    t.chunks.add(chunk(3, SessionStatus.IN_PROGRESS, 7, 7, 7, 7, 7));
    t.chunks.add(chunk(4, SessionStatus.PENDING, 9, 9, 9, 9, 9));

    t.recount();

    assertEquals(5, t.totalChunks);
    assertEquals(2, t.completedChunks);
    assertEquals(150, t.sourceRows);
    assertEquals(149, t.targetRows);
    assertEquals(3, t.missingInTarget);
    assertEquals(2, t.missingInSource);
    assertEquals(7, t.differentRows);
    assertEquals(12, t.differences());
  }

  @Test
  void recountReplacesStaleCounts() {
    TableProgress t = new TableProgress();
    t.totalChunks = 99;
    t.completedChunks = 99;
    t.sourceRows = 12345;
    t.targetRows = 12345;
    t.missingInTarget = 5;
    t.missingInSource = 5;
    t.differentRows = 5;
    t.chunks.add(chunk(0, SessionStatus.COMPLETED, 10, 10, 0, 0, 1));

    t.recount();
    assertEquals(1, t.totalChunks);
    assertEquals(1, t.completedChunks);
    assertEquals(10, t.sourceRows);
    assertEquals(10, t.targetRows);
    assertEquals(0, t.missingInTarget);
    assertEquals(0, t.missingInSource);
    assertEquals(1, t.differentRows);

    // a chunk being recomputed (completed -> in progress) drops out of the counts again
    t.chunks.get(0).status = SessionStatus.IN_PROGRESS;
    t.recount();
    assertEquals(1, t.totalChunks);
    assertEquals(0, t.completedChunks);
    assertEquals(0, t.sourceRows);
    assertEquals(0, t.differences());
  }

  @Test
  void recountOfAnUnplannedTable() {
    TableProgress t = new TableProgress();
    assertFalse(t.planned());
    t.sourceRows = 3;
    t.recount();
    assertEquals(0, t.totalChunks);
    assertEquals(0, t.completedChunks);
    assertEquals(0, t.sourceRows);
    t.chunks.add(new ChunkProgress(0, null, null));
    assertTrue(t.planned());
    t.recount();
    assertEquals(1, t.totalChunks);
    assertEquals(0, t.completedChunks, "a new chunk is pending");
  }

  @Test
  void sessionTotalsFollowTheTables() {
    Session s = new Session();
    TableProgress a = new TableProgress();
    a.chunks.add(chunk(0, SessionStatus.COMPLETED, 10, 9, 1, 0, 2));
    a.recount();
    a.status = SessionStatus.COMPLETED;
    TableProgress b = new TableProgress();
    b.chunks.add(chunk(0, SessionStatus.COMPLETED, 5, 6, 0, 1, 0));
    b.recount();
    b.status = SessionStatus.FAILED;
    TableProgress c = new TableProgress();
    c.status = SessionStatus.IN_PROGRESS;
    s.tableProgress.put("A_A", a);
    s.tableProgress.put("A_B", b);
    s.tableProgress.put("A_C", c);

    s.recomputeTotals();
    assertEquals(3, s.totals.tables);
    assertEquals(1, s.totals.tablesCompleted);
    assertEquals(1, s.totals.tablesFailed);
    assertEquals(1, s.totals.tablesPending);
    assertEquals(15, s.totals.sourceRows);
    assertEquals(15, s.totals.targetRows);
    assertEquals(1, s.totals.missingInTarget);
    assertEquals(1, s.totals.missingInSource);
    assertEquals(2, s.totals.differentRows);
  }
}
