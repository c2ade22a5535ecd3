package io.dbcompare.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.checkpoint.KryoCheckpointStore;
import io.dbcompare.config.TableConfig;
import io.dbcompare.config.TableName;
import io.dbcompare.session.SessionBook;
import io.dbcompare.session.SessionStore;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a damaged checkpoint does, as ErrorCode.CHECKPOINT_CORRUPT and the README's "Failure and
 * recovery" say: damaged while the finished table is read back, the table fails naming the chunk and
 * --retry-failed; found when the table is prepared again, that chunk is compared again.
 */
class DamagedCheckpointTest {
  @TempDir
  Path dir;

  private static final TableConfig CONFIG = new TableConfig(TableName.parse("S.T", "test"),
      TableName.parse("S.T", "test"), List.of(), Optional.empty(), List.of(), List.of(), Optional.empty());
  private static final TableSpec SPEC = new TableSpec("S_T", "S.T", new TableRef("S", "T"), new TableRef("S", "T"),
      List.of(new ColumnSpec("ID", "ID", ValueKind.NUMBER, "NUMBER", "NUMBER", true),
          new ColumnSpec("V", "V", ValueKind.TEXT, "VARCHAR2", "VARCHAR2", false)), 1, Optional.empty(), false);

  /** Saves like the real store, then truncates the file of chunk 2 (index 1), as a failing disk might. */
  private final class DamagingStore implements CheckpointStore {
    final KryoCheckpointStore real = new KryoCheckpointStore(dir.resolve("cp"));

    @Override
    public void save(String sessionId, ChunkResult result) {
      real.save(sessionId, result);
      if (result.chunkIndex() == 1) {
        try {
          Path f = real.file(sessionId, result.tableKey(), 1);
          Files.write(f, java.util.Arrays.copyOf(Files.readAllBytes(f), 20));
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }
    }

    @Override
    public Optional<ChunkResult> load(String sessionId, TableSpec table, int chunkIndex, int chunkCount) {
      return real.load(sessionId, table, chunkIndex, chunkCount);
    }

    @Override
    public void saveStage(String sessionId, String stage, ChunkResult result) {
      real.saveStage(sessionId, stage, result);
    }

    @Override
    public Optional<ChunkResult> loadStage(String sessionId, String stage, TableSpec table, int chunkIndex,
        int chunkCount) {
      return real.loadStage(sessionId, stage, table, chunkIndex, chunkCount);
    }
  }

  @Test
  void aCheckpointDamagedBeforeTheTableIsWrittenFailsTheTableAndRetryFailedComparesTheChunkAgain()
      throws Exception {
    BisectingComparerTest.FakeDb db = new BisectingComparerTest.FakeDb();
    for (int i = 1; i <= 1000; i++) {
      Object[] row = {BigDecimal.valueOf(i), "v" + i};
      db.source.put(BigDecimal.valueOf(i), row);
      db.target.put(BigDecimal.valueOf(i), i == 500 ? new Object[] {BigDecimal.valueOf(i), "changed"} : row.clone());
    }
    SessionStore store = new SessionStore(dir.resolve("state"), dir.resolve("cp"),
        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    SessionBook book = SessionBook.create(store, "c.yaml", "h", "s", "t",
        List.of(new SessionBook.NewTable("S_T", "S", "T", "S", "T")));
    List<Integer> chunksRead = Collections.synchronizedList(new ArrayList<>());

    run(book, db, new DamagingStore(), chunksRead, ComparisonEngine.Mode.NEW);
    TableSnapshot tp = book.table("S_T");
    assertEquals(TableStatus.FAILED, tp.status());
    assertEquals("S.T: checkpoint of chunk 2 disappeared or was damaged while writing results; resume the session"
        + " with --retry-failed to compare that chunk again", tp.error());
    assertEquals(List.of(0), chunksRead, "results were read back until the damaged chunk");

    chunksRead.clear();
    run(book, db, new KryoCheckpointStore(dir.resolve("cp")), chunksRead, ComparisonEngine.Mode.RETRY_FAILED);
    tp = book.table("S_T");
    assertEquals(TableStatus.COMPLETED, tp.status(), tp.error());
    assertEquals(1, tp.differentRows());
    assertEquals(1000, tp.sourceRows());
    assertEquals(List.of(0, 1, 2), chunksRead);
  }

  private static void run(ProgressBook book, BisectingComparerTest.FakeDb db, CheckpointStore cps,
      List<Integer> chunksRead, ComparisonEngine.Mode mode) throws InterruptedException {
    ChunkPlanner planner = (t, size) -> List.of(new Object[] {BigDecimal.valueOf(250)}, new Object[] {BigDecimal.valueOf(750)});
    TableFinisher finisher = (t, results, p) -> {
      results.forEach(r -> chunksRead.add(r.chunkIndex()));
      return new TableOutputs(null, null, List.of(), null, t.target().schema(), t.target().table());
    };
    ComparisonEngine engine = new ComparisonEngine(book,
        new ComparisonEngine.Ports(tc -> SPEC, planner, db, db, cps, finisher),
        new ComparisonEngine.Options(1, 250, 2, 1, 64, 8, 100), List.of(), Clock.systemUTC(),
        ComparisonEngine.Hooks.NONE);
    engine.run(List.of(CONFIG), mode);
    assertTrue(engine.runFailure() == null, String.valueOf(engine.runFailure()));
  }
}
