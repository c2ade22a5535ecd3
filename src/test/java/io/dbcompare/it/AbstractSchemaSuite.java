package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbcompare.config.Platform;
import io.dbcompare.config.TableName;
import io.dbcompare.config.TableName.Identifier;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole schemas (issue 11), end to end through the real command line on each pair of databases: a
 * {@code schemas:} entry with include and exclude patterns, quoted mixed-case names, bare names in the
 * user's default schema, a table on one side only, columns on one side only and other structure
 * differences, a resume after the catalog gained a table, 300 small tables in one session, and the
 * configuration errors a schema can give (one line, exit 3, nothing written).
 */
public abstract class AbstractSchemaSuite extends AbstractPairSuite {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROWS = "ID {NUMBER(10)} PRIMARY KEY, NAME {VARCHAR2(50)}, AMOUNT {NUMBER(12,2)}";

  @TempDir
  protected Path dir;

  protected CliRunner.Result last;

  // ---------------------------------------------------------------- helpers

  private static String fold(TestDb db, String name) {
    return db.platform() == Platform.POSTGRESQL ? name.toLowerCase(Locale.ROOT) : name.toUpperCase(Locale.ROOT);
  }

  /** The session key of a discovered source table: the schema as configured, the table as the catalog spells it. */
  private String key(String table) {
    return keyOf(new Identifier(source().schema(), false), fold(source(), table));
  }

  private String keyOf(Identifier schema, String exactTable) {
    return new TableName(schema, Identifier.ofCatalog(exactTable, n -> fold(source(), n))).key();
  }

  private static List<Object[]> rows(int from, int to) {
    List<Object[]> out = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      out.add(new Object[] {i, "name " + i, BigDecimal.valueOf(i * 3L, 2)});
    }
    return out;
  }

  private void both(String table, String cols, int rows) throws SQLException {
    for (TestDb db : List.of(source(), target())) {
      Tables.create(db, table, cols);
      Tables.insert(db, table, rows(1, rows));
    }
  }

  /** The schema entry of the pair's schemas, with {@code extra} keys (indented by four). */
  private String schemaEntry(String extra) {
    String s = "schemas:\n  - name: " + source().schema() + "\n";
    if (!source().schema().equals(target().schema())) {
      s += "    target_name: " + target().schema() + "\n";
    }
    return s + extra;
  }

  private Path config(Path folder, String comparison, String body) throws IOException {
    String yaml = "source_database:\n" + Tables.database(source()) + "target_database:\n" + Tables.database(target())
        + "comparison:\n  chunk_size: 100\n  threads: 2\n  state_dir: state\n  checkpoint_dir: checkpoints\n"
        + "  output_dir: output\n  max_retries: 1\n" + (comparison.contains("recheck:") ? "" : Tables.RECHECK_AT_ONCE)
        + comparison + body;
    Files.createDirectories(folder);
    Path f = folder.resolve("config.yaml");
    Files.writeString(f, yaml, StandardCharsets.UTF_8);
    return f;
  }

  private Path config(String body) throws IOException {
    return config(dir, "", body);
  }

  private int run(String... args) {
    last = CliRunner.run(args);
    return last.code();
  }

  private JsonNode onlySession(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder.resolve("state"))) {
      List<Path> files = s.filter(p -> p.getFileName().toString().matches("oracle_session_.*\\.json")).toList();
      assertEquals(1, files.size(), "one session file expected in " + folder);
      return JSON.readTree(files.get(0).toFile());
    }
  }

  private static List<String> keys(JsonNode session) {
    List<String> out = new ArrayList<>();
    Iterator<String> it = session.get("table_progress").fieldNames();
    it.forEachRemaining(out::add);
    return out;
  }

  private static void assertCounts(JsonNode t, long missingInTarget, long missingInSource, long different) {
    assertEquals(missingInTarget, t.get("missing_in_target").asLong(), "missing_in_target of " + t);
    assertEquals(missingInSource, t.get("missing_in_source").asLong(), "missing_in_source of " + t);
    assertEquals(different, t.get("different_rows").asLong(), "different_rows of " + t);
  }

  private void assertConfigError(int code, String... parts) throws IOException {
    assertEquals(3, code, last.all());
    String line = last.err().strip();
    assertEquals(1, line.lines().count(), line);
    for (String p : parts) {
      assertTrue(line.contains(p), "'" + p + "' in: " + line);
    }
    assertEquals(List.of(), Tables.files(dir.resolve("state"), "oracle_session_*"), "nothing written");
  }

  private static void dropIfThere(TestDb db, String table) {
    try {
      db.exec("DROP TABLE " + table);
    } catch (SQLException e) {
      // not there: nothing to drop (Oracle has no DROP TABLE IF EXISTS before 23ai)
    }
  }

  // ---------------------------------------------------------------- tests

  /**
   * Every table of the schema but the log and temporary ones, in name order, each with the schema's chunk
   * size; views are left out unless include_views, and an explicit tables: entry for a view comes first
   * with its own key.
   */
  @Test
  void aSchemaIsComparedTableByTableWithIncludeAndExcludePatterns() throws Exception {
    both("ORDERS", ROWS, 30);
    both("CUSTOMERS", ROWS, 20);
    both("AUDIT_LOG", ROWS, 5);
    both("TMP_WORK", ROWS, 5);
    Tables.insert(target(), "ORDERS", List.<Object[]>of(new Object[] {99, "extra", BigDecimal.ONE}));
    target().exec("UPDATE " + target().schema() + ".CUSTOMERS SET NAME = 'changed' WHERE ID = 7");
    Path cfg = config(schemaEntry("    include: [\"*\"]\n    exclude: [\"*_LOG\", \"TMP_*\"]\n    chunk_size: 7\n"));
    assertEquals(1, run(cfg.toString()), last.all());
    JsonNode s = onlySession(dir);
    assertEquals(List.of(key("CUSTOMERS"), key("ORDERS")), keys(s), "name order, log and temporary tables left out");
    JsonNode customers = s.get("table_progress").get(key("CUSTOMERS"));
    assertCounts(customers, 0, 0, 1);
    assertEquals(3, customers.get("total_chunks").asInt(), "20 rows in chunks of 7: " + customers);
    assertCounts(s.get("table_progress").get(key("ORDERS")), 0, 1, 0);
    assertEquals(fold(source(), "CUSTOMERS"), customers.get("table").asText(), "the catalog's spelling");
    assertTrue(last.out().contains("[1/2] Processing: " + source().schema() + "." + fold(source(), "CUSTOMERS")),
        last.out());
  }

  /**
   * A discovered schema holds tables without a primary key: one keyed by a unique constraint on NOT NULL
   * columns (compared by it) and one without any key, holding duplicate rows (compared as a multiset of
   * whole rows), next to an ordinary table; all three in one session, counts exact.
   */
  @Test
  void aDiscoveredSchemaComparesAKeylessTableAndOneKeyedByAUniqueIndex() throws Exception {
    both("ORDERS", ROWS, 10);
    String unique = "CODE {VARCHAR2(20)} NOT NULL, NAME {VARCHAR2(50)}, CONSTRAINT UQ_CODES UNIQUE (CODE)";
    String keyless = "CODE {VARCHAR2(20)}, AMOUNT {NUMBER(12,2)}";
    for (TestDb db : List.of(source(), target())) {
      Tables.create(db, "CODES", unique);
      Tables.insert(db, "CODES", List.<Object[]>of(new Object[] {"a", "one"}, new Object[] {"b", "two"},
          new Object[] {"c", "three"}));
      Tables.create(db, "EVENTS", keyless);
    }
    target().exec("UPDATE " + target().schema() + ".CODES SET NAME = 'changed' WHERE CODE = 'b'");
    // the source holds (a, 1) twice and (b, 2) once; the target (a, 1) once and (b, 2) twice
    Tables.insert(source(), "EVENTS", List.<Object[]>of(new Object[] {"a", BigDecimal.ONE},
        new Object[] {"a", BigDecimal.ONE}, new Object[] {"b", BigDecimal.valueOf(2)}));
    Tables.insert(target(), "EVENTS", List.<Object[]>of(new Object[] {"a", BigDecimal.ONE},
        new Object[] {"b", BigDecimal.valueOf(2)}, new Object[] {"b", BigDecimal.valueOf(2)}));

    assertEquals(1, run(config(schemaEntry("")).toString()), last.all());
    JsonNode s = onlySession(dir);
    assertEquals(List.of(key("CODES"), key("EVENTS"), key("ORDERS")), keys(s), "name order");
    JsonNode codes = s.get("table_progress").get(key("CODES"));
    assertEquals("completed", codes.get("status").asText(), codes.toString());
    assertCounts(codes, 0, 0, 1);
    assertTrue(codes.get("key_source").asText().toUpperCase(Locale.ROOT).startsWith("UNIQUE INDEX UQ_CODES"),
        codes.toString());
    JsonNode events = s.get("table_progress").get(key("EVENTS"));
    assertEquals("completed", events.get("status").asText(), events.toString());
    assertCounts(events, 1, 1, 0);
    assertTrue(events.get("key_source").asText().contains("multiset of whole rows"), events.toString());
    assertCounts(s.get("table_progress").get(key("ORDERS")), 0, 0, 0);
    String out = last.out().toUpperCase(Locale.ROOT);
    assertTrue(out.contains("KEY: UNIQUE INDEX UQ_CODES"), last.out());
  }

  @Test
  void viewsAreComparedOnlyWithIncludeViewsAndAnExplicitEntryWins() throws Exception {
    assumeTrue(source().platform() != Platform.ORACLE, "the Oracle suite's users may not create views");
    both("ORDERS", ROWS, 10);
    for (TestDb db : List.of(source(), target())) {
      db.exec("CREATE VIEW " + db.schema() + ".V_ORDERS AS SELECT ID, NAME FROM " + db.schema() + ".ORDERS");
    }
    assertEquals(0, run(config(schemaEntry("")).toString()), last.all());
    assertEquals(List.of(key("ORDERS")), keys(onlySession(dir)), "tables only");

    Path views = dir.resolve("views");
    String explicit = "tables:\n" + Tables.entry(source(), target(), "V_ORDERS", "    primary_key: [ID]\n");
    Path cfg = config(views, "", explicit + schemaEntry("    include_views: true\n"));
    assertEquals(0, run(cfg.toString()), last.all());
    JsonNode s = onlySession(views);
    assertEquals(List.of(Tables.key(source(), "V_ORDERS"), key("ORDERS")), keys(s),
        "the tables: entry first (its settings: a key for the view), then the schema's other tables");
    assertEquals("completed", s.get("table_progress").get(Tables.key(source(), "V_ORDERS")).get("status").asText());
  }

  /** Quoted patterns match the exact case; mixed-case names are compared and keyed as the catalog spells them. */
  @Test
  void quotedMixedCaseTableNames() throws Exception {
    for (TestDb db : List.of(source(), target())) {
      db.exec("CREATE TABLE " + db.schema() + ".\"Case Table\" (\"Id\" " + db.type("NUMBER(10)") + " PRIMARY KEY,"
              + " \"Name\" " + db.type("VARCHAR2(20)") + ")",
          "CREATE TABLE " + db.schema() + ".\"Mixed\" (ID " + db.type("NUMBER(10)") + " PRIMARY KEY)",
          "CREATE TABLE " + db.schema() + ".PLAIN (ID " + db.type("NUMBER(10)") + " PRIMARY KEY)");
    }
    Tables.insert(source(), "\"Case Table\"", List.of(new Object[] {1, "a"}, new Object[] {2, "b"}));
    Tables.insert(target(), "\"Case Table\"", List.of(new Object[] {1, "a"}, new Object[] {2, "B"}));
    Path cfg = config(schemaEntry("    include: ['\"Case*\"', '\"Mixed\"']\n"));
    assertEquals(1, run(cfg.toString()), last.all());
    JsonNode s = onlySession(dir);
    String caseKey = keyOf(new Identifier(source().schema(), false), "Case Table");
    assertTrue(caseKey.endsWith("_Case-20Table"), caseKey);
    assertEquals(List.of(caseKey, keyOf(new Identifier(source().schema(), false), "Mixed")), keys(s));
    assertCounts(s.get("table_progress").get(caseKey), 0, 0, 1);
    assertEquals("Case Table", s.get("table_progress").get(caseKey).get("table").asText());
  }

  @Test
  void aQuotedMixedCaseSchema() throws Exception {
    assumeTrue(source().platform() != Platform.ORACLE, "an Oracle schema is a user: the pair's users only");
    for (TestDb db : List.of(source(), target())) {
      db.exec("DROP SCHEMA IF EXISTS \"Mixed Sch\" CASCADE", "CREATE SCHEMA \"Mixed Sch\"",
          "CREATE TABLE \"Mixed Sch\".ITEMS (ID " + db.type("NUMBER(10)") + " PRIMARY KEY, V " + db.type("VARCHAR2(9)")
              + ")");
    }
    source().exec("INSERT INTO \"Mixed Sch\".ITEMS VALUES (1, 'x')", "INSERT INTO \"Mixed Sch\".ITEMS VALUES (2, 'y')");
    target().exec("INSERT INTO \"Mixed Sch\".ITEMS VALUES (1, 'x')");
    Path cfg = config("schemas:\n  - name: '\"Mixed Sch\"'\n");
    assertEquals(1, run(cfg.toString()), last.all());
    JsonNode s = onlySession(dir);
    String k = keyOf(new Identifier("Mixed Sch", true), fold(source(), "ITEMS"));
    assertEquals("Mixed-20Sch_" + fold(source(), "ITEMS"), k);
    assertEquals(List.of(k), keys(s));
    assertCounts(s.get("table_progress").get(k), 1, 0, 0);
    for (TestDb db : List.of(source(), target())) {
      db.exec("DROP SCHEMA \"Mixed Sch\" CASCADE");
    }
  }

  /**
   * A bare name is the table in the connecting user's default schema, on each side; the session stores
   * it as SCHEMA.TABLE, and --table and --start-from-table take bare names too.
   */
  @Test
  void bareNamesMeanTheUsersDefaultSchema() throws Exception {
    for (TestDb db : List.of(source(), target())) {
      dropIfThere(db, "BARE_T");
      dropIfThere(db, "BARE_U");
      db.exec("CREATE TABLE BARE_T (ID " + db.type("NUMBER(10)") + " PRIMARY KEY, V " + db.type("VARCHAR2(9)") + ")",
          "CREATE TABLE BARE_U (ID " + db.type("NUMBER(10)") + " PRIMARY KEY)",
          "INSERT INTO BARE_T VALUES (1, 'a')", "INSERT INTO BARE_U VALUES (1)");
    }
    source().exec("INSERT INTO BARE_T VALUES (2, 'b')");
    try {
      Path cfg = config("tables:\n  - table_name: BARE_T\n  - BARE_U\n");
      assertEquals(1, run(cfg.toString()), last.all());
      JsonNode s = onlySession(dir);
      assertEquals(2, keys(s).size(), keys(s).toString());
      JsonNode t = s.get("table_progress").get(keys(s).get(0));
      assertEquals(fold(source(), "BARE_T"), t.get("table").asText());
      String schema = t.get("schema").asText();
      Identifier inDefault = Identifier.ofCatalog(schema, n -> fold(source(), n));
      assertEquals(new TableName(inDefault, new Identifier("BARE_T", false)).key(), keys(s).get(0),
          "keyed SCHEMA_TABLE in the default schema");
      assertFalse(t.get("target_schema").asText().isEmpty());
      assertCounts(t, 1, 0, 0);

      Path one = dir.resolve("one");
      Path cfg1 = config(one, "", "tables:\n  - table_name: BARE_T\n  - BARE_U\n");
      assertEquals(0, run(cfg1.toString(), "--table", "BARE_U"), last.all());
      String bareU = new TableName(inDefault, new Identifier("BARE_U", false)).key();
      assertEquals(List.of(bareU), keys(onlySession(one)));
      Path from = dir.resolve("from");
      Path cfg2 = config(from, "", "tables:\n  - table_name: BARE_T\n  - BARE_U\n");
      assertEquals(0, run(cfg2.toString(), "--start-from-table", "bare_u"), last.all());
      assertEquals(List.of(bareU), keys(onlySession(from)));
    } finally {
      for (TestDb db : List.of(source(), target())) {
        db.exec("DROP TABLE BARE_T", "DROP TABLE BARE_U");
      }
    }
  }

  /**
   * A table of the source schema that the target schema lacks is reported, counted and exits 1; a table
   * only in the target schema is named in the summary and the session.
   */
  @Test
  void aTableOnOneSideOnlyIsReportedNotACrash() throws Exception {
    both("SAME", ROWS, 10);
    Tables.create(source(), "SRC_ONLY", ROWS);
    Tables.create(target(), "TGT_ONLY", ROWS);
    Path cfg = config(schemaEntry(""));
    assertEquals(1, run(cfg.toString()), last.all());
    JsonNode s = onlySession(dir);
    assertEquals(List.of(key("SAME"), key("SRC_ONLY")), keys(s));
    JsonNode missing = s.get("table_progress").get(key("SRC_ONLY"));
    assertEquals("missing_in_target", missing.get("status").asText(), missing.toString());
    assertTrue(missing.get("error").asText().contains(fold(source(), "SRC_ONLY")), missing.toString());
    assertEquals("completed", s.get("table_progress").get(key("SAME")).get("status").asText());
    assertEquals(1, s.get("totals").get("tables_missing_in_target").asInt(), s.get("totals").toString());
    assertEquals("completed", s.get("status").asText());
    String tgtOnly = target().schema() + "." + fold(target(), "TGT_ONLY");
    assertEquals(List.of(tgtOnly), List.of(s.get("target_only_tables").get(0).asText()));
    assertTrue(last.out().contains("1 missing in target"), last.out());
    assertTrue(last.out().contains("Only in target: 1 table(s)") && last.out().contains(tgtOnly), last.out());
    JsonNode report = JSON.readTree(Tables.files(dir.resolve("output"), "comparison_report_*.json").get(0).toFile());
    assertEquals(tgtOnly, report.get("target_only_tables").get(0).asText(), report.toString());
    assertEquals("missing_in_target", report.get("tables").get(1).get("result").asText(), report.toString());

    assertEquals(0, run(cfg.toString(), "--status", s.get("session_id").asText()), last.all());
    assertTrue(last.out().contains("missing in target") && last.out().contains(tgtOnly), last.out());
    assertEquals(1, run(cfg.toString(), "--resume", s.get("session_id").asText()), last.all());
    assertEquals("missing_in_target", onlySession(dir).get("table_progress").get(key("SRC_ONLY")).get("status")
        .asText(), "a resume leaves it alone");
  }

  /**
   * A column on one side only is left out of the comparison with a warning (console, session); other
   * structure differences are reported; strict_columns fails the table naming the column.
   */
  @Test
  void columnsOnOneSideAreLeftOutUnlessStrict() throws Exception {
    Tables.create(source(), "WIDE", "ID {NUMBER(10)} PRIMARY KEY, NAME {VARCHAR2(50)} NOT NULL, SRC_NOTE {VARCHAR2(20)}");
    Tables.create(target(), "WIDE", "ID {NUMBER(10)} PRIMARY KEY, NAME {VARCHAR2(60)}, TGT_FLAG {NUMBER(1)}");
    Tables.insert(source(), "WIDE", List.of(new Object[] {1, "a", "only here"}, new Object[] {2, "b", null}));
    Tables.insert(target(), "WIDE", List.of(new Object[] {1, "a", 1}, new Object[] {2, "b", 0}));
    Path cfg = config(schemaEntry(""));
    assertEquals(0, run(cfg.toString()), last.all());
    String out = last.out();
    assertTrue(out.contains("structure: column " + fold(source(), "SRC_NOTE") + " only in the source"), out);
    assertTrue(out.contains("structure: column " + fold(target(), "TGT_FLAG") + " only in the target"), out);
    assertTrue(out.contains("structure: column " + fold(source(), "NAME") + " length"), out);
    assertTrue(out.contains("structure: column " + fold(source(), "NAME") + " nullability: source NOT NULL, target"
        + " NULL allowed"), out);
    JsonNode t = onlySession(dir).get("table_progress").get(key("WIDE"));
    List<String> kinds = new ArrayList<>();
    t.get("structure").forEach(n -> kinds.add(n.get("kind").asText() + ":" + n.get("column").asText()));
    assertEquals(List.of("length:" + fold(source(), "NAME"), "nullability:" + fold(source(), "NAME"),
        "column_only_in_source:" + fold(source(), "SRC_NOTE"), "column_only_in_target:" + fold(target(), "TGT_FLAG")),
        kinds);
    assertCounts(t, 0, 0, 0);
    Path summary = Path.of(t.get("summary_file").asText());
    assertTrue(Files.readString(summary).contains(fold(source(), "SRC_NOTE") + " only in the source"),
        Files.readString(summary));
    // the reports carry them too: the JSON report per table, the HTML report under the table's name
    JsonNode report = JSON.readTree(Tables.files(dir.resolve("output"), "comparison_report_*.json").get(0).toFile());
    List<String> reported = new ArrayList<>();
    report.get("tables").get(0).get("structure").forEach(n -> reported.add(n.get("kind").asText()));
    assertEquals(List.of("length", "nullability", "column_only_in_source", "column_only_in_target"), reported);
    String html = Files.readString(Tables.files(dir.resolve("output"), "comparison_report_*.html").get(0));
    assertTrue(html.contains("structure: column " + fold(source(), "SRC_NOTE") + " only in the source"), html);

    Path strict = dir.resolve("strict");
    assertEquals(2, run(config(strict, "  strict_columns: true\n", schemaEntry("")).toString()), last.all());
    JsonNode failed = onlySession(strict).get("table_progress").get(key("WIDE"));
    assertEquals("failed", failed.get("status").asText());
    assertTrue(failed.get("error").asText().contains("column " + fold(source(), "SRC_NOTE") + " is missing in target"),
        failed.toString());
    Path perSchema = dir.resolve("perschema");
    assertEquals(2, run(config(perSchema, "", schemaEntry("    strict_columns: true\n")).toString()), last.all());
  }

  /**
   * A resumed session compares the tables it was created with: a table created since is named in one
   * line and not compared.
   */
  @Test
  void aResumeAfterTheCatalogGainedATableNamesItAndComparesTheSameTables() throws Exception {
    both("T1", ROWS, 10);
    Tables.create(source(), "T2", ROWS);
    Tables.create(target(), "T2", "ID {NUMBER(10)} PRIMARY KEY, NAME {DATE}, AMOUNT {NUMBER(12,2)}");
    Tables.insert(source(), "T2", rows(1, 5));
    Path cfg = config(schemaEntry(""));
    assertEquals(2, run(cfg.toString()), last.all());
    JsonNode s = onlySession(dir);
    assertTrue(s.get("table_progress").get(key("T2")).get("error").asText().contains("incompatible types"),
        s.toString());
    String id = s.get("session_id").asText();

    target().exec("DROP TABLE " + target().schema() + ".T2");
    Tables.create(target(), "T2", ROWS);
    Tables.insert(target(), "T2", rows(1, 4));
    both("T3", ROWS, 3);
    both("T4", ROWS, 3);
    assertEquals(1, run(cfg.toString(), "--resume", id, "--retry-failed"), last.all());
    String line = "2 new tables in " + source().schema() + " since this session started; not compared: "
        + fold(source(), "T3") + ", " + fold(source(), "T4");
    assertTrue(last.out().contains(line), last.out());
    JsonNode after = onlySession(dir);
    assertEquals(List.of(key("T1"), key("T2")), keys(after));
    assertCounts(after.get("table_progress").get(key("T2")), 1, 0, 0);
  }

  /**
   * 300 small tables, parents and children linked by foreign keys, in one session: every count exact,
   * one master script that deletes children before parents and inserts parents before children.
   */
  @Test
  void threeHundredSmallTablesInOneSession() throws Exception {
    int n = 300;
    for (TestDb db : List.of(source(), target())) {
      try (var c = db.connect(); var st = c.createStatement()) {
        for (int i = 0; i < n; i++) {
          String t = db.schema() + "." + name(i);
          // every tenth table references the one before it: a parent and a child
          String fk = i % 10 == 1 ? ", PARENT_ID " + db.type("NUMBER(10)") + " REFERENCES " + db.schema() + "."
              + name(i - 1) + " (ID)" : ", PARENT_ID " + db.type("NUMBER(10)");
          st.execute("CREATE TABLE " + t + " (ID " + db.type("NUMBER(10)") + " PRIMARY KEY, NAME " + db.type("VARCHAR2(20)")
              + fk + ")");
          for (int r = 1; r <= 3; r++) {
            st.execute("INSERT INTO " + t + " VALUES (" + r + ", 'n" + r + "', " + (i % 10 == 1 ? r : 0) + ")");
          }
        }
        if (!c.getAutoCommit()) {
          c.commit();
        }
      }
    }
    // differences in ten parent/child pairs: a new parent row and a child row pointing at it
    for (int i = 0; i < 100; i += 10) {
      source().exec("INSERT INTO " + source().schema() + "." + name(i) + " VALUES (4, 'new', 0)",
          "INSERT INTO " + source().schema() + "." + name(i + 1) + " VALUES (4, 'new', 4)");
      target().exec("DELETE FROM " + target().schema() + "." + name(i + 1) + " WHERE ID = 3",
          "DELETE FROM " + target().schema() + "." + name(i) + " WHERE ID = 3");
    }
    Path cfg = config(schemaEntry("    include: [\"T_*\"]\n"));
    assertEquals(1, run(cfg.toString()), last.all());
    JsonNode s = onlySession(dir);
    assertEquals(n, keys(s).size());
    for (int i = 0; i < n; i++) {
      JsonNode t = s.get("table_progress").get(key(name(i)));
      assertNotNull(t, name(i));
      assertEquals("completed", t.get("status").asText(), t.toString());
      boolean changed = i < 100 && (i % 10 == 0 || i % 10 == 1);
      assertCounts(t, changed ? 2 : 0, 0, 0);
      assertEquals(changed ? 4 : 3, t.get("source_rows").asInt());
    }
    assertEquals(40, s.get("totals").get("missing_in_target").asInt());
    List<Path> masters = Tables.files(dir.resolve("output"), "sync_session_*.sql");
    assertEquals(1, masters.size(), last.out());
    List<String> order = new ArrayList<>();
    for (String stmt : io.dbcompare.sync.ScriptDml.dml(masters.get(0))) {
      String upper = stmt.toUpperCase(Locale.ROOT);
      for (int i = 0; i < 2; i++) {
        if (upper.contains("." + name(i) + "\"") || upper.contains("\"" + name(i) + "\"")) {
          order.add(stmt.substring(0, 6) + " " + (i == 0 ? "parent" : "child"));
        }
      }
    }
    assertEquals(List.of("INSERT parent", "INSERT parent", "INSERT child", "INSERT child"), order,
        "parents inserted before their children");
    target().runScript(masters.get(0));
    Path synced = dir.resolve("synced");
    assertEquals(0, run(config(synced, "", schemaEntry("    include: [\"T_*\"]\n")).toString()), last.all());
    assertEquals(n, keys(onlySession(synced)).size());
  }

  private static String name(int i) {
    return String.format(Locale.ROOT, "T_%03d", i);
  }

  @Test
  void aPatternThatMatchesNoTableIsAConfigurationError() throws Exception {
    both("ORDERS", ROWS, 1);
    assertConfigError(run(config(schemaEntry("    include: [\"ORD*\", \"NOPE_*\"]\n")).toString()),
        "schemas[0].include: pattern NOPE_* matches no table of schema " + fold(source(), source().schema()));
  }

  @Test
  void anUnknownSchemaIsAConfigurationError() throws Exception {
    assertConfigError(run(config("schemas:\n  - name: NO_SUCH_SCHEMA\n").toString()),
        "schemas[0].name: schema NO_SUCH_SCHEMA does not exist in the source database");
  }
}
