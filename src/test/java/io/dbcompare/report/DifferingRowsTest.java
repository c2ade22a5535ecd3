package io.dbcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.checkpoint.KryoCheckpointStore;
import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.ChunkSnapshot;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.compare.TableStatus;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first differing rows, read back from real checkpoint files one chunk at a time. */
class DifferingRowsTest {
  @TempDir Path dir;

  private static RowDiff changed(long id, String from, String to) {
    return new RowDiff(DiffKind.DIFFERENT, new Object[] {BigDecimal.valueOf(id)}, ReportFixture.row(id, from, "n", "1"),
        ReportFixture.row(id, to, "n", "1"));
  }

  private static ChunkSnapshot chunk(int index, long diffs) {
    return new ChunkSnapshot(index, null, null, TableStatus.COMPLETED, 10, 10, 0, 0, diffs, null);
  }

  private KryoCheckpointStore store() {
    return new KryoCheckpointStore(dir);
  }

  @Test
  void firstRowsInKeyOrderOnlyFromChunksWithDifferences() {
    KryoCheckpointStore store = store();
    String s = ReportFixture.SESSION;
    store.save(s, new ChunkResult("APP_DIFFS", 0, 10, 10, 0, 0, 2, List.of(changed(1, "a", "b"), changed(2, "c", "d"))));
    // chunk 1 has no differences: no checkpoint exists for it here, and it is not read
    List<RowDiff> third = new ArrayList<>();
    for (int id = 20; id < 23; id++) {
      third.add(changed(id, "e", "f"));
    }
    store.save(s, new ChunkResult("APP_DIFFS", 2, 10, 10, 0, 0, 3, third));

    DifferingRows.Sample sample = DifferingRows.read(store, s, ReportFixture.spec(),
        List.of(chunk(0, 2), chunk(1, 0), chunk(2, 3)), List.of(), 4);
    assertNull(sample.unavailable());
    assertEquals(List.of("1", "2", "20", "21"), sample.rows().stream().map(r -> r.key().get(0).value()).toList());
    DifferingRows.Row first = sample.rows().get(0);
    assertEquals(1, first.columns().size(), "a changed row shows only the columns that differ");
    assertEquals("NAME", first.columns().get(0).column());
    assertEquals("a", first.columns().get(0).source().text());
    assertEquals("b", first.columns().get(0).target().text());
  }

  @Test
  void aTableStagesRevisionWinsOverTheCheckpoint() {
    KryoCheckpointStore store = store();
    String s = ReportFixture.SESSION;
    store.save(s, new ChunkResult("APP_DIFFS", 0, 10, 10, 0, 0, 2, List.of(changed(1, "a", "b"), changed(2, "c", "d"))));
    store.saveStage(s, "recheck", new ChunkResult("APP_DIFFS", 0, 10, 10, 0, 0, 1, List.of(changed(2, "c", "d"))));
    DifferingRows.Sample sample = DifferingRows.read(store, s, ReportFixture.spec(), List.of(chunk(0, 1)),
        List.of("recheck"), 100);
    assertEquals(List.of("2"), sample.rows().stream().map(r -> r.key().get(0).value()).toList());
  }

  @Test
  void aMissingCheckpointSaysSoInsteadOfShowingFewerRows() throws Exception {
    KryoCheckpointStore store = store();
    String s = ReportFixture.SESSION;
    store.save(s, new ChunkResult("APP_DIFFS", 0, 10, 10, 0, 0, 1, List.of(changed(1, "a", "b"))));
    store.save(s, new ChunkResult("APP_DIFFS", 1, 10, 10, 0, 0, 1, List.of(changed(11, "a", "b"))));
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith("_chunk_1.kryo")).toList()) {
        Files.write(f, new byte[] {1, 2, 3});
      }
    }
    DifferingRows.Sample sample = DifferingRows.read(store, s, ReportFixture.spec(), List.of(chunk(0, 1), chunk(1, 1)),
        List.of(), 100);
    assertEquals(List.of(), sample.rows());
    assertEquals("the checkpoint of chunk 2 is missing or damaged", sample.unavailable());
  }

  @Test
  void missingRowsShowEveryColumnAndLongValuesAreShortenedWithLengthAndHash() {
    List<DifferingRows.Row> rows = ReportFixture.diffs().stream().map(d -> DifferingRows.row(ReportFixture.spec(), d))
        .toList();
    DifferingRows.Row changed = rows.get(0);
    assertEquals(List.of("NOTE"), changed.columns().stream().map(DifferingRows.Cell::column).toList(),
        "10.50 and 10.5 are the same number: only NOTE differs");
    DifferingRows.Row missing = rows.get(2);
    assertEquals(List.of("NAME", "NOTE", "AMOUNT"), missing.columns().stream().map(DifferingRows.Cell::column).toList());
    assertNull(missing.columns().get(0).target(), "the target has no row");
    assertNull(missing.columns().get(1).source(), "NOTE is NULL in the source");
    ShownValue lob = rows.get(1).columns().get(1).source();
    assertTrue(lob.shortened());
    assertEquals(ShownValue.PREFIX, lob.text().length());
    assertEquals(310, lob.length());
    assertEquals("characters", lob.lengthUnit());
    assertEquals(com.google.common.hash.Hashing.sha256().hashString(ReportFixture.LONG,
        java.nio.charset.StandardCharsets.UTF_8).toString(), lob.sha256());
    assertFalse(rows.get(0).columns().get(0).source().shortened());
  }

  @Test
  void bytesAreShownAsHexWithTheirByteLength() {
    ShownValue small = ShownValue.of(io.dbcompare.compare.ValueKind.BYTES, new byte[] {(byte) 0xca, (byte) 0xfe});
    assertEquals("cafe", small.text());
    assertEquals(2, small.length());
    ShownValue big = ShownValue.of(io.dbcompare.compare.ValueKind.BYTES, new byte[1000]);
    assertTrue(big.shortened());
    assertEquals(1000, big.length());
    assertEquals("bytes", big.lengthUnit());
    assertEquals("'" + "0".repeat(120) + "'... (1,000 bytes, SHA-256 " + big.sha256() + ")", big.quoted());
    assertEquals("'a\\nb\\tc\\\\'", ShownValue.of(io.dbcompare.compare.ValueKind.TEXT, "a\nb\tc\\").quoted());
  }
}
