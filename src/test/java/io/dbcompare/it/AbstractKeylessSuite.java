package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbcompare.cli.Cli;
import io.dbcompare.compare.CrashPoints;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables without a primary key, end to end on one pair of databases: a key taken from a unique index
 * (named in the console, the summary and the session), a table without any key compared as a multiset
 * of whole rows (duplicates counted exactly; its script converges through {@code --apply}), a resume of
 * such a table after a kill, and {@code key_columns} that turn out to hold NULLs or duplicates.
 */
public abstract class AbstractKeylessSuite extends AbstractPairSuite {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  protected Path dir;

  protected String out;
  protected String err;

  protected int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = new Cli(new PrintWriter(o, true), new PrintWriter(e, true), k -> null,
        Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC), false).run(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  private Path config(Path folder, int chunkSize, String... entries) throws IOException {
    return Tables.config(folder, Tables.database(source()), Tables.database(target()),
        "  chunk_size: " + chunkSize + "\n  threads: 1\n  max_retries: 1\n", String.join("", entries));
  }

  private String entry(String table, String extra) {
    return Tables.entry(source(), target(), table, extra);
  }

  private static JsonNode session(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder.resolve("state"))) {
      List<Path> files = s.filter(p -> p.getFileName().toString().matches("oracle_session_.*\\.json")).toList();
      assertEquals(1, files.size(), "one session in " + folder);
      return JSON.readTree(files.get(0).toFile());
    }
  }

  private JsonNode table(Path folder, String table) throws IOException {
    return session(folder).get("table_progress").get(Tables.key(source(), table));
  }

  private static void assertCounts(JsonNode t, long missingInTarget, long missingInSource, long different) {
    assertEquals(missingInTarget, t.get("missing_in_target").asLong(), "missing_in_target of " + t);
    assertEquals(missingInSource, t.get("missing_in_source").asLong(), "missing_in_source of " + t);
    assertEquals(different, t.get("different_rows").asLong(), "different_rows of " + t);
  }

  private static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  // ------------------------------------------------------------------ a key from a unique index

  private static final String UNIQUE = "CODE {VARCHAR2(20)} NOT NULL, REGION {VARCHAR2(10)} NOT NULL,"
      + " NOTE_ID {NUMBER(10)}, NAME {VARCHAR2(50)},"
      + " CONSTRAINT UQ_A_NULLABLE UNIQUE (NOTE_ID),"
      + " CONSTRAINT UQ_WIDE UNIQUE (CODE, REGION),"
      + " CONSTRAINT UQ_NARROW UNIQUE (CODE)";

  private static Object[] unique(int i) {
    return new Object[] {"C" + (1000 + i), "EU", i % 3 == 0 ? null : i, "name " + i};
  }

  /**
   * No primary key, three unique constraints: one on a nullable column (the narrowest, and first by
   * name: never a key), a wide one and a narrow one on NOT NULL columns: the narrow one is the key.
   */
  @Test
  void aKeyIsTakenFromTheNarrowestUniqueIndexOnNotNullColumns() throws Exception {
    Tables.create(source(), "UQ_KEY", UNIQUE);
    Tables.create(target(), "UQ_KEY", UNIQUE);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 1; i <= 250; i++) {
      rows.add(unique(i));
    }
    Tables.insert(source(), "UQ_KEY", rows);
    Tables.insert(target(), "UQ_KEY", rows);
    String t = target().schema() + ".UQ_KEY";
    target().exec("DELETE FROM " + t + " WHERE CODE = 'C1007'", "UPDATE " + t + " SET NAME = 'changed' WHERE CODE = 'C1100'");
    Tables.insert(target(), "UQ_KEY", List.<Object[]>of(new Object[] {"C0001", "US", 9999, "extra"}));

    Path cfg = config(dir, 100, entry("UQ_KEY", ""));
    assertEquals(1, run(cfg.toString()), out + err);
    JsonNode tp = table(dir, "UQ_KEY");
    assertEquals("completed", tp.get("status").asText(), tp.toString());
    assertCounts(tp, 1, 1, 1);
    assertEquals(List.of("CODE"), List.of(upper(tp.get("key_columns").get(0).asText())));
    assertTrue(upper(tp.get("key_source").asText()).startsWith("UNIQUE INDEX UQ_NARROW"), tp.toString());
    assertTrue(upper(out).contains("KEY: UNIQUE INDEX UQ_NARROW"), out);
    assertTrue(tp.get("total_chunks").asInt() > 1, "planned by key ranges, like a primary key");
    String summary = Files.readString(Tables.files(dir.resolve("output"), "comparison_summary_*_UQ_KEY_*.txt").get(0));
    assertTrue(upper(summary).contains("KEY FROM:            UNIQUE INDEX UQ_NARROW"), summary);
    assertTrue(upper(summary).contains("(CODE=C1100) COLUMNS: NAME"), summary);
  }

  // ------------------------------------------------------------------ no key at all

  private static final String LOG = "EVENT {VARCHAR2(20)}, AMOUNT {NUMBER(10,2)}, NOTE {VARCHAR2(50)}";

  private static Object[] log(String event, String amount, String note) {
    return new Object[] {event, new BigDecimal(amount), note};
  }

  private static List<Object[]> times(Object[] row, int n) {
    return new ArrayList<>(Collections.nCopies(n, row));
  }

  /**
   * Source: login x3, logout x1, error (NOTE NULL) x2 and 300 distinct rows. Target: login x1, logout
   * x3, error x2, the distinct rows without two, one of them changed. Missing in target: 2 logins, the 2
   * deleted rows and the changed row as it was; missing in source: 2 logouts and the changed row.
   */
  private void logScenario(String table) throws Exception {
    Tables.create(source(), table, LOG);
    Tables.create(target(), table, LOG);
    Object[] login = log("login", "1.50", "web");
    Object[] logout = log("logout", "0", "web");
    Object[] error = log("error", "2", null);
    List<Object[]> distinct = new ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      distinct.add(log("e" + i, i + ".25", i % 7 == 0 ? null : "n" + i));
    }
    List<Object[]> src = new ArrayList<>(times(login, 3));
    src.addAll(times(logout, 1));
    src.addAll(times(error, 2));
    src.addAll(distinct);
    List<Object[]> tgt = new ArrayList<>(distinct.subList(0, 297));
    tgt.add(log("e299", "299.25", "changed"));
    tgt.addAll(times(error, 2));
    tgt.addAll(times(logout, 3));
    tgt.addAll(times(login, 1));
    Tables.insert(source(), table, src);
    Tables.insert(target(), table, tgt);
  }

  @Test
  void aTableWithoutKeyIsComparedAsAMultisetAndItsScriptConverges() throws Exception {
    logScenario("NO_KEY");
    Path folder = dir.resolve("run");
    Path cfg = config(folder, 100, entry("NO_KEY", ""));
    assertEquals(1, run(cfg.toString()), out + err);
    JsonNode tp = table(folder, "NO_KEY");
    assertEquals("completed", tp.get("status").asText(), tp.toString());
    assertCounts(tp, 5, 3, 0);
    assertEquals(306, tp.get("source_rows").asLong());
    assertEquals(304, tp.get("target_rows").asLong());
    assertEquals(4, tp.get("total_chunks").asInt(), "306 rows of the larger side in buckets of about 100");
    assertEquals(0, tp.get("key_columns").size());
    assertTrue(tp.get("key_source").asText().contains("multiset of whole rows"), tp.toString());
    assertTrue(out.contains("key: none"), out);
    assertTrue(out.contains("compared as a multiset of whole rows"), out);

    Path script = Tables.files(folder.resolve("output"), "sync_target_*_NO_KEY_*.sql").get(0);
    String text = Files.readString(script);
    assertTrue(text.contains("No key:"), text);
    List<String> st = io.dbcompare.sync.ScriptDml.dml(script);
    assertEquals(5, st.stream().filter(s -> s.startsWith("INSERT")).count(), st.toString());
    assertEquals(3, st.stream().filter(s -> s.startsWith("DELETE")).count(), st.toString());
    assertEquals(2, st.stream().filter(s -> s.startsWith("DELETE") && s.contains("'logout'")).count(), st.toString());
    assertEquals(2, st.stream().filter(s -> s.startsWith("INSERT") && s.contains("'login'")).count(), st.toString());
    String summary = Files.readString(Tables.files(folder.resolve("output"), "comparison_summary_*_NO_KEY_*.txt")
        .get(0));
    assertTrue(upper(summary).contains("(EVENT=LOGIN, AMOUNT=1.5, NOTE=WEB) X 2"), summary);
    assertTrue(upper(summary).contains("(EVENT=LOGOUT, AMOUNT=0, NOTE=WEB) X 2"), summary);

    String id = session(folder).get("session_id").asText();
    assertEquals(0, run(cfg.toString(), "--apply", id.substring(0, 8)), out + err);
    assertTrue(out.contains("the target now matches the source"), out);
  }

  /** Killed after its second bucket's checkpoint, resumed: the same counts and the same script. */
  @Test
  void aTableWithoutKeyResumedAfterAKillGivesTheSameResult() throws Exception {
    logScenario("NK_CRASH");
    Path baseline = dir.resolve("baseline");
    assertEquals(1, run(config(baseline, 50, entry("NK_CRASH", "")).toString()), out + err);
    JsonNode expected = table(baseline, "NK_CRASH");

    Path crashed = dir.resolve("crashed");
    Path cfg = config(crashed, 50, entry("NK_CRASH", ""));
    PausedChild child = PausedChild.start(crashed.resolve("child.out"), CrashPoints.CHECKPOINT_SAVED + ":2",
        cfg.toString());
    child.awaitPause();
    child.kill();
    assertEquals(137, child.awaitExit(), "killed by SIGKILL");
    JsonNode partial = table(crashed, "NK_CRASH");
    assertNotEquals("completed", partial.get("status").asText());
    assertEquals(7, partial.get("total_chunks").asInt(), "306 rows in buckets of about 50");

    String id = session(crashed).get("session_id").asText();
    assertEquals(1, run(cfg.toString(), "--resume", id.substring(0, 8)), out + err);
    assertTrue(out.contains("already done"), out);
    JsonNode resumed = table(crashed, "NK_CRASH");
    assertEquals("completed", resumed.get("status").asText());
    for (String f : List.of("source_rows", "target_rows", "missing_in_target", "missing_in_source", "different_rows",
        "total_chunks")) {
      assertEquals(expected.get(f).asLong(), resumed.get(f).asLong(), f);
    }
    List<String> a = io.dbcompare.sync.ScriptDml.dml(Tables.files(baseline.resolve("output"), "sync_target_*.sql")
        .get(0));
    List<String> b = io.dbcompare.sync.ScriptDml.dml(Tables.files(crashed.resolve("output"), "sync_target_*.sql")
        .get(0));
    assertEquals(8, a.size());
    assertEquals(a, b, "same statements in the same order");
  }

  // ------------------------------------------------------------------ key_columns

  @Test
  void keyColumnsWithDuplicatesOrNullsFailTheirTableNamingTheValue() throws Exception {
    String cols = "CODE {VARCHAR2(20)}, NAME {VARCHAR2(50)}";
    for (String table : List.of("KC_DUP", "KC_NULL", "KC_OK")) {
      Tables.create(source(), table, cols);
      Tables.create(target(), table, cols);
    }
    List<Object[]> rows = List.of(new Object[] {"A", "a"}, new Object[] {"B", "b"});
    for (String table : List.of("KC_DUP", "KC_NULL", "KC_OK")) {
      Tables.insert(source(), table, rows);
      Tables.insert(target(), table, rows);
    }
    Tables.insert(source(), "KC_DUP", List.<Object[]>of(new Object[] {"B", "again"}));
    Tables.insert(target(), "KC_NULL", List.<Object[]>of(new Object[] {null, "no code"}));
    Tables.insert(target(), "KC_OK", List.<Object[]>of(new Object[] {"C", "c"}));
    String key = "    key_columns: [CODE]\n";
    Path cfg = config(dir, 100, entry("KC_DUP", key), entry("KC_NULL", key), entry("KC_OK", key));
    assertEquals(2, run(cfg.toString()), out + err);

    JsonNode dup = table(dir, "KC_DUP");
    assertEquals("failed", dup.get("status").asText());
    String d = upper(dup.get("error").asText());
    assertTrue(d.contains("KEY_COLUMNS (CODE) ARE NOT UNIQUE IN THE SOURCE: (CODE=B) OCCURS 2 TIMES"), d);
    assertFalse(d.contains("\n"), "one line");
    JsonNode nul = table(dir, "KC_NULL");
    assertEquals("failed", nul.get("status").asText());
    String n = upper(nul.get("error").asText());
    assertTrue(n.contains("KEY_COLUMNS (CODE) HOLD NULL IN 1 TARGET ROW(S): (CODE=NULL)"), n);
    assertTrue(upper(out).contains("KC_DUP: FAILED: ") && upper(out).contains("(CODE=B)"), out);

    JsonNode ok = table(dir, "KC_OK");
    assertEquals("completed", ok.get("status").asText(), "the other tables go on");
    assertCounts(ok, 0, 1, 0);
    assertTrue(ok.get("key_source").asText().startsWith("key_columns"), ok.toString());
  }
}
