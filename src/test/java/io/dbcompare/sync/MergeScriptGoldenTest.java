package io.dbcompare.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.config.Platform;
import io.dbcompare.config.SyncSettings;
import io.dbcompare.dialect.Dialects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sync script of {@link SyncFixture} in the MERGE style ({@code sync.style: merge}) per target
 * dialect, compared with {@code golden/sync_<platform>_merge.sql} (regenerate with
 * {@code -Dgolden.update=true}), plus structural checks.
 */
class MergeScriptGoldenTest {
  @TempDir Path tmp;

  static SyncSettings merge(boolean guarded, int maxPerFile) {
    return new SyncSettings(SyncScriptGoldenTest.BATCH, guarded, maxPerFile, true, true);
  }

  static String name(Platform p) {
    return p.name().toLowerCase(Locale.ROOT) + ".sql";
  }

  /** The guarded MERGE sync script of the fixture. */
  static String script(Platform p, Path dir) throws IOException {
    SyncScriptGoldenTest.write(p, dir, merge(true, SyncSettings.DEFAULT_MAX_STATEMENTS_PER_FILE), false);
    return Files.readString(dir.resolve("sync_" + name(p)), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void matchesGolden(Platform p) throws IOException {
    Golden.check("sync_" + p.name().toLowerCase(Locale.ROOT) + "_merge.sql", script(p, tmp));
  }

  /** Undo scripts stay DML: the undo of a MERGE script is the undo of the DML script, byte for byte. */
  @ParameterizedTest
  @EnumSource(Platform.class)
  void undoScriptsStayDml(Platform p) throws IOException {
    script(p, tmp);
    String mergeUndo = Files.readString(tmp.resolve("undo_" + name(p)), StandardCharsets.UTF_8);
    Path dml = tmp.resolve("dml");
    Files.createDirectories(dml);
    String dmlUndo = SyncScriptGoldenTest.undo(p, dml);
    assertEquals(dmlUndo, mergeUndo);
    assertFalse(mergeUndo.contains("MERGE"));
  }

  /** DELETEs stay DELETEs; the differing rows, then the rows missing in the target, are one MERGE each. */
  @ParameterizedTest
  @EnumSource(Platform.class)
  void statementKindsAndOrder(Platform p) throws IOException {
    String s = script(p, tmp);
    List<String> dml = ScriptDml.dml(s).stream().map(MergeScriptGoldenTest::dmlOf).toList();
    assertEquals(List.of("DELETE 1", "DELETE 6", "MERGE 2", "MERGE 7", "MERGE 3", "MERGE 4"), dml);
    assertFalse(s.contains("'same'"), "row 5 differs only canonically and must not be written");
    assertFalse(s.contains("UPDATE \"HR\"") || s.contains("INSERT INTO"), "no UPDATE or INSERT statements");
    List<String> lines = s.lines().toList();
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("-- Statements:          2 DELETE, 2 MERGE of differing rows,"
        + " 2 MERGE of missing rows")), s.substring(0, 2000));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("-- Style:               MERGE (sync.style: merge)")));
    // every statement commits per batch as in the DML style: 2 + 2 + 2 in batches of 1
    assertEquals(4, lines.stream().filter(l -> l.equals("COMMIT;")).count());
  }

  /** "MERGE 2" for a MERGE of key ID 2 (the key in its source row), "DELETE 1" for a DELETE. */
  private static String dmlOf(String stmt) {
    String verb = stmt.substring(0, stmt.indexOf(' '));
    Matcher id = verb.equals("MERGE")
        ? Pattern.compile("(?s)MERGE INTO \"HR\"\\.\"Mixed Case\" t\n  USING \\(SELECT (\\d+) AS \"ID\", .*").matcher(stmt)
        : Pattern.compile("(?s).*WHERE \"ID\" = (\\d+) AND.*").matcher(stmt);
    assertTrue(id.matches(), stmt.substring(0, Math.min(200, stmt.length())));
    return verb + " " + id.group(1);
  }

  /**
   * Guarded: a differing row's WHEN MATCHED branch carries the guard over t's columns and its WHEN NOT
   * MATCHED branch 1 = 0; a missing row's WHEN MATCHED branch 1 = 0. Each statement stops the script
   * through the same check as a guarded UPDATE of the DML style.
   */
  @Test
  void guardsPerDialect() throws IOException {
    String pg = script(Platform.POSTGRESQL, tmp);
    assertTrue(pg.contains("DO $sync$\nBEGIN\n  MERGE INTO \"HR\".\"Mixed Case\" t\n  USING (SELECT 7 AS \"ID\","
        + " 'Nulls' AS \"Region\") s\n  ON (t.\"ID\" = s.\"ID\" AND t.\"Region\" = s.\"Region\")\n"
        + "  WHEN MATCHED AND t.\"AMOUNT\" = 5 AND t.\"RATIO\" IS NULL AND t.\"NOTE\" = 'was set' AND t.\"BODY\" IS NULL"), pg);
    assertTrue(pg.contains("  WHEN NOT MATCHED AND 1 = 0\n  THEN INSERT (\"ID\", \"Region\", "), pg);
    assertTrue(pg.contains("USING (SELECT 3 AS \"ID\", "), pg);
    assertTrue(pg.contains("  WHEN MATCHED AND 1 = 0\n  THEN UPDATE SET \"AMOUNT\" = "), pg);
    assertTrue(pg.contains(";\n  IF NOT FOUND THEN\n    RAISE EXCEPTION USING MESSAGE = 'sync stopped: HR.Mixed Case"
        + " (ID=7, Region=Nulls) changed since the comparison (MERGE found no row with the values it read)';\n"), pg);
    assertTrue(pg.contains("(MERGE found a row with the key it was to insert)"), pg);

    String oracle = script(Platform.ORACLE, tmp);
    // Oracle: conditions as WHERE after the action; the one-row source FROM DUAL
    assertTrue(oracle.contains("BEGIN\n  MERGE INTO \"HR\".\"Mixed Case\" t\n  USING (SELECT 7 AS \"ID\", 'Nulls'"
        + " AS \"Region\" FROM DUAL) s\n  ON (t.\"ID\" = s.\"ID\" AND t.\"Region\" = s.\"Region\")\n"
        + "  WHEN MATCHED THEN UPDATE SET "), oracle);
    assertTrue(oracle.contains("\n  WHERE t.\"AMOUNT\" = 5 AND t.\"RATIO\" IS NULL AND t.\"NOTE\" = 'was set'"), oracle);
    assertTrue(oracle.contains(" AND DBMS_LOB.COMPARE(t.\"PAYLOAD\", TO_BLOB(HEXTORAW('0928476685a4c3e20120'))) = 0"), oracle);
    assertTrue(oracle.contains(")\n  WHERE 1 = 0;\n  IF SQL%ROWCOUNT <> 1 THEN\n    RAISE_APPLICATION_ERROR(-20001, 'sync"
        + " stopped: HR.Mixed Case (ID=7, Region=Nulls) changed since the comparison (MERGE found no row with the"
        + " values it read)');\n"), oracle);

    String h2 = script(Platform.H2, tmp);
    assertTrue(h2.contains("SELECT CASE WHEN COUNT(*) = 1 THEN 1 ELSE CAST('sync stopped: HR.Mixed Case (ID=7,"
        + " Region=Nulls) changed since the comparison (MERGE found no row with the values it read) [rows matching: '"
        + " || COUNT(*) || ']' AS INT) END AS \"SYNC_GUARD\" FROM \"HR\".\"Mixed Case\" WHERE \"ID\" = 7 AND"), h2);
    assertTrue(h2.contains("AS \"SYNC_GUARD\" FROM (SELECT 1 AS \"MISSING\") g WHERE NOT EXISTS (SELECT 1 FROM"
        + " \"HR\".\"Mixed Case\" WHERE \"ID\" = 4 AND \"Region\" = "), h2);
  }

  /** Unguarded: both branches unconditional, an upsert by key; a missing row's update sets every non-key column. */
  @ParameterizedTest
  @EnumSource(Platform.class)
  void unguardedMergesAreUpserts(Platform p) throws IOException {
    SyncScriptGoldenTest.write(p, tmp, merge(false, 1000), false);
    String s = Files.readString(tmp.resolve("sync_" + name(p)));
    assertFalse(s.contains("RAISE") || s.contains("SYNC_GUARD") || s.contains("DO $") || s.contains("1 = 0"), "no guard");
    assertTrue(s.contains("DELETE FROM \"HR\".\"Mixed Case\" WHERE \"ID\" = 6 AND \"Region\" = 'gone';\n"));
    assertEquals(4, SyncScriptGoldenTest.count(s, "WHEN MATCHED THEN UPDATE SET "), s);
    assertEquals(4, SyncScriptGoldenTest.count(s, "WHEN NOT MATCHED THEN INSERT ("), s);
    assertTrue(s.contains("-- Guards:              off (sync.guarded: false): DELETE and MERGE match the key only"));
    // the row missing in the target (4) sets every non-key column when it is found after all
    String row4 = ScriptDml.dml(s).stream().filter(x -> x.contains("USING (SELECT 4 AS")).findFirst().orElseThrow();
    for (SyncFixture.Col c : SyncFixture.COLUMNS.subList(SyncFixture.KEYS, SyncFixture.COLUMNS.size())) {
      assertTrue(row4.contains("\"" + c.name() + "\" = "), c.name() + " in " + row4);
    }
  }

  /** Every Oracle MERGE file (scripts, parts, masters, unguarded) passes the SQL*Plus hazard scan. */
  @Test
  void oracleMergeScriptsGiveSqlPlusNothingToInterpret() throws IOException {
    List<GeneratedScript> files = new ArrayList<>(SyncScriptGoldenTest.write(Platform.ORACLE, tmp,
        merge(true, SyncSettings.DEFAULT_MAX_STATEMENTS_PER_FILE), false));
    Path split = tmp.resolve("split");
    Files.createDirectories(split);
    files.addAll(SyncScriptGoldenTest.write(Platform.ORACLE, split, merge(true, 2), true));
    files.addAll(SyncScriptGoldenTest.write(Platform.ORACLE, tmp.resolve("plain"), merge(false, 1000), false));
    assertTrue(files.size() > 10, files.toString());
    assertTrue(Files.readString(files.get(0).path()).contains("MERGE INTO"));
    SyncScriptGoldenTest.assertSqlPlusHasNothingToInterpret(files);
  }

  /** The large LOBs of rows 2 and 3 are PL/SQL variables, used in SET and VALUES alike. */
  @Test
  void oracleLargeLobsUsePlsqlBlocks() throws IOException {
    List<String> blocks = SyncScriptGoldenTest.plsqlBlocks(script(Platform.ORACLE, tmp));
    assertEquals(2, blocks.size(), "the MERGEs of rows 2 and 3");
    for (String b : blocks) {
      assertTrue(b.startsWith("DECLARE\n  tc_lob1 CLOB;\n  tc_lob2 BLOB;\nBEGIN\n"), b.substring(0, 80));
      assertTrue(b.contains("\"BODY\" = tc_lob1"), b);
      assertTrue(b.contains("\"PAYLOAD\" = tc_lob2"), b);
      assertTrue(b.endsWith("\n  DBMS_LOB.FREETEMPORARY(tc_lob1);\n  DBMS_LOB.FREETEMPORARY(tc_lob2);\nEND;\n/"));
    }
  }

  /** Beyond max_statements_per_file the MERGE script is split into phase parts like a DML script. */
  @ParameterizedTest
  @EnumSource(Platform.class)
  void largeScriptsAreSplitIntoParts(Platform p) throws IOException {
    String whole = script(p, tmp);
    Path split = tmp.resolve("split");
    Files.createDirectories(split);
    List<GeneratedScript> files = SyncScriptGoldenTest.write(p, split, merge(true, 1), false);
    assertEquals(ScriptDml.dml(whole), ScriptDml.dml(split.resolve("sync_" + name(p))));
    assertEquals(List.of(Phase.DELETE, Phase.DELETE, Phase.UPDATE, Phase.UPDATE, Phase.INSERT, Phase.INSERT),
        files.stream().filter(g -> g.kind().equals("sync") && !g.isMain()).map(GeneratedScript::phase).toList());
    String preamble = String.join("\n", Dialects.of(p).scriptPreamble());
    for (GeneratedScript g : files) {
      assertTrue(Files.readString(g.path()).startsWith(p == Platform.POSTGRESQL && g.isMain()
          ? "\\set ON_ERROR_STOP on\n" : preamble + "\n"), g.path().toString());
    }
  }
}
