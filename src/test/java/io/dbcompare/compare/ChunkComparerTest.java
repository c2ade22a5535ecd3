package io.dbcompare.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkComparerTest {
  private static final String GRINNING = "\uD83D\uDE00";
  private static final String REPLACEMENT = "\uFFFD";

  static final TableSpec TABLE = new TableSpec("APP_ORDERS", "APP.ORDERS", new TableRef("APP", "ORDERS"),
      new TableRef("APP", "ORDERS"),
      List.of(
          new ColumnSpec("REGION", "region", ValueKind.TEXT, "VARCHAR2", "varchar", true),
          new ColumnSpec("ID", "id", ValueKind.NUMBER, "NUMBER", "numeric", true),
          new ColumnSpec("NAME", "name", ValueKind.TEXT, "VARCHAR2", "varchar", false),
          new ColumnSpec("AMOUNT", "amount", ValueKind.NUMBER, "NUMBER", "numeric", false)),
      2, Optional.empty(), false);
  private static final RowHasher HASHER = new RowHasher(TABLE.kinds());

  static Row row(String region, long id, String name, String amount) {
    return row(region, BigDecimal.valueOf(id), name, amount);
  }

  static Row row(String region, BigDecimal id, String name, String amount) {
    Object[] v = {region, id, name, amount == null ? null : new BigDecimal(amount)};
    return new Row(v, HASHER.hash(v), 2);
  }

  private static ChunkResult compare(List<Row> source, List<Row> target) throws InterruptedException {
    return ChunkComparer.compare(TABLE, 3, new ListCursor(source), new ListCursor(target));
  }

  private static String describe(RowDiff d) {
    return d.kind() + " " + d.key()[0] + "/" + d.key()[1];
  }

  @Test
  void identicalChunkHasNoDiffs() throws InterruptedException {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add(row("EU", i, "n" + i, i + ".5"));
    }
    List<Row> copy = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      copy.add(row("EU", i, "n" + i, i + ".50")); // same values, other scale
    }
    ChunkResult r = compare(rows, copy);
    assertEquals("APP_ORDERS", r.tableKey());
    assertEquals(3, r.chunkIndex());
    assertEquals(100, r.sourceRows());
    assertEquals(100, r.targetRows());
    assertEquals(0, r.missingInTarget());
    assertEquals(0, r.missingInSource());
    assertEquals(0, r.different());
    assertEquals(0, r.differences());
    assertTrue(r.diffs().isEmpty());
  }

  @Test
  void emptyChunks() throws InterruptedException {
    ChunkResult none = compare(List.of(), List.of());
    assertEquals(0, none.sourceRows());
    assertEquals(0, none.targetRows());
    assertTrue(none.diffs().isEmpty());

    ChunkResult onlySource = compare(List.of(row("EU", 1, "a", "1"), row("EU", 2, "b", "2")), List.of());
    assertEquals(2, onlySource.sourceRows());
    assertEquals(0, onlySource.targetRows());
    assertEquals(2, onlySource.missingInTarget());
    assertEquals(List.of("MISSING_IN_TARGET EU/1", "MISSING_IN_TARGET EU/2"),
        onlySource.diffs().stream().map(ChunkComparerTest::describe).toList());

    ChunkResult onlyTarget = compare(List.of(), List.of(row("EU", 1, "a", "1")));
    assertEquals(0, onlyTarget.sourceRows());
    assertEquals(1, onlyTarget.targetRows());
    assertEquals(1, onlyTarget.missingInSource());
    assertEquals(1, onlyTarget.differences());
  }

  @Test
  void rowsMissingInTargetIncludingBeforeTheFirstAndAfterTheLast() throws InterruptedException {
    Row first = row("AA", 1, "first", "1");
    Row middle = row("EU", 2, "middle", "2");
    Row last = row("ZZ", 9, "last", null);
    List<Row> source = List.of(first, row("EU", 1, "x", "1"), middle, row("EU", 3, "y", "3"), last);
    List<Row> target = List.of(row("EU", 1, "x", "1"), row("EU", 3, "y", "3"));

    ChunkResult r = compare(source, target);
    assertEquals(5, r.sourceRows());
    assertEquals(2, r.targetRows());
    assertEquals(3, r.missingInTarget());
    assertEquals(0, r.missingInSource());
    assertEquals(0, r.different());
    assertEquals(3, r.differences());
    assertEquals(List.of("MISSING_IN_TARGET AA/1", "MISSING_IN_TARGET EU/2", "MISSING_IN_TARGET ZZ/9"),
        r.diffs().stream().map(ChunkComparerTest::describe).toList());
    RowDiff d = r.diffs().get(2);
    assertArrayEquals(new Object[] {"ZZ", BigDecimal.valueOf(9)}, d.key());
    assertArrayEquals(last.values(), d.sourceValues());
    assertNull(d.targetValues());
  }

  @Test
  void rowsMissingInSourceIncludingBeforeTheFirstAndAfterTheLast() throws InterruptedException {
    List<Row> source = List.of(row("EU", 1, "x", "1"), row("EU", 3, "y", "3"));
    Row first = row("AA", 0, "first", "0");
    Row last = row(GRINNING, 1, "last", "5");
    List<Row> target = List.of(first, row("EU", 1, "x", "1"), row("EU", 2, "m", "2"), row("EU", 3, "y", "3"),
        row(REPLACEMENT, 1, "r", "1"), last);

    ChunkResult r = compare(source, target);
    assertEquals(2, r.sourceRows());
    assertEquals(6, r.targetRows());
    assertEquals(0, r.missingInTarget());
    assertEquals(4, r.missingInSource());
    assertEquals(0, r.different());
    assertEquals(List.of("MISSING_IN_SOURCE AA/0", "MISSING_IN_SOURCE EU/2", "MISSING_IN_SOURCE " + REPLACEMENT + "/1",
        "MISSING_IN_SOURCE " + GRINNING + "/1"), r.diffs().stream().map(ChunkComparerTest::describe).toList());
    RowDiff d = r.diffs().get(0);
    assertNull(d.sourceValues());
    assertArrayEquals(first.values(), d.targetValues());
  }

  @Test
  void differingRowsKeepBothSides() throws InterruptedException {
    Row s1 = row("EU", 1, "alice", "10");
    Row t1 = row("EU", 1, "alicE", "10");
    Row s2 = row("EU", 2, "bob", null);
    Row t2 = row("EU", 2, "bob", "0");
    List<Row> source = List.of(s1, s2, row("EU", 3, "same", "3.0"));
    List<Row> target = List.of(t1, t2, row("EU", 3, "same", "3"));

    ChunkResult r = compare(source, target);
    assertEquals(3, r.sourceRows());
    assertEquals(3, r.targetRows());
    assertEquals(2, r.different());
    assertEquals(0, r.missingInSource());
    assertEquals(0, r.missingInTarget());
    assertEquals(List.of("DIFFERENT EU/1", "DIFFERENT EU/2"),
        r.diffs().stream().map(ChunkComparerTest::describe).toList());
    assertArrayEquals(s2.values(), r.diffs().get(1).sourceValues());
    assertArrayEquals(t2.values(), r.diffs().get(1).targetValues());
  }

  @Test
  void mixedChunkMatchesASimpleModel() throws InterruptedException {
    String[] regions = {"EU", "US", "eu", REPLACEMENT, GRINNING, "\u00e9"};
    Random rnd = new Random(1234);
    for (int round = 0; round < 50; round++) {
      List<Object[]> keys = new ArrayList<>();
      for (String region : regions) {
        for (int id = -3; id < 20; id++) {
          keys.add(new Object[] {region, BigDecimal.valueOf(id)});
        }
      }
      keys.sort(TABLE.keyOrder());
      List<Row> source = new ArrayList<>();
      List<Row> target = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      long mit = 0;
      long mis = 0;
      long diff = 0;
      for (Object[] k : keys) {
        boolean inS = rnd.nextInt(10) < 7;
        boolean inT = rnd.nextInt(10) < 7;
        String region = (String) k[0];
        BigDecimal id = (BigDecimal) k[1];
        if (inS) {
          source.add(row(region, id, "n", "1"));
        }
        if (inT) {
          boolean differs = inS && rnd.nextInt(5) == 0;
          target.add(row(region, id, differs ? "changed" : "n", "1.00"));
          if (differs) {
            diff++;
            expected.add("DIFFERENT " + region + "/" + id);
          }
        }
        if (inS && !inT) {
          mit++;
          expected.add("MISSING_IN_TARGET " + region + "/" + id);
        } else if (inT && !inS) {
          mis++;
          expected.add("MISSING_IN_SOURCE " + region + "/" + id);
        }
      }
      ChunkResult r = compare(source, target);
      assertEquals(source.size(), r.sourceRows());
      assertEquals(target.size(), r.targetRows());
      assertEquals(mit, r.missingInTarget());
      assertEquals(mis, r.missingInSource());
      assertEquals(diff, r.different());
      assertEquals(expected, r.diffs().stream().map(ChunkComparerTest::describe).toList(), "round " + round);
    }
  }

  @Test
  void duplicateKeyInSourceFailsTheTable() {
    List<Row> source = List.of(row("EU", 1, "a", "1"), row("EU", 2, "b", "2"), row("EU", 2, "c", "3"),
        row("EU", 3, "d", "4"));
    List<Row> target = List.of(row("EU", 1, "a", "1"), row("EU", 2, "b", "2"), row("EU", 3, "d", "4"));
    CompareException e = assertThrows(CompareException.class, () -> compare(source, target));
    assertEquals(ErrorCode.TABLE_FAILED, e.code());
    assertTrue(e.getMessage().contains("(REGION=EU, ID=2)"), e.getMessage());
    assertTrue(e.getMessage().contains("occurs twice in the source"), e.getMessage());
    assertTrue(e.getMessage().startsWith("APP.ORDERS"), e.getMessage());
  }

  @Test
  void duplicateKeyInTargetFailsTheTableEvenAtTheEndAndWithAnotherScale() {
    List<Row> source = List.of(row("EU", 1, "a", "1"));
    List<Row> target = List.of(row("EU", 1, "a", "1"), row("US", BigDecimal.valueOf(7), "b", "2"),
        row("US", new BigDecimal("7.00"), "b", "2"));
    CompareException e = assertThrows(CompareException.class, () -> compare(source, target));
    assertEquals(ErrorCode.TABLE_FAILED, e.code());
    assertTrue(e.getMessage().contains("(REGION=US, ID=7)"), e.getMessage());
    assertTrue(e.getMessage().contains("occurs twice in the target"), e.getMessage());
  }

  @Test
  void duplicateKeyAtTheStartOfTheOnlyStream() {
    List<Row> source = List.of(row("EU", 1, "a", "1"), row("EU", 1, "a", "1"));
    CompareException e = assertThrows(CompareException.class, () -> compare(source, List.of()));
    assertEquals(ErrorCode.TABLE_FAILED, e.code());
    assertTrue(e.getMessage().contains("(REGION=EU, ID=1)"), e.getMessage());
  }

  @Test
  void outOfOrderStreamFailsTheTable() {
    List<Row> source = List.of(row("EU", 1, "a", "1"), row("EU", 2, "b", "2"));
    List<Row> target = List.of(row("EU", 2, "b", "2"), row("EU", 1, "a", "1"));
    CompareException e = assertThrows(CompareException.class, () -> compare(source, target));
    assertEquals(ErrorCode.TABLE_FAILED, e.code());
    assertTrue(e.getMessage().contains("target returned rows out of binary key order at (REGION=EU, ID=1)"),
        e.getMessage());

    CompareException e2 = assertThrows(CompareException.class,
        () -> compare(List.of(row("US", 1, "a", "1"), row("EU", 5, "b", "2")), List.of()));
    assertEquals(ErrorCode.TABLE_FAILED, e2.code());
    assertTrue(e2.getMessage().contains("source returned rows out of binary key order"), e2.getMessage());
  }

  @Test
  void streamInUtf16OrderIsRejectedAndCodePointOrderAccepted() throws InterruptedException {
    Row grin = row(GRINNING, 1, "a", "1");
    Row repl = row(REPLACEMENT, 1, "a", "1");
    ChunkResult ok = compare(List.of(repl, grin), List.of(repl, grin));
    assertEquals(0, ok.differences());
    assertEquals(2, ok.sourceRows());

    // String.compareTo order: the surrogate pair first. A database with a non-binary collation does this.
    CompareException e = assertThrows(CompareException.class, () -> compare(List.of(grin, repl), List.of()));
    assertEquals(ErrorCode.TABLE_FAILED, e.code());
    assertTrue(e.getMessage().contains("out of binary key order"), e.getMessage());
  }
}
