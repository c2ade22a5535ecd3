package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.Dialects;
import io.dbcompare.it.PgTestDb;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Planning from a block sample (PostgreSQL TABLESAMPLE SYSTEM) still covers every key exactly once:
 * the first and last chunks are open-ended and the sampled boundaries ascend; only the chunk sizes
 * become approximate. H2 cannot sample and plans exactly.
 */
class SampledPlanningTest {
  static final int ROWS = 400_000;
  static final int CHUNK = 40_000;

  static TableSpec table(String schema, String idType) {
    return new TableSpec(schema + "_T", schema + ".T", new TableRef(schema, "t"), new TableRef(schema, "t"),
        List.of(new ColumnSpec("id", "id", ValueKind.NUMBER, idType, idType, true),
            new ColumnSpec("v", "v", ValueKind.TEXT, "text", "text", false)), 1, Optional.empty(), false);
  }

  @Test
  void aSampledPlanOnPostgresCoversEveryKeyExactlyOnce() throws Exception {
    PgTestDb db = PgTestDb.create("tc_sampleplan_" + ProcessHandle.current().pid());
    try {
      db.exec("CREATE TABLE app.t (id bigint PRIMARY KEY, v text)",
          "INSERT INTO app.t SELECT g, 'v' || g FROM generate_series(1, " + ROWS + ") g", "ANALYZE app.t");
      TableSpec t = table("app", "int8");
      DatabaseConfig cfg = new DatabaseConfig("source", db.url(), db.user(), "", Platform.POSTGRESQL, Map.of());
      try (ConnectionPool pool = new ConnectionPool(cfg, Dialects.of(Platform.POSTGRESQL), 2, 10)) {
        List<Object[]> exact = new JdbcChunkPlanner(pool, ROWS + 1).boundaries(t, CHUNK);
        assertEquals(ROWS / CHUNK, exact.size(), "below the threshold: exact");
        for (int i = 0; i < exact.size(); i++) {
          assertEquals(0, new BigDecimal((long) CHUNK * (i + 1)).compareTo((BigDecimal) exact.get(i)[0]));
        }
        List<Object[]> sampled = new JdbcChunkPlanner(pool, ROWS).boundaries(t, CHUNK);
        assertTrue(sampled.size() >= 2, "a sample of about 15 % of the pages gives boundaries: " + sampled.size());
        assertTrue(sampled.stream().anyMatch(b -> ((BigDecimal) b[0]).longValue() % CHUNK != 0),
            "the boundaries come from the sample, not from exact row numbers");
        try (Connection c = db.connect()) {
          List<Long> ids = readAll(c, t, sampled);
          assertEquals(ROWS, ids.size(), "every key once");
          for (int i = 0; i < ROWS; i++) {
            assertEquals(i + 1, ids.get(i), "key order across chunks");
          }
        }
      }
    } finally {
      db.drop();
    }
  }

  /** H2 has no block sampling here: the planner plans exactly, whatever the threshold. */
  @Test
  void h2PlansExactlyEvenAboveTheThreshold() throws Exception {
    String url = "jdbc:h2:mem:sampleplan_" + System.nanoTime() + ";MODE=Oracle;DB_CLOSE_DELAY=-1";
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA APP");
      st.execute("CREATE TABLE APP.\"t\" (\"id\" BIGINT PRIMARY KEY, \"v\" VARCHAR(20))");
      st.execute("INSERT INTO APP.\"t\" SELECT X, 'v' || X FROM SYSTEM_RANGE(1, 1000)");
      TableSpec t = table("APP", "BIGINT");
      try (ConnectionPool pool = new ConnectionPool(new DatabaseConfig("source", url, "sa", "", Platform.H2, Map.of()),
          Dialects.of(Platform.H2), 2, 10)) {
        List<Object[]> b = new JdbcChunkPlanner(pool, 1).boundaries(t, 100);
        assertEquals(10, b.size());
        assertEquals(0, new BigDecimal(300).compareTo((BigDecimal) b.get(2)[0]));
        assertEquals(1000, readAll(c, t, b).size());
      }
    }
  }

  /** Reads every chunk the boundaries make (first and last open-ended) and returns the keys in order. */
  static List<Long> readAll(Connection c, TableSpec t, List<Object[]> boundaries) throws Exception {
    List<Long> ids = new ArrayList<>();
    var d = Dialects.of(c.getMetaData().getURL().startsWith("jdbc:h2") ? Platform.H2 : Platform.POSTGRESQL);
    Object[] lower = null;
    for (int i = 0; i <= boundaries.size(); i++) {
      Object[] upper = i < boundaries.size() ? boundaries.get(i) : null;
      RangeSql.Query q = RangeSql.chunkQuery(t, Side.SOURCE, d, new ChunkBounds(i, lower, upper));
      try (PreparedStatement ps = c.prepareStatement(q.sql())) {
        for (int j = 0; j < q.binds().size(); j++) {
          Values.bind(ps, j + 1, q.binds().get(j));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
      }
      lower = upper;
    }
    return ids;
  }
}
