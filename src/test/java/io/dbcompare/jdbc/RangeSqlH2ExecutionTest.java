package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.KeyOrder;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.Dialects;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The boundary and chunk queries run on H2 (Oracle mode): chunks partition the table in key order, the
 * open first and last chunks catch target keys outside the source's range.
 */
class RangeSqlH2ExecutionTest {
  static final List<String> REGIONS = List.of("A", "B", "M", "O'Brien", "a", "é", "日本", "😀");

  @Test
  void chunksPartitionBothSidesInKeyOrder() throws SQLException {
    Dialect d = Dialects.of(Platform.H2);
    TableSpec t = RangeSqlGoldenTest.table(Optional.empty());
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH")) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA \"HR\"");
        s.execute("CREATE SCHEMA \"hr\"");
        s.execute("CREATE TABLE \"HR\".\"Mixed Case\" (\"ID\" NUMBER(10), \"Region\" VARCHAR2(20), \"ORDER\" VARCHAR2(20),"
            + " \"AMOUNT\" NUMBER, PRIMARY KEY (\"ID\", \"Region\"))");
        s.execute("CREATE TABLE \"hr\".\"mixed case\" (\"id\" NUMBER(10), \"region\" VARCHAR2(20), \"order\" VARCHAR2(20),"
            + " \"amount\" NUMBER, PRIMARY KEY (\"id\", \"region\"))");
      }
      List<Object[]> source = new ArrayList<>();
      for (int id = 1; id <= 5; id++) {
        for (String r : REGIONS) {
          source.add(new Object[] {BigDecimal.valueOf(id), r});
        }
      }
      // the target also has keys below and above the source's range
      List<Object[]> target = new ArrayList<>(source);
      target.add(new Object[] {BigDecimal.ZERO, "zz"});
      target.add(new Object[] {BigDecimal.ONE, " "});
      target.add(new Object[] {BigDecimal.valueOf(5), "😀😀"});
      target.add(new Object[] {BigDecimal.valueOf(99), "A"});
      insert(c, "INSERT INTO \"HR\".\"Mixed Case\" VALUES (?, ?, 'x', 1)", source);
      insert(c, "INSERT INTO \"hr\".\"mixed case\" VALUES (?, ?, 'x', 1)", target);
      KeyOrder order = t.keyOrder();
      source.sort(order);
      target.sort(order);

      int chunkSize = 7;
      List<Object[]> uppers = new ArrayList<>();
      RangeSql.Query boundaries = RangeSql.boundaryQuery(t, d, chunkSize, null);
      try (PreparedStatement ps = c.prepareStatement(boundaries.sql())) {
        for (int i = 0; i < boundaries.binds().size(); i++) {
          Values.bind(ps, i + 1, boundaries.binds().get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            uppers.add(new Object[] {rs.getBigDecimal(1), rs.getString(2)});
          }
        }
      }
      // every chunkSize-th source key, in key order
      List<String> expectedUppers = new ArrayList<>();
      for (int i = chunkSize - 1; i < source.size(); i += chunkSize) {
        expectedUppers.add(Arrays.toString(source.get(i)));
      }
      assertEquals(expectedUppers, uppers.stream().map(Arrays::toString).toList());

      List<ChunkBounds> chunks = new ArrayList<>();
      Object[] lower = null;
      for (int i = 0; i <= uppers.size(); i++) {
        Object[] upper = i < uppers.size() ? uppers.get(i) : null;
        chunks.add(new ChunkBounds(i, lower, upper));
        lower = upper;
      }
      assertEquals(keys(source), readAll(c, t, Side.SOURCE, d, chunks, chunkSize));
      List<String> targetKeys = readAll(c, t, Side.TARGET, d, chunks, Integer.MAX_VALUE);
      assertEquals(keys(target), targetKeys);
    }
  }

  static List<String> readAll(Connection c, TableSpec t, Side side, Dialect d, List<ChunkBounds> chunks, int max)
      throws SQLException {
    List<String> all = new ArrayList<>();
    KeyOrder order = t.keyOrder();
    Object[] prev = null;
    for (ChunkBounds b : chunks) {
      RangeSql.Query q = RangeSql.chunkQuery(t, side, d, b);
      int n = 0;
      try (PreparedStatement ps = c.prepareStatement(q.sql())) {
        for (int i = 0; i < q.binds().size(); i++) {
          Values.bind(ps, i + 1, q.binds().get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Object[] key = {
                Values.read(rs, 1, ValueKind.NUMBER, false), Values.read(rs, 2, ValueKind.TEXT, false)};
            if (prev != null) {
              assertTrue(order.compare(prev, key) < 0, "not ascending: " + Arrays.toString(key));
            }
            prev = key;
            all.add(Arrays.toString(key));
            n++;
          }
        }
      }
      assertTrue(n <= max, "chunk " + b.index() + " has " + n + " rows");
    }
    return all;
  }

  static List<String> keys(List<Object[]> rows) {
    return rows.stream().map(Arrays::toString).toList();
  }

  static void insert(Connection c, String sql, List<Object[]> rows) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (Object[] r : rows) {
        ps.setBigDecimal(1, (BigDecimal) r[0]);
        ps.setString(2, (String) r[1]);
        ps.executeUpdate();
      }
    }
  }
}
