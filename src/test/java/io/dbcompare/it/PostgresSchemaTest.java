package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole-schema suite on two databases of the local PostgreSQL server (skipped without one; a
 * failure with PG_REQUIRED=true), and what only PostgreSQL has: a search_path of several schemas.
 */
class PostgresSchemaTest extends AbstractSchemaSuite {
  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.postgres("tcs");
  }

  /** A bare name is the table of the first schema in search_path that has one of that name. */
  @Test
  void aBareNameIsFoundInTheFirstSchemaOfTheSearchPathThatHasIt() throws Exception {
    for (TestDb db : List.of(source(), target())) {
      db.exec("DROP SCHEMA IF EXISTS first CASCADE", "DROP SCHEMA IF EXISTS second CASCADE", "CREATE SCHEMA first",
          "CREATE SCHEMA second", "CREATE TABLE second.only_here (id int PRIMARY KEY)",
          "CREATE TABLE first.both_have (id int PRIMARY KEY)", "CREATE TABLE second.both_have (id int PRIMARY KEY)",
          "INSERT INTO second.only_here VALUES (1)");
    }
    source().exec("INSERT INTO first.both_have VALUES (1), (2)", "INSERT INTO second.both_have VALUES (7)");
    String path = "?currentSchema=first,second";
    Path cfg = Tables.config(dir, Tables.database(source().url() + path, source().user(), null),
        Tables.database(target().url() + path, target().user(), null), "",
        "  - only_here\n  - table_name: both_have\n");
    last = CliRunner.run(cfg.toString());
    assertEquals(1, last.code(), last.all());
    JsonNode s;
    try (var files = java.nio.file.Files.list(dir.resolve("state"))) {
      s = new ObjectMapper().readTree(files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow()
          .toFile());
    }
    List<String> keys = new ArrayList<>();
    s.get("table_progress").fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("second_only_here", "first_both_have"), keys, "only_here is in second only; both_have"
        + " is found in first, the first schema of the path");
    JsonNode both = s.get("table_progress").get("first_both_have");
    assertEquals(2, both.get("missing_in_target").asInt(), both.toString());
    assertTrue(last.out().contains("first.both_have"), last.out());
    for (TestDb db : List.of(source(), target())) {
      db.exec("DROP SCHEMA first CASCADE", "DROP SCHEMA second CASCADE");
    }
  }
}
