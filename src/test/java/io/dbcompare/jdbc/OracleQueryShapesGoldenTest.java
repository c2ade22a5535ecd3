package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.DeclaredSize;
import io.dbcompare.compare.KeyColumnOrder.Rendering;
import io.dbcompare.compare.KeyColumnOrder;
import io.dbcompare.compare.ReadPoint;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.TextOrder;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.DatabaseFacts;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.Dialects;
import io.dbcompare.dialect.TableSample;
import io.dbcompare.sync.Golden;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every query shape of an Oracle side, compared with {@code golden/oracle_query_shapes.sql}: a DATE +
 * VARCHAR2 key whose text column has a non-binary collation on the source, read at an SCN on the
 * source and at the current data on the target (issue 9 items 1, 2, 4, 7, 8 and the read point).
 */
class OracleQueryShapesGoldenTest {
  static final BigInteger SCN = new BigInteger("12345678901234");
  static final LocalDateTime D1 = LocalDateTime.of(2024, 3, 1, 0, 0);
  static final LocalDateTime D2 = LocalDateTime.of(2024, 3, 9, 17, 30, 5);
  static final Object[] LOW = {D1, "M"};
  static final Object[] HIGH = {D2, "O'Brien"};
  static final ChunkBounds FIRST = new ChunkBounds(0, null, LOW);
  static final ChunkBounds MIDDLE = new ChunkBounds(1, LOW, HIGH);
  static final ChunkBounds LAST = new ChunkBounds(2, HIGH, null);
  static final Dialect ORACLE = Dialects.of(Platform.ORACLE);

  /**
   * Oracle to Oracle: DAY DATE and CODE VARCHAR2 (BINARY_CI on the source) as the key; AMOUNT an
   * unconstrained NUMBER (its TM9 text needs the scientific check), QTY NUMBER(10,2) (needs none).
   */
  static TableSpec table() {
    List<ColumnSpec> cols = List.of(
        new ColumnSpec("DAY", "DAY", ValueKind.DATETIME, "DATE", "DATE", true),
        new ColumnSpec("CODE", "CODE", ValueKind.TEXT, "VARCHAR2", "VARCHAR2", true),
        new ColumnSpec("AMOUNT", "AMOUNT", ValueKind.NUMBER, "NUMBER", "NUMBER", false,
            DeclaredSize.UNKNOWN, new DeclaredSize(null, null)),
        new ColumnSpec("QTY", "QTY", ValueKind.NUMBER, "NUMBER", "NUMBER", false,
            new DeclaredSize(10, 2), new DeclaredSize(10, 2)),
        new ColumnSpec("NOTE", "NOTE", ValueKind.TEXT, "VARCHAR2", "VARCHAR2", false));
    return new TableSpec("HR_EVENTS", "HR.EVENTS", new TableRef("HR", "EVENTS"), new TableRef("HR_DR", "EVENTS"), cols, 2,
        Optional.empty(), true, List.of(), null,
        List.of(KeyColumnOrder.DEFAULT, new KeyColumnOrder(TextOrder.CODE_POINT, Rendering.BINARY_COLLATION, Rendering.PLAIN)),
        ReadPoint.scn(SCN), ReadPoint.NONE);
  }

  static String golden() {
    TableSpec t = table();
    StringBuilder sb = new StringBuilder();
    PushdownQueries source = PushdownQueries.of(t, Side.SOURCE, ORACLE, false, DatabaseFacts.ORACLE_AL32UTF8).queries();
    PushdownQueries target = PushdownQueries.of(t, Side.TARGET, ORACLE, false, DatabaseFacts.ORACLE_AL32UTF8).queries();
    for (Side side : Side.values()) {
      String who = side.label() + (t.readPoint(side).isNone() ? "" : " at " + t.readPoint(side));
      PushdownQueries pq = side == Side.SOURCE ? source : target;
      for (ChunkBounds b : List.of(FIRST, MIDDLE, LAST)) {
        add(sb, who + ", " + RangeSqlGoldenTest.name(b), RangeSql.chunkQuery(t, side, ORACLE, b));
      }
      add(sb, who + ", differing rows by key", RangeSql.keysQuery(t, side, ORACLE, MIDDLE,
          List.of(new Object[] {D1, "N"}, new Object[] {D2, "A"})));
      add(sb, who + ", checksum", pq.checksum(MIDDLE));
      add(sb, who + ", key + hash stream", pq.hashes(MIDDLE));
      add(sb, who + ", push-down sample", pq.sample(MIDDLE, 64));
      add(sb, who + ", push-down sample of non-ASCII rows", pq.nonAsciiSample(MIDDLE, 64));
    }
    add(sb, "source at SCN, split points", RangeSql.splitQuery(t, ORACLE, MIDDLE, 125));
    add(sb, "source at SCN, boundaries", RangeSql.boundaryQuery(t, ORACLE, 10_000, null));
    add(sb, "source at SCN, boundaries from a block sample", RangeSql.boundaryQuery(t, ORACLE, 7232,
        new TableSample(new BigDecimal("7.231998"), 3_000_000_000L)));
    ChunkBounds fraction = new ChunkBounds(4, new Object[] {D1.withNano(500_000_000), "M"}, null);
    add(sb, "target, a bound with a fraction of a second (from a TIMESTAMP elsewhere): no CAST",
        RangeSql.chunkQuery(t, Side.TARGET, ORACLE, fraction));
    return sb.toString();
  }

  private static void add(StringBuilder sb, String title, RangeSql.Query q) {
    sb.append("-- ").append(title).append('\n').append(q.sql()).append(";\n-- binds: ")
        .append(RangeSqlGoldenTest.binds(q.binds())).append("\n\n");
  }

  @Test
  void matchesGolden() throws IOException {
    Golden.check("oracle_query_shapes.sql", golden());
  }

  /** Every shape binds exactly its placeholders, the SCN first (its clause comes first in the text). */
  @Test
  void bindsMatchPlaceholdersAndTheScnComesFirst() {
    TableSpec t = table();
    PushdownQueries pq = PushdownQueries.of(t, Side.SOURCE, ORACLE, false, DatabaseFacts.ORACLE_AL32UTF8).queries();
    List<RangeSql.Query> all = new ArrayList<>(List.of(RangeSql.chunkQuery(t, Side.SOURCE, ORACLE, MIDDLE),
        RangeSql.keysQuery(t, Side.SOURCE, ORACLE, MIDDLE, List.<Object[]>of(new Object[] {D1, "N"})),
        pq.checksum(MIDDLE), pq.hashes(MIDDLE), pq.sample(MIDDLE, 64), pq.nonAsciiSample(MIDDLE, 64),
        RangeSql.splitQuery(t, ORACLE, MIDDLE, 125), RangeSql.boundaryQuery(t, ORACLE, 10, null),
        RangeSql.boundaryQuery(t, ORACLE, 10, new TableSample(BigDecimal.ONE, 1))));
    for (RangeSql.Query q : all) {
      assertEquals(RangeSqlGoldenTest.placeholders(q.sql()), q.binds().size(), q.sql());
      assertEquals(1, count(q.sql(), " AS OF SCN ?"), q.sql());
      assertEquals(new BigDecimal(SCN), q.binds().get(0), q.sql());
    }
    for (RangeSql.Query q : List.of(RangeSql.chunkQuery(t, Side.TARGET, ORACLE, MIDDLE),
        PushdownQueries.of(t, Side.TARGET, ORACLE, false, DatabaseFacts.ORACLE_AL32UTF8).queries().checksum(MIDDLE))) {
      assertFalse(q.sql().contains("AS OF"), "the target reads the current data: " + q.sql());
    }
  }

  /** Item 1: each bind against the DATE key is CAST to DATE, so the column stays bare for its index. */
  @Test
  void everyDateKeyBindIsCastToDate() {
    TableSpec t = table();
    String sql = RangeSql.chunkQuery(t, Side.SOURCE, ORACLE, MIDDLE).sql();
    assertEquals(6, count(sql, "CAST(? AS DATE)"), "six DATE binds in a middle chunk: " + sql);
    assertTrue(sql.contains("\"DAY\" >= CAST(? AS DATE) AND (\"DAY\" > CAST(? AS DATE) OR"), sql);
    assertFalse(sql.contains("CAST(\"DAY\""), "the column itself is never wrapped");
    String keys = RangeSql.keysQuery(t, Side.SOURCE, ORACLE, MIDDLE, List.<Object[]>of(new Object[] {D1, "N"})).sql();
    assertTrue(keys.contains("(\"DAY\" = CAST(? AS DATE) AND \"CODE\" COLLATE BINARY = ?)"), keys);
  }

  /** Item 2: the BINARY_CI column is compared and ordered with COLLATE BINARY on its side only. */
  @Test
  void aNonBinaryCollationIsOverriddenOnItsSideOnly() {
    TableSpec t = table();
    String source = RangeSql.chunkQuery(t, Side.SOURCE, ORACLE, MIDDLE).sql();
    assertTrue(source.endsWith("ORDER BY \"DAY\", \"CODE\" COLLATE BINARY"), source);
    assertEquals(2, count(source, "\"CODE\" COLLATE BINARY > ?") + count(source, "\"CODE\" COLLATE BINARY <= ?"), source);
    assertEquals(0, count(source, "\"CODE\" ") - count(source, "\"CODE\" COLLATE BINARY"), "no bare comparison: " + source);
    String target = RangeSql.chunkQuery(t, Side.TARGET, ORACLE, MIDDLE).sql();
    assertFalse(target.contains("COLLATE"), target);
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
