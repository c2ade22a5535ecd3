package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbcompare.cli.Cli;
import io.dbcompare.cli.Confirmation;
import io.dbcompare.compare.CrashPoints;
import io.dbcompare.repair.Repairer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --repair}: a session's differing rows written from the source into the target, chunk by chunk,
 * resumable, with apply's conflict rules, then compared again; each subclass runs it on one pair of
 * databases.
 */
public abstract class AbstractRepairSuite extends AbstractPairSuite {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  protected Path dir;

  protected String out;
  protected String err;

  /** The target's URL in the configuration (H2: commits must reach the file before a SIGKILL). */
  protected String targetUrl() {
    return target().url();
  }

  // ---------------------------------------------------------------- helpers

  protected String t(String table) {
    return target().schema() + "." + table;
  }

  private String entry(String table) {
    return Tables.entry(source(), target(), table, "");
  }

  protected Path config(Path folder, String extra, String... entries) throws IOException {
    return Tables.config(folder, Tables.database(source()),
        Tables.database(targetUrl(), target().user(), target().password()),
        "  chunk_size: 500\n  threads: 2\n  max_retries: 1\n",
        String.join("", entries) + "repair:\n  batch_size: 100\n" + extra);
  }

  protected int run(String... args) {
    return run(Confirmation.NONE, args);
  }

  protected int run(Confirmation terminal, String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = new Cli(new PrintWriter(o, true), new PrintWriter(e, true), k -> null, Clock.systemUTC(), false,
        terminal).run(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  private JsonNode session(Path folder, String id) throws IOException {
    return JSON.readTree(folder.resolve("state").resolve("oracle_session_" + id + ".json").toFile());
  }

  private static List<String> sessionIds(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder.resolve("state"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("oracle_session_.*\\.json"))
          .map(n -> n.substring("oracle_session_".length(), n.length() - ".json".length())).sorted().toList();
    }
  }

  /** Compares (expecting {@code code}); the session id. */
  private String compare(Path cfg, int code) throws IOException {
    assertEquals(code, run(cfg.toString()), out + err);
    List<String> ids = sessionIds(cfg.getParent());
    assertEquals(1, ids.size(), ids.toString());
    return ids.get(0);
  }

  /** A fresh comparison in its own folder: exit status and the table's counts. */
  protected String recount(String table) throws IOException {
    Path check = dir.resolve("check-" + System.nanoTime());
    Path cfg = config(check, "", entry(table));
    int code = run(cfg.toString());
    JsonNode p = session(check, sessionIds(check).get(0)).get("table_progress").get(Tables.key(source(), table));
    return code + ":" + p.get("missing_in_target").asLong() + "," + p.get("missing_in_source").asLong() + ","
        + p.get("different_rows").asLong();
  }

  protected long count(TestDb db, String table) throws SQLException {
    try (Connection c = db.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + db.schema() + "." + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void both(String table) throws SQLException {
    Tables.create(source(), table, Tables.ORDERS);
    Tables.create(target(), table, Tables.ORDERS);
  }

  /**
   * Scattered differences (as the apply suite's): source ids 1..1600; the target misses 2, 1000 and
   * 1598..1600, has 3 extra rows (-4, 2100, 2101) and 4 changed ones (4, 800, 1202, 1500): 5 missing in
   * the target, 3 missing in the source, 4 different, in all four chunks of 500.
   */
  private void scattered(String table) throws SQLException {
    both(table);
    Tables.insert(source(), table, Tables.orders(1, 1600, 1));
    Tables.insert(target(), table, Tables.orders(1, 1597, 1));
    target().exec("DELETE FROM " + t(table) + " WHERE ID IN (2, 1000)");
    Tables.insert(target(), table, List.<Object[]>of(Tables.order(-4), Tables.order(2100), Tables.order(2101)));
    target().exec("UPDATE " + t(table) + " SET NAME = 'changed' WHERE ID = 4",
        "UPDATE " + t(table) + " SET AMOUNT = AMOUNT + 0.01 WHERE ID = 800",
        "UPDATE " + t(table) + " SET NOTE = NULL WHERE ID = 1202",
        "UPDATE " + t(table) + " SET NOTE = 'was null' WHERE ID = 1500");
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  // ---------------------------------------------------------------- tests

  /** An empty target table: every chunk's source range is loaded whole; the re-comparison finds nothing. */
  @Test
  void anEmptyTargetTableIsCopied() throws Exception {
    both("REP_EMPTY");
    Tables.insert(source(), "REP_EMPTY", Tables.orders(1, 3000, 1));
    Path folder = dir.resolve("empty");
    Path cfg = config(folder, "", entry("REP_EMPTY"));
    String id = compare(cfg, 1);
    assertEquals(0, run(cfg.toString(), "--repair", id.substring(0, 8), "--yes"), out + err);
    assertTrue(out.contains("Rows:          0 deletes, 0 updates, 3,000 inserts in 6 chunks of 1 tables"), out);
    assertTrue(out.contains("Repaired:      0 deleted, 0 updated, 3000 inserted in 6 chunks"), out);
    assertTrue(out.contains("Repair result: the target now matches the source."), out);
    assertEquals(3000, count(target(), "REP_EMPTY"));
    assertEquals("0:0,0,0", recount("REP_EMPTY"));
    JsonNode rp = session(folder, id).get("repair_progress");
    assertEquals("completed", rp.get("status").asText());
    assertEquals(3000, rp.get("rows_inserted").asLong());
    JsonNode tp = rp.get("tables").get(Tables.key(source(), "REP_EMPTY"));
    assertEquals(5, tp.get("last_chunk").asInt());
    assertTrue(tp.get("in_doubt_chunk").isNull(), tp.toString());
    String log = Files.readString(folder.resolve("state/oracle_session_" + id + ".log"));
    assertTrue(log.contains("| COMMITTED | deleted 0 | updated 0 | inserted 500"), log);

    // repairing again writes nothing: every chunk is recorded as committed
    assertEquals(0, run(cfg.toString(), "--repair", id, "--yes"), out + err);
    assertTrue(out.contains("already repaired (6 chunks)"), out);
    assertEquals(3000, count(target(), "REP_EMPTY"));
  }

  /**
   * A target 90 % behind, with a few changed and extra rows: chunks whose target range is empty are
   * loaded whole, the one mostly missing reads its source range once, the first by key (11 chunks: the
   * last one is open above the source's keys and holds the target's extra row).
   */
  @Test
  void aTargetNinetyPercentBehindIsBroughtInLine() throws Exception {
    both("REP_BEHIND");
    Tables.insert(source(), "REP_BEHIND", Tables.orders(1, 5000, 1));
    Tables.insert(target(), "REP_BEHIND", Tables.orders(1, 500, 1));
    Tables.insert(target(), "REP_BEHIND", Tables.orders(4600, 4650, 1));
    target().exec("UPDATE " + t("REP_BEHIND") + " SET NAME = 'changed' WHERE ID IN (7, 4610)",
        "DELETE FROM " + t("REP_BEHIND") + " WHERE ID = 9");
    Tables.insert(target(), "REP_BEHIND", List.<Object[]>of(Tables.order(6000)));
    Path cfg = config(dir.resolve("behind"), "", entry("REP_BEHIND"));
    String id = compare(cfg, 1);
    assertEquals(0, run(cfg.toString(), "--repair", id, "--yes"), out + err);
    assertTrue(out.contains("Rows:          1 deletes, 2 updates, 4,450 inserts in 11 chunks of 1 tables"), out);
    assertTrue(out.contains("Repaired:      1 deleted, 2 updated, 4450 inserted in 11 chunks"), out);
    assertEquals(5000, count(target(), "REP_BEHIND"));
    assertEquals("0:0,0,0", recount("REP_BEHIND"));
  }

  /** Scattered differences of every kind are repaired by key; the values written are the source's now. */
  @Test
  void scatteredDifferencesAreRepairedWithTheSourceValuesOfNow() throws Exception {
    scattered("REP_SCAT");
    Path cfg = config(dir.resolve("scat"), "", entry("REP_SCAT"));
    String id = compare(cfg, 1);
    // the source changes after the comparison: the repair writes what it reads now, not the checkpoint
    source().exec("UPDATE " + source().schema() + ".REP_SCAT SET NOTE = 'newer' WHERE ID IN (4, 1599)");
    assertEquals(0, run(cfg.toString(), "--repair", id, "--yes"), out + err);
    assertTrue(out.contains("Repaired:      3 deleted, 4 updated, 5 inserted in 4 chunks"), out);
    assertEquals("0:0,0,0", recount("REP_SCAT"));
  }

  /**
   * Array columns (integers with NULL elements, awkward text, timestamps) are repaired: rows missing,
   * extra and with other arrays, an empty array and a NULL array; PostgreSQL's binary COPY has no array
   * encoder, so the repair writes them with batched INSERTs; the re-comparison finds nothing.
   */
  @Test
  void arrayColumnsAreRepaired() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(source().platform() != io.dbcompare.config.Platform.ORACLE
        && target().platform() != io.dbcompare.config.Platform.ORACLE, "Oracle has no array column");
    List<String> logical = List.of("ARR_INT", "ARR_TEXT", "ARR_TS");
    for (TestDb db : List.of(source(), target())) {
      StringBuilder cols = new StringBuilder("ID {NUMBER(10)} PRIMARY KEY");
      for (String l : logical) {
        cols.append(", C_").append(l).append(' ').append(SchemaTypeColumns.type(db.platform(), l));
      }
      Tables.create(db, "REP_ARR", cols.toString());
    }
    for (int id = 1; id <= 1200; id++) {
      for (TestDb db : List.of(source(), target())) {
        boolean tgt = db == target();
        if (tgt && (id % 100 == 7 || id > 1150)) {
          continue; // missing in the target
        }
        List<String> v = new ArrayList<>(List.of(String.valueOf(id)));
        for (SchemaTypeColumns.Logical l : SchemaTypeColumns.ALL) {
          if (logical.contains(l.name())) {
            String value = tgt && id % 100 == 42 ? l.other(db.platform()) : id % 300 == 5 ? "" : l.value();
            v.add(id % 300 == 6 ? "NULL" : SchemaTypeColumns.value(db.platform(), l.name(), value));
          }
        }
        db.exec("INSERT INTO " + db.schema() + ".REP_ARR VALUES (" + String.join(", ", v) + ")");
      }
    }
    target().exec("INSERT INTO " + t("REP_ARR") + " (ID) VALUES (5000)");
    Path cfg = config(dir.resolve("arr"), "", entry("REP_ARR"));
    String id = compare(cfg, 1);
    assertEquals(0, run(cfg.toString(), "--repair", id, "--yes"), out + err);
    assertTrue(out.contains("Repaired:      1 deleted, 12 updated, 62 inserted"), out);
    assertEquals("0:0,0,0", recount("REP_ARR"));
  }

  /**
   * A row the repair updates changed since the comparison: it stops naming table and key, the chunk is
   * rolled back (the chunk before it stays committed), exit 2; resumed with --skip-conflicts it skips
   * that row, and the re-comparison reports it (exit 1).
   */
  @Test
  void aConflictStopsAndRollsBackItsChunkAndSkipConflictsGoesOn() throws Exception {
    scattered("REP_CONF");
    Path folder = dir.resolve("conf");
    Path cfg = config(folder, "", entry("REP_CONF"));
    String id = compare(cfg, 1);
    target().exec("UPDATE " + t("REP_CONF") + " SET NOTE = 'edited meanwhile' WHERE ID = 800");
    assertEquals(2, run(cfg.toString(), "--repair", id, "--yes"), out + err);
    String all = (out + err).toUpperCase(Locale.ROOT);
    assertTrue(err.startsWith("error: repair stopped on a conflict: "), err);
    assertTrue(all.contains("(ID=800)") && all.contains("CHANGED SINCE THE COMPARISON"), out + err);
    assertTrue(all.contains(source().schema().toUpperCase(Locale.ROOT) + ".REP_CONF"), out + err);
    // chunk 1 (ids -4, 2, 4) committed; chunk 2 (800 and 1000) rolled back; chunks 3 and 4 not reached
    assertEquals("1:4,2,3", recount("REP_CONF"));
    JsonNode rp = session(folder, id).get("repair_progress");
    assertEquals("stopped", rp.get("status").asText());
    assertEquals(0, rp.get("tables").get(Tables.key(source(), "REP_CONF")).get("last_chunk").asInt());

    assertEquals(1, run(cfg.toString(), "--repair", id, "--yes", "--skip-conflicts"), out + err);
    assertTrue(out.contains("resuming after chunk 1"), out);
    assertTrue(out.toUpperCase(Locale.ROOT).contains("SKIPPED CONFLICT: ")
        && out.toUpperCase(Locale.ROOT).contains("(ID=800)"), out);
    assertTrue(out.contains("differences remain"), out);
    assertEquals("1:0,0,1", recount("REP_CONF"), "only the skipped row differs");
    rp = session(folder, id).get("repair_progress");
    assertEquals("completed", rp.get("status").asText());
    assertEquals(1, rp.get("rows_skipped").asLong());
    String log = Files.readString(folder.resolve("state/oracle_session_" + id + ".log"));
    assertTrue(log.contains("CONFLICT SKIPPED") && log.toUpperCase(Locale.ROOT).contains("(ID=800)"), log);
  }

  /** A row inserted in the target since the comparison makes the INSERT a conflict, found in bulk too. */
  @Test
  void anInsertWhoseKeyAppearedIsAConflict() throws Exception {
    both("REP_INS");
    Tables.insert(source(), "REP_INS", Tables.orders(1, 1000, 1));
    Tables.insert(target(), "REP_INS", Tables.orders(1, 100, 1));
    Path cfg = config(dir.resolve("ins"), "", entry("REP_INS"));
    String id = compare(cfg, 1);
    Tables.insert(target(), "REP_INS", List.<Object[]>of(Tables.order(300)));
    target().exec("UPDATE " + t("REP_INS") + " SET NAME = 'inserted meanwhile' WHERE ID = 300");
    assertEquals(2, run(cfg.toString(), "--repair", id, "--yes"), out + err);
    assertTrue((out + err).toUpperCase(Locale.ROOT).contains("(ID=300)"), out + err);
    assertEquals(101, count(target(), "REP_INS"), "the chunk was rolled back");
    assertEquals(1, run(cfg.toString(), "--repair", id, "--yes", "--skip-conflicts"), out + err);
    assertEquals(1000, count(target(), "REP_INS"));
    assertEquals("1:0,0,1", recount("REP_INS"), "only the row inserted meanwhile differs");
  }

  /** --dry-run prints the plan and writes nothing, neither into the target nor into the session. */
  @Test
  void dryRunWritesNothing() throws Exception {
    scattered("REP_DRY");
    Path folder = dir.resolve("dry");
    Path cfg = config(folder, "", entry("REP_DRY"));
    String id = compare(cfg, 1);
    assertEquals(0, run(cfg.toString(), "--repair", id, "--dry-run"), out + err);
    assertTrue(out.contains("Rows:          3 deletes, 4 updates, 5 inserts in 4 chunks of 1 tables"), out);
    assertTrue(out.contains("Dry run:       nothing was written."), out);
    assertTrue(session(folder, id).get("repair_progress").isNull());
    assertEquals("1:5,3,4", recount("REP_DRY"));
  }

  /**
   * Without --yes the repair asks: with no terminal it refuses (exit 3) and writes nothing; an answer
   * other than yes writes nothing; yes repairs.
   */
  @Test
  void withoutYesItAsksAndWithoutATerminalItRefuses() throws Exception {
    scattered("REP_ASK");
    Path folder = dir.resolve("ask");
    Path cfg = config(folder, "", entry("REP_ASK"));
    String id = compare(cfg, 1);
    assertEquals(3, run(cfg.toString(), "--repair", id), out + err);
    assertTrue(err.contains("no terminal") && err.contains("--yes") && err.contains("nothing was written"), err);
    assertTrue(session(folder, id).get("repair_progress").isNull());
    assertEquals(3, run(q -> "no", cfg.toString(), "--repair", id), out + err);
    assertTrue(err.contains("not confirmed"), err);
    assertEquals("1:5,3,4", recount("REP_ASK"));
    List<String> asked = new ArrayList<>();
    assertEquals(0, run(q -> {
      asked.add(q);
      return "yes";
    }, cfg.toString(), "--repair", id), out + err);
    assertEquals(1, asked.size());
    assertTrue(asked.get(0).contains(target().user()) && !asked.get(0).contains(target().password()), asked.get(0));
    assertEquals("0:0,0,0", recount("REP_ASK"));
  }

  /**
   * The real CLI repairs in a separate JVM that dies right after a chunk's COMMIT, before the session
   * records it; then is killed with SIGKILL after a chunk is recorded, and after a chunk is written but
   * not committed. Each resume reads the in-doubt chunk back and finishes the job: the target ends equal
   * to the source, with no row lost or written twice.
   */
  @Test
  void aKilledRepairResumesWithoutLosingOrDuplicatingRows() throws Exception {
    both("REP_KILL");
    Tables.insert(source(), "REP_KILL", Tables.orders(1, 5000, 1));
    Tables.insert(target(), "REP_KILL", Tables.orders(1, 500, 1));
    Tables.insert(target(), "REP_KILL", Tables.orders(2400, 2450, 1));
    target().exec("UPDATE " + t("REP_KILL") + " SET NAME = 'changed' WHERE ID IN (7, 2410)");
    Path folder = dir.resolve("kill");
    Path cfg = config(folder, "", entry("REP_KILL"));
    String id = compare(cfg, 1);
    String key = Tables.key(source(), "REP_KILL");

    // 1. halted between the COMMIT of the 3rd chunk and its record in the session
    Process child = new ProcessBuilder(javaBin(), "-Xmx256m", "-Duser.timezone=UTC",
        "-D" + CrashPoints.PROPERTY + "=" + Repairer.CRASH_AFTER_COMMIT + ":3", "-cp",
        System.getProperty("java.class.path"), "io.dbcompare.cli.Main", cfg.toString(), "--repair", id, "--yes")
        .redirectErrorStream(true).redirectOutput(folder.resolve("child1.out").toFile()).start();
    assertTrue(child.waitFor(120, TimeUnit.SECONDS));
    assertEquals(CrashPoints.EXIT_STATUS, child.exitValue(), Files.readString(folder.resolve("child1.out")));
    JsonNode tp = session(folder, id).get("repair_progress").get("tables").get(key);
    assertEquals(1, tp.get("last_chunk").asInt(), tp.toString());
    assertEquals(2, tp.get("in_doubt_chunk").asInt(), "chunk 3 (index 2) is in doubt: " + tp);

    // 2. resumed, paused after its 2nd recorded chunk (chunk 3 read back, then chunk 4), killed there
    PausedChild second = PausedChild.start(folder.resolve("child2.out"), Repairer.CRASH_CHUNK_RECORDED + ":2",
        cfg.toString(), "--repair", id, "--yes");
    second.awaitPause();
    second.kill();
    assertEquals(137, second.awaitExit());
    String out2 = Files.readString(folder.resolve("child2.out"));
    assertTrue(out2.contains("chunk 3/11 was in doubt after an interruption: its rows were read back; it had"
        + " committed, nothing is written again"), out2);
    tp = session(folder, id).get("repair_progress").get("tables").get(key);
    assertEquals(3, tp.get("last_chunk").asInt(), tp.toString());

    // 3. killed with a chunk written but not committed: nothing of it reaches the target
    PausedChild third = PausedChild.start(folder.resolve("child3.out"), Repairer.CRASH_CHUNK_WRITTEN + ":2",
        cfg.toString(), "--repair", id, "--yes");
    third.awaitPause();
    third.kill();
    assertEquals(137, third.awaitExit());
    tp = session(folder, id).get("repair_progress").get("tables").get(key);
    assertEquals(4, tp.get("last_chunk").asInt(), tp.toString());
    assertTrue(tp.get("in_doubt_chunk").isNull(), tp.toString());

    // 4. resumed in-process to the end
    assertEquals(0, run(cfg.toString(), "--repair", id, "--yes"), out + err);
    assertTrue(out.contains("resuming after chunk 5"), out);
    assertFalse(out.contains("conflict"), out);
    assertEquals(5000, count(target(), "REP_KILL"));
    assertEquals("0:0,0,0", recount("REP_KILL"));
    JsonNode rp = session(folder, id).get("repair_progress");
    assertEquals("completed", rp.get("status").asText());
    assertEquals(0, rp.get("rows_skipped").asLong());
  }

  /**
   * A table the target does not have: the comparison fails it; --repair writes a CREATE TABLE script for
   * the DBA and stops (exit 2); once the DBA ran it, the same command compares the table and copies it.
   */
  @Test
  void aMissingTargetTableGetsACreateScriptAndIsCopiedOnceItExists() throws Exception {
    Tables.create(source(), "REP_NEW", Tables.ORDERS);
    Tables.insert(source(), "REP_NEW", Tables.orders(1, 1200, 1));
    Path folder = dir.resolve("new");
    Path cfg = config(folder, "", entry("REP_NEW"));
    String id = compare(cfg, 2);
    assertEquals(2, run(cfg.toString(), "--repair", id, "--yes"), out + err);
    List<Path> scripts = Tables.files(folder.resolve("output"), "create_target_*.sql");
    assertEquals(1, scripts.size(), out);
    assertTrue(scripts.get(0).getFileName().toString().startsWith("create_target_" + Tables.key(source(), "REP_NEW")
        + "_") && scripts.get(0).getFileName().toString().endsWith("_" + id.substring(0, 8) + ".sql"), scripts.toString());
    assertTrue(out.contains("review it and run it on the target first"), out);
    String text = Files.readString(scripts.get(0));
    assertTrue(text.contains("CREATE TABLE") && text.contains("PRIMARY KEY"), text);
    assertFalse(text.contains(source().password()) || text.contains(target().password()), text);
    target().runScript(scripts.get(0));

    assertEquals(0, run(cfg.toString(), "--repair", id, "--yes"), out + err);
    assertEquals(1200, count(target(), "REP_NEW"));
    assertEquals("0:0,0,0", recount("REP_NEW"));
  }

  /**
   * Above sync.max_script_rows differing rows a table gets no sync script: the summary and the console
   * say so and name --repair, which repairs it.
   */
  @Test
  void aTableAboveMaxScriptRowsGetsNoScriptAndIsRepaired() throws Exception {
    scattered("REP_BIG");
    Path folder = dir.resolve("big");
    Path cfg = Tables.config(folder, Tables.database(source()),
        Tables.database(targetUrl(), target().user(), target().password()),
        "  chunk_size: 500\n  threads: 2\n", entry("REP_BIG") + "sync:\n  max_script_rows: 10\n");
    String id = compare(cfg, 1);
    assertTrue(out.contains("sync script: not written: more differing rows than sync.max_script_rows"), out);
    assertEquals(List.of(), Tables.files(folder.resolve("output"), "sync_target_*"));
    assertEquals(List.of(), Tables.files(folder.resolve("output"), "undo_target_*"));
    String summary = Files.readString(Tables.files(folder.resolve("output"), "comparison_summary_*").get(0));
    assertTrue(summary.contains("Sync script:         not written: 12 differing rows are more than"
        + " sync.max_script_rows (10); write them with: scripts/compare CONFIG --repair " + id.substring(0, 8)), summary);
    assertEquals(1, run(cfg.toString(), "--apply", id), out + err);
    assertTrue(out.contains("no sync script (more differing rows than sync.max_script_rows)")
        && out.contains("--repair"), out);
    assertEquals(0, run(cfg.toString(), "--repair", id, "--yes"), out + err);
    assertEquals("0:0,0,0", recount("REP_BIG"));
  }
}
