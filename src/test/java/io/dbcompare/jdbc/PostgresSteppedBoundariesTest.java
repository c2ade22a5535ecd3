package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.Dialects;
import io.dbcompare.dialect.ValueReader;
import io.dbcompare.it.PgTestDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Chunk boundaries found by stepping through the key's index (issue 13: numbering 10^7 keys took 2.5 s,
 * stepping 0.6 s) are exactly those of numbering every key, for a bigint key with gaps, a composite key,
 * a table filter, an empty table and one smaller than a chunk; where no index gives the key order (a
 * key on an unindexed column, a text key whose index is not in the "C" collation) the plan would sort,
 * so the planner numbers every key instead, with the same result.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresSteppedBoundariesTest {
  private PgTestDb db;
  private ConnectionPool pool;
  private final Dialect d = Dialects.of(Platform.POSTGRESQL);

  @BeforeAll
  void database() throws Exception {
    db = PgTestDb.create("tc_step_" + ProcessHandle.current().pid());
    db.exec("CREATE TABLE app.big (id bigint PRIMARY KEY, v text)",
        // gaps: multiples of 7 are missing
        "INSERT INTO app.big SELECT g, 'v' || g FROM generate_series(1, 30000) g WHERE g % 7 <> 0",
        "CREATE TABLE app.pair (a int4, b int8, v text, PRIMARY KEY (a, b))",
        "INSERT INTO app.pair SELECT g % 13, g, 'v' FROM generate_series(1, 20000) g",
        "CREATE TABLE app.texts (k text PRIMARY KEY, v int4)",
        "INSERT INTO app.texts SELECT CASE WHEN g % 2 = 0 THEN 'a' ELSE 'B' END || g, g FROM generate_series(1, 5000) g",
        "CREATE TABLE app.plain (id int4, v int4)",
        "INSERT INTO app.plain SELECT g, 5000 - g FROM generate_series(1, 5000) g",
        "CREATE TABLE app.empty (id int4 PRIMARY KEY)",
        "ANALYZE");
    DatabaseConfig cfg = new DatabaseConfig("source", db.url(), db.user(), "", Platform.POSTGRESQL, Map.of());
    pool = new ConnectionPool(cfg, d, 2, 10);
  }

  @AfterAll
  void drop() throws Exception {
    if (pool != null) {
      pool.close();
    }
    if (db != null) {
      db.drop();
    }
  }

  @Test
  void aBigintKeyWithGapsIsSteppedThroughItsIndexToTheSameBoundaries() throws Exception {
    TableSpec t = spec("big", Optional.empty(), col("id", ValueKind.NUMBER, "int8"), col("v", ValueKind.TEXT, "text"));
    assertStepped(t, 1000, true);
    assertEquals(25714 / 1000, new JdbcChunkPlanner(pool).boundaries(t, 1000).size());
  }

  @Test
  void aCompositeKeyAndAFilterAreSteppedToTheSameBoundaries() throws Exception {
    TableSpec t = spec("pair", Optional.empty(), col("a", ValueKind.NUMBER, "int4"), col("b", ValueKind.NUMBER, "int8"),
        col("v", ValueKind.TEXT, "text"));
    assertStepped(t, 777, true);
    // the leading column has 13 values: each step must start in the index at the previous boundary on
    // both columns (a row-value start key), not at the start of its leading value
    String plan = explain(RangeSql.steppedBoundaryQuery(t, d, 777));
    assertTrue(plan.contains("Index Cond: (ROW(a, b) > ROW("), plan);
    // a filter naming the table (the stepped query gives the table no alias of its own)
    TableSpec filtered = spec("pair", Optional.of("pair.b % 3 = 0"), col("a", ValueKind.NUMBER, "int4"),
        col("b", ValueKind.NUMBER, "int8"), col("v", ValueKind.TEXT, "text"));
    // a filter the index cannot answer: the planner may sort the few filtered rows instead (then the
    // stepped query is not taken); the boundaries are the same either way
    assertStepped(filtered, 250, null);
  }

  @Test
  void withoutAnIndexInKeyOrderEveryKeyIsNumbered() throws Exception {
    TableSpec unindexed = spec("plain", Optional.empty(), col("v", ValueKind.NUMBER, "int4"), col("id", ValueKind.NUMBER, "int4"));
    assertStepped(unindexed, 300, false);
    // the text key's index is in the database's collation; keys are ordered by code point ("C")
    TableSpec text = spec("texts", Optional.empty(), col("k", ValueKind.TEXT, "text"), col("v", ValueKind.NUMBER, "int4"));
    String collation = collation();
    boolean cIndex = collation.equals("C") || collation.equals("POSIX");
    assertStepped(text, 400, cIndex);
  }

  @Test
  void anEmptyTableAndOneSmallerThanAChunkHaveNoBoundaries() throws Exception {
    assertStepped(spec("empty", Optional.empty(), col("id", ValueKind.NUMBER, "int4")), 10, null);
    assertEquals(0, new JdbcChunkPlanner(pool).boundaries(spec("empty", Optional.empty(),
        col("id", ValueKind.NUMBER, "int4")), 10).size());
    TableSpec big = spec("big", Optional.empty(), col("id", ValueKind.NUMBER, "int8"), col("v", ValueKind.TEXT, "text"));
    assertEquals(0, new JdbcChunkPlanner(pool).boundaries(big, 100_000).size());
    assertEquals(1, new JdbcChunkPlanner(pool).boundaries(big, 25714).size());
  }

  @Test
  void aPlanThatSortsIsNeverTakenForAnIndexWalk() {
    assertTrue(d.walksAnIndexInKeyOrder("Limit\n  ->  Index Only Scan using t_pkey on t\n"));
    assertFalse(d.walksAnIndexInKeyOrder("Limit\n  ->  Sort\n        ->  Seq Scan on t\n"));
    assertFalse(d.walksAnIndexInKeyOrder(
        "Limit\n  ->  Incremental Sort\n        ->  Index Scan using t_pkey on t\n"));
    assertFalse(d.walksAnIndexInKeyOrder("Limit\n  ->  Seq Scan on t\n"));
  }

  /**
   * The planner's boundaries equal those of numbering every key, and (where {@code indexWalk} is not
   * null) the stepped query's plan walks an index without sorting exactly when expected, and the planner
   * takes it exactly then.
   */
  private void assertStepped(TableSpec t, int step, Boolean indexWalk) throws Exception {
    List<Object[]> planned = new JdbcChunkPlanner(pool).boundaries(t, step);
    List<Object[]> numbered = run(RangeSql.boundaryQuery(t, d, step, null), t);
    List<Object[]> stepped = run(RangeSql.steppedBoundaryQuery(t, d, step), t);
    assertEquals(numbered.size(), planned.size(), t.displayName());
    assertEquals(numbered.size(), stepped.size(), t.displayName());
    for (int i = 0; i < numbered.size(); i++) {
      assertArrayEquals(numbered.get(i), planned.get(i), t.displayName() + " boundary " + i);
      assertArrayEquals(numbered.get(i), stepped.get(i), t.displayName() + " boundary " + i);
    }
    if (indexWalk != null) {
      String plan = explain(RangeSql.steppedBoundaryQuery(t, d, step));
      assertEquals(indexWalk, d.walksAnIndexInKeyOrder(plan), plan);
      // and the planner took the stepped query exactly then
      Connection c = pool.borrow();
      try {
        assertEquals(indexWalk, new JdbcChunkPlanner(pool).exact(c, t, step).sql().startsWith("WITH RECURSIVE"),
            t.displayName());
      } finally {
        ConnectionPool.release(c);
      }
    }
  }

  private List<Object[]> run(RangeSql.Query q, TableSpec t) throws Exception {
    Connection c = pool.borrow();
    try (PreparedStatement ps = Values.prepare(c, pool, q, 100); ResultSet rs = ps.executeQuery()) {
      ValueReader[] readers = Values.readers(t, Side.SOURCE, d);
      List<Object[]> out = new ArrayList<>();
      while (rs.next()) {
        out.add(Values.readKey(rs, t, readers));
      }
      return out;
    } finally {
      ConnectionPool.release(c);
    }
  }

  private String collation() throws Exception {
    Connection c = pool.borrow();
    try (var st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT datcollate FROM pg_database WHERE datname = current_database()")) {
      rs.next();
      return rs.getString(1);
    } finally {
      ConnectionPool.release(c);
    }
  }

  private String explain(RangeSql.Query q) throws Exception {
    Connection c = pool.borrow();
    try (PreparedStatement ps = Values.prepare(c, pool, new RangeSql.Query(d.explain(q.sql()), q.binds()), 100);
        ResultSet rs = ps.executeQuery()) {
      StringBuilder sb = new StringBuilder();
      while (rs.next()) {
        sb.append(rs.getString(1)).append('\n');
      }
      return sb.toString();
    } finally {
      ConnectionPool.release(c);
    }
  }

  private static ColumnSpec col(String name, ValueKind kind, String type) {
    return new ColumnSpec(name, name, kind, type, type, false);
  }

  /** The first column is the key. */
  private static TableSpec spec(String table, Optional<String> where, ColumnSpec... cols) {
    List<ColumnSpec> list = new ArrayList<>(List.of(cols));
    ColumnSpec k = list.get(0);
    list.set(0, new ColumnSpec(k.name(), k.targetName(), k.kind(), k.type(Side.SOURCE), k.type(Side.TARGET), true));
    int keys = 1;
    if (table.equals("pair")) {
      ColumnSpec k2 = list.get(1);
      list.set(1, new ColumnSpec(k2.name(), k2.targetName(), k2.kind(), k2.type(Side.SOURCE), k2.type(Side.TARGET), true));
      keys = 2;
    }
    return new TableSpec("app_" + table + where.map(w -> "_f").orElse(""), "app." + table, new TableRef("app", table),
        new TableRef("app", table), list, keys, where, false);
  }
}
