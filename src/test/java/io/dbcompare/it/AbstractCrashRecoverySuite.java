package io.dbcompare.it;

import static io.dbcompare.compare.CrashPoints.CHECKPOINT_SAVED;
import static io.dbcompare.compare.CrashPoints.CHUNK_SESSION_SAVED;
import static io.dbcompare.compare.CrashPoints.PLAN_AFTER_SAVE;
import static io.dbcompare.compare.CrashPoints.PLAN_BEFORE_SAVE;
import static io.dbcompare.compare.CrashPoints.RECHECK_BEFORE_SAVE;
import static io.dbcompare.compare.CrashPoints.RECHECK_CHUNK_SAVED;
import static io.dbcompare.compare.CrashPoints.RECHECK_STARTED;
import static io.dbcompare.compare.CrashPoints.RUN_BEFORE_FINAL_SAVE;
import static io.dbcompare.compare.CrashPoints.SCRIPT_BEFORE_WRITE;
import static io.dbcompare.compare.CrashPoints.SCRIPT_FILE_WRITTEN;
import static io.dbcompare.compare.CrashPoints.SCRIPT_RENAMED;
import static io.dbcompare.compare.CrashPoints.SCRIPT_STATEMENT;
import static io.dbcompare.compare.CrashPoints.SESSION_CREATED;
import static io.dbcompare.compare.CrashPoints.SUMMARY_BEFORE_WRITE;
import static io.dbcompare.compare.CrashPoints.TABLE_BEFORE_COMPLETED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbcompare.compare.CrashPoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: the real command line runs in a separate JVM over four tables and dies at a chosen
 * point of its write path ({@link CrashPoints}, {@code Runtime.halt}, like a power cut) or at a seeded
 * moment by SIGKILL; sometimes the resumed run dies again. The session is then resumed in-process until
 * it completes, and the result must be exactly that of one uninterrupted run: the same counts per
 * table, the same sync- and undo-script statements in the same order (followed through a master
 * script's parts; header comments with session id and time stamps left out), no statement twice in any file, exactly one sync script per table with differences
 * and one set of outputs per table (one time stamp), no half-written file left in the output folder.
 *
 * <p>One uninterrupted baseline is computed once; every scenario works in its own folder (state,
 * checkpoints, output) against the same two databases, which the tool only reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractCrashRecoverySuite {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CHUNK = 50;
  private static final List<String> TABLES = List.of("ORDERS", "LINES", "SAME", "EXTRA");
  private static final Pattern STAMP = Pattern.compile("\\d{8}_\\d{6}");
  private static final List<String> COUNTS = List.of("status", "total_chunks", "completed_chunks", "source_rows",
      "target_rows", "missing_in_target", "missing_in_source", "different_rows", "in_flight_rows", "changing_rows");

  private Path work;
  private Baseline baseline;
  private DatabasePair databases;

  /**
   * The databases of this class ({@link DatabasePair}, as the behaviour suites use). They are emptied
   * once: the tables are built once, and every scenario only reads them.
   */
  protected abstract DatabasePair createDatabases() throws Exception;

  protected TestDb source() {
    return databases.source();
  }

  protected TestDb target() {
    return databases.target();
  }

  /** What an uninterrupted run produces. */
  private record Baseline(Map<String, JsonNode> tables, Map<String, List<String>> statements,
      Map<String, List<String>> undo, List<String> sessionScript, int chunks) {}

  /** An include line of a master script: psql, H2 and SQL*Plus forms. */
  private static final Pattern INCLUDE =
      Pattern.compile("\\\\ir '(.+)'|RUNSCRIPT FROM '(.+)' CHARSET 'UTF-8';|@@\"?([^\"]+)\"?");

  /** One crash scenario: the crash points of successive child runs (the first new, the others resumed). */
  private record Scenario(String name, List<String> crashAt, long killSeed) {
    static Scenario at(String... crashAt) {
      return new Scenario(String.join(" then ", crashAt), List.of(crashAt), 0);
    }

    static Scenario sigkill(long seed) {
      return new Scenario("SIGKILL seed " + seed, List.of(), seed);
    }
  }

  @BeforeAll
  void tablesAndBaseline(@TempDir Path folder) throws Exception {
    work = folder;
    databases = createDatabases();
    databases.reset(folder.resolve("db"));
    createTables();
    Path dir = work.resolve("baseline");
    Path cfg = config(dir);
    CliRunner.Result r = CliRunner.run(cfg.toString());
    assertEquals(1, r.code(), r.all());
    JsonNode session = onlySession(dir);
    Map<String, JsonNode> tables = new LinkedHashMap<>();
    Map<String, List<String>> statements = new LinkedHashMap<>();
    Map<String, List<String>> undo = new LinkedHashMap<>();
    int chunks = 0;
    for (String t : TABLES) {
      JsonNode tp = tableProgress(session, t);
      tables.put(t, tp);
      chunks += tp.get("total_chunks").asInt();
      List<Path> scripts = scripts(dir, "sync_target_", t);
      statements.put(t, scripts.isEmpty() ? List.of() : dml(scripts.get(0)));
      List<Path> undos = scripts(dir, "undo_target_", t);
      undo.put(t, undos.isEmpty() ? List.of() : dml(undos.get(0)));
    }
    List<Path> sessionScripts = Tables.files(dir.resolve("output"), "sync_session_*.sql");
    assertTrue(sessionScripts.size() <= 1, sessionScripts.toString());
    // the planted differences, so that the baseline itself is known to be right
    assertCounts(tables.get("ORDERS"), 6, 4, 7);
    assertCounts(tables.get("LINES"), 3, 2, 5);
    assertCounts(tables.get("SAME"), 0, 0, 0);
    assertCounts(tables.get("EXTRA"), 0, 5, 3);
    assertEquals(17, statementCount(statements.get("ORDERS")), statements.get("ORDERS").toString());
    assertEquals(10, statementCount(statements.get("LINES")), statements.get("LINES").toString());
    assertEquals(8, statementCount(statements.get("EXTRA")), statements.get("EXTRA").toString());
    assertTrue(statements.get("SAME").isEmpty());
    baseline = new Baseline(tables, statements, undo, sessionScripts.isEmpty() ? null : dml(sessionScripts.get(0)),
        chunks);
  }

  private List<Scenario> scenarios() {
    int chunks = baseline.chunks();
    List<Scenario> s = new ArrayList<>(List.of(
        Scenario.at(SESSION_CREATED + ":1"),
        Scenario.at(PLAN_BEFORE_SAVE + ":1"),
        Scenario.at(PLAN_AFTER_SAVE + ":1"),
        Scenario.at(PLAN_BEFORE_SAVE + ":2"),
        Scenario.at(PLAN_AFTER_SAVE + ":3"),
        Scenario.at(PLAN_BEFORE_SAVE + ":4"),
        Scenario.at(CHECKPOINT_SAVED + ":1"),
        Scenario.at(CHECKPOINT_SAVED + ":" + chunks / 3),
        Scenario.at(CHECKPOINT_SAVED + ":" + chunks * 2 / 3),
        Scenario.at(CHECKPOINT_SAVED + ":" + chunks),
        Scenario.at(CHUNK_SESSION_SAVED + ":1"),
        // killed during a table's recheck: it resumes the recheck, without comparing the chunks again
        Scenario.at(RECHECK_STARTED + ":1"),
        Scenario.at(RECHECK_BEFORE_SAVE + ":1"),
        Scenario.at(RECHECK_CHUNK_SAVED + ":1"),
        Scenario.at(RECHECK_CHUNK_SAVED + ":4"),
        Scenario.at(RECHECK_CHUNK_SAVED + ":2", RECHECK_CHUNK_SAVED + ":1"),
        Scenario.at(SCRIPT_BEFORE_WRITE + ":1"),
        Scenario.at(SCRIPT_BEFORE_WRITE + ":3"),
        Scenario.at(SCRIPT_STATEMENT + ":1"),
        Scenario.at(SCRIPT_STATEMENT + ":9"),
        Scenario.at(SCRIPT_STATEMENT + ":25"),
        Scenario.at(SCRIPT_FILE_WRITTEN + ":1"),
        Scenario.at(SCRIPT_FILE_WRITTEN + ":5"),
        Scenario.at(SCRIPT_FILE_WRITTEN + ":12"),
        Scenario.at(SCRIPT_RENAMED + ":1"),
        Scenario.at(SCRIPT_RENAMED + ":3"),
        Scenario.at(SUMMARY_BEFORE_WRITE + ":1"),
        Scenario.at(SUMMARY_BEFORE_WRITE + ":4"),
        Scenario.at(TABLE_BEFORE_COMPLETED + ":1"),
        Scenario.at(TABLE_BEFORE_COMPLETED + ":4"),
        Scenario.at(RUN_BEFORE_FINAL_SAVE + ":1"),
        // the resumed run dies too
        Scenario.at(CHECKPOINT_SAVED + ":5", CHECKPOINT_SAVED + ":5"),
        Scenario.at(SCRIPT_STATEMENT + ":3", SCRIPT_RENAMED + ":1"),
        Scenario.at(TABLE_BEFORE_COMPLETED + ":2", SUMMARY_BEFORE_WRITE + ":1", SCRIPT_STATEMENT + ":2")));
    for (long seed : new long[] {11, 23, 37, 41}) {
      s.add(Scenario.sigkill(seed));
    }
    return s;
  }

  @AfterAll
  void closeDatabases() throws Exception {
    if (databases != null) {
      databases.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> aResumedRunGivesTheUninterruptedResult() {
    return scenarios().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> crashResumeAndCompare(s)));
  }

  private void crashResumeAndCompare(Scenario s) throws Exception {
    Path dir = work.resolve("s-" + s.name().replaceAll("[^A-Za-z0-9]+", "_"));
    Path cfg = config(dir);
    if (s.killSeed() != 0) {
      sigkillAtASeededMoment(dir, cfg, s.killSeed());
    }
    for (int i = 0; i < s.crashAt().size(); i++) {
      String[] args = i == 0 ? new String[] {cfg.toString()}
          : new String[] {cfg.toString(), "--resume", sessionId(dir)};
      Path log = dir.resolve("child-" + i + ".out");
      Process child = CliRunner.spawn(log, List.of("-D" + CrashPoints.PROPERTY + "=" + s.crashAt().get(i)), args);
      if (!child.waitFor(90, TimeUnit.SECONDS)) {
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        fail("child run " + i + " did not end: " + Files.readString(log));
      }
      assertEquals(CrashPoints.EXIT_STATUS, child.exitValue(),
          "crash point " + s.crashAt().get(i) + " must be reached: " + Files.readString(log));
    }

    // resume until the session completes (a SIGKILL may come after the child finished: nothing to resume)
    for (int attempt = 0; !"completed".equals(onlySession(dir).get("status").asText()); attempt++) {
      assertTrue(attempt < 3, "the session completes within three resumes: " + onlySession(dir));
      CliRunner.Result r = CliRunner.run(cfg.toString(), "--resume", sessionId(dir));
      assertTrue(r.code() == 1 || r.code() == 2, r.all());
    }
    JsonNode session = onlySession(dir);
    assertEquals("completed", session.get("status").asText(), session.toString());
    for (String t : TABLES) {
      JsonNode expected = baseline.tables().get(t);
      JsonNode actual = tableProgress(session, t);
      for (String f : COUNTS) {
        assertEquals(expected.get(f).asText(), actual.get(f).asText(), t + "." + f);
      }
      // a recheck resumed after a kill keeps the rounds it finished: the same rounds, the same counts
      assertEquals(expected.get("recheck_rounds"), actual.get("recheck_rounds"), t + ".recheck_rounds");
      Set<String> stamps = new TreeSet<>();
      for (String prefix : List.of("sync_target_", "undo_target_", "comparison_summary_")) {
        for (Path p : Tables.files(dir.resolve("output"), prefix + key(t) + "_*")) {
          Matcher m = STAMP.matcher(p.getFileName().toString().substring(prefix.length() + key(t).length() + 1));
          assertTrue(m.lookingAt(), p.toString());
          stamps.add(m.group());
        }
      }
      assertEquals(1, stamps.size(), "one set of outputs for " + t + " (one finish): " + stamps);
      List<Path> scripts = scripts(dir, "sync_target_", t);
      List<String> want = baseline.statements().get(t);
      if (want.isEmpty()) {
        assertEquals(List.of(), scripts, t + " has no differences: no sync script");
      } else {
        assertEquals(1, scripts.size(), "exactly one sync script for " + t + ": " + scripts);
        assertEquals(want, dml(scripts.get(0)), "the same statements in the same order for " + t);
        assertEquals(scripts.get(0).toString(), actual.get("sync_script").asText());
      }
      List<Path> undos = scripts(dir, "undo_target_", t);
      assertEquals(baseline.undo().get(t), undos.isEmpty() ? List.of() : dml(undos.get(0)), "undo script of " + t);
      List<Path> summaries = Tables.files(dir.resolve("output"),
          "comparison_summary_" + key(t) + "_*.txt");
      assertEquals(1, summaries.size(), "exactly one summary for " + t + ": " + summaries);
    }
    List<Path> sessionScripts = Tables.files(dir.resolve("output"), "sync_session_*.sql");
    if (baseline.sessionScript() == null) {
      assertEquals(List.of(), sessionScripts);
    } else {
      assertEquals(1, sessionScripts.size(), sessionScripts.toString());
      assertEquals(baseline.sessionScript(), dml(sessionScripts.get(0)), "the session's master script");
    }
    try (Stream<Path> all = Files.walk(dir.resolve("output"))) {
      List<Path> leftovers = all.filter(p -> p.toString().endsWith(".part") || p.toString().endsWith(".tmp")).toList();
      assertEquals(List.of(), leftovers, "no half-written file is left");
    }
    assertEquals(baseline.chunks(), Tables.files(dir.resolve("checkpoints"), "*.kryo").size());
  }

  /**
   * Every run that ends with the whole session complete writes the session's master scripts; resuming
   * a completed session later (a new time stamp) still leaves one of each, and the tables' outputs as
   * they were.
   */
  @Test
  void resumingACompletedSessionLeavesOneSessionScript() throws Exception {
    Path dir = work.resolve("completed-twice");
    Path cfg = config(dir);
    assertEquals(1, CliRunner.run(cfg.toString()).code());
    List<Path> before = Tables.files(dir.resolve("output"), "*");
    CliRunner.Result r = CliRunner.run(name -> null, Clock.offset(CliRunner.FIXED, Duration.ofHours(1)), cfg.toString(),
        "--resume", sessionId(dir));
    assertEquals(1, r.code(), r.all());
    List<Path> after = Tables.files(dir.resolve("output"), "*");
    assertEquals(1, Tables.files(dir.resolve("output"), "sync_session_*.sql").size(), after.toString());
    assertEquals(1, Tables.files(dir.resolve("output"), "undo_session_*.sql").size(), after.toString());
    assertEquals(before.stream().filter(p -> !p.getFileName().toString().contains("_session_")).toList(),
        after.stream().filter(p -> !p.getFileName().toString().contains("_session_")).toList());
  }

  /**
   * SIGKILL with one worker stopped right after a seeded number of checkpoints and the other left to
   * run for a seeded delay: the kill then lands wherever that worker is (reading, checkpointing, saving
   * the session). The paused worker keeps the run from ending, so the kill always finds it alive.
   */
  private void sigkillAtASeededMoment(Path dir, Path cfg, long seed) throws Exception {
    Random random = new Random(seed);
    int afterChunks = 1 + random.nextInt(baseline.chunks() * 3 / 4);
    long delayMillis = random.nextInt(40);
    Files.createDirectories(dir);
    PausedChild child = PausedChild.start(dir.resolve("child-kill.out"), CHECKPOINT_SAVED + ":" + afterChunks,
        cfg.toString());
    child.awaitPause();
    Thread.sleep(delayMillis); // where the other worker is when the kill comes; no assertion depends on it
    child.kill(); // SIGKILL
    int exit = child.awaitExit();
    assertTrue(exit == 137 || exit == 1, "killed or finished: " + child.output());
    assertEquals(137, exit, "a paused run cannot finish: " + child.output());
    System.out.printf("seed %d: SIGKILL %d ms after checkpoint %d%n", seed, delayMillis, afterChunks);
  }

  // ---------------------------------------------------------------- data

  private void createTables() throws SQLException {
    TestDb s = source();
    TestDb t = target();
    String orders = Tables.ORDERS;
    String lines = "ORDER_ID {NUMBER(10)} NOT NULL, LINE_NO {NUMBER(5)} NOT NULL, SKU {VARCHAR2(20)},"
        + " QTY {NUMBER(8)}, PRIMARY KEY (ORDER_ID, LINE_NO)";
    for (TestDb db : List.of(s, t)) {
      Tables.create(db, "ORDERS", orders);
      Tables.create(db, "LINES", lines);
      Tables.create(db, "SAME", orders);
      Tables.create(db, "EXTRA", orders);
    }
    List<Object[]> ord = new ArrayList<>();
    for (int i = 1; i <= 600; i++) {
      ord.add(Tables.order(i * 2));
    }
    Tables.insert(s, "ORDERS", ord);
    Tables.insert(t, "ORDERS", ord);
    String o = t.schema() + ".ORDERS";
    t.exec("DELETE FROM " + o + " WHERE ID IN (2, 300, 302, 640, 1100, 1200)");
    Tables.insert(t, "ORDERS", List.of(Tables.order(-6), Tables.order(501), Tables.order(777), Tables.order(5000)));
    t.exec("UPDATE " + o + " SET NAME = 'changed' WHERE ID = 4",
        "UPDATE " + o + " SET AMOUNT = AMOUNT + 0.01 WHERE ID = 100",
        "UPDATE " + o + " SET NOTE = NULL WHERE ID = 202",
        "UPDATE " + o + " SET NOTE = 'was null' WHERE ID = 500",
        "UPDATE " + o + " SET CREATED = CREATED + INTERVAL '1' SECOND WHERE ID = 702",
        "UPDATE " + o + " SET NAME = 'name 998 ' WHERE ID = 998",
        "UPDATE " + o + " SET AMOUNT = 0, NAME = 'zero' WHERE ID = 1198");

    List<Object[]> lin = new ArrayList<>();
    for (int ord1 = 1; ord1 <= 100; ord1++) {
      for (int line = 1; line <= 4; line++) {
        lin.add(new Object[] {ord1, line, "SKU-" + (ord1 * 7 + line), ord1 % 9 + line});
      }
    }
    Tables.insert(s, "LINES", lin);
    Tables.insert(t, "LINES", lin);
    String l = t.schema() + ".LINES";
    t.exec("DELETE FROM " + l + " WHERE ORDER_ID = 1 AND LINE_NO = 1",
        "DELETE FROM " + l + " WHERE ORDER_ID = 50 AND LINE_NO = 3",
        "DELETE FROM " + l + " WHERE ORDER_ID = 100 AND LINE_NO = 4",
        "UPDATE " + l + " SET QTY = QTY + 1 WHERE ORDER_ID IN (3, 33, 66) AND LINE_NO = 2",
        "UPDATE " + l + " SET SKU = NULL WHERE ORDER_ID = 77 AND LINE_NO = 1",
        "UPDATE " + l + " SET SKU = 'sku' WHERE ORDER_ID = 78 AND LINE_NO = 4");
    Tables.insert(t, "LINES", List.of(new Object[] {50, 5, "SKU-NEW", 1}, new Object[] {101, 1, "SKU-X", 2}));

    List<Object[]> same = new ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      same.add(Tables.order(i));
    }
    Tables.insert(s, "SAME", same);
    Tables.insert(t, "SAME", same);

    List<Object[]> extra = new ArrayList<>();
    for (int i = 1; i <= 200; i++) {
      extra.add(Tables.order(i * 3));
    }
    Tables.insert(s, "EXTRA", extra);
    Tables.insert(t, "EXTRA", extra);
    Tables.insert(t, "EXTRA", List.of(Tables.order(1), Tables.order(2), Tables.order(301), Tables.order(599), Tables.order(10_000)));
    String e = t.schema() + ".EXTRA";
    t.exec("UPDATE " + e + " SET NOTE = NULL WHERE ID IN (3, 303)",
        "UPDATE " + e + " SET NAME = 'other' WHERE ID = 600");
  }

  // ---------------------------------------------------------------- files

  private Path config(Path dir) throws IOException {
    StringBuilder tables = new StringBuilder();
    for (String t : TABLES) {
      tables.append(Tables.entry(source(), target(), t, ""));
    }
    return Tables.config(dir, Tables.database(source()), Tables.database(target()),
        "  chunk_size: " + CHUNK + "\n  threads: 2\n  max_retries: 1\n", tables.toString());
  }

  private static JsonNode onlySession(Path dir) throws IOException {
    List<Path> files = Tables.files(dir.resolve("state"), "oracle_session_*.json");
    assertEquals(1, files.size(), "one session in " + dir);
    return JSON.readTree(files.get(0).toFile());
  }

  private static String sessionId(Path dir) throws IOException {
    return onlySession(dir).get("session_id").asText();
  }

  private JsonNode tableProgress(JsonNode session, String table) {
    JsonNode t = session.get("table_progress").get(key(table));
    assertTrue(t != null, table + " in " + session.get("table_progress"));
    return t;
  }

  private String key(String table) {
    return Tables.key(source(), table);
  }

  private List<Path> scripts(Path dir, String prefix, String table) throws IOException {
    return Tables.files(dir.resolve("output"), prefix + key(table) + "_*.sql");
  }

  /**
   * What a script runs, line by line, with a master script's include lines replaced by its parts and
   * comment lines (header: session id, time stamps, databases) and blank lines left out. Statements
   * are single lines here; no file holds an INSERT, UPDATE or DELETE twice.
   */
  private static List<String> dml(Path script) throws IOException {
    List<String> out = new ArrayList<>();
    List<String> statements = new ArrayList<>();
    for (String line : Files.readAllLines(script)) {
      String l = line.strip();
      Matcher m = INCLUDE.matcher(l);
      if (m.matches()) {
        Path part = m.group(2) != null ? Path.of(m.group(2).replace("''", "'"))
            : script.resolveSibling(m.group(1) != null ? m.group(1).replace("''", "'") : m.group(3));
        out.addAll(dml(part));
      } else if (!l.isEmpty() && !l.startsWith("--")) {
        out.add(line);
        if (l.startsWith("INSERT ") || l.startsWith("UPDATE ") || l.startsWith("DELETE ")) {
          statements.add(l);
        }
      }
    }
    assertEquals(statements.size(), statements.stream().distinct().count(), "no statement twice in " + script);
    return out;
  }

  private static long statementCount(List<String> lines) {
    return lines.stream().map(String::strip)
        .filter(l -> l.startsWith("INSERT ") || l.startsWith("UPDATE ") || l.startsWith("DELETE ")).count();
  }

  private static void assertCounts(JsonNode t, long missingInTarget, long missingInSource, long different) {
    assertEquals(missingInTarget, t.get("missing_in_target").asLong(), "missing_in_target of " + t);
    assertEquals(missingInSource, t.get("missing_in_source").asLong(), "missing_in_source of " + t);
    assertEquals(different, t.get("different_rows").asLong(), "different_rows of " + t);
  }
}
