package io.dbcompare.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table stages' results beside the chunk checkpoints: same format, own folder, dropped with a new chunk result. */
class KryoStageFilesTest {
  private static final String SESSION = "0123abcd-1111-4222-8333-444455556666";
  private static final TableSpec TABLE = new TableSpec("APP_T", "APP.T", new TableRef("APP", "T"),
      new TableRef("app", "t"), List.of(new ColumnSpec("ID", "id", ValueKind.NUMBER, "NUMBER", "numeric", true),
          new ColumnSpec("V", "v", ValueKind.TEXT, "VARCHAR2", "text", false)), 1, Optional.empty(), false);

  @TempDir Path dir;

  private static ChunkResult result(int chunk, long different) {
    Object[] s = {BigDecimal.ONE, "a"};
    Object[] t = {BigDecimal.ONE, "b"};
    List<RowDiff> diffs = different == 0 ? List.of() : List.of(new RowDiff(DiffKind.DIFFERENT, new Object[] {BigDecimal.ONE}, s, t));
    return new ChunkResult("APP_T", chunk, 1, 1, 0, 0, different, diffs);
  }

  @Test
  void aStageResultIsStoredBesideTheChunkAndDroppedWhenTheChunkIsSavedAgain() throws Exception {
    KryoCheckpointStore store = new KryoCheckpointStore(dir);
    store.save(SESSION, result(0, 1));
    store.save(SESSION, result(1, 1));
    store.saveStage(SESSION, "recheck", result(0, 0));
    store.saveStage(SESSION, "recheck", result(1, 0));
    Path f = store.stageFile(SESSION, "recheck", "APP_T", 0);
    assertEquals(dir.resolve("stages/recheck/0123abcd_APP_T_chunk_0.kryo"), f);
    assertTrue(Files.isRegularFile(f));
    assertEquals(0, store.loadStage(SESSION, "recheck", TABLE, 0, 2).orElseThrow().different());
    assertEquals(1, store.load(SESSION, TABLE, 0, 2).orElseThrow().different(), "the chunk's own result is kept");
    assertTrue(store.loadStage(SESSION, "repair", TABLE, 0, 2).isEmpty(), "another stage stored nothing");

    store.save(SESSION, result(0, 1)); // chunk 0 compared again
    assertFalse(Files.exists(f));
    assertTrue(store.loadStage(SESSION, "recheck", TABLE, 0, 2).isEmpty());
    assertTrue(store.loadStage(SESSION, "recheck", TABLE, 1, 2).isPresent(), "other chunks keep theirs");
  }

  @Test
  void aDamagedStageFileIsRefusedLikeAChunkCheckpoint() throws Exception {
    KryoCheckpointStore store = new KryoCheckpointStore(dir);
    store.saveStage(SESSION, "recheck", result(0, 0));
    Path f = store.stageFile(SESSION, "recheck", "APP_T", 0);
    byte[] bytes = Files.readAllBytes(f);
    bytes[bytes.length - 1] ^= 1;
    Files.write(f, bytes);
    assertTrue(store.loadStage(SESSION, "recheck", TABLE, 0, 1).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> store.stageFile(SESSION, "../x", "APP_T", 0));
  }
}
