package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.Dialects;
import io.dbcompare.sync.Golden;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Chunk and boundary queries for a composite key (NUMBER "ID", TEXT "Region") per dialect, compared
 * with {@code golden/range_<platform>.sql} (regenerate with {@code -Dgolden.update=true}).
 */
class RangeSqlGoldenTest {
  static final Object[] LOW = {new BigDecimal("10"), "M"};
  static final Object[] HIGH = {new BigDecimal("20"), "O'Brien"};
  static final ChunkBounds FIRST = new ChunkBounds(0, null, LOW);
  static final ChunkBounds MIDDLE = new ChunkBounds(1, LOW, HIGH);
  static final ChunkBounds LAST = new ChunkBounds(2, HIGH, null);
  static final ChunkBounds ONLY = new ChunkBounds(0, null, null);

  /** Target names differ in case, as after PostgreSQL's folding; "ORDER" is a reserved word. */
  static TableSpec table(Optional<String> where) {
    List<ColumnSpec> cols = List.of(
        new ColumnSpec("ID", "id", ValueKind.NUMBER, "NUMBER", "numeric", true),
        new ColumnSpec("Region", "region", ValueKind.TEXT, "VARCHAR2", "varchar", true),
        new ColumnSpec("ORDER", "order", ValueKind.TEXT, "VARCHAR2", "varchar", false),
        new ColumnSpec("AMOUNT", "amount", ValueKind.NUMBER, "NUMBER", "numeric", false));
    return new TableSpec("HR_Mixed Case", "HR.Mixed Case", new TableRef("HR", "Mixed Case"),
        new TableRef("hr", "mixed case"), cols, 2, where, false);
  }

  static String golden(Dialect d) {
    StringBuilder sb = new StringBuilder();
    TableSpec t = table(Optional.empty());
    for (Side side : Side.values()) {
      for (ChunkBounds b : List.of(FIRST, MIDDLE, LAST, ONLY)) {
        RangeSql.Query q = RangeSql.chunkQuery(t, side, d, b);
        sb.append("-- ").append(side.label()).append(", ").append(name(b)).append("\n")
            .append(q.sql()).append(";\n-- binds: ").append(binds(q.binds())).append("\n\n");
      }
    }
    RangeSql.Query filtered = RangeSql.chunkQuery(table(Optional.of("\"AMOUNT\" > 0")), Side.SOURCE, d, MIDDLE);
    sb.append("-- source, middle chunk, with a filter\n").append(filtered.sql()).append(";\n-- binds: ")
        .append(binds(filtered.binds())).append("\n\n");
    RangeSql.Query byKeys = RangeSql.keysQuery(t, Side.TARGET, d, MIDDLE, List.of(LOW, new Object[] {
        new BigDecimal("15"), "N"}));
    sb.append("-- target, rows by key (composite key: ORed conjunctions)\n").append(byKeys.sql())
        .append(";\n-- binds: ").append(binds(byKeys.binds())).append("\n\n");
    TableSpec one = new TableSpec("HR_ONE", "HR.ONE", new TableRef("HR", "ONE"), new TableRef("hr", "one"), List.of(
        new ColumnSpec("ID", "id", ValueKind.NUMBER, "NUMBER", "numeric", true),
        new ColumnSpec("AMOUNT", "amount", ValueKind.NUMBER, "NUMBER", "numeric", false)), 1, Optional.empty(), false);
    RangeSql.Query byKey = RangeSql.keysQuery(one, Side.SOURCE, d, new ChunkBounds(1, new Object[] {BigDecimal.ONE},
        new Object[] {BigDecimal.TEN}), List.of(new Object[] {new BigDecimal("2")}, new Object[] {new BigDecimal("3")},
        new Object[] {new BigDecimal("7")}));
    sb.append("-- source, rows by key (one key column: an IN list, one index scan)\n").append(byKey.sql())
        .append(";\n-- binds: ").append(binds(byKey.binds())).append("\n\n");
    sb.append("-- boundaries (bind: the chunk size)\n").append(RangeSql.boundaryQuery(t, d, 1000, null).sql()).append(";\n");
    sb.append("-- boundaries, with a filter\n")
        .append(RangeSql.boundaryQuery(table(Optional.of("\"AMOUNT\" > 0")), d, 1000, null).sql()).append(";\n");
    return sb.toString();
  }

  static String name(ChunkBounds b) {
    return b.openBelow() && b.openAbove() ? "single chunk" : b.openBelow() ? "first chunk" : b.openAbove() ? "last chunk" : "middle chunk";
  }

  static String binds(List<Object> binds) {
    List<String> out = new ArrayList<>();
    for (Object o : binds) {
      out.add(o.getClass().getSimpleName() + " " + o);
    }
    return out.toString();
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void matchesGolden(Platform p) throws IOException {
    Golden.check("range_" + p.name().toLowerCase(Locale.ROOT) + ".sql", golden(Dialects.of(p)));
  }

  /** Placeholders outside quoted strings and identifiers. */
  static int placeholders(String sql) {
    return (int) sql.replaceAll("'(?:[^']|'')*'", "").replaceAll("\"(?:[^\"]|\"\")*\"", "").chars()
        .filter(c -> c == '?').count();
  }

  /** A parenthesised list compared as a whole: {@code (a, b) > (?, ?)}, which Oracle lacks (ORA-01796). */
  static final Pattern ROW_VALUE = Pattern.compile("\\([^()]*,[^()]*\\)\\s*[<>]=?|[<>]=?\\s*\\([^()]*,[^()]*\\)");

  @ParameterizedTest
  @EnumSource(Platform.class)
  void bindsMatchPlaceholdersWithoutRowValues(Platform p) {
    Dialect d = Dialects.of(p);
    for (Optional<String> where : List.of(Optional.<String>empty(), Optional.of("\"AMOUNT\" > 0"))) {
      for (Side side : Side.values()) {
        for (ChunkBounds b : List.of(FIRST, MIDDLE, LAST, ONLY)) {
          RangeSql.Query q = RangeSql.chunkQuery(table(where), side, d, b);
          assertEquals(placeholders(q.sql()), q.binds().size(), q.sql());
          assertFalse(ROW_VALUE.matcher(q.sql()).find(), q.sql());
        }
      }
      String boundary = RangeSql.boundaryQuery(table(where), d, 1000, null).sql();
      assertEquals(1, placeholders(boundary), boundary);
      assertFalse(ROW_VALUE.matcher(boundary).find(), boundary);
    }
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void bindOrderFollowsThePredicate(Platform p) {
    Dialect d = Dialects.of(p);
    TableSpec t = table(Optional.empty());
    BigDecimal ten = new BigDecimal("10");
    BigDecimal twenty = new BigDecimal("20");
    // the redundant leading-column bound binds the first key value once more, in front (issue 9, item 7)
    assertEquals(List.of(ten, ten, ten, "M"), RangeSql.chunkQuery(t, Side.SOURCE, d, FIRST).binds());
    assertEquals(List.of(ten, ten, ten, "M", twenty, twenty, twenty, "O'Brien"),
        RangeSql.chunkQuery(t, Side.TARGET, d, MIDDLE).binds());
    assertEquals(List.of(twenty, twenty, twenty, "O'Brien"), RangeSql.chunkQuery(t, Side.SOURCE, d, LAST).binds());
    assertEquals(List.of(), RangeSql.chunkQuery(t, Side.SOURCE, d, ONLY).binds());
    assertFalse(RangeSql.chunkQuery(t, Side.SOURCE, d, ONLY).sql().contains("WHERE"));
  }

  @Test
  void exactPredicatesForOracle() {
    Dialect d = Dialects.of(Platform.ORACLE);
    TableSpec t = table(Optional.empty());
    // a redundant bound on the leading key column gives Oracle start and stop keys (issue 9, item 7)
    assertEquals("SELECT \"ID\", \"Region\", \"ORDER\", \"AMOUNT\" FROM \"HR\".\"Mixed Case\""
        + " WHERE \"ID\" >= ? AND (\"ID\" > ? OR (\"ID\" = ? AND \"Region\" > ?))"
        + " AND \"ID\" <= ? AND (\"ID\" < ? OR (\"ID\" = ? AND \"Region\" <= ?))"
        + " ORDER BY \"ID\", \"Region\"", RangeSql.chunkQuery(t, Side.SOURCE, d, MIDDLE).sql());
    assertEquals("SELECT \"id\", \"region\", \"order\", \"amount\" FROM \"hr\".\"mixed case\""
        + " WHERE \"id\" >= ? AND (\"id\" > ? OR (\"id\" = ? AND \"region\" > ?)) ORDER BY \"id\", \"region\"",
        RangeSql.chunkQuery(t, Side.TARGET, d, LAST).sql());
  }

  /** PostgreSQL compares and orders the text key with COLLATE "C", everywhere, and nothing else. */
  @Test
  void postgresCollatesTextKeysOnly() {
    Dialect d = Dialects.of(Platform.POSTGRESQL);
    TableSpec t = table(Optional.empty());
    List<String> all = new ArrayList<>();
    for (ChunkBounds b : List.of(FIRST, MIDDLE, LAST)) {
      all.add(RangeSql.chunkQuery(t, Side.SOURCE, d, b).sql());
      all.add(RangeSql.chunkQuery(t, Side.TARGET, d, b).sql());
    }
    for (String sql : all) {
      String afterSelect = sql.substring(sql.indexOf(" WHERE "));
      Matcher region = Pattern.compile("\"[Rr]egion\"( COLLATE \"C\")?").matcher(afterSelect);
      int n = 0;
      while (region.find()) {
        assertTrue(region.group(1) != null, "text key without COLLATE \"C\": " + sql);
        n++;
      }
      assertTrue(n > 0, sql);
      assertFalse(Pattern.compile("\"(ID|id)\" COLLATE").matcher(sql).find(), sql);
    }
    assertTrue(RangeSql.boundaryQuery(t, d, 1000, null).sql().contains("ROW_NUMBER() OVER (ORDER BY \"ID\", \"Region\" COLLATE \"C\")"));
  }

  @Test
  void oracleAndH2NeverCollate() {
    for (Platform p : List.of(Platform.ORACLE, Platform.H2)) {
      String g = golden(Dialects.of(p));
      assertFalse(g.contains("COLLATE"), p.name());
    }
  }
}
