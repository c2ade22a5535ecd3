package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table keys name session entries, checkpoints and output files. {@code A_B.C} and {@code A.B_C} once
 * shared the key {@code A_B_C}; each now has its own, and a session whose keys follow the old rule is
 * refused on resume instead of having its tables skipped.
 */
class H2TableKeyTest extends AbstractPairSuite {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Override
  protected DatabasePair createDatabases() {
    return DatabasePair.h2();
  }

  private void table(String schema, String table, int rows, int missingInTarget) throws Exception {
    for (TestDb db : List.of(source(), target())) {
      db.exec("CREATE SCHEMA IF NOT EXISTS " + schema,
          "CREATE TABLE " + schema + "." + table + " (ID NUMBER(10) PRIMARY KEY, V VARCHAR2(20))");
      List<String> inserts = new ArrayList<>();
      for (int i = 1; i <= rows; i++) {
        if (db == source() || i > missingInTarget) {
          inserts.add("INSERT INTO " + schema + "." + table + " VALUES (" + i + ", 'v" + i + "')");
        }
      }
      db.exec(inserts.toArray(String[]::new));
    }
  }

  private Path config() throws Exception {
    return Tables.config(dir, Tables.database(source()), Tables.database(target()), "  chunk_size: 10\n",
        "  - A_B.C\n  - A.B_C\n");
  }

  private JsonNode session() throws Exception {
    List<Path> files = Tables.files(dir.resolve("state"), "oracle_session_*.json");
    assertEquals(1, files.size());
    return JSON.readTree(files.get(0).toFile());
  }

  @Test
  void tablesWhoseOldKeysCollidedKeepTheirOwnProgressCheckpointsAndScripts() throws Exception {
    table("A_B", "C", 30, 2);
    table("A", "B_C", 20, 5);
    CliRunner.Result r = CliRunner.run(config().toString());
    assertEquals(1, r.code(), r.all());

    JsonNode progress = session().get("table_progress");
    assertEquals(2, progress.size(), progress.toString());
    assertEquals(2, progress.get("A__B_C").get("missing_in_target").asInt(), progress.toString());
    assertEquals(30, progress.get("A__B_C").get("source_rows").asInt());
    assertEquals(5, progress.get("A_B_C").get("missing_in_target").asInt(), progress.toString());
    assertEquals(20, progress.get("A_B_C").get("source_rows").asInt());
    String shortId = session().get("session_id").asText().substring(0, 8);
    for (String key : List.of("A__B_C", "A_B_C")) {
      assertEquals(progress.get(key).get("total_chunks").asInt(),
          Tables.files(dir.resolve("checkpoints"), shortId + "_" + key + "_chunk_*.kryo").size(), key);
    }
    assertEquals(1, Tables.files(dir.resolve("output"), "sync_target_A__B_C_*.sql").size());
    assertEquals(1, Tables.files(dir.resolve("output"), "sync_target_A_B_C_*.sql").size());
  }

  /** Without the check the resumed run compared A.B_C alone and skipped A_B.C without a word. */
  @Test
  void aSessionWrittenUnderTheOldKeysIsRefusedOnResume() throws Exception {
    table("A_B", "C", 30, 2);
    table("A", "B_C", 20, 5);
    Path cfg = config();
    // a crash before anything was compared: the session holds both tables, nothing is done yet
    Process child = CliRunner.spawn(dir.resolve("child.out"),
        List.of("-Ddbcompare.crashAt=" + io.dbcompare.compare.CrashPoints.SESSION_CREATED), cfg.toString());
    assertTrue(child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the child ends");
    assertEquals(io.dbcompare.compare.CrashPoints.EXIT_STATUS, child.exitValue(), Files.readString(dir.resolve("child.out")));
    // as an earlier version wrote it: A_B.C under the key A_B_C, and A.B_C overwriting it
    ObjectNode s = (ObjectNode) session();
    ObjectNode progress = (ObjectNode) s.get("table_progress");
    progress.remove("A__B_C");
    ((ObjectNode) progress.get("A_B_C")).put("schema", "A_B").put("table", "C");
    Path file = Tables.files(dir.resolve("state"), "oracle_session_*.json").get(0);
    Files.writeString(file, JSON.writeValueAsString(s));

    CliRunner.Result r = CliRunner.run(cfg.toString(), "--resume", s.get("session_id").asText());
    assertEquals(3, r.code(), r.all());
    String line = r.err().strip();
    assertEquals(1, line.lines().count(), line);
    assertTrue(line.contains("names table A_B.C 'A_B_C', which is not the key " + cfg), line);
    assertTrue(line.contains("start a new session without --resume"), line);
  }
}
