package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code query_timeout_seconds} ends a chunk query and a planning query that run too long: the table
 * fails with the database's cancel error naming the setting, without retries, and the run ends in time.
 * The slow queries are made by a filter function that sleeps for a minute on one side.
 */
class PostgresQueryTimeoutTest {
  private static final int TIMEOUT = 2;

  @TempDir
  Path dir;

  private PgTestDb source;
  private PgTestDb target;

  @AfterEach
  void drop() throws Exception {
    if (source != null) {
      source.drop();
    }
    if (target != null) {
      target.drop();
    }
  }

  @Test
  void slowChunkAndPlanningQueriesAreCancelledAfterTheQueryTimeout() throws Exception {
    String suffix = Long.toHexString(System.nanoTime() & 0xffffffL) + "_" + ProcessHandle.current().pid();
    source = PgTestDb.create("tc_qto_src_" + suffix);
    target = PgTestDb.create("tc_qto_tgt_" + suffix);
    String quick = "LANGUAGE sql VOLATILE AS 'SELECT true'";
    String slow = "LANGUAGE plpgsql VOLATILE AS 'BEGIN PERFORM pg_sleep(60); RETURN true; END'";
    // slow_read sleeps on the target (its chunk query), slow_plan on the source (its planning query)
    source.exec("CREATE FUNCTION app.slow_read(id numeric) RETURNS boolean " + quick,
        "CREATE FUNCTION app.slow_plan(id numeric) RETURNS boolean " + slow);
    target.exec("CREATE FUNCTION app.slow_read(id numeric) RETURNS boolean " + slow,
        "CREATE FUNCTION app.slow_plan(id numeric) RETURNS boolean " + quick);
    for (PgTestDb db : List.of(source, target)) {
      for (String t : List.of("read_t", "plan_t", "fine_t")) {
        Tables.create(db, t, Tables.ORDERS);
        Tables.insert(db, t, Tables.orders(1, 20, 1));
      }
    }
    String tables = Tables.entry(source, target, "read_t", "    where: \"app.slow_read(id)\"\n")
        + Tables.entry(source, target, "plan_t", "    where: \"app.slow_plan(id)\"\n")
        + Tables.entry(source, target, "fine_t", "");
    Path cfg = Tables.config(dir, Tables.database(source), Tables.database(target),
        "  chunk_size: 100\n  threads: 2\n  max_retries: 2\n  query_timeout_seconds: " + TIMEOUT + "\n", tables);

    long start = System.nanoTime();
    CliRunner.Result r = CliRunner.run(cfg.toString());
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    assertEquals(2, r.code(), r.all());
    assertTrue(seconds < 2 * TIMEOUT + 10, "the run took " + seconds + " s; each slow query sleeps 60 s");
    assertFalse(r.out().contains("retry 1 after"), "a timed-out query is not retried: " + r.out());
    JsonNode s = new ObjectMapper().readTree(Tables.files(dir.resolve("state"), "oracle_session_*.json").get(0).toFile());
    JsonNode read = s.get("table_progress").get("app_read_t");
    JsonNode plan = s.get("table_progress").get("app_plan_t");
    assertEquals("failed", read.get("status").asText(), read.toString());
    assertTrue(read.get("error").asText().startsWith("target database: reading app.read_t chunk 1 failed"),
        read.get("error").asText());
    assertEquals("failed", plan.get("status").asText(), plan.toString());
    assertTrue(plan.get("error").asText().startsWith("source database: planning chunks of app.plan_t failed"),
        plan.get("error").asText());
    for (JsonNode t : List.of(read, plan)) {
      String error = t.get("error").asText();
      assertTrue(error.contains("(SQLState 57014, code 0)") && error.contains("query_timeout_seconds"), error);
    }
    assertEquals("completed", s.get("table_progress").get("app_fine_t").get("status").asText());
  }
}
