package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.FetchStats;
import io.dbcompare.compare.Row;
import io.dbcompare.compare.RowHasher;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Platform;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recheck's reads by key on H2 (Oracle mode): lists of keys where they are sparse, key ranges where dense. */
class JdbcRowLookupH2Test {
  private static final String URL = "jdbc:h2:mem:lookup;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
  private static final TableSpec T = new TableSpec("APP_T", "APP.T", new TableRef("APP", "T"), new TableRef("APP", "T"),
      List.of(new ColumnSpec("ID", "ID", ValueKind.NUMBER, "NUMBER", "NUMBER", true),
          new ColumnSpec("V", "V", ValueKind.TEXT, "VARCHAR2", "VARCHAR2", false)), 1, Optional.of("V <> 'hidden'"),
      false);
  private Connection keepAlive;
  private Pools pools;
  private final FetchStats stats = new FetchStats();

  @BeforeEach
  void table() throws Exception {
    keepAlive = DriverManager.getConnection(URL, "sa", "");
    try (Statement s = keepAlive.createStatement()) {
      s.execute("CREATE SCHEMA APP");
      s.execute("CREATE TABLE APP.T (ID NUMBER(10) PRIMARY KEY, V VARCHAR2(20))");
      s.execute("INSERT INTO APP.T SELECT X, 'v' || X FROM SYSTEM_RANGE(1, 1300)");
      s.execute("UPDATE APP.T SET V = 'hidden' WHERE ID = 40");
    }
    DatabaseConfig db = new DatabaseConfig("source", URL, "sa", "", Platform.H2, Map.of());
    pools = new Pools(new ConnectionPool(db, 2, 10, 0), new ConnectionPool(db, 2, 10, 0));
  }

  @AfterEach
  void drop() throws Exception {
    pools.close();
    try (Statement s = keepAlive.createStatement()) {
      s.execute("DROP ALL OBJECTS");
    }
    keepAlive.close();
  }

  private static List<Object[]> keys(int... ids) {
    List<Object[]> out = new ArrayList<>();
    for (int id : ids) {
      out.add(new Object[] {BigDecimal.valueOf(id)});
    }
    return out;
  }

  private static List<Integer> ids(List<Row> rows) {
    return rows.stream().map(r -> ((BigDecimal) r.values()[0]).intValueExact()).toList();
  }

  @Test
  void sparseKeysAreReadByKeyListsAndAbsentOrFilteredRowsAreLeftOut() {
    List<Row> rows = new JdbcRowLookup(pools, 100, stats).fetch(T, Side.TARGET, new ChunkBounds(0, null, null), 1300,
        keys(3, 40, 999, 1299, 5000));
    assertEquals(List.of(3, 999, 1299), ids(rows), "40 is filtered out, 5000 does not exist");
    RowHasher hasher = new RowHasher(T.kinds());
    for (Row r : rows) {
      assertEquals(hasher.hash(r.values()), r.hash(), "the Java reference hash");
    }
    assertEquals(3, stats.rows(Side.TARGET, FetchStats.Kind.FULL));
  }

  @Test
  void denseKeysAreReadByKeyRangesBatchByBatchKeepingOnlyTheWantedRows() {
    int[] even = new int[650];
    for (int i = 0; i < even.length; i++) {
      even[i] = 2 * (i + 1); // 2..1300: two batches of at most 500 keys
    }
    assertTrue(JdbcRowLookup.dense(1300, even.length));
    List<Row> rows = new JdbcRowLookup(pools, 100, stats).fetch(T, Side.SOURCE, new ChunkBounds(0, null, null), 1300,
        keys(even));
    List<Integer> expected = new ArrayList<>();
    for (int id : even) {
      if (id != 40) {
        expected.add(id);
      }
    }
    assertEquals(expected, ids(rows));
    assertEquals(1299, stats.rows(Side.SOURCE, FetchStats.Kind.FULL),
        "the ranges were read (every row but the filtered one)");
  }

  @Test
  void aRangeReadStaysInsideItsChunk() {
    List<Row> rows = new JdbcRowLookup(pools, 100, stats).fetch(T, Side.SOURCE,
        new ChunkBounds(3, new Object[] {BigDecimal.valueOf(100)}, new Object[] {BigDecimal.valueOf(110)}), 10,
        keys(101, 105, 110));
    assertEquals(List.of(101, 105, 110), ids(rows));
    assertEquals(10, stats.rows(Side.SOURCE, FetchStats.Kind.FULL), "rows 101..110 only");
  }

  /**
   * The full rows of 1,299 candidate keys (a merge's confirmation, and the recheck's sparse and dense
   * reads) come in statements of at most 500 keys, all on one lent connection.
   */
  @Test
  void allStatementsOfOneReadShareOneLentConnection() {
    int[] all = new int[1299];
    int[] sparse = new int[600];
    for (int i = 0; i < all.length; i++) {
      all[i] = i + 1;
    }
    for (int i = 0; i < sparse.length; i++) {
      sparse[i] = 2 * i + 1;
    }
    ConnectionPool source = pools.of(Side.SOURCE);
    long before = source.lends();
    List<Row> rows = new JdbcHashPushdown(pools, 100, stats).fetchRows(T, Side.SOURCE, new ChunkBounds(0, null, null),
        keys(all));
    assertEquals(1298, rows.size(), "every key but the filtered one");
    assertEquals(before + 1, source.lends(), "three statements, one connection");
    new JdbcRowLookup(pools, 100, stats).fetch(T, Side.SOURCE, new ChunkBounds(0, null, null), 1_000_000, keys(sparse));
    new JdbcRowLookup(pools, 100, stats).fetch(T, Side.SOURCE, new ChunkBounds(0, null, null), 1300, keys(all));
    assertEquals(before + 3, source.lends(), "sparse and dense recheck reads: one connection each");
  }

  @Test
  void batchesStayUnderTheBindLimits() {
    assertEquals(500, RowsByKey.batchSize(1));
    assertEquals(416, RowsByKey.batchSize(12));
    assertTrue(RowsByKey.batchSize(1) < 1000, "under Oracle's 1,000 expressions even as an IN list");
    assertTrue(!JdbcRowLookup.dense(1000, 9));
  }
}
