package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbcompare.apply.ScriptApplier;
import io.dbcompare.cli.Cli;
import io.dbcompare.compare.CrashPoints;
import io.dbcompare.session.SessionLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --apply}: a session's sync scripts run over JDBC on the target, batch by batch, with resume,
 * conflict handling and checksums; each subclass runs it on one pair of databases.
 */
public abstract class AbstractApplySuite extends AbstractPairSuite {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLS = "ID {NUMBER(10)} PRIMARY KEY, NAME {VARCHAR2(50)}, AMOUNT {NUMBER(12,2)},"
      + " CREATED {DATE}, NOTE {VARCHAR2(200)}";

  @TempDir
  protected Path dir;

  protected String out;
  protected String err;



  /** The target's URL in the configuration (H2: commits must reach the file before a SIGKILL). */
  protected String targetUrl() {
    return target().url();
  }

  // ---------------------------------------------------------------- helpers

  private void create(TestDb db, String table, String cols) throws SQLException {
    StringBuilder sb = new StringBuilder();
    Matcher m = Pattern.compile("\\{([^}]+)}").matcher(cols);
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(db.type(m.group(1))));
    }
    m.appendTail(sb);
    db.exec("CREATE TABLE " + db.schema() + "." + table + " (" + sb + ")");
  }

  private static Object[] row(int id) {
    return new Object[] {id, "name " + id, BigDecimal.valueOf(id * 7L, 2),
        LocalDateTime.of(2020, 1, 1, 8, 30, 15).plusSeconds(id), id % 5 == 0 ? null : "note " + id};
  }

  private static List<Object[]> rows(int from, int to) {
    List<Object[]> r = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      r.add(row(i));
    }
    return r;
  }

  private void insert(TestDb db, String table, List<Object[]> rows) throws SQLException {
    String marks = String.join(", ", Collections.nCopies(rows.get(0).length, "?"));
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement("INSERT INTO " + db.schema() + "." + table + " VALUES (" + marks + ")")) {
      c.setAutoCommit(false);
      for (Object[] r : rows) {
        for (int i = 0; i < r.length; i++) {
          ps.setObject(i + 1, r[i]);
        }
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
    }
  }

  private String t(String table) {
    return target().schema() + "." + table;
  }

  /**
   * Source ids 1..n; the target misses 2, 1000 and every id above n - missing, has 3 extra rows, and
   * 4 changed rows (ids 4, 800, 1202, 1500).
   */
  private void scenario(String table, int n, int missing) throws SQLException {
    create(source(), table, COLS);
    create(target(), table, COLS);
    insert(source(), table, rows(1, n));
    insert(target(), table, rows(1, n - missing));
    target().exec("DELETE FROM " + t(table) + " WHERE ID IN (2, 1000)");
    insert(target(), table, List.of(row(-4), row(n + 500), row(n + 501)));
    target().exec("UPDATE " + t(table) + " SET NAME = 'changed' WHERE ID = 4",
        "UPDATE " + t(table) + " SET AMOUNT = AMOUNT + 0.01 WHERE ID = 800",
        "UPDATE " + t(table) + " SET NOTE = NULL WHERE ID = 1202",
        "UPDATE " + t(table) + " SET NOTE = 'was null' WHERE ID = 1500");
  }

  private String entry(String table) {
    String s = "  - table_name: " + source().schema() + "." + table + "\n";
    if (!source().schema().equals(target().schema())) {
      s += "    target_table: " + target().schema() + "." + table + "\n";
    }
    return s;
  }

  private Path config(Path folder, int batchSize, String... entries) throws IOException {
    String yaml = "source_database:\n" + db(source(), source().url()) + "target_database:\n" + db(target(), targetUrl())
        + "comparison:\n  chunk_size: 500\n  threads: 2\n  state_dir: state\n  checkpoint_dir: checkpoints\n"
        + "  output_dir: output\n  max_retries: 1\n" + Tables.RECHECK_AT_ONCE
        + "sync:\n  batch_size: " + batchSize + "\n"
        + "tables:\n" + String.join("", entries);
    Files.createDirectories(folder);
    Path f = folder.resolve("config.yaml");
    Files.writeString(f, yaml, StandardCharsets.UTF_8);
    return f;
  }

  private static String db(TestDb d, String url) {
    return "  url: \"" + url + "\"\n  username: \"" + d.user() + "\"\n  password: \"" + d.password() + "\"\n";
  }

  protected int run(String... args) {
    return runAt(Clock.systemUTC(), args);
  }

  /** As {@link #run}, with the clock that names the run's files. */
  protected int runAt(Clock clock, String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = new Cli(new PrintWriter(o, true), new PrintWriter(e, true), k -> null, clock, false).run(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  private JsonNode session(Path folder, String id) throws IOException {
    return JSON.readTree(folder.resolve("state").resolve("oracle_session_" + id + ".json").toFile());
  }

  private static String onlySessionId(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder.resolve("state"))) {
      List<String> ids = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("oracle_session_.*\\.json"))
          .map(n -> n.substring("oracle_session_".length(), n.length() - ".json".length())).toList();
      assertEquals(1, ids.size(), ids.toString());
      return ids.get(0);
    }
  }

  /** Compares, expecting differences; returns the session id. */
  private String compare(Path cfg) throws IOException {
    assertEquals(1, run(cfg.toString()), out + err);
    return onlySessionId(cfg.getParent());
  }

  /** A fresh comparison in its own folder: exit status and the table's counts. */
  private String recount(String table, String... entries) throws IOException {
    Path check = dir.resolve("check-" + System.nanoTime());
    Path cfg = config(check, 1000, entries);
    int code = run(cfg.toString());
    JsonNode t = session(check, onlySessionId(check)).get("table_progress").get(Tables.key(source(), table));
    return code + ":" + t.get("missing_in_target").asLong() + "," + t.get("missing_in_source").asLong() + ","
        + t.get("different_rows").asLong();
  }

  private static long statementsDone(JsonNode applyProgress) {
    long n = 0;
    for (JsonNode f : applyProgress.get("files")) {
      n += f.get("statements_done").asLong();
    }
    return n;
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  // ---------------------------------------------------------------- tests

  /** Apply runs the reviewed script, records each batch, re-compares and ends with exit 0. */
  @Test
  void applyMakesTheTargetEqualToTheSource() throws Exception {
    scenario("APPLY", 1600, 3);
    Path cfg = config(dir.resolve("run"), 3, entry("APPLY"));
    String id = compare(cfg);
    assertEquals(0, run(cfg.toString(), "--apply", id.substring(0, 8)), out + err);
    Path script = Files.list(dir.resolve("run/output")).filter(p -> p.getFileName().toString().startsWith("sync_target_")
        && p.getFileName().toString().endsWith(".sql")).findFirst().orElseThrow();
    assertTrue(out.contains("Running:       " + script.toAbsolutePath().normalize()), out);
    assertTrue(out.contains("Statements:    12 in "), out);
    assertTrue(out.contains("the target now matches the source"), out);
    JsonNode ap = session(dir.resolve("run"), id).get("apply_progress");
    assertEquals("completed", ap.get("status").asText());
    assertEquals(12, ap.get("statements_applied").asLong());
    assertEquals(12, statementsDone(ap));
    assertEquals("0:0,0,0", recount("APPLY", entry("APPLY")));
    String log = Files.readString(dir.resolve("run/state/oracle_session_" + id + ".log"));
    assertTrue(log.contains("| COMMITTED | statements"), log);

    // applying again runs nothing: every batch is recorded as committed
    assertEquals(0, run(cfg.toString(), "--apply", id), out + err);
    assertTrue(out.contains("already applied (12 statements)"), out);
  }

  /** Several tables: the session master decides the order (parents first for INSERT, children first for DELETE). */
  @Test
  void applyRunsTheSessionMasterInForeignKeyOrder() throws Exception {
    for (TestDb db : List.of(source(), target())) {
      create(db, "AP_PARENT", "ID {NUMBER(10)} PRIMARY KEY, NAME {VARCHAR2(50)}");
      create(db, "AP_CHILD", "ID {NUMBER(10)} PRIMARY KEY, PARENT_ID {NUMBER(10)} NOT NULL REFERENCES "
          + db.schema() + ".AP_PARENT (ID), NOTE {VARCHAR2(50)}");
    }
    insert(source(), "AP_PARENT", List.of(new Object[] {1, "one"}, new Object[] {3, "three"}));
    insert(target(), "AP_PARENT", List.of(new Object[] {1, "one"}, new Object[] {4, "four"}));
    insert(source(), "AP_CHILD", List.of(new Object[] {10, 1, "a"}, new Object[] {11, 3, "b"}));
    insert(target(), "AP_CHILD", List.of(new Object[] {10, 1, "changed"}, new Object[] {12, 4, "c"}));
    Path cfg = config(dir.resolve("fk"), 1000, entry("AP_PARENT"), entry("AP_CHILD"));
    String id = compare(cfg);
    assertEquals(0, run(cfg.toString(), "--apply", id), out + err);
    assertTrue(out.matches("(?s).*Running: +\\S*sync_session_\\S+ \\(session master.*"), out);
    assertEquals("0:0,0,0", recount("AP_CHILD", entry("AP_PARENT"), entry("AP_CHILD")));
  }

  /**
   * A session master that cannot be written (here a folder stands where it goes) fails the run, exit 2,
   * and the session records it; --apply refuses the session rather than run its tables' scripts in
   * configuration order (which breaks on the foreign key); a --resume writes the master, and the apply
   * then runs it.
   */
  @Test
  void aSessionMasterThatCannotBeWrittenFailsTheRunAndApplyWaitsForIt() throws Exception {
    for (TestDb db : List.of(source(), target())) {
      create(db, "AM_PARENT", "ID {NUMBER(10)} PRIMARY KEY, NAME {VARCHAR2(50)}");
    }
    create(source(), "AM_CHILD", "ID {NUMBER(10)} PRIMARY KEY, PARENT_ID {NUMBER(10)} NOT NULL REFERENCES "
        + source().schema() + ".AM_PARENT (ID), NOTE {VARCHAR2(50)}");
    insert(source(), "AM_PARENT", List.of(new Object[] {1, "one"}, new Object[] {3, "three"}));
    insert(target(), "AM_PARENT", List.of(new Object[] {1, "one"}, new Object[] {4, "four"}));
    insert(source(), "AM_CHILD", List.of(new Object[] {10, 1, "a"}, new Object[] {11, 3, "b"}));
    Path folder = dir.resolve("master");
    Path cfg = config(folder, 1000, entry("AM_PARENT"), entry("AM_CHILD"));
    Clock clock = Clock.fixed(java.time.Instant.parse("2026-01-15T10:00:00Z"), java.time.ZoneOffset.UTC);

    // 1. the child table is missing in the target: it fails, the parent's scripts are written
    assertEquals(2, runAt(clock, cfg.toString()), out + err);
    String id = onlySessionId(folder);
    String id8 = id.substring(0, 8);
    create(target(), "AM_CHILD", "ID {NUMBER(10)} PRIMARY KEY, PARENT_ID {NUMBER(10)} NOT NULL REFERENCES "
        + target().schema() + ".AM_PARENT (ID), NOTE {VARCHAR2(50)}");
    insert(target(), "AM_CHILD", List.of(new Object[] {10, 1, "changed"}, new Object[] {12, 4, "c"}));

    // 2. the retry completes both tables, but the master cannot be written: exit 2, one line, recorded
    Path master = folder.resolve("output/sync_session_20260115_100000_" + id8 + ".sql");
    Files.createDirectories(master);
    Files.writeString(master.resolve("in the way"), "x");
    assertEquals(2, runAt(clock, cfg.toString(), "--resume", id8, "--retry-failed"), out + err);
    assertEquals(1, err.strip().lines().count(), err);
    assertTrue(err.startsWith("error: the session master script was not written: " + master)
        && err.contains("--resume " + id8), err);
    assertTrue(out.contains("Session sync:  NOT WRITTEN"), out);
    JsonNode s = session(folder, id);
    assertEquals("failed", s.get("status").asText());
    assertTrue(s.get("session_script_error").asText().contains(master.toString()), s.toString());
    assertEquals(0, s.get("session_scripts").size());
    assertEquals(2, s.get("totals").get("tables_completed").asInt());

    // 3. --apply refuses it, naming the fix, and changes nothing
    assertEquals(2, run(cfg.toString(), "--apply", id8), out + err);
    assertTrue(err.contains("has no session master script") && err.contains("--resume " + id8), err);
    assertNull(session(folder, id).get("apply_progress").textValue(), "nothing was applied");
    assertEquals("1:1,1,1", recount("AM_CHILD", entry("AM_PARENT"), entry("AM_CHILD")));

    // 4. the cause removed, a resume writes the master and clears the record
    Files.delete(master.resolve("in the way"));
    Files.delete(master);
    assertEquals(1, runAt(clock, cfg.toString(), "--resume", id8), out + err);
    assertTrue(Files.isRegularFile(master), "the master is written");
    s = session(folder, id);
    assertEquals("completed", s.get("status").asText());
    assertTrue(s.get("session_script_error").isNull(), s.toString());
    assertEquals(master.toString(), s.get("session_scripts").get(0).get("path").asText());

    // 5. and the apply runs it, in foreign-key order
    assertEquals(0, run(cfg.toString(), "--apply", id8), out + err);
    assertTrue(out.contains("Running:       " + master.toAbsolutePath().normalize() + " (session master"), out);
    assertEquals("0:0,0,0", recount("AM_CHILD", entry("AM_PARENT"), entry("AM_CHILD")));
  }

  /**
   * The real CLI applies in a separate JVM that dies right after a batch's COMMIT, before the session
   * records it (the worst moment); then a SIGKILL at an arbitrary batch. Each resume finishes the job
   * without running any statement twice (an INSERT run twice would stop on its key) and the target
   * ends equal to the source.
   */
  @Test
  void aKilledApplyResumesAfterTheLastCommittedBatch() throws Exception {
    scenario("APKILL", 3000, 1500);
    Path folder = dir.resolve("kill");
    Path cfg = config(folder, 4, entry("APKILL"));
    String id = compare(cfg);

    // 1. halted between the COMMIT of batch 25 and its record in the session
    Process child = new ProcessBuilder(javaBin(), "-Xmx256m", "-Duser.timezone=UTC",
        "-D" + CrashPoints.PROPERTY + "=" + ScriptApplier.CRASH_AFTER_COMMIT + ":25", "-cp",
        System.getProperty("java.class.path"), "io.dbcompare.cli.Main", cfg.toString(), "--apply", id)
        .redirectErrorStream(true).redirectOutput(folder.resolve("child1.out").toFile()).start();
    assertTrue(child.waitFor(120, TimeUnit.SECONDS));
    assertEquals(CrashPoints.EXIT_STATUS, child.exitValue(), Files.readString(folder.resolve("child1.out")));
    JsonNode ap = session(folder, id).get("apply_progress");
    assertEquals("running", ap.get("status").asText());
    JsonNode file = ap.get("files").elements().next();
    assertEquals(24, file.get("batches_done").asInt());
    assertEquals(24, file.get("in_doubt_batch").asInt(), "batch 25 (index 24) is in doubt: " + ap);

    // 2. resumed in a JVM stopped right after this run recorded its 40th batch (batch 25, then 26..64),
    // and killed there with SIGKILL
    PausedChild resumed = PausedChild.start(folder.resolve("child2.out"), ScriptApplier.CRASH_BATCH_RECORDED + ":40",
        cfg.toString(), "--apply", id);
    resumed.awaitPause();
    assertTrue(resumed.process.isAlive(), "the apply must still run when killed: " + resumed.output());
    resumed.kill(); // SIGKILL on Unix
    assertEquals(137, resumed.awaitExit());
    String out2 = Files.readString(folder.resolve("child2.out"));
    assertTrue(out2.contains("batch 25 was committed before the interruption"), out2);
    ap = session(folder, id).get("apply_progress");
    int batches = ap.get("files").elements().next().get("batches").asInt();
    int killedAt = ap.get("files").elements().next().get("batches_done").asInt();
    assertTrue(killedAt >= 60 && killedAt < batches, killedAt + " of " + batches);
    assertEquals(64, killedAt, "killed right after batch 64 was recorded");

    // 3. resumed in-process to the end
    assertEquals(0, run(cfg.toString(), "--apply", id), out + err);
    assertTrue(out.contains("resuming after batch "), out);
    assertFalse(out.contains("conflict"), out);
    ap = session(folder, id).get("apply_progress");
    assertEquals("completed", ap.get("status").asText());
    JsonNode table = session(folder, id).get("table_progress").get(Tables.key(source(), "APKILL"));
    long expected = table.get("missing_in_target").asLong() + table.get("missing_in_source").asLong()
        + table.get("different_rows").asLong();
    assertEquals(expected, statementsDone(ap));
    assertEquals(0, ap.get("statements_skipped").asLong());
    assertEquals("0:0,0,0", recount("APKILL", entry("APKILL")));
  }

  /**
   * A row the script updates changed since the comparison, and a row it inserts appeared: the apply
   * stops with the table and key and rolls back the batch (exit 2); with --skip-conflicts it logs and
   * skips them and applies the rest (exit 1: those rows still differ).
   */
  @Test
  void aChangedRowStopsTheApplyAndSkipConflictsGoesOn() throws Exception {
    scenario("APCONF", 1600, 3);
    Path folder = dir.resolve("conf");
    Path cfg = config(folder, 1000, entry("APCONF"));
    String id = compare(cfg);
    target().exec("UPDATE " + t("APCONF") + " SET NOTE = 'edited meanwhile' WHERE ID = 800");
    assertEquals(2, run(cfg.toString(), "--apply", id), out + err);
    String upper = (out + err).toUpperCase(Locale.ROOT);
    assertTrue(upper.contains(t("APCONF").toUpperCase(Locale.ROOT) + " (ID=800)"), out + err);
    assertTrue(upper.contains("SYNC STOPPED"), out + err);
    assertTrue(err.startsWith("error: apply stopped on a conflict"), err);
    // one batch (batch_size 1000): the DELETEs before the conflicting UPDATE were rolled back with it
    assertEquals("1:5,3,4", recount("APCONF", entry("APCONF")));
    JsonNode ap = session(folder, id).get("apply_progress");
    assertEquals("stopped", ap.get("status").asText());
    assertEquals(0, statementsDone(ap));

    // a row the script inserts appeared meanwhile: the INSERT fails on the key
    target().exec("UPDATE " + t("APCONF") + " SET NOTE = NULL WHERE ID = 800");
    insert(target(), "APCONF", List.<Object[]>of(row(1000)));
    target().exec("UPDATE " + t("APCONF") + " SET NAME = 'other' WHERE ID = 1000");
    assertEquals(2, run(cfg.toString(), "--apply", id), out + err);
    assertTrue((out + err).toUpperCase(Locale.ROOT).contains(t("APCONF").toUpperCase(Locale.ROOT) + " (ID=1000)"),
        out + err);

    assertEquals(1, run(cfg.toString(), "--apply", id, "--skip-conflicts"), out + err);
    assertTrue(out.toUpperCase(Locale.ROOT).contains("SKIPPED CONFLICT: " + t("APCONF").toUpperCase(Locale.ROOT)
        + " (ID=1000)"), out);
    assertTrue(out.contains("1 conflicting statements skipped"), out);
    assertTrue(out.contains("differences remain"), out);
    String log = Files.readString(folder.resolve("state/oracle_session_" + id + ".log"));
    assertTrue(log.toUpperCase(Locale.ROOT).contains("CONFLICT SKIPPED | " + t("APCONF").toUpperCase(Locale.ROOT)
        + " (ID=1000)"), log);
    ap = session(folder, id).get("apply_progress");
    assertEquals("completed", ap.get("status").asText());
    assertEquals(1, ap.get("statements_skipped").asLong());
    assertEquals(11, ap.get("statements_applied").asLong());
    assertEquals("1:0,0,1", recount("APCONF", entry("APCONF")), "only the skipped row differs");
    assertFalse((out + err + log).contains(target().password()) || (out + err + log).contains(source().password()));
  }

  /** A script changed after it was generated is refused unless --allow-edited is given. */
  @Test
  void anEditedScriptIsRefusedUnlessAllowed() throws Exception {
    scenario("APEDIT", 1600, 3);
    Path folder = dir.resolve("edit");
    Path cfg = config(folder, 1000, entry("APEDIT"));
    String id = compare(cfg);
    Path script;
    try (Stream<Path> s = Files.list(folder.resolve("output"))) {
      script = s.filter(p -> p.getFileName().toString().startsWith("sync_target_") && p.getFileName().toString()
          .endsWith(".sql")).findFirst().orElseThrow();
    }
    Files.writeString(script, Files.readString(script).replaceFirst("\n\n", "\n-- reviewed by the DBA\n\n"));
    assertEquals(2, run(cfg.toString(), "--apply", id), out + err);
    assertTrue(err.contains("changed after they were generated") && err.contains(script.getFileName().toString())
        && err.contains("--allow-edited"), err);
    assertNull(session(folder, id).get("apply_progress").textValue(), "nothing was applied");
    assertEquals("1:5,3,4", recount("APEDIT", entry("APEDIT")));

    assertEquals(0, run(cfg.toString(), "--apply", id, "--allow-edited"), out + err);
    assertTrue(out.contains("EDITED:        " + script.toAbsolutePath().normalize()), out);
  }

  /** A locked, unknown or unfinished session is refused with a clear message; options need --apply. */
  @Test
  void applyRefusesLockedUnknownAndUnfinishedSessions() throws Exception {
    scenario("APLOCK", 1600, 3);
    Path folder = dir.resolve("lock");
    Path cfg = config(folder, 1000, entry("APLOCK"));
    String id = compare(cfg);
    try (SessionLock held = SessionLock.acquire(folder.resolve("state/oracle_session_" + id + ".lock"), id)) {
      assertEquals(2, run(cfg.toString(), "--apply", id), out + err);
      assertTrue(err.contains("in use by PID " + ProcessHandle.current().pid()), err);
    }
    assertEquals(3, run(cfg.toString(), "--apply", "0000dead"), out + err);
    assertTrue(err.contains("no session '0000dead'"), err);
    assertEquals(3, run(cfg.toString(), "--skip-conflicts"), out + err);
    assertTrue(err.contains("need --apply"), err);
    assertEquals(3, run(cfg.toString(), "--apply", id, "--resume", id), out + err);

    Path missing = dir.resolve("missing");
    create(source(), "APNOTGT", COLS);
    insert(source(), "APNOTGT", rows(1, 10));
    Path cfg2 = config(missing, 1000, entry("APNOTGT"));
    assertEquals(2, run(cfg2.toString()), out + err);
    String id2 = onlySessionId(missing);
    assertEquals(2, run(cfg2.toString(), "--apply", id2), out + err);
    assertTrue(err.contains("is not complete") && err.contains("--resume"), err);
    assertNotNull(session(missing, id2));
  }
}
