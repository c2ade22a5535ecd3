package io.dbcompare.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ChunkSnapshot;
import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.RunStatus;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableStatus;
import io.dbcompare.error.CompareException;
import io.dbcompare.repair.RepairPlan.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which tables and chunks a repair writes, and how each chunk is read, from the session alone. */
class RepairPlanTest {
  private static ChunkSnapshot chunk(int i, long src, long tgt, long mit, long mis, long diff) {
    return new ChunkSnapshot(i, null, null, TableStatus.COMPLETED, src, tgt, mit, mis, diff, null);
  }

  private static TableSnapshot table(String key, TableStatus status, long mit, long mis, long diff) {
    return new TableSnapshot(key, "APP", key, "APP", key, status, 4, 4, 0, 0, mit, mis, diff,
        status == TableStatus.FAILED ? "target table APP.X does not exist" : null, null, null, List.of("ID"), 100, null,
        null, List.of(), null, null, null);
  }

  private static RunSnapshot run(TableSnapshot... tables) {
    return new RunSnapshot("00000000-1111-2222-3333-444444444444", "c.yaml", "h", "s", "t", null, null,
        RunStatus.COMPLETED, List.of(tables), List.of());
  }

  @Test
  void chunksWithDifferencesInPlanOrderEachWithItsMethod() {
    Map<String, List<ChunkSnapshot>> chunks = Map.of("A", List.of(chunk(0, 100, 100, 0, 0, 0),
        chunk(1, 100, 0, 100, 0, 0), chunk(2, 100, 40, 60, 0, 0), chunk(3, 100, 99, 1, 0, 2)),
        "B", List.of(chunk(0, 100, 100, 0, 0, 0)));
    RepairPlan p = RepairPlan.of(run(table("A", TableStatus.COMPLETED, 161, 0, 2),
        table("B", TableStatus.COMPLETED, 0, 0, 0)), Set.of(), chunks::get);
    assertEquals(1, p.tables().size(), "B has no differences");
    assertEquals(List.of(1, 2, 3), p.tables().get(0).chunks().stream().map(RepairPlan.ChunkPlan::index).toList());
    assertEquals(List.of(Method.COPY_RANGE, Method.READ_RANGE, Method.READ_KEYS),
        p.tables().get(0).chunks().stream().map(RepairPlan.ChunkPlan::method).toList());
    assertEquals(161, p.inserts());
    assertEquals(2, p.updates());
  }

  @Test
  void failedTablesAreSetApartAndUnfinishedOnesRefused() {
    RepairPlan p = RepairPlan.of(run(table("A", TableStatus.FAILED, 0, 0, 0)), Set.of(), k -> List.of());
    assertEquals(1, p.failed().size());
    assertTrue(p.tables().isEmpty());
    CompareException e = assertThrows(CompareException.class, () -> RepairPlan.of(
        run(table("A", TableStatus.IN_PROGRESS, 0, 0, 0)), Set.of(), k -> List.of()));
    assertTrue(e.getMessage().contains("is not complete") && e.getMessage().contains("--resume 00000000"),
        e.getMessage());
    assertTrue(RepairPlan.of(run(table("A", TableStatus.IN_PROGRESS, 0, 0, 0),
        table("B", TableStatus.COMPLETED, 0, 0, 0)), Set.of("B"), k -> List.of()).tables().isEmpty(),
        "only the tables named are looked at");
  }
}
