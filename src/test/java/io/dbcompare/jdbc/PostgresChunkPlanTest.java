package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.DatabaseFacts;
import io.dbcompare.dialect.Dialects;
import io.dbcompare.it.PgTestDb;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A chunk of a bigint-keyed PostgreSQL table must be read through the primary-key index: a numeric
 * bind parameter would make PostgreSQL cast the column and scan the whole table for every chunk.
 */
class PostgresChunkPlanTest {

  @Test
  void chunkQueriesOfAnIntegerKeyUseTheIndex() throws Exception {
    PgTestDb db = PgTestDb.create("tc_plan_" + ProcessHandle.current().pid());
    try {
      db.exec("CREATE TABLE app.t (id bigint PRIMARY KEY, v text)",
          "INSERT INTO app.t SELECT g, 'v' || g FROM generate_series(1, 200000) g", "ANALYZE app.t");
      TableSpec t = new TableSpec("app_t", "app.t", new TableRef("app", "t"), new TableRef("app", "t"),
          List.of(new ColumnSpec("id", "id", ValueKind.NUMBER, "int8", "int8", true),
              new ColumnSpec("v", "v", ValueKind.TEXT, "text", "text", false)), 1, Optional.empty(), false);
      ChunkBounds middle = new ChunkBounds(3, new Object[] {new BigDecimal("1000")}, new Object[] {new BigDecimal("2000")});
      var d = Dialects.of(Platform.POSTGRESQL);
      for (RangeSql.Query q : List.of(RangeSql.chunkQuery(t, Side.SOURCE, d, middle),
          PushdownQueries.of(t, Side.SOURCE, d, true, DatabaseFacts.UTF8).queries().checksum(middle),
          PushdownQueries.of(t, Side.SOURCE, d, false, DatabaseFacts.UTF8).queries().hashes(middle))) {
        String plan = explain(db, q);
        assertTrue(plan.contains("Index"), plan);
        assertFalse(plan.contains("Seq Scan"), plan);
      }
    } finally {
      db.drop();
    }
  }

  private static String explain(PgTestDb db, RangeSql.Query q) throws Exception {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("EXPLAIN " + q.sql())) {
      for (int i = 0; i < q.binds().size(); i++) {
        Values.bind(ps, i + 1, q.binds().get(i));
      }
      StringBuilder sb = new StringBuilder();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sb.append(rs.getString(1)).append('\n');
        }
      }
      return sb.toString();
    }
  }
}
