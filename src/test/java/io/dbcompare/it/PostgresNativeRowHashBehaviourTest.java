package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL pair compared with each row's own values hashed (issue 13: per-column hash functions,
 * numeric by its text): equal numbers stored with other scales (1.0 and 1.00 in an unconstrained numeric)
 * hash apart, so their rows are candidates, confirmed equal by the Java reference and never reported
 * (float -0 and 0 hash alike); real differences among them are reported exactly; a table whose column
 * types differ (int4 and int8) takes the canonical encoding.
 */
class PostgresNativeRowHashBehaviourTest extends AbstractPairSuite {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.postgres("tn");
  }

  private void fill(String table, String idType, String scale) throws Exception {
    fill(table, idType, scale, "float8");
  }

  /** 5,000 rows; the target's numbers have another scale, its float 0 is -0. */
  private void fill(String table, String idType, String scale, String ratioType) throws Exception {
    source().exec("CREATE TABLE " + source().schema() + "." + table + " (id int4 PRIMARY KEY, amount numeric,"
        + " ratio " + ratioType + ", note text)",
        "INSERT INTO " + source().schema() + "." + table + " SELECT g, (g / 10.0)::numeric(20,1), CASE WHEN g % 7 = 0"
            + " THEN 0 ELSE g / 3.0 END, 'note ' || g FROM generate_series(1, 5000) g");
    target().exec("CREATE TABLE " + target().schema() + "." + table + " (id " + idType + " PRIMARY KEY, amount numeric,"
        + " ratio " + ratioType + ", note text)",
        // the same numbers with another scale in every row, -0 for 0
        "INSERT INTO " + target().schema() + "." + table + " SELECT g, (g / 10.0)::numeric(20," + scale + "),"
            + " CASE WHEN g % 7 = 0 THEN '-0' ELSE g / 3.0 END::" + ratioType + ", 'note ' || g"
            + " FROM generate_series(1, 5000) g");
  }

  private Path config(Path folder, String table) throws Exception {
    return Tables.config(folder, Tables.database(source()), Tables.database(target()),
        "  chunk_size: 1000\n  threads: 2\n", Tables.entry(source(), target(), table, ""));
  }

  @Test
  void equalValuesInOtherSpellingsAreConfirmedNeverReported() throws Exception {
    fill("SCALES", "int4", "2");
    CliRunner.Result r = CliRunner.run(config(dir, "scales").toString());
    assertEquals(0, r.code(), r.all());
    assertTrue(r.out().contains("checksums and hashes computed by the databases (each row's own values hashed:"
        + " per-column hash functions)"), r.out());
    assertCounts(table(dir, "scales"), 0, 0, 0);
    // every row's numeric has another scale, so every row was a candidate, read in full and confirmed equal
    assertTrue(r.out().matches("(?s).*Fetched: +source \\d+ aggregate \\+ \\d+ hash \\+ 5000 full rows.*"), r.out());
  }

  @Test
  void realDifferencesAmongOtherSpellingsAreReportedExactly() throws Exception {
    fill("PLANTED", "int4", "3");
    String t = target().schema() + ".planted";
    target().exec("UPDATE " + t + " SET amount = amount + 0.001 WHERE id IN (5, 2500)",
        "UPDATE " + t + " SET ratio = 1e-300 WHERE id = 7",   // was -0: a real difference
        "UPDATE " + t + " SET note = 'Note 10' WHERE id = 10",
        "DELETE FROM " + t + " WHERE id = 4000",
        "INSERT INTO " + t + " VALUES (6000, 1.000, 0, 'extra')");
    CliRunner.Result r = CliRunner.run(config(dir, "planted").toString());
    assertEquals(1, r.code(), r.all());
    assertTrue(r.out().contains("each row's own values hashed"), r.out());
    assertCounts(table(dir, "planted"), 1, 1, 4);
  }

  /**
   * The row text holds the compared columns in the compared order: the target's columns stand in another
   * order, and a column whose values differ everywhere is excluded; one planted difference is found.
   */
  @Test
  void excludedAndReorderedColumnsAreLeftOutOfTheRowText() throws Exception {
    source().exec("CREATE TABLE " + source().schema() + ".cols (id int4 PRIMARY KEY, amount numeric, note text,"
        + " stamp timestamptz)",
        "INSERT INTO " + source().schema() + ".cols SELECT g, g * 1.5, 'n' || g, now() FROM generate_series(1, 3000) g");
    target().exec("CREATE TABLE " + target().schema() + ".cols (stamp timestamptz, note text, amount numeric,"
        + " id int4 PRIMARY KEY)",
        "INSERT INTO " + target().schema() + ".cols SELECT now() - interval '1 day', 'n' || g, g * 1.5, g"
            + " FROM generate_series(1, 3000) g",
        "UPDATE " + target().schema() + ".cols SET note = 'x' WHERE id = 1234");
    Path cfg = Tables.config(dir, Tables.database(source()), Tables.database(target()), "  chunk_size: 500\n",
        Tables.entry(source(), target(), "cols", "    exclude_columns: [stamp]\n"));
    CliRunner.Result r = CliRunner.run(cfg.toString());
    assertEquals(1, r.code(), r.all());
    assertTrue(r.out().contains("each row's own values hashed"), r.out());
    assertCounts(table(dir, "cols"), 0, 0, 1);
    // with the excluded column in the text every row would differ and be read in full
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("Fetched: +source \\d+ aggregate \\+ \\d+ hash \\+ (\\d+)"
        + " full rows").matcher(r.out());
    assertTrue(m.find(), r.out());
    assertTrue(Long.parseLong(m.group(1)) < 10, "full rows read on the source: " + m.group(1));
  }

  /**
   * Differences spread over every chunk of a table with a composite key: after two differing chunks the
   * table's chunks go to bucket passes, whose buckets come from the native text of the key columns alone
   * (not the row's), on both sides alike; the planted rows are found exactly.
   */
  @Test
  void spreadDifferencesUnderACompositeKeyAreFoundByBucketsOfTheKeysText() throws Exception {
    String ddl = " (a int4, b int4, amount numeric(12,2), note text, PRIMARY KEY (a, b))";
    String rows = " SELECT g / 10, g % 10, g * 1.25, 'note ' || g FROM generate_series(0, 7999) g";
    source().exec("CREATE TABLE " + source().schema() + ".spread" + ddl,
        "INSERT INTO " + source().schema() + ".spread" + rows);
    target().exec("CREATE TABLE " + target().schema() + ".spread" + ddl,
        "INSERT INTO " + target().schema() + ".spread" + rows,
        // three changed rows in every chunk of 1,000, one missing row in each of four chunks, one extra
        "UPDATE " + target().schema() + ".spread SET note = 'changed' WHERE (a * 10 + b) % 1000 IN (17, 480, 911)",
        "DELETE FROM " + target().schema() + ".spread WHERE (a * 10 + b) IN (5, 2005, 4005, 6005)",
        "INSERT INTO " + target().schema() + ".spread VALUES (9000, 1, 1, 'extra')");
    CliRunner.Result r = CliRunner.run(config(dir, "spread").toString());
    assertEquals(1, r.code(), r.all());
    assertTrue(r.out().contains("each row's own values hashed"), r.out());
    assertCounts(table(dir, "spread"), 4, 1, 24);
  }

  /**
   * int4 against int8: the canonical encoding (numeric ratio), or hashing in Java where a float has no
   * canonical SQL text; either way the line says why the row's own text is not used.
   */
  @Test
  void mixedColumnTypesNeverTakeTheNativePath() throws Exception {
    fill("MIXED", "int8", "2", "numeric");
    target().exec("UPDATE " + target().schema() + ".mixed SET note = 'changed' WHERE id = 42");
    CliRunner.Result r = CliRunner.run(config(dir, "mixed").toString());
    assertEquals(1, r.code(), r.all());
    assertTrue(r.out().contains("checksums and hashes computed by the databases (canonical encoding hashed:"
        + " hashtextextended; not each row's own text: column id is int4 on the source and int8 on the target)"),
        r.out());
    assertCounts(table(dir, "mixed"), 0, 0, 1);

    fill("MIXEDF", "int8", "2");
    target().exec("UPDATE " + target().schema() + ".mixedf SET ratio = 1 WHERE id = 42");
    Path other = dir.resolve("floats");
    r = CliRunner.run(config(other, "mixedf").toString());
    assertEquals(1, r.code(), r.all());
    assertTrue(r.out().contains("rows hashed in Java: source column ratio (float8) cannot be hashed in POSTGRESQL SQL"
        + " exactly; not each row's own text: column id is int4 on the source and int8 on the target"), r.out());
    assertCounts(table(other, "mixedf"), 0, 0, 1);
  }

  private JsonNode table(Path folder, String table) throws Exception {
    try (Stream<Path> s = Files.list(folder.resolve("state"))) {
      List<Path> files = s.filter(p -> p.getFileName().toString().matches("oracle_session_.*\\.json")).toList();
      assertEquals(1, files.size());
      return JSON.readTree(files.get(0).toFile()).get("table_progress").get(Tables.key(source(), table));
    }
  }

  private static void assertCounts(JsonNode t, long missingInTarget, long missingInSource, long different) {
    assertEquals(missingInTarget, t.get("missing_in_target").asLong(), t.toString());
    assertEquals(missingInSource, t.get("missing_in_source").asLong(), t.toString());
    assertEquals(different, t.get("different_rows").asLong(), t.toString());
  }
}
