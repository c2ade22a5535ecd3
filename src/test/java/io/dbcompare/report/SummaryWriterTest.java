package io.dbcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.sync.OutputFixture;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary a DBA reads first: its exact text for small in-memory results, and its sample limit. */
class SummaryWriterTest {
  @TempDir Path out;
  private static final TableSpec T = OutputFixture.spec("T");
  private static final List<String> HEADER = List.of("Session:             s", "Generated:           now");

  @Test
  void countsResultAndASampleOfEachKindWithTheDifferingColumns() throws Exception {
    ChunkResult r = OutputFixture.differences(T);
    TableSnapshot p = OutputFixture.completed(T, r, null);
    Path f = out.resolve("summary.txt");
    SummaryWriter.write(f, T, p, List.of(r), HEADER, "/out/sync.sql");
    assertEquals("""
        Comparison summary: APP.T
        =========================
        Session:             s
        Generated:           now
        Key:                 ID
        Compared columns:    2 (ID, NAME)
        Chunks:              1
        Rows in source:      3
        Rows in target:      3
        Missing in target:   1  (sync script INSERTs them)
        Missing in source:   1  (sync script DELETEs them)
        Different rows:      1  (sync script UPDATEs them)
        Result:              DIFFERENCES FOUND
        Sync script:         /out/sync.sql

        Missing in target (first 1):
          (ID=3)

        Missing in source (first 1):
          (ID=4)

        Different (first 1):
          (ID=1) columns: NAME

        Differing values, first 3 rows (source | target):
          (ID=1) different
              NAME  'source'  |  'target'
          (ID=3) missing in target
          (ID=4) missing in source
        """, Files.readString(f));
  }

  @Test
  void anIdenticalTableWithAFilterSaysSo() throws Exception {
    TableSpec filtered = new TableSpec(T.key(), T.displayName(), T.source(), T.target(), T.columns(), 1,
        Optional.of("ID > 0"), false);
    ChunkResult r = OutputFixture.identical(filtered);
    Path f = out.resolve("summary.txt");
    SummaryWriter.write(f, filtered, OutputFixture.completed(filtered, r, null), List.of(r), HEADER, null);
    String text = Files.readString(f);
    assertTrue(text.contains("\nFilter (both sides): ID > 0\n"), text);
    assertTrue(text.endsWith("Result:              IDENTICAL\nSync script:         none (no differences)\n"), text);
  }

  /** At most 20 keys of each kind, over all chunks, in chunk order; counts stay whole. */
  @Test
  void theSampleStopsAtTwentyKeysPerKind() throws Exception {
    List<ChunkResult> chunks = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      List<RowDiff> diffs = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        int id = c * 10 + i;
        diffs.add(new RowDiff(DiffKind.MISSING_IN_TARGET, new Object[] {BigDecimal.valueOf(id)},
            new Object[] {BigDecimal.valueOf(id), "x"}, null));
      }
      chunks.add(new ChunkResult(T.key(), c, 10, 0, 10, 0, 0, diffs));
    }
    ChunkResult total = new ChunkResult(T.key(), 0, 30, 0, 30, 0, 0, List.of());
    Path f = out.resolve("summary.txt");
    SummaryWriter.write(f, T, OutputFixture.completed(T, total, null), chunks, HEADER, "/out/sync.sql");
    String text = Files.readString(f);
    assertTrue(text.contains("Missing in target:   30  (sync script INSERTs them)\n"), text);
    assertTrue(text.contains("Missing in target (first 20):\n  (ID=0)\n"), text);
    String sample = text.substring(text.indexOf("Missing in target (first 20):"));
    sample = sample.substring(0, sample.indexOf("\n\n"));
    assertTrue(sample.contains("  (ID=19)") && !sample.contains("(ID=20)"), text);
  }

  @Test
  void onlyTheColumnsThatDifferAreNamed() {
    TableSpec wide = new TableSpec("APP_W", "APP.W", T.source(), T.target(), List.of(T.columns().get(0),
        T.columns().get(1), new ColumnSpec("NOTE", "NOTE", io.dbcompare.compare.ValueKind.TEXT, "VARCHAR2",
            "CHARACTER VARYING", false)), 1, Optional.empty(), false);
    RowDiff d = new RowDiff(DiffKind.DIFFERENT, new Object[] {BigDecimal.ONE},
        new Object[] {BigDecimal.ONE, "same", "a"}, new Object[] {BigDecimal.ONE, "same", null});
    assertEquals(List.of("NOTE"), SummaryWriter.differingColumns(wide, d));
  }

  @Test
  void anUnwritableFolderIsAnErrorNamingTheFile() throws Exception {
    Path blocked = out.resolve("file");
    Files.writeString(blocked, "not a folder");
    Path f = blocked.resolve("summary.txt");
    ChunkResult r = OutputFixture.identical(T);
    CompareException e = assertThrows(CompareException.class,
        () -> SummaryWriter.write(f, T, OutputFixture.completed(T, r, null), List.of(r), HEADER, null));
    assertEquals(ErrorCode.IO, e.code());
    assertTrue(e.getMessage().startsWith(f + ": cannot write the summary"), e.getMessage());
  }
}
