package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbcompare.cli.Cli;
import io.dbcompare.compare.CrashPoints;
import io.dbcompare.config.Platform;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end behaviour of the tool, run against a pair of real databases by each subclass (H2,
 * PostgreSQL, Oracle XE). Every test builds its own tables, writes its own configuration into a
 * temporary folder and runs the real command line in-process (or, for the crash test, in a separate
 * JVM that is killed with SIGKILL).
 *
 * <p>Logical column types used in DDL and mapped per database by {@link TestDb#type}: NUMBER(p[,s]),
 * INTEGER, VARCHAR2(n), CHAR(n), DATE (with time), TS9 (timestamp, 9 digits where supported), TEXT,
 * BIGTEXT (CLOB/text), BYTES (RAW/bytea), BIGBYTES (BLOB/bytea), DOUBLE.
 */
public abstract class AbstractBehaviourSuite extends AbstractPairSuite {
  protected static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

  @TempDir
  protected Path dir;

  protected String out;
  protected String err;



  // ---------------------------------------------------------------- helpers

  /** Creates a table on one side; {@code cols} uses logical types in braces, e.g. {@code "ID {NUMBER(10)}"}. */
  protected void create(TestDb db, String table, String cols) throws SQLException {
    Tables.create(db, table, cols);
  }

  protected void createBoth(String table, String cols) throws SQLException {
    create(source(), table, cols);
    create(target(), table, cols);
  }

  protected void insert(TestDb db, String table, List<Object[]> rows) throws SQLException {
    Tables.insert(db, table, rows);
  }

  protected void insertBoth(String table, List<Object[]> rows) throws SQLException {
    insert(source(), table, rows);
    insert(target(), table, rows);
  }

  protected String tableEntry(String table, String extra) {
    String s = "  - table_name: " + source().schema() + "." + table + "\n";
    if (!source().schema().equals(target().schema())) {
      s += "    target_table: " + target().schema() + "." + table + "\n";
    }
    return s + extra;
  }

  protected Path config(int chunkSize, int threads, String... tableEntries) throws IOException {
    return config(dir, chunkSize, threads, String.join("", tableEntries));
  }

  protected Path config(Path folder, int chunkSize, int threads, String tables) throws IOException {
    String yaml = "source_database:\n" + db(source()) + "target_database:\n" + db(target())
        + "comparison:\n  chunk_size: " + chunkSize + "\n  threads: " + threads + "\n  state_dir: state\n"
        + "  checkpoint_dir: checkpoints\n  output_dir: output\n  max_retries: 1\n"
        + (comparisonExtras().contains("recheck:") ? "" : Tables.RECHECK_AT_ONCE) + comparisonExtras()
        + "tables:\n" + tables;
    Files.createDirectories(folder);
    Path f = folder.resolve("config.yaml");
    Files.writeString(f, yaml, StandardCharsets.UTF_8);
    return f;
  }

  private static String db(TestDb d) {
    return "  url: \"" + d.url() + "\"\n  username: \"" + d.user() + "\"\n  password: \"" + d.password() + "\"\n";
  }

  protected int run(String... args) {
    return runAt(Clock.fixed(NOW, ZoneOffset.UTC), args);
  }

  protected int runAt(Clock clock, String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = new Cli(new PrintWriter(o, true), new PrintWriter(e, true), k -> null, clock, false).run(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  protected JsonNode onlySession(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder.resolve("state"))) {
      List<Path> files = s.filter(p -> p.getFileName().toString().matches("oracle_session_.*\\.json")).toList();
      assertEquals(1, files.size(), "one session file expected in " + folder);
      return JSON.readTree(files.get(0).toFile());
    }
  }

  protected JsonNode table(JsonNode session, String table) {
    String key = Tables.key(source(), table);
    JsonNode t = session.get("table_progress").get(key);
    assertNotNull(t, "table " + key + " in session: " + session.get("table_progress"));
    return t;
  }

  protected static void assertCounts(JsonNode t, long missingInTarget, long missingInSource, long different) {
    assertEquals(missingInTarget, t.get("missing_in_target").asLong(), "missing_in_target of " + t);
    assertEquals(missingInSource, t.get("missing_in_source").asLong(), "missing_in_source of " + t);
    assertEquals(different, t.get("different_rows").asLong(), "different_rows of " + t);
  }

  protected static List<Path> files(Path folder, String glob) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    try (var ds = Files.newDirectoryStream(folder, glob)) {
      ds.forEach(out::add);
    }
    out.sort(null);
    return out;
  }

  /** The statements of a sync script, without comments and settings. */
  protected static List<String> statements(Path script) throws IOException {
    // also inside guard blocks (PL/SQL, DO) and in the parts a master script runs
    return io.dbcompare.sync.ScriptDml.dml(script);
  }

  private static List<Object[]> rows(int from, int to, java.util.function.IntFunction<Object[]> f) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      rows.add(f.apply(i));
    }
    return rows;
  }

  private static Object[] simpleRow(int id) {
    return new Object[] {id, "name " + id, BigDecimal.valueOf(id * 7L, 2),
        LocalDateTime.of(2020, 1, 1, 8, 30, 15).plusDays(id % 400).plusSeconds(id), id % 5 == 0 ? null : "note " + id};
  }

  private static final String SIMPLE = "ID {NUMBER(10)} PRIMARY KEY, NAME {VARCHAR2(50)}, AMOUNT {NUMBER(12,2)},"
      + " CREATED {DATE}, NOTE {VARCHAR2(200)}";

  /** Source: even ids 2..6000. Target: 5 missing (incl. first and last), 4 extra (below, inside, above), 6 changed. */
  private void simpleScenario(String table) throws SQLException {
    createBoth(table, SIMPLE);
    List<Object[]> src = rows(1, 3000, i -> simpleRow(i * 2));
    insert(source(), table, src);
    insert(target(), table, src);
    String t = target().schema() + "." + table;
    target().exec("DELETE FROM " + t + " WHERE ID IN (2, 1000, 3000, 5998, 6000)");
    insert(target(), table, List.of(simpleRow(-4), simpleRow(1001), simpleRow(2001), simpleRow(9000)));
    target().exec(
        "UPDATE " + t + " SET NAME = 'changed' WHERE ID = 4",
        "UPDATE " + t + " SET AMOUNT = AMOUNT + 0.01 WHERE ID = 800",
        "UPDATE " + t + " SET NOTE = NULL WHERE ID = 1202",
        "UPDATE " + t + " SET NOTE = 'was null' WHERE ID = 1500",
        "UPDATE " + t + " SET CREATED = CREATED + INTERVAL '1' SECOND WHERE ID = 4002",
        "UPDATE " + t + " SET NAME = 'name 5996 ' WHERE ID = 5996");
  }

  // ---------------------------------------------------------------- tests

  /**
   * 10,000 rows in chunks of 1,000 with one difference in every chunk (changed, missing, extra): found
   * exactly; with push-down, after the first chunks the table is compared by bucket passes and the key
   * + hash rows read stay below 5 % of the rows.
   */
  @Test
  void spreadDifferencesAreFoundExactlyReadingFewKeyAndHashRows() throws Exception {
    createBoth("SPREAD", Tables.ORDERS);
    List<Object[]> rows = Tables.orders(1, 10_000, 1);
    insert(source(), "SPREAD", rows);
    insert(target(), "SPREAD", rows);
    String t = target().schema() + ".SPREAD";
    target().exec("UPDATE " + t + " SET NAME = 'changed' WHERE ID IN (437, 2437, 4437, 6437, 8437)",
        "DELETE FROM " + t + " WHERE ID IN (1437, 3437, 5437)");
    insert(target(), "SPREAD", List.of(Tables.order(20_001), Tables.order(20_002)));
    Path cfg = config(1_000, 2, tableEntry("SPREAD", ""));
    assertEquals(1, run(cfg.toString()), out + err);
    JsonNode tp = table(onlySession(dir), "SPREAD");
    assertCounts(tp, 3, 2, 5);
    if (pushdownExpected()) {
      long[] hash = fetchedHashRows(out);
      assertTrue(hash[0] <= 500 && hash[1] <= 500, "key + hash rows per side (source, target) must stay below 5 % of"
          + " 10,000: " + Arrays.toString(hash) + "\n" + out);
    }
  }

  /**
   * 40 differing rows in one chunk: found exactly; with push-down, only that chunk's key + hash rows
   * are read (bisection, not a pass over every chunk).
   */
  @Test
  void clusteredDifferencesAreFoundExactlyReadingOnlyTheirChunk() throws Exception {
    createBoth("CLUSTER", Tables.ORDERS);
    List<Object[]> rows = Tables.orders(1, 10_000, 1);
    insert(source(), "CLUSTER", rows);
    insert(target(), "CLUSTER", rows);
    String t = target().schema() + ".CLUSTER";
    target().exec("UPDATE " + t + " SET NOTE = 'changed' WHERE ID BETWEEN 4101 AND 4130",
        "DELETE FROM " + t + " WHERE ID BETWEEN 4201 AND 4210");
    Path cfg = config(1_000, 2, tableEntry("CLUSTER", ""));
    assertEquals(1, run(cfg.toString()), out + err);
    assertCounts(table(onlySession(dir), "CLUSTER"), 10, 0, 30);
    if (pushdownExpected()) {
      long[] hash = fetchedHashRows(out);
      assertTrue(hash[0] <= 1_000 && hash[1] <= 1_000, "key + hash rows per side (source, target) of one chunk at most: "
          + Arrays.toString(hash) + "\n" + out);
    }
  }

  /** The key + hash rows per side from the console's "Fetched:" line. */
  private static long[] fetchedHashRows(String out) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "Fetched: +source \\d+ aggregate \\+ (\\d+) hash \\+ \\d+ full rows.*; target \\d+ aggregate \\+ (\\d+) hash")
        .matcher(out);
    assertTrue(m.find(), out);
    return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
  }

  @Test
  void findsEachKindOfDifferenceWithExactCounts() throws Exception {
    simpleScenario("DIFFS");
    Path cfg = config(400, 2, tableEntry("DIFFS", ""));
    assertEquals(1, run(cfg.toString()), out + err);
    JsonNode t = table(onlySession(dir), "DIFFS");
    assertEquals("completed", t.get("status").asText());
    assertCounts(t, 5, 4, 6);
    assertEquals(3000, t.get("source_rows").asLong());
    assertEquals(2999, t.get("target_rows").asLong());
    assertEquals(8, t.get("total_chunks").asInt(), "3000 rows in chunks of 400: 7 full + 1 open-ended");
    assertTrue(out.contains("Processing: " + source().schema() + ".DIFFS"), out);
    assertEquals(pushdownExpected(), out.contains("checksums and hashes computed by the databases"), out);
    assertEquals(!pushdownExpected(), out.contains("rows hashed in Java"), out);

    List<Path> scripts = files(dir.resolve("output"), "sync_target_*_DIFFS_*.sql");
    assertEquals(1, scripts.size());
    List<String> st = statements(scripts.get(0));
    assertEquals(5, st.stream().filter(s -> s.startsWith("INSERT")).count(), st.toString());
    assertEquals(4, st.stream().filter(s -> s.startsWith("DELETE")).count(), st.toString());
    assertEquals(6, st.stream().filter(s -> s.startsWith("UPDATE")).count(), st.toString());
    List<Path> summaries = files(dir.resolve("output"), "comparison_summary_*_DIFFS_*.txt");
    assertEquals(1, summaries.size());
    String summary = Files.readString(summaries.get(0));
    assertTrue(summary.contains("Missing in target:   5"), summary);
    // column names as the catalog spells them: upper case in Oracle and H2, lower case in PostgreSQL
    assertTrue(summary.toUpperCase(java.util.Locale.ROOT).contains("(ID=5998)"), summary);
    assertTrue(summary.toUpperCase(java.util.Locale.ROOT).contains("(ID=4002) COLUMNS: CREATED"), summary);
    List<Path> checkpoints = files(dir.resolve("checkpoints"), "*_DIFFS_chunk_*.kryo");
    assertEquals(8, checkpoints.size());
    Path log = files(dir.resolve("state"), "oracle_session_*.log").get(0);
    assertTrue(Files.readString(log).matches("(?s).*\\] TABLE: " + source().schema()
        + "\\.DIFFS \\| CHUNK: 1/8 \\| STATUS: COMPLETED \\| rows 400/400 \\| diffs 4\n.*"), "grep-able chunk line");
  }

  @Test
  void identicalTablesMatchAndGetNoScript() throws Exception {
    createBoth("SAME", SIMPLE);
    insertBoth("SAME", rows(1, 1234, AbstractBehaviourSuite::simpleRow));
    Path cfg = config(100, 3, tableEntry("SAME", ""));
    assertEquals(0, run(cfg.toString()), out + err);
    JsonNode t = table(onlySession(dir), "SAME");
    assertCounts(t, 0, 0, 0);
    assertEquals(1234, t.get("source_rows").asLong());
    assertEquals(1234, t.get("target_rows").asLong());
    assertTrue(files(dir.resolve("output"), "sync_target_*.sql").isEmpty(), "no script for identical tables");
    String summary = Files.readString(files(dir.resolve("output"), "comparison_summary_*_SAME_*.txt").get(0));
    assertTrue(summary.contains("IDENTICAL"), summary);
  }

  @Test
  void emptyTablesMatchAndTargetOnlyRowsAreFound() throws Exception {
    createBoth("EMPTY_SRC", SIMPLE);
    insert(target(), "EMPTY_SRC", rows(1, 3, AbstractBehaviourSuite::simpleRow));
    Path cfg = config(100, 1, tableEntry("EMPTY_SRC", ""));
    assertEquals(1, run(cfg.toString()), out + err);
    JsonNode t = table(onlySession(dir), "EMPTY_SRC");
    assertEquals(1, t.get("total_chunks").asInt());
    assertCounts(t, 0, 3, 0);
  }

  @Test
  void missingTargetTableFailsOnlyThatTable() throws Exception {
    create(source(), "NO_TARGET", SIMPLE);
    createBoth("HAS_TARGET", SIMPLE);
    insertBoth("HAS_TARGET", rows(1, 50, AbstractBehaviourSuite::simpleRow));
    Path cfg = config(100, 2, tableEntry("NO_TARGET", ""), tableEntry("HAS_TARGET", ""));
    assertEquals(2, run(cfg.toString()), out + err);
    JsonNode s = onlySession(dir);
    JsonNode failed = table(s, "NO_TARGET");
    assertEquals("failed", failed.get("status").asText());
    assertTrue(failed.get("error").asText().contains("NO_TARGET"), failed.toString());
    assertTrue(failed.get("error").asText().contains("does not exist"), failed.toString());
    assertEquals("completed", table(s, "HAS_TARGET").get("status").asText());
    assertTrue(out.contains("--retry-failed"), out);
  }

  @Test
  void missingColumnAndUnsupportedKeyFailTheTableWithAClearMessage() throws Exception {
    create(source(), "COLS", "ID {NUMBER(10)} PRIMARY KEY, A {VARCHAR2(10)}, B {VARCHAR2(10)}");
    create(target(), "COLS", "ID {NUMBER(10)} PRIMARY KEY, A {VARCHAR2(10)}");
    // since issue 11 a column on one side only is left out with a warning unless strict_columns
    Path cfg = config(100, 1, tableEntry("COLS", "    strict_columns: true\n"));
    assertEquals(2, run(cfg.toString()), out + err);
    String error = table(onlySession(dir), "COLS").get("error").asText();
    assertTrue(error.contains("column B is missing in target") || error.contains("column b is missing in target"), error);
  }

  /**
   * Values that must compare exactly: numbers of different scale are equal, a trailing blank, a second
   * of a DATE, a microsecond, the last character of a 100 KB CLOB and one byte of a 100 KB BLOB are
   * not. Then the sync script, applied to the target, must make the tables equal (convergence).
   */
  @Test
  void typesAreComparedExactlyAndTheSyncScriptConverges() throws Exception {
    String key = "K_TEXT {VARCHAR2(20)} NOT NULL, K_NUM {NUMBER(5)} NOT NULL, K_DATE {DATE} NOT NULL, ";
    String cols = "N {NUMBER(14,4)}, S {VARCHAR2(100)}, C {CHAR(5)}, D {DATE}, TS {TS9}, CL {BIGTEXT}, BL {BIGBYTES},"
        + " RW {BYTES}, \"Mixed Case\" {VARCHAR2(10)}, \"ORDER\" {NUMBER(6)}, DBL {DOUBLE},"
        + " PRIMARY KEY (K_TEXT, K_NUM, K_DATE)";
    create(source(), "TYPES", key + "N2 {NUMBER(14,4)}, " + cols);
    create(target(), "TYPES", key + "N2 {NUMBER(14,0)}, " + cols);
    String big = "x".repeat(100_000);
    byte[] blob = new byte[100_000];
    new java.util.Random(7).nextBytes(blob);
    LocalDateTime d0 = LocalDateTime.of(2021, 3, 14, 15, 9, 26);
    LocalDateTime ts0 = LocalDateTime.of(2021, 3, 14, 15, 9, 26, 535_897_000);
    List<Object[]> src = new ArrayList<>();
    // Row template: key text/num/date, N2, N, S, C, D, TS, CL, BL, RW, Mixed, ORDER, DBL
    String[] texts = {"alpha", "Beta", "beta", "ümlaut", "z", "a b", "it's", "100%_x", "NULL", "emoji😀"};
    for (int i = 0; i < 40; i++) {
      src.add(new Object[] {texts[i % texts.length], i, d0.plusDays(i % 3), new BigDecimal(i), new BigDecimal("-12345.6789"),
          "line1\nline2 'q' & \"dq\" ; -- not a comment", "ab", d0, ts0, i % 4 == 0 ? big : "short clob " + i,
          i % 4 == 0 ? blob : new byte[] {1, 2, (byte) i}, new byte[] {(byte) 0xFF, 0, (byte) i}, "MiXeD", i * 3,
          i % 7 == 0 ? null : i / 3.0});
    }
    insert(source(), "TYPES", src);
    List<Object[]> tgt = new ArrayList<>();
    for (Object[] r : src) {
      tgt.add(r.clone());
    }
    int expected = 0;
    tgt.get(1)[5] = src.get(1)[5] + " "; expected++;                       // trailing blank
    tgt.get(2)[7] = d0.plusSeconds(1); expected++;                         // DATE second
    tgt.get(3)[8] = ts0.plusNanos(1000); expected++;                       // a microsecond
    tgt.get(4)[9] = big.substring(0, big.length() - 1) + "y"; expected++;  // last char of 100 KB CLOB
    byte[] blob2 = blob.clone();
    blob2[99_999] ^= 1;
    tgt.get(8)[10] = blob2; expected++;                                    // one bit of 100 KB BLOB
    tgt.get(5)[11] = new byte[] {(byte) 0xFF, 0, 99}; expected++;          // RAW
    tgt.get(6)[4] = null; expected++;                                      // NUMBER -> NULL
    tgt.get(7)[12] = "mixed"; expected++;                                  // quoted mixed-case column
    tgt.get(9)[13] = 1; expected++;                                        // reserved-word column
    tgt.get(10)[14] = 99.5; expected++;                                    // double
    tgt.get(11)[6] = "ab ";                // CHAR(5) pads both to 'ab   ': equal
    tgt.get(12)[3] = new BigDecimal(12);   // NUMBER(14,4) 12.0000 in source vs NUMBER(14,0) 12: equal
    insert(target(), "TYPES", tgt);

    Path cfg = config(7, 2, tableEntry("TYPES", ""));
    assertEquals(1, run(cfg.toString()), out + err);
    JsonNode t = table(onlySession(dir), "TYPES");
    assertCounts(t, 0, 0, expected);

    Path script = files(dir.resolve("output"), "sync_target_*_TYPES_*.sql").get(0);
    target().runScript(script);
    Path again = dir.resolve("again");
    config(again, 7, 2, tableEntry("TYPES", ""));
    assertEquals(0, run(again.resolve("config.yaml").toString()), "after the sync script: " + out + err);
  }

  /**
   * Issue 11's types, each where both databases of the pair have it: a row equal on both sides, then per
   * type a row whose only difference is that column, with values the database's own equality would call
   * equal where it has one ('1 day 02:03:04.5' and '26:03:04.5', jsonb 1.0 and 1.00); and a row of NULLs.
   * Exactly those rows differ, the summary names the column of each, and the sync script converges.
   */
  @Test
  void schemaTypesAreComparedExactlyAndTheSyncScriptConverges() throws Exception {
    Platform sp = source().platform();
    Platform tp = target().platform();
    List<SchemaTypeColumns.Logical> types = SchemaTypeColumns.shared(sp, tp);
    for (TestDb db : List.of(source(), target())) {
      if (db.platform() == Platform.POSTGRESQL) {
        db.exec("CREATE TYPE app.mood AS ENUM ('sad', 'happy')");
      }
    }
    createSchemaTypes(source(), types);
    createSchemaTypes(target(), types);
    int rows = types.size() + 2;
    for (int r = 0; r < rows; r++) {
      List<String> src = new ArrayList<>(List.of(String.valueOf(r)));
      List<String> tgt = new ArrayList<>(List.of(String.valueOf(r)));
      for (int c = 0; c < types.size(); c++) {
        SchemaTypeColumns.Logical l = types.get(c);
        boolean nulls = r == rows - 1;
        src.add(nulls ? "NULL" : SchemaTypeColumns.value(sp, l.name(), l.value()));
        tgt.add(nulls ? "NULL" : SchemaTypeColumns.value(tp, l.name(), r == c + 1 ? l.other(tp) : l.value()));
      }
      source().exec("INSERT INTO " + source().schema() + ".STYPES VALUES (" + String.join(", ", src) + ")");
      target().exec("INSERT INTO " + target().schema() + ".STYPES VALUES (" + String.join(", ", tgt) + ")");
    }
    Path cfg = config(3, 2, tableEntry("STYPES", ""));
    assertEquals(1, run(cfg.toString()), out + err);
    assertCounts(table(onlySession(dir), "STYPES"), 0, 0, types.size());
    String summary = Files.readString(files(dir.resolve("output"), "comparison_summary_*_STYPES_*.txt").get(0))
        .toUpperCase(java.util.Locale.ROOT);
    for (int c = 0; c < types.size(); c++) {
      // the summary's list of columns names the first 20 rows; its differing values show every row here
      java.util.regex.Pattern line = java.util.regex.Pattern.compile(c < 20
          ? "\\(ID=" + (c + 1) + "\\) COLUMNS: C_" + types.get(c).name() + "\\R"
          : "\\(ID=" + (c + 1) + "\\) DIFFERENT\\R +C_" + types.get(c).name() + " [^\\n]*\\R(?! +C_)");
      assertTrue(line.matcher(summary).find(), "only C_" + types.get(c).name() + " differs in row " + (c + 1) + ": "
          + summary);
    }
    target().runScript(files(dir.resolve("output"), "sync_target_*_STYPES_*.sql").get(0));
    Path again = dir.resolve("again");
    config(again, 3, 2, tableEntry("STYPES", ""));
    assertEquals(0, run(again.resolve("config.yaml").toString()), "after the sync script: " + out + err);
  }

  private void createSchemaTypes(TestDb db, List<SchemaTypeColumns.Logical> types) throws SQLException {
    StringBuilder cols = new StringBuilder("ID " + db.type("NUMBER(10)") + " PRIMARY KEY");
    for (SchemaTypeColumns.Logical l : types) {
      cols.append(", C_").append(l.name()).append(' ').append(SchemaTypeColumns.type(db.platform(), l.name()));
    }
    db.exec("CREATE TABLE " + db.schema() + ".STYPES (" + cols + ")");
  }

  /**
   * A uuid key (PostgreSQL uuid, H2 UUID, Oracle RAW(16)) over several chunks: uuids whose first bytes
   * have the high bit set sort after the others on every platform, as bytes; exact counts, convergence.
   */
  @Test
  void uuidKeysAreComparedInByteOrder() throws Exception {
    for (TestDb db : List.of(source(), target())) {
      db.exec("CREATE TABLE " + db.schema() + ".UUIDKEY (K " + SchemaTypeColumns.type(db.platform(), "UUID")
          + " NOT NULL PRIMARY KEY, V " + db.type("VARCHAR2(20)") + ")");
    }
    for (int i = 0; i < 40; i++) {
      String u = String.format(java.util.Locale.ROOT, "%02x%06x-0000-4000-8000-%012x", (i * 37) % 256, i, i);
      for (TestDb db : List.of(source(), target())) {
        if (db == target() && (i == 3 || i == 20)) {
          continue; // missing in target
        }
        String v = db == target() && i == 11 ? "changed" : "v" + i;
        db.exec("INSERT INTO " + db.schema() + ".UUIDKEY VALUES (" + SchemaTypeColumns.value(db.platform(), "UUID", u)
            + ", '" + v + "')");
      }
    }
    target().exec("INSERT INTO " + target().schema() + ".UUIDKEY VALUES ("
        + SchemaTypeColumns.value(target().platform(), "UUID", "ffffffff-ffff-4fff-bfff-ffffffffffff") + ", 'extra')");
    Path cfg = config(7, 2, tableEntry("UUIDKEY", ""));
    assertEquals(1, run(cfg.toString()), out + err);
    assertCounts(table(onlySession(dir), "UUIDKEY"), 2, 1, 1);
    target().runScript(files(dir.resolve("output"), "sync_target_*_UUIDKEY_*.sql").get(0));
    Path again = dir.resolve("again");
    config(again, 7, 2, tableEntry("UUIDKEY", ""));
    assertEquals(0, run(again.resolve("config.yaml").toString()), "after the sync script: " + out + err);
  }

  /**
   * An array named as the key fails its table saying an array is never a key; H2 JSON against PostgreSQL
   * json (H2 -> PostgreSQL) or against text (H2) fails its table naming both types and why. Oracle has
   * neither arrays nor H2's JSON: its pairs are refused by kind, which the resolver's tests cover.
   */
  @Test
  void arrayKeysAndH2JsonPairsFailTheirTableSayingWhy() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(source().platform() != Platform.ORACLE
        && target().platform() != Platform.ORACLE, "Oracle has no array or H2 JSON column");
    create(source(), "ARRKEY", "K " + SchemaTypeColumns.type(source().platform(), "ARR_INT") + " NOT NULL PRIMARY KEY,"
        + " V {VARCHAR2(10)}");
    create(target(), "ARRKEY", "K " + SchemaTypeColumns.type(target().platform(), "ARR_INT") + " NOT NULL PRIMARY KEY,"
        + " V {VARCHAR2(10)}");
    boolean h2Source = source().platform() == Platform.H2;
    String[] tables = h2Source ? new String[] {"ARRKEY", "JSONPAIR"} : new String[] {"ARRKEY"};
    if (h2Source) {
      create(source(), "JSONPAIR", "ID {NUMBER(10)} PRIMARY KEY, X JSON");
      create(target(), "JSONPAIR", "ID {NUMBER(10)} PRIMARY KEY, X " + (target().platform() == Platform.POSTGRESQL
          ? "json" : "CLOB"));
    }
    Path cfg = config(100, 1, java.util.Arrays.stream(tables).map(t -> tableEntry(t, "")).toArray(String[]::new));
    assertEquals(2, run(cfg.toString()), out + err);
    JsonNode s = onlySession(dir);
    String keyError = table(s, "ARRKEY").get("error").asText();
    assertTrue(keyError.toUpperCase(java.util.Locale.ROOT).contains("KEY COLUMN K HAS TYPE ")
        && keyError.contains("an array is never a key") && keyError.contains("primary_key"), keyError);
    if (h2Source) {
      String pairError = table(s, "JSONPAIR").get("error").asText();
      assertTrue(pairError.toUpperCase(java.util.Locale.ROOT).contains("COLUMN X IS NOT COMPARED: SOURCE JSON VS TARGET ")
          && pairError.contains("H2 stores JSON in its own normalized spelling") && pairError.contains("exclude_columns"),
          pairError);
    }
  }

  /**
   * A column that is not a key type (an interval) named as the key, and a pair without an exact
   * equivalence (H2 and Oracle: year-to-month vs day-to-second intervals; PostgreSQL: jsonb vs text),
   * fail their table with one line naming column and types; exclude_columns still leaves them out.
   */
  @Test
  void typesThatCannotBeComparedFailTheirTableNamingColumnAndTypes() throws Exception {
    String ds = SchemaTypeColumns.type(source().platform(), "IV_DS");
    create(source(), "BADKEY", "K " + ds + " NOT NULL PRIMARY KEY, V {VARCHAR2(10)}");
    create(target(), "BADKEY", "K " + SchemaTypeColumns.type(target().platform(), "IV_DS")
        + " NOT NULL PRIMARY KEY, V {VARCHAR2(10)}");
    boolean pgSource = source().platform() == Platform.POSTGRESQL;
    boolean pgTarget = target().platform() == Platform.POSTGRESQL;
    // PostgreSQL -> PostgreSQL: jsonb vs text; H2 -> PostgreSQL: CLOB vs jsonb; else the two interval classes
    create(source(), "BADPAIR", "ID {NUMBER(10)} PRIMARY KEY, X " + (pgSource ? "jsonb" : pgTarget ? "{BIGTEXT}"
        : SchemaTypeColumns.type(source().platform(), "IV_YM")));
    create(target(), "BADPAIR", "ID {NUMBER(10)} PRIMARY KEY, X " + (pgSource ? "text" : pgTarget ? "jsonb"
        : SchemaTypeColumns.type(target().platform(), "IV_DS")));
    Path cfg = config(100, 1, tableEntry("BADKEY", ""), tableEntry("BADPAIR", ""));
    assertEquals(2, run(cfg.toString()), out + err);
    JsonNode s = onlySession(dir);
    String keyError = table(s, "BADKEY").get("error").asText();
    assertTrue(keyError.toUpperCase(java.util.Locale.ROOT).contains("KEY COLUMN K HAS TYPE ")
        && keyError.contains("primary_key"), keyError);
    String pairError = table(s, "BADPAIR").get("error").asText();
    assertTrue(pairError.toUpperCase(java.util.Locale.ROOT).contains("COLUMN X IS NOT COMPARED: SOURCE ")
        && pairError.contains("exclude_columns"), pairError);
    assertTrue(pairError.contains(pgSource ? "values of jsonb and of text have no exact equivalence"
        : pgTarget ? "values of text and of jsonb have no exact equivalence"
        : "a year-to-month interval never equals a day-to-second interval"), pairError);

    Path excluded = dir.resolve("excluded");
    config(excluded, 100, 1, tableEntry("BADPAIR", "    exclude_columns: [X]\n"));
    assertEquals(0, run(excluded.resolve("config.yaml").toString()), out + err);
  }

  @Test
  void syncScriptMakesTheTargetEqualToTheSource() throws Exception {
    simpleScenario("CONVERGE");
    Path cfg = config(500, 2, tableEntry("CONVERGE", ""));
    assertEquals(1, run(cfg.toString()), out + err);
    target().runScript(files(dir.resolve("output"), "sync_target_*_CONVERGE_*.sql").get(0));
    Path again = dir.resolve("again");
    config(again, 500, 2, tableEntry("CONVERGE", ""));
    assertEquals(0, run(again.resolve("config.yaml").toString()), out + err);
    assertCounts(table(onlySession(again), "CONVERGE"), 0, 0, 0);
  }

  @Test
  void tableOptionComparesOnlyTheNamedTable() throws Exception {
    createBoth("PICK_A", SIMPLE);
    createBoth("PICK_B", SIMPLE);
    insert(source(), "PICK_B", rows(1, 5, AbstractBehaviourSuite::simpleRow));
    Path cfg = config(100, 1, tableEntry("PICK_A", ""), tableEntry("PICK_B", ""));
    assertEquals(0, run(cfg.toString(), "--table", source().schema() + ".PICK_A"), out + err);
    JsonNode s = onlySession(dir);
    assertEquals(1, s.get("table_progress").size(), "only the named table is in the session");
    assertEquals("completed", table(s, "PICK_A").get("status").asText());

    Path other = dir.resolve("from");
    config(other, 100, 1, tableEntry("PICK_A", "") + tableEntry("PICK_B", ""));
    assertEquals(1, run(other.resolve("config.yaml").toString(), "--start-from-table", source().schema() + ".PICK_B"));
    JsonNode s2 = onlySession(other);
    assertEquals(1, s2.get("table_progress").size());
    assertCounts(table(s2, "PICK_B"), 5, 0, 0);

    assertEquals(3, run(cfg.toString(), "--table", "NOPE.NOTHERE"));
    assertTrue(err.contains("NOPE.NOTHERE"), err);
  }

  @Test
  void listStatusAndCleanupManageSessions() throws Exception {
    simpleScenario("HOUSE");
    Path cfg = config(1000, 1, tableEntry("HOUSE", ""));
    assertEquals(1, run(cfg.toString()));
    assertEquals(1, run(cfg.toString()));
    List<Path> sessions = files(dir.resolve("state"), "oracle_session_*.json");
    assertEquals(2, sessions.size());
    String id = sessions.get(0).getFileName().toString().replace("oracle_session_", "").replace(".json", "");

    assertEquals(0, run(cfg.toString(), "--list-sessions"));
    for (Path p : sessions) {
      String sid = p.getFileName().toString().replace("oracle_session_", "").replace(".json", "");
      assertTrue(out.contains(sid), out);
    }
    assertEquals(0, run(cfg.toString(), "--status", id.substring(0, 8)));
    assertTrue(out.contains(Tables.key(source(), "HOUSE")), out);
    assertTrue(out.contains("completed"), out);

    assertEquals(0, run(cfg.toString(), "--cleanup", "7"));
    assertEquals(2, files(dir.resolve("state"), "oracle_session_*.json").size(), "nothing is 7 days old yet");
    try (SessionLock held = SessionLock.acquire(dir.resolve("state").resolve("oracle_session_" + id + ".lock"), id)) {
      assertEquals(0, runAt(Clock.fixed(NOW.plus(Duration.ofDays(8)), ZoneOffset.UTC), cfg.toString(), "--cleanup", "7"));
      assertTrue(out.contains("kept " + id), out);
    }
    List<Path> left = files(dir.resolve("state"), "oracle_session_*.json");
    assertEquals(1, left.size(), "the locked session is kept");
    assertTrue(left.get(0).toString().contains(id));
    assertTrue(files(dir.resolve("checkpoints"), "*.kryo").stream().allMatch(p -> p.getFileName().toString()
        .startsWith(id.substring(0, 8))), "the removed session's checkpoints are gone");
    // the removed session's statement files (row values for --apply) are gone; its scripts stay
    List<Path> values = files(dir.resolve("output"), "*.sql.kryo");
    assertFalse(values.isEmpty(), "the kept session's statement files stay");
    assertTrue(values.stream().allMatch(p -> p.getFileName().toString().contains(id.substring(0, 8))), values.toString());
    assertEquals(2, files(dir.resolve("output"), "sync_target_*.sql").size(), "both sessions' scripts stay");
  }

  @Test
  void configWithATypoIsAUsageErrorThatWritesNothing() throws Exception {
    Path cfg = config(100, 1, tableEntry("ANY", "    chunk_sise: 5\n"));
    assertEquals(3, run(cfg.toString()));
    assertTrue(err.startsWith("error: "), err);
    assertTrue(err.contains("chunk_sise") && err.contains("chunk_size"), err);
    assertEquals(1, err.strip().lines().count(), err);
    assertFalse(Files.exists(dir.resolve("state")), "nothing written for a bad configuration");
  }

  @Test
  void resumeWithAChangedConfigurationIsRefused() throws Exception {
    simpleScenario("CHANGED");
    Path cfg = config(1000, 1, tableEntry("CHANGED", ""));
    assertEquals(1, run(cfg.toString()));
    String id = onlySession(dir).get("session_id").asText();
    config(1000, 1, tableEntry("CHANGED", "    where: \"ID > 10\"\n"));
    assertEquals(3, run(cfg.toString(), "--resume", id));
    assertTrue(err.contains("configuration"), err);
  }

  @Test
  void aSecondProcessOnTheSameSessionIsRefused() throws Exception {
    simpleScenario("LOCKED");
    Path cfg = config(1000, 1, tableEntry("LOCKED", ""));
    assertEquals(1, run(cfg.toString()));
    String id = onlySession(dir).get("session_id").asText();
    try (SessionLock held = SessionLock.acquire(dir.resolve("state").resolve("oracle_session_" + id + ".lock"), id)) {
      assertEquals(2, run(cfg.toString(), "--resume", id.substring(0, 8)));
      assertTrue(err.contains("in use by PID " + ProcessHandle.current().pid()), err);
    }
  }

  /**
   * A chunk that fails (the target has a duplicate of the configured key) fails the table; the other
   * chunks are checkpointed. After the cause is fixed, --retry-failed recomputes only the failed chunk.
   */
  @Test
  void retryFailedRedoesOnlyTheFailedChunks() throws Exception {
    create(source(), "RETRY", SIMPLE);
    create(target(), "RETRY", "ID {NUMBER(10)}, NAME {VARCHAR2(50)}, AMOUNT {NUMBER(12,2)}, CREATED {DATE}, NOTE {VARCHAR2(200)}");
    insertBoth("RETRY", rows(1, 1000, AbstractBehaviourSuite::simpleRow));
    insert(target(), "RETRY", List.<Object[]>of(simpleRow(450)));
    Path cfg = config(200, 1, tableEntry("RETRY", "    primary_key: [ID]\n"));
    assertEquals(2, run(cfg.toString()), out + err);
    JsonNode t = table(onlySession(dir), "RETRY");
    assertEquals("failed", t.get("status").asText());
    assertTrue(t.get("error").asText().contains("occurs twice in the target"), t.get("error").asText());
    assertEquals("failed", t.get("chunks").get(2).get("status").asText());
    List<Path> done = files(dir.resolve("checkpoints"), "*_RETRY_chunk_*.kryo");
    assertEquals(5, done.size(), "chunks 1, 2, 4, 5, 6 are checkpointed: " + done);
    Map<Path, byte[]> before = new HashMap<>();
    Map<Path, Object> mtimes = new HashMap<>();
    for (Path p : done) {
      before.put(p, Files.readAllBytes(p));
      mtimes.put(p, Files.getLastModifiedTime(p));
    }
    String id = onlySession(dir).get("session_id").asText();

    assertEquals(2, run(cfg.toString(), "--resume", id), "plain --resume leaves failed tables alone: " + out);
    assertTrue(out.contains("Tables:        1: 0 identical, 0 with differences, 1 failed"), out);

    // fix the cause: remove both copies of the duplicate, put back one
    target().exec("DELETE FROM " + target().schema() + ".RETRY WHERE ID = 450");
    insert(target(), "RETRY", List.<Object[]>of(simpleRow(450)));
    assertEquals(0, run(cfg.toString(), "--resume", id, "--retry-failed"), out + err);
    t = table(onlySession(dir), "RETRY");
    assertEquals("completed", t.get("status").asText());
    assertCounts(t, 0, 0, 0);
    for (Path p : done) {
      assertEquals(mtimes.get(p), Files.getLastModifiedTime(p), "reused, not rewritten: " + p);
      assertTrue(Arrays.equals(before.get(p), Files.readAllBytes(p)));
    }
    assertEquals(6, files(dir.resolve("checkpoints"), "*_RETRY_chunk_*.kryo").size());
  }

  /**
   * The real CLI runs in a separate JVM and is killed with SIGKILL in the middle of a table; resuming
   * gives exactly the counts and the sync script of an uninterrupted run.
   */
  @Test
  void resumeAfterSigkillGivesTheSameResultAsAnUninterruptedRun() throws Exception {
    createBoth("CRASH", SIMPLE);
    insertBoth("CRASH", rows(1, 40_000, AbstractBehaviourSuite::simpleRow));
    String t = target().schema() + ".CRASH";
    target().exec("DELETE FROM " + t + " WHERE MOD(ID, 997) = 0",
        "UPDATE " + t + " SET NAME = 'x' WHERE MOD(ID, 1231) = 0");
    insert(target(), "CRASH", List.of(simpleRow(-1), simpleRow(50_000)));
    String entry = tableEntry("CRASH", "");

    Path baseline = dir.resolve("baseline");
    config(baseline, 200, 1, entry);
    assertEquals(1, run(baseline.resolve("config.yaml").toString()), out + err);
    JsonNode expected = table(onlySession(baseline), "CRASH");

    Path crashed = dir.resolve("crashed");
    Path cfg = config(crashed, 200, 1, entry);
    // stopped right after its 40th checkpoint (one thread: exactly 40), then killed there
    PausedChild child = PausedChild.start(crashed.resolve("child.out"), CrashPoints.CHECKPOINT_SAVED + ":40",
        cfg.toString());
    child.awaitPause();
    assertTrue(child.process.isAlive(), "the child must still be running when killed: " + child.output());
    child.kill(); // SIGKILL on Unix
    assertEquals(137, child.awaitExit(), "killed by SIGKILL");

    JsonNode partial = table(onlySession(crashed), "CRASH");
    assertNotEquals("completed", partial.get("status").asText(), "killed mid-table");
    int planned = partial.get("total_chunks").asInt();
    assertTrue(files(crashed.resolve("checkpoints"), "*.kryo").size() < planned, "killed before the last chunk");

    String id = onlySession(crashed).get("session_id").asText();
    assertEquals(1, run(cfg.toString(), "--resume", id.substring(0, 8)), out + err);
    assertTrue(out.contains("already done"), out);
    JsonNode resumed = table(onlySession(crashed), "CRASH");
    assertEquals("completed", resumed.get("status").asText());
    for (String f : List.of("source_rows", "target_rows", "missing_in_target", "missing_in_source", "different_rows",
        "total_chunks")) {
      assertEquals(expected.get(f).asLong(), resumed.get(f).asLong(), f);
    }
    assertEquals(planned, resumed.get("total_chunks").asInt(), "the saved plan is reused");
    List<String> a = statements(files(baseline.resolve("output"), "sync_target_*.sql").get(0));
    List<String> b = statements(files(crashed.resolve("output"), "sync_target_*.sql").get(0));
    assertEquals(a, b, "same statements in the same order");
    assertEquals(a.size(), a.stream().distinct().count(), "no duplicate statements");
    assertNull(resumed.get("error").textValue());
  }

  @Test
  void rejectedCredentialsStopAtOnceAndWriteNothing() throws Exception {
    createBoth("CREDS", SIMPLE);
    Path cfg = config(100, 1, tableEntry("CREDS", ""));
    String yaml = Files.readString(cfg);
    int t = yaml.indexOf("target_database:");
    Files.writeString(cfg, yaml.substring(0, t) + yaml.substring(t).replaceFirst(
        "username: \"" + java.util.regex.Pattern.quote(target().user()) + "\"", "username: \"no_such_user_x\""));
    assertEquals(3, run(cfg.toString()), out + err);
    assertTrue(err.startsWith("error: target database: connecting to no_such_user_x @ "), err);
    assertTrue(err.contains("not retried"), err);
    assertFalse(err.contains(target().password()), err);
    assertTrue(files(dir.resolve("state"), "*.json").isEmpty(), "no session is created when a database rejects the login");
  }

  @Test
  void anUnsupportedColumnTypeFailsTheTableNamingColumnAndType() throws Exception {
    createBoth("ODD", "ID {NUMBER(10)} PRIMARY KEY, WEIRD {UNSUPPORTED}");
    Path cfg = config(100, 1, tableEntry("ODD", ""));
    assertEquals(2, run(cfg.toString()), out + err);
    String error = table(onlySession(dir), "ODD").get("error").asText();
    assertTrue(error.toUpperCase(java.util.Locale.ROOT).contains("COLUMN WEIRD HAS TYPE"), error);
    assertTrue(error.contains("not supported") && error.contains("exclude_columns"), error);

    Path excluded = dir.resolve("excluded");
    config(excluded, 100, 1, tableEntry("ODD", "    exclude_columns: [WEIRD]\n"));
    assertEquals(0, run(excluded.resolve("config.yaml").toString()), out + err);
  }

  /** '' and NULL: the same value in Oracle (and H2's Oracle mode), two values in PostgreSQL unless told. */
  @Test
  void emptyStringPolicyDecidesWhetherEmptyEqualsNull() throws Exception {
    createBoth("EMPTYSTR", "ID {NUMBER(10)} PRIMARY KEY, S {VARCHAR2(10)}");
    insert(source(), "EMPTYSTR", List.<Object[]>of(new Object[] {1, ""}, new Object[] {2, "x"}));
    insert(target(), "EMPTYSTR", List.<Object[]>of(new Object[] {1, null}, new Object[] {2, "x"}));
    Path cfg = config(100, 1, tableEntry("EMPTYSTR", ""));
    boolean emptyIsStored = source().platform() == Platform.POSTGRESQL;
    assertEquals(emptyIsStored ? 1 : 0, run(cfg.toString()), out + err);
    Path asNull = dir.resolve("asnull");
    Files.createDirectories(asNull);
    Files.writeString(asNull.resolve("config.yaml"), Files.readString(cfg).replace("  max_retries: 1\n",
        "  max_retries: 1\n  empty_string: \"null\"\n"));
    assertEquals(0, run(asNull.resolve("config.yaml").toString()), out + err);
  }

  /** Ctrl-C (SIGINT to a separate JVM): chunks in flight finish, the session is saved, exit 2, resumable. */
  @Test
  void sigintStopsCleanlyAndTheRunCanBeResumed() throws Exception {
    createBoth("INTR", SIMPLE);
    insertBoth("INTR", rows(1, 40_000, AbstractBehaviourSuite::simpleRow));
    Path cfg = config(200, 1, tableEntry("INTR", ""));
    // stopped after its 20th checkpoint, interrupted there, and let go once the interrupt is taken
    PausedChild child = PausedChild.start(dir.resolve("child.out"), CrashPoints.CHECKPOINT_SAVED + ":20",
        cfg.toString());
    child.awaitPause();
    assertTrue(child.process.isAlive(), child.output());
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start();
    assertEquals(0, kill.waitFor());
    child.awaitLine("Interrupted: finishing the chunks in flight");
    child.release();
    int exit = child.awaitExit();
    String output = Files.readString(dir.resolve("child.out"));
    assertEquals(2, exit, output);
    assertTrue(output.contains("Stopped. Resume with: scripts/compare"), output);
    JsonNode session = onlySession(dir);
    assertEquals("interrupted", session.get("status").asText());
    JsonNode t = table(session, "INTR");
    assertEquals("in_progress", t.get("status").asText());
    int done = t.get("completed_chunks").asInt();
    assertTrue(done >= 20 && done < t.get("total_chunks").asInt(), t.toString());
    assertEquals(done, files(dir.resolve("checkpoints"), "*.kryo").size(), "the session agrees with the checkpoints");

    assertEquals(0, run(cfg.toString(), "--resume", session.get("session_id").asText()), out + err);
    assertEquals(40_000, table(onlySession(dir), "INTR").get("source_rows").asLong());
  }

  @Test
  void passwordsNeverReachAnyFileTheRunWrites() throws Exception {
    simpleScenario("SECRET");
    Path cfg = config(500, 2, tableEntry("SECRET", ""));
    assertEquals(1, run(cfg.toString(), "--verbose"));
    assertEquals(0, run(cfg.toString(), "--list-sessions"));
    String listing = out;
    assertEquals(0, run(cfg.toString(), "--status", onlySession(dir).get("session_id").asText()));
    for (String secret : List.of(source().password(), target().password())) {
      assertFalse(listing.contains(secret));
      assertFalse(out.contains(secret));
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("config.yaml")).toList()) {
          assertFalse(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(secret),
              "password found in " + p);
        }
      }
    }
  }

  // ---------------------------------------------------------------- sync scripts a DBA can run unchanged

  /**
   * Guarded sync scripts (the default): a row the script updates, or one it deletes, changed in the
   * target after the comparison stops the script (psql / SQL*Plus exit status, JDBC error) with a
   * message naming the table and the key, and nothing of the script stays applied; with the rows as
   * they were compared, the same script converges.
   */
  @Test
  void aRowChangedAfterTheComparisonStopsTheSyncScript() throws Exception {
    simpleScenario("GUARD");
    Path cfg = config(500, 2, tableEntry("GUARD", ""));
    assertEquals(1, run(cfg.toString()), out + err);
    Path script = files(dir.resolve("output"), "sync_target_*_GUARD_*.sql").get(0);
    String t = target().schema() + ".GUARD";
    String[][] cases = {
        {"UPDATE " + t + " SET NOTE = 'edited meanwhile' WHERE ID = 4", "UPDATE " + t + " SET NOTE = 'note 4' WHERE ID = 4",
            "(ID=4)"},
        {"UPDATE " + t + " SET AMOUNT = 0 WHERE ID = 1001", "UPDATE " + t + " SET AMOUNT = 70.07 WHERE ID = 1001",
            "(ID=1001)"}};
    int attempt = 0;
    for (String[] c : cases) {
      target().exec(c[0]);
      Throwable e = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, () -> target().runScript(script));
      String message = String.valueOf(e.getMessage()).toUpperCase(java.util.Locale.ROOT);
      assertTrue(message.contains(("sync stopped: " + t + " " + c[2] + " changed since the comparison")
          .toUpperCase(java.util.Locale.ROOT)), e.getMessage());
      target().exec(c[1]);
      Path check = dir.resolve("check" + attempt++);
      config(check, 500, 2, tableEntry("GUARD", ""));
      assertEquals(1, run(check.resolve("config.yaml").toString()), out + err);
      assertCounts(table(onlySession(check), "GUARD"), 5, 4, 6); // nothing of the stopped script remains
    }
    target().runScript(script);
    Path again = dir.resolve("again");
    config(again, 500, 2, tableEntry("GUARD", ""));
    assertEquals(0, run(again.resolve("config.yaml").toString()), out + err);
  }

  /** Writes a configuration with a {@code sync:} section into folder. */
  private Path configWithSync(Path folder, int chunkSize, String sync, String tables) throws IOException {
    Path f = config(folder, chunkSize, 2, tables);
    Files.writeString(f, Files.readString(f).replace("tables:\n", "sync:\n" + sync + "tables:\n"));
    return f;
  }

  /**
   * The undo script beside the sync script: sync, then undo, puts the target back as the comparison
   * read it; comparing again finds the same differences and writes the same statements (which hold
   * the target's values in their guards), LOBs and NULLs included.
   */
  @Test
  void undoScriptPutsTheTargetBackAsCompared() throws Exception {
    String cols = "ID {NUMBER(10)} PRIMARY KEY, NAME {VARCHAR2(50)}, AMOUNT {NUMBER(12,2)}, CREATED {DATE},"
        + " CL {BIGTEXT}, BL {BIGBYTES}, DBL {DOUBLE}";
    createBoth("UNDO", cols);
    java.util.function.IntFunction<Object[]> row = i -> new Object[] {i, "name " + i, BigDecimal.valueOf(i * 7L, 2),
        LocalDateTime.of(2020, 1, 1, 8, 30, 15).plusDays(i), i % 3 == 0 ? null : "clob " + i + " it's",
        i % 4 == 0 ? null : new byte[] {(byte) i, 0, 7}, i % 5 == 0 ? null : i / 4.0};
    insert(source(), "UNDO", rows(1, 300, row));
    insert(target(), "UNDO", rows(1, 300, row));
    String t = target().schema() + ".UNDO";
    target().exec("DELETE FROM " + t + " WHERE ID IN (1, 150, 300)",
        "UPDATE " + t + " SET NAME = 'changed', CL = NULL WHERE ID = 10",
        "UPDATE " + t + " SET DBL = NULL, AMOUNT = NULL WHERE ID = 11",
        "UPDATE " + t + " SET CREATED = NULL, NAME = NULL WHERE ID = 13");
    byte[] blob = new byte[5000];
    new java.util.Random(3).nextBytes(blob);
    insert(target(), "UNDO", List.<Object[]>of(
        new Object[] {0, "extra", null, null, "x".repeat(9000), blob, Double.NaN},
        new Object[] {1000, null, BigDecimal.ONE, LocalDateTime.of(1999, 12, 31, 23, 59, 59), "", new byte[] {1}, -0.5}));
    try (Connection c = target().connect();
        PreparedStatement ps = c.prepareStatement("UPDATE " + t + " SET CL = ?, BL = ? WHERE ID = 20")) {
      c.setAutoCommit(false);
      ps.setString(1, "y".repeat(9000));
      ps.setBytes(2, blob);
      ps.executeUpdate();
      c.commit();
    }
    Path cfg = config(100, 2, tableEntry("UNDO", ""));
    assertEquals(1, run(cfg.toString()), out + err);
    JsonNode before = table(onlySession(dir), "UNDO");
    Path sync = files(dir.resolve("output"), "sync_target_*_UNDO_*.sql").get(0);
    List<Path> undo = files(dir.resolve("output"), "undo_target_*_UNDO_*.sql");
    assertEquals(1, undo.size(), "the undo script is written beside the sync script");
    assertEquals(sync.getFileName().toString().replace("sync_target_", "undo_target_"), undo.get(0).getFileName().toString());
    assertEquals(undo.get(0).toString(), before.get("undo_script").asText());
    List<String> syncStatements = statements(sync);

    target().runScript(sync);
    Path synced = dir.resolve("synced");
    config(synced, 100, 2, tableEntry("UNDO", ""));
    assertEquals(0, run(synced.resolve("config.yaml").toString()), out + err);

    target().runScript(undo.get(0));
    Path undone = dir.resolve("undone");
    config(undone, 100, 2, tableEntry("UNDO", ""));
    assertEquals(1, run(undone.resolve("config.yaml").toString()), out + err);
    JsonNode after = table(onlySession(undone), "UNDO");
    for (String f : List.of("target_rows", "missing_in_target", "missing_in_source", "different_rows")) {
      assertEquals(before.get(f).asLong(), after.get(f).asLong(), f);
    }
    assertEquals(syncStatements, statements(files(undone.resolve("output"), "sync_target_*_UNDO_*.sql").get(0)),
        "the target is back as compared: the same statements, with the same guard values");
  }

  /**
   * 20,000 statements with sync.max_statements_per_file 3,000: the table's script is a master that
   * runs 8 parts of one phase each (recorded with their SHA-256 in the session); run as it is, it
   * makes the target equal to the source.
   */
  @Test
  void aVeryLargeSyncScriptIsSplitIntoPartsRunByAMaster() throws Exception {
    createBoth("HUGE", SIMPLE);
    insert(source(), "HUGE", rows(1, 20_000, AbstractBehaviourSuite::simpleRow));
    insert(target(), "HUGE", rows(10_001, 25_000, AbstractBehaviourSuite::simpleRow));
    target().exec("UPDATE " + target().schema() + ".HUGE SET NAME = 'changed' WHERE ID <= 15000");
    Path cfg = configWithSync(dir, 2000, "  max_statements_per_file: 3000\n  batch_size: 500\n",
        tableEntry("HUGE", ""));
    assertEquals(1, run(cfg.toString()), out + err);
    JsonNode t = table(onlySession(dir), "HUGE");
    assertCounts(t, 10_000, 5_000, 5_000);
    List<Path> masters = files(dir.resolve("output"), "sync_target_*_HUGE_*.sql");
    assertEquals(1, masters.size(), masters.toString());
    Path master = masters.get(0);
    Path partsDir = master.resolveSibling(master.getFileName().toString().replace(".sql", "_parts"));
    List<String> parts = files(partsDir, "p*.sql").stream().map(p -> p.getFileName().toString()).toList();
    assertEquals(List.of("p001_delete.sql", "p002_delete.sql", "p003_update.sql", "p004_update.sql",
        "p005_insert.sql", "p006_insert.sql", "p007_insert.sql", "p008_insert.sql"), parts);
    List<String> all = statements(master);
    assertEquals(20_000, all.size());
    assertEquals(5_000, all.stream().filter(s -> s.startsWith("DELETE")).count());
    for (String p : parts) {
      assertTrue(statements(partsDir.resolve(p)).size() <= 3000, p);
    }
    // every file with its SHA-256, as an --apply would check it
    JsonNode scripts = t.get("scripts");
    int sync = 0;
    for (JsonNode s : scripts) {
      Path f = Path.of(s.get("path").asText());
      assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(Files.readAllBytes(f))), s.get("sha256").asText(), f.toString());
      sync += s.get("kind").asText().equals("sync") ? 1 : 0;
    }
    assertEquals(9, sync, "the master and 8 parts: " + scripts);
    assertEquals(9, files(partsDir.resolveSibling(partsDir.getFileName().toString().replace("sync_target_", "undo_target_")),
        "p*.sql").size() + 1, "the undo script is split the same way");

    target().runScript(master);
    Path again = dir.resolve("again");
    configWithSync(again, 2000, "  max_statements_per_file: 3000\n", tableEntry("HUGE", ""));
    assertEquals(0, run(again.resolve("config.yaml").toString()), out + err);
  }

  /**
   * A parent and a child table (and a self-reference) with rows missing on both sides: the tables'
   * own scripts, one after the other, fail on the foreign key; the session's master script (DELETEs
   * children first, then each table's UPDATEs and INSERTs parents first) makes the target equal to
   * the source, and the session's undo master puts it back as compared.
   */
  @Test
  void theSessionScriptRunsTheTablesInForeignKeyOrder() throws Exception {
    for (TestDb db : List.of(source(), target())) {
      create(db, "FK_PARENT", "ID {NUMBER(10)} PRIMARY KEY, NAME {VARCHAR2(50)}, BOSS_ID {NUMBER(10)} REFERENCES "
          + db.schema() + ".FK_PARENT (ID)");
      create(db, "FK_CHILD", "ID {NUMBER(10)} PRIMARY KEY, PARENT_ID {NUMBER(10)} NOT NULL REFERENCES "
          + db.schema() + ".FK_PARENT (ID), NOTE {VARCHAR2(50)}");
    }
    insert(source(), "FK_PARENT", List.of(new Object[] {1, "one", null}, new Object[] {2, "two", 1},
        new Object[] {3, "three", null}));
    insert(target(), "FK_PARENT", List.of(new Object[] {1, "one", null}, new Object[] {2, "two", 1},
        new Object[] {4, "four", null}));
    insert(source(), "FK_CHILD", List.of(new Object[] {10, 1, "a"}, new Object[] {11, 3, "b"}));
    insert(target(), "FK_CHILD", List.of(new Object[] {10, 1, "changed"}, new Object[] {12, 4, "c"}));
    Path cfg = config(100, 2, tableEntry("FK_PARENT", ""), tableEntry("FK_CHILD", ""));
    assertEquals(1, run(cfg.toString()), out + err);
    JsonNode session = onlySession(dir);
    assertCounts(table(session, "FK_PARENT"), 1, 1, 0);
    assertCounts(table(session, "FK_CHILD"), 1, 1, 1);
    List<Path> masters = files(dir.resolve("output"), "sync_session_*.sql");
    assertEquals(1, masters.size(), "one session master: " + out);
    assertTrue(out.contains("Session sync:  " + masters.get(0)), out);
    assertEquals(2, session.get("session_scripts").size(), "sync and undo masters: " + session.get("session_scripts"));
    List<String> order = statements(masters.get(0)).stream().map(s -> s.substring(0, 6) + " "
        + (s.toUpperCase(java.util.Locale.ROOT).contains("FK_CHILD") ? "child" : "parent")).toList();
    assertEquals(List.of("DELETE child", "DELETE parent", "INSERT parent", "UPDATE child", "INSERT child"), order);
    assertTrue(Files.readString(masters.get(0)).toUpperCase(java.util.Locale.ROOT).contains("FK_PARENT REFERENCES ITSELF"));

    // the parent's own script first: its DELETE fails while a child row references the parent row
    Path parentScript = files(dir.resolve("output"), "sync_target_*_FK_PARENT_*.sql").get(0);
    org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, () -> target().runScript(parentScript));

    target().runScript(masters.get(0));
    Path synced = dir.resolve("synced");
    config(synced, 100, 2, tableEntry("FK_PARENT", "") + tableEntry("FK_CHILD", ""));
    assertEquals(0, run(synced.resolve("config.yaml").toString()), out + err);

    target().runScript(files(dir.resolve("output"), "undo_session_*.sql").get(0));
    Path undone = dir.resolve("undone");
    config(undone, 100, 2, tableEntry("FK_PARENT", "") + tableEntry("FK_CHILD", ""));
    assertEquals(1, run(undone.resolve("config.yaml").toString()), out + err);
    assertCounts(table(onlySession(undone), "FK_PARENT"), 1, 1, 0);
    assertCounts(table(onlySession(undone), "FK_CHILD"), 1, 1, 1);
  }

  /**
   * A table that references itself: the target lacks the chain 5 -> 9 -> 7 -> 3 (5's manager is 9, and
   * so on; 3's manager 1 exists) and holds the chain 8 -> 6 -> 4 the source lacks. Written in key order
   * the script would fail: its first DELETE (of 4) while 6 still references 4, and, were the deletes
   * ordered, the INSERT of 5 while its manager 9 is not inserted yet. The script inserts 3, 7, 9, 5 and
   * deletes 8, 6, 4, and converges; its undo puts the target back.
   */
  @Test
  void aSelfReferencingTableInsertsManagersFirstAndDeletesReportsFirst() throws Exception {
    for (TestDb db : List.of(source(), target())) {
      create(db, "EMP_SELF", "ID {NUMBER(10)} PRIMARY KEY, MANAGER_ID {NUMBER(10)} REFERENCES " + db.schema()
          + ".EMP_SELF (ID), NAME {VARCHAR2(50)}");
    }
    insert(source(), "EMP_SELF", List.of(new Object[] {1, null, "boss"}, new Object[] {2, 1, "two"},
        new Object[] {3, 1, "three"}, new Object[] {7, 3, "seven"}, new Object[] {9, 7, "nine"},
        new Object[] {5, 9, "five"}));
    insert(target(), "EMP_SELF", List.of(new Object[] {1, null, "boss"}, new Object[] {2, 1, "two"},
        new Object[] {4, 2, "four"}, new Object[] {6, 4, "six"}, new Object[] {8, 6, "eight"}));
    Path cfg = config(3, 1, tableEntry("EMP_SELF", ""));
    assertEquals(1, run(cfg.toString()), out + err);
    assertCounts(table(onlySession(dir), "EMP_SELF"), 4, 3, 0);
    Path script = files(dir.resolve("output"), "sync_target_*_EMP_SELF_*.sql").get(0);
    assertEquals(List.of("DELETE 8", "DELETE 6", "DELETE 4", "INSERT 3", "INSERT 7", "INSERT 9", "INSERT 5"),
        verbsAndIds(statements(script)), Files.readString(script));
    assertTrue(Files.readString(script).toUpperCase(java.util.Locale.ROOT).contains("EMP_SELF REFERENCES ITSELF"));

    target().runScript(script);
    Path synced = dir.resolve("synced");
    config(synced, 3, 1, tableEntry("EMP_SELF", ""));
    assertEquals(0, run(synced.resolve("config.yaml").toString()), out + err);

    List<Path> undo = files(dir.resolve("output"), "undo_target_*_EMP_SELF_*.sql");
    assertEquals(1, undo.size(), "the undo script (sync.undo is on by default)");
    assertEquals(List.of("DELETE 5", "DELETE 9", "DELETE 7", "DELETE 3", "INSERT 4", "INSERT 6", "INSERT 8"),
        verbsAndIds(statements(undo.get(0))));
    target().runScript(undo.get(0));
    Path undone = dir.resolve("undone");
    config(undone, 3, 1, tableEntry("EMP_SELF", ""));
    assertEquals(1, run(undone.resolve("config.yaml").toString()), out + err);
    assertCounts(table(onlySession(undone), "EMP_SELF"), 4, 3, 0);
  }

  /** Each DML statement as its verb and the ID it inserts (first value) or matches. */
  private static List<String> verbsAndIds(List<String> statements) {
    List<String> out = new ArrayList<>();
    java.util.regex.Pattern values = java.util.regex.Pattern.compile("VALUES\\s*\\(\\s*(\\d+)");
    java.util.regex.Pattern where = java.util.regex.Pattern.compile("WHERE\\s+\"?ID\"?\\s*=\\s*(\\d+)");
    for (String s : statements) {
      String u = s.toUpperCase(java.util.Locale.ROOT);
      String verb = u.substring(0, 6);
      java.util.regex.Matcher m = (verb.equals("INSERT") ? values : where).matcher(u);
      out.add(verb + " " + (m.find() ? m.group(1) : u));
    }
    return out;
  }

  /** Two rows that swap a unique value: updated in place they would collide; the script still converges. */
  @Test
  void rowsSwappingAUniqueValueApplyCleanly() throws Exception {
    createBoth("SWAP", "ID {NUMBER(10)} PRIMARY KEY, EMAIL {VARCHAR2(50)} NOT NULL UNIQUE, N {NUMBER(6)}");
    insert(source(), "SWAP", List.<Object[]>of(new Object[] {1, "a@x", 1}, new Object[] {2, "b@x", 2},
        new Object[] {3, "c@x", 3}));
    insert(target(), "SWAP", List.<Object[]>of(new Object[] {1, "b@x", 1}, new Object[] {2, "a@x", 2},
        new Object[] {3, "c@x", 4}));
    Path cfg = config(100, 1, tableEntry("SWAP", ""));
    assertEquals(1, run(cfg.toString()), out + err);
    assertCounts(table(onlySession(dir), "SWAP"), 0, 0, 3);
    List<String> st = statements(files(dir.resolve("output"), "sync_target_*_SWAP_*.sql").get(0));
    assertEquals(2, st.stream().filter(x -> x.contains("DELETE FROM")).count(), st.toString());
    assertEquals(2, st.stream().filter(x -> x.contains("INSERT INTO")).count(), st.toString());
    assertEquals(1, st.stream().filter(x -> x.contains("UPDATE ")).count(), "only N changes in place: " + st);
    target().runScript(files(dir.resolve("output"), "sync_target_*_SWAP_*.sql").get(0));
    Path again = dir.resolve("again");
    config(again, 100, 1, tableEntry("SWAP", ""));
    assertEquals(0, run(again.resolve("config.yaml").toString()), out + err);
  }

  /**
   * A target whose key is an identity GENERATED ALWAYS, with a computed column and a trigger: the script
   * never writes the computed column, and its header names all three with the statements to run around
   * it; run as told, the script converges.
   */
  @Test
  void identityComputedColumnsAndTriggersAreReportedAndNeverSilentlyBroken() throws Exception {
    create(source(), "TRAITS", "ID {NUMBER(10)} PRIMARY KEY, A {NUMBER(10)}, TOTAL {NUMBER(10)}");
    create(target(), "TRAITS", "ID {IDENTITY_ALWAYS} PRIMARY KEY, A {NUMBER(10)}, TOTAL {DOUBLED_A}");
    target().createTrigger("TRAITS");
    insert(source(), "TRAITS", List.<Object[]>of(new Object[] {1, 1, 2}, new Object[] {2, 2, 4},
        new Object[] {3, 3, 6}));
    String t = target().schema() + ".TRAITS";
    target().exec("INSERT INTO " + t + " (A) VALUES (1)", "INSERT INTO " + t + " (A) VALUES (5)");
    Path cfg = config(100, 1, tableEntry("TRAITS", ""));
    assertEquals(1, run(cfg.toString()), out + err);
    JsonNode tp = table(onlySession(dir), "TRAITS");
    assertCounts(tp, 1, 0, 1);
    Path script = files(dir.resolve("output"), "sync_target_*_TRAITS_*.sql").get(0);
    String text = Files.readString(script);
    String upper = text.toUpperCase(java.util.Locale.ROOT);
    assertTrue(upper.contains("COMPUTED COLUMN(S) TOTAL: NOT COMPARED AND NEVER WRITTEN"), text);
    assertTrue(upper.contains("IDENTITY COLUMN ID IS GENERATED ALWAYS"), text);
    assertTrue(upper.contains("TRIGGER(S) TRAITS_NOOP FIRE ON EVERY STATEMENT"), text);
    for (String s : statements(script)) {
      assertFalse(s.toUpperCase(java.util.Locale.ROOT).contains("\"TOTAL\""), "computed column written: " + s);
    }
    // run the header's statements around the script, as a DBA would
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    List<String> into = null;
    for (String line : text.lines().toList()) {
      String l = line.startsWith("-- ") ? line.substring(3) : null;
      if (l == null) {
        continue;
      }
      if (l.contains("Run before this script:")) {
        into = before;
      } else if (l.strip().equals("and after it:")) {
        into = after;
      } else if (into != null && l.startsWith("    ") && !l.strip().startsWith("--")) {
        String stmt = l.strip();
        into.add(stmt.endsWith(";") ? stmt.substring(0, stmt.length() - 1) : stmt);
      } else if (!l.startsWith("    ")) {
        into = null;
      }
    }
    assertFalse(before.isEmpty(), text);
    target().exec(before.toArray(String[]::new));
    target().runScript(script);
    try {
      target().exec(after.toArray(String[]::new));
    } catch (java.sql.SQLException e) {
      throw new AssertionError("after-statements " + after + " from:\n" + text, e);
    }
    Path again = dir.resolve("again");
    config(again, 100, 1, tableEntry("TRAITS", ""));
    assertEquals(0, run(again.resolve("config.yaml").toString()), out + err);
  }

  /** Tables take turns: the second table starts before the first one's chunks are done. */
  @Test
  void severalTablesRunAtOnce() throws Exception {
    createBoth("MANY_A", SIMPLE);
    createBoth("MANY_B", SIMPLE);
    insertBoth("MANY_A", rows(1, 3000, AbstractBehaviourSuite::simpleRow));
    insertBoth("MANY_B", rows(1, 50, AbstractBehaviourSuite::simpleRow));
    Path cfg = config(100, 2, tableEntry("MANY_A", ""), tableEntry("MANY_B", ""));
    assertEquals(0, run(cfg.toString()), out + err);
    String log = Files.readString(files(dir.resolve("state"), "oracle_session_*.log").get(0));
    int bStarted = log.indexOf("TABLE: " + source().schema() + ".MANY_B | STATUS: STARTED");
    int aFirstChunk = log.indexOf("TABLE: " + source().schema() + ".MANY_A | CHUNK: ");
    assertTrue(bStarted > 0 && aFirstChunk > 0 && bStarted < aFirstChunk,
        "MANY_B starts before MANY_A's 30 chunks are done, not after all of them are queued:\n" + log);
  }

  // ---------------------------------------------------------------- live pairs: the recheck

  /**
   * A row in flight: different while the chunks are compared (the target is behind), equal by the time
   * the recheck reads it again. The comparison runs in another process that pauses before its recheck;
   * the row is caught up meanwhile, as replication would. The planted differences stay, the row in
   * flight is counted (session, summary, console) and written into no script.
   */
  @Test
  void theRecheckDropsARowInFlightAndKeepsThePlantedDifferences() throws Exception {
    createBoth("LIVE", SIMPLE);
    insertBoth("LIVE", rows(1, 300, AbstractBehaviourSuite::simpleRow));
    String t = target().schema() + ".LIVE";
    target().exec("UPDATE " + t + " SET NAME = 'planted' WHERE ID = 7", "DELETE FROM " + t + " WHERE ID = 200",
        "UPDATE " + t + " SET NOTE = 'behind' WHERE ID = 100"); // NOTE of 100 is NULL on the source
    Path cfg = config(100, 1, tableEntry("LIVE", ""));
    Files.writeString(cfg, Files.readString(cfg).replace(source().url(), source().sharedUrl())
        .replace(target().url(), target().sharedUrl()));

    PausedChild child = PausedChild.start(dir.resolve("child.out"), CrashPoints.RECHECK_STARTED + ":1",
        cfg.toString());
    child.awaitPause();
    target().execShared("UPDATE " + t + " SET NOTE = NULL WHERE ID = 100"); // replication caught up
    child.release();
    assertEquals(1, child.awaitExit(), child.output());

    JsonNode tp = table(onlySession(dir), "LIVE");
    assertCounts(tp, 1, 0, 1);
    assertEquals(1, tp.get("in_flight_rows").asLong(), tp.toString());
    assertEquals(0, tp.get("changing_rows").asLong());
    JsonNode rounds = tp.get("recheck_rounds");
    assertEquals(2, rounds.size(), rounds.toString());
    assertEquals(3, rounds.get(0).get("rechecked").asLong());
    assertEquals(1, rounds.get(0).get("in_flight").asLong());
    assertEquals(2, rounds.get(1).get("rechecked").asLong(), "round 2 reads only what still differed");
    assertTrue(child.output().contains(".LIVE: recheck round 1/2: 3 rows read again: 1 in flight, 0 changing,"
        + " 2 still different"), child.output());
    assertTrue(child.output().contains("rechecked:   1 in flight, 0 changing (followed by the target)"),
        child.output());
    String summary = Files.readString(files(dir.resolve("output"), "comparison_summary_*.txt").get(0));
    assertTrue(summary.contains("In flight:           1"), summary);
    assertTrue(summary.contains("Recheck round 1:     3 rows read again: 1 in flight, 0 changing, 2 still different"),
        summary);
    List<String> dml = statements(files(dir.resolve("output"), "sync_target_*.sql").get(0));
    assertEquals(2, dml.size(), "the planted rows only: " + dml);
    assertTrue(dml.stream().noneMatch(s -> s.contains("100")), "no statement for the row in flight: " + dml);
  }

  /**
   * {@code rounds: 0} turns the recheck off for a table: the same differences, no row read again, no
   * recheck counts; a table beside it with the recheck on reads its differing rows again and keeps them.
   */
  @Test
  void recheckRoundsZeroTurnsItOffForATable() throws Exception {
    for (String table : List.of("RECHECKED", "NOT_RECHECKED")) {
      simpleScenario(table);
    }
    Path cfg = config(1000, 2, tableEntry("RECHECKED", ""),
        tableEntry("NOT_RECHECKED", "    recheck: { rounds: 0 }\n"));
    assertEquals(1, run(cfg.toString()), out + err);
    JsonNode session = onlySession(dir);
    JsonNode on = table(session, "RECHECKED");
    JsonNode off = table(session, "NOT_RECHECKED");
    assertCounts(on, 5, 4, 6);
    assertCounts(off, 5, 4, 6);
    assertEquals(2, on.get("recheck_rounds").size(), on.toString());
    assertEquals(15, on.get("recheck_rounds").get(1).get("rechecked").asLong(), "planted differences persist");
    assertEquals(0, on.get("in_flight_rows").asLong());
    assertEquals(0, off.get("recheck_rounds").size(), off.toString());
    assertTrue(out.contains(".RECHECKED: recheck round 2/2: 15 rows read again: 0 in flight, 0 changing, 15 still"
        + " different"), out);
    assertFalse(out.contains(".NOT_RECHECKED: recheck"), out);
    List<Path> summaries = files(dir.resolve("output"), "comparison_summary_*.txt");
    assertEquals(2, summaries.size(), summaries.toString());
    for (Path summary : summaries) {
      boolean rechecked = !summary.getFileName().toString().contains("NOT_RECHECKED");
      assertEquals(rechecked, Files.readString(summary).contains("In flight:           0"), summary.toString());
    }
  }

  /** Whether tables of plain types are compared with hash push-down in this suite. */
  protected boolean pushdownExpected() {
    String extras = comparisonExtras();
    if (extras.contains("pushdown: true")) {
      return true;
    }
    if (extras.contains("pushdown: false")) {
      return false;
    }
    return source().platform() != Platform.H2 && target().platform() != Platform.H2;
  }

  /** Extra lines for the comparison section (subclasses switch hash push-down on or off with it). */
  protected String comparisonExtras() {
    return "";
  }

  /**
   * Cases that trip checksum and bisection schemes: a difference in the last row of a large chunk, two
   * rows that swap values, a pair of rows with identical values (XOR would cancel them), skewed keys
   * (chunks stay evenly filled), and thousands of composite keys sharing their leading column.
   */
  @Test
  void checksumTrapsAreFoundExactly() throws Exception {
    createBoth("TRAPS", SIMPLE);
    List<Object[]> rows = rows(1, 6000, AbstractBehaviourSuite::simpleRow);
    rows.add(simpleRow(1_000_000_000));
    insertBoth("TRAPS", rows);
    String t = target().schema() + ".TRAPS";
    target().exec(
        "UPDATE " + t + " SET NOTE = 'last' WHERE ID = 1000000000",               // last row of the last chunk
        "UPDATE " + t + " SET NAME = 'name 11' WHERE ID = 10",                    // 10 and 11 swap names
        "UPDATE " + t + " SET NAME = 'name 10' WHERE ID = 11",
        "UPDATE " + t + " SET AMOUNT = 5.00, NAME = 'twin', NOTE = NULL WHERE ID IN (3000, 3001)",
        "DELETE FROM " + t + " WHERE ID = 3002");
    target().exec("UPDATE " + t + " SET AMOUNT = 1.23 WHERE ID = 2999"); // the last row of a chunk of 1000
    Path cfg = config(1000, 2, tableEntry("TRAPS", ""));
    assertEquals(1, run(cfg.toString()), out + err);
    JsonNode tp = table(onlySession(dir), "TRAPS");
    assertCounts(tp, 1, 0, 6);
    JsonNode chunks = tp.get("chunks");
    assertEquals(7, chunks.size(), "6,001 keys in chunks of 1,000 (one key at 1e9): " + chunks);
    for (int i = 0; i < 6; i++) {
      assertEquals(1000, chunks.get(i).get("source_rows").asLong(), "skewed keys, evenly filled chunk " + i);
    }

    create(source(), "WIDEKEY", "G {VARCHAR2(10)} NOT NULL, N {NUMBER(10)} NOT NULL, V {VARCHAR2(20)}, PRIMARY KEY (G, N)");
    create(target(), "WIDEKEY", "G {VARCHAR2(10)} NOT NULL, N {NUMBER(10)} NOT NULL, V {VARCHAR2(20)}, PRIMARY KEY (G, N)");
    List<Object[]> wide = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      wide.add(new Object[] {i < 3500 ? "same" : "tail", i, "v" + i});
    }
    insertBoth("WIDEKEY", wide);
    target().exec("UPDATE " + target().schema() + ".WIDEKEY SET V = 'x' WHERE N IN (0, 1999, 3499, 3500)",
        "DELETE FROM " + target().schema() + ".WIDEKEY WHERE N = 2500");
    Path wideCfg = dir.resolve("wide");
    config(wideCfg, 500, 2, tableEntry("WIDEKEY", ""));
    assertEquals(1, run(wideCfg.resolve("config.yaml").toString()), out + err);
    assertCounts(table(onlySession(wideCfg), "WIDEKEY"), 1, 0, 4);
  }

  /**
   * Text keys on which UTF-16 and code point order disagree (a supplementary character sorts before
   * U+FF21 in UTF-16 and after it by code point), over several chunks: both sides must place every key
   * in the same chunk and deliver it in the same order, whatever order each database sorts text in
   * (issue 9, item 2: H2 sorts by UTF-16 unit, PostgreSQL "C" and Oracle AL32UTF8 by code point).
   */
  @Test
  void textKeysWhoseUtf16AndCodePointOrdersDisagree() throws Exception {
    createBoth("ORDERKEYS", "K {VARCHAR2(20)} NOT NULL PRIMARY KEY, V {NUMBER(10)}");
    String[] heads = {"\uFF21", "\uD83D\uDE00", "b", "\uFFFD", "\u00e9"};
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      rows.add(new Object[] {heads[i % heads.length] + (100 + i), i});
    }
    insertBoth("ORDERKEYS", rows);
    String t = target().schema() + ".ORDERKEYS";
    target().exec("DELETE FROM " + t + " WHERE V = 1", "UPDATE " + t + " SET V = -1 WHERE V = 5");
    Path cfg = config(7, 2, tableEntry("ORDERKEYS", ""));
    assertEquals(1, run(cfg.toString()), out + err);
    assertCounts(table(onlySession(dir), "ORDERKEYS"), 1, 0, 1);
  }

  protected boolean isOracleLike() {
    return source().platform() != Platform.POSTGRESQL;
  }
}
