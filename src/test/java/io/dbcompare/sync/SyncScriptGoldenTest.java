package io.dbcompare.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.Canonical;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import io.dbcompare.config.SyncSettings;
import io.dbcompare.dialect.Dialects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sync script of {@link SyncFixture} per target dialect, compared with
 * {@code golden/sync_<platform>.sql} (regenerate with {@code -Dgolden.update=true}), plus structural
 * checks that hold whatever the golden says.
 */
class SyncScriptGoldenTest {
  static final List<String> HEADER = List.of(
      "Session:             00000000-0000-0000-0000-000000000000",
      "Table:               HR.Mixed Case (source) -> HR.Mixed Case (target)",
      "Source:              jdbc:postgresql://src:5432/db?ssl=true&sslmode=require",
      "Target:              fixed target",
      "Generated:           2024-01-01T00:00:00Z");
  /** Small, so the batch commits show up in the script. */
  static final int BATCH = 1;

  @TempDir Path tmp;

  static SyncSettings settings(boolean guarded, int maxPerFile) {
    return new SyncSettings(BATCH, guarded, maxPerFile, true, false);
  }

  /** Writes the sync and undo scripts of the fixture into dir; returns the files written. */
  static List<GeneratedScript> write(Platform p, Path dir, SyncSettings settings, boolean separatePhases)
      throws IOException {
    String name = p.name().toLowerCase(Locale.ROOT) + ".sql";
    List<GeneratedScript> files = new SyncScriptWriter(Dialects.of(p), settings).write(dir.resolve("sync_" + name),
        dir.resolve("undo_" + name), SyncFixture.table(p), SyncFixture.results(), HEADER, separatePhases);
    try (Stream<Path> left = Files.walk(dir)) {
      assertEquals(List.of(), left.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(),
          "temporary files left behind");
    }
    for (GeneratedScript g : files) {
      assertEquals(sha256(Files.readAllBytes(g.path())), g.sha256(), "SHA-256 of " + g.path());
    }
    return files;
  }

  /** The differences of the fixture, in chunk order. */
  static List<io.dbcompare.compare.RowDiff> fixtureDiffs() {
    List<io.dbcompare.compare.RowDiff> out = new java.util.ArrayList<>();
    SyncFixture.results().forEach(r -> out.addAll(r.diffs()));
    return out;
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String script(Platform p, Path dir) throws IOException {
    write(p, dir, settings(true, SyncSettings.DEFAULT_MAX_STATEMENTS_PER_FILE), false);
    return Files.readString(dir.resolve("sync_" + p.name().toLowerCase(Locale.ROOT) + ".sql"), StandardCharsets.UTF_8);
  }

  static String undo(Platform p, Path dir) throws IOException {
    write(p, dir, settings(true, SyncSettings.DEFAULT_MAX_STATEMENTS_PER_FILE), false);
    return Files.readString(dir.resolve("undo_" + p.name().toLowerCase(Locale.ROOT) + ".sql"), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void matchesGolden(Platform p) throws IOException {
    String name = p.name().toLowerCase(Locale.ROOT) + ".sql";
    Golden.check("sync_" + name, script(p, tmp));
    Golden.check("undo_" + name, Files.readString(tmp.resolve("undo_" + name), StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void statementCountsAndOrder(Platform p) throws IOException {
    String s = script(p, tmp);
    List<String> dml = ScriptDml.dml(s).stream().map(SyncScriptGoldenTest::dmlOf).toList();
    // DELETEs first, then UPDATEs, then INSERTs; the canonically equal row 5 has no statement.
    assertEquals(List.of("DELETE 1", "DELETE 6", "UPDATE 2", "UPDATE 7", "INSERT 3", "INSERT 4"), dml);
    assertFalse(s.contains("'same'"), "row 5 differs only canonically and must not be written");
    // the undo deletes the inserted rows, sets the updated ones back, inserts the deleted ones
    List<String> undo = ScriptDml.dml(undo(p, tmp)).stream().map(SyncScriptGoldenTest::dmlOf).toList();
    assertEquals(List.of("DELETE 3", "DELETE 4", "UPDATE 2", "UPDATE 7", "INSERT 1", "INSERT 6"), undo);
  }

  /** "DELETE 1" for a DML statement of key ID 1. */
  private static String dmlOf(String stmt) {
    String verb = stmt.substring(0, 6);
    Matcher id = verb.equals("INSERT")
        ? Pattern.compile("(?s).*VALUES \\((\\d+),.*").matcher(stmt)
        : Pattern.compile("(?s).*WHERE \"ID\" = (\\d+) AND.*").matcher(stmt);
    assertTrue(id.matches(), stmt.substring(0, Math.min(200, stmt.length())));
    return verb + " " + id.group(1);
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void headerFollowsThePreambleAndCommitsEveryBatch(Platform p) throws IOException {
    String s = script(p, tmp);
    List<String> lines = List.of(s.split("\n", -1));
    int firstComment = lines.indexOf("-- Session:             00000000-0000-0000-0000-000000000000");
    assertTrue(firstComment > 0);
    assertTrue(lines.contains("-- Statements:          2 DELETE, 2 UPDATE, 2 INSERT (only compared columns are written)"));
    assertTrue(lines.contains("-- Review before running against HR.Mixed Case."));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("-- Guards:              every UPDATE and DELETE")));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("-- Commits:             after every 1 statements of a phase")));
    // 2 + 2 + 2 statements in batches of 1: a commit between the two statements of each phase, one at the end
    long commits = lines.stream().filter(l -> l.equals("COMMIT;")).count();
    assertEquals(4, commits);
    assertTrue(s.endsWith(p == Platform.ORACLE ? "\nCOMMIT;\nEXIT\n" : "\nCOMMIT;\n"), s.substring(s.length() - 30));
  }

  @Test
  void batchCommitsCountStatementsWithinAPhase() throws IOException {
    new SyncScriptWriter(Dialects.of(Platform.POSTGRESQL), new SyncSettings(2, true, 1000, false, false))
        .write(tmp.resolve("b.sql"), SyncFixture.table(Platform.POSTGRESQL), SyncFixture.results(), HEADER);
    String s = Files.readString(tmp.resolve("b.sql"));
    // batch size 2, 2 statements per phase: one transaction, committed at the end
    assertEquals(1, count(s, "\nCOMMIT;\n"));
    assertEquals(1, count(s, "\nBEGIN;\n"));
    new SyncScriptWriter(Dialects.of(Platform.POSTGRESQL), new SyncSettings(1, true, 1000, false, false))
        .write(tmp.resolve("b.sql"), SyncFixture.table(Platform.POSTGRESQL), SyncFixture.results(), HEADER);
    s = Files.readString(tmp.resolve("b.sql"));
    // batch size 1: a COMMIT and a new transaction after the first statement of each phase, then the end
    assertEquals(4, count(s, "\nCOMMIT;\n"));
    assertEquals(4, count(s, "\nBEGIN;\n"));
    assertTrue(s.endsWith("\nCOMMIT;\n"));
  }

  /** Each guarded statement names the table and key in the message that stops the script. */
  @Test
  void guardedStatementsStopTheScriptNamingTableAndKey() throws IOException {
    String oracle = script(Platform.ORACLE, tmp);
    assertTrue(oracle.contains("BEGIN\n  DELETE FROM \"HR\".\"Mixed Case\" WHERE \"ID\" = 6 AND \"Region\" = 'gone'"
        + " AND \"AMOUNT\" IS NULL AND \"RATIO\" IS NULL"), oracle.substring(0, 3000));
    assertTrue(oracle.contains("\n  IF SQL%ROWCOUNT <> 1 THEN\n    RAISE_APPLICATION_ERROR(-20001, 'sync stopped: HR.Mixed"
        + " Case (ID=6, Region=gone) changed since the comparison (DELETE found no row with the values it read)');\n"
        + "  END IF;\nEND;\n/\n"));
    // LOBs by DBMS_LOB.COMPARE, BLOB literals made BLOBs, a BINARY_DOUBLE by value
    assertTrue(oracle.contains(" AND DBMS_LOB.COMPARE(\"BODY\", TO_CLOB('t')) = 0"));
    assertTrue(oracle.contains(" AND DBMS_LOB.COMPARE(\"PAYLOAD\", TO_BLOB(HEXTORAW('0524436281'))) = 0"));
    assertTrue(oracle.contains(" AND \"RATIO\" = 2.5d"));

    String pg = script(Platform.POSTGRESQL, tmp);
    assertTrue(pg.contains("DO $sync$\nBEGIN\n  DELETE FROM \"HR\".\"Mixed Case\" WHERE \"ID\" = 1 AND \"Region\" = 'EU'"
        + " AND \"AMOUNT\" = 9 AND \"RATIO\" = '2.5'::float8 AND \"NOTE\" = 'target only' AND \"BODY\" = 't'"));
    assertTrue(pg.contains(";\n  IF NOT FOUND THEN\n    RAISE EXCEPTION USING MESSAGE = 'sync stopped: HR.Mixed Case"
        + " (ID=1, Region=EU) changed since the comparison (DELETE found no row with the values it read)';\n"
        + "  END IF;\nEND\n$sync$;\n"));

    String h2 = script(Platform.H2, tmp);
    assertTrue(h2.contains("SELECT CASE WHEN COUNT(*) = 1 THEN 1 ELSE CAST('sync stopped: HR.Mixed Case (ID=7,"
        + " Region=Nulls) changed since the comparison (UPDATE found no row with the values it read) [rows matching: '"
        + " || COUNT(*) || ']' AS INT) END AS \"SYNC_GUARD\" FROM \"HR\".\"Mixed Case\" WHERE \"ID\" = 7 AND"));
  }

  /** A dollar-quote tag that occurs in a value is never used to quote the block. */
  @Test
  void postgresDollarTagAvoidsValues() {
    String stmt = Dialects.of(Platform.POSTGRESQL).guardedStatement("DELETE FROM t WHERE a = '$sync$ $sync1$'", "t",
        " WHERE a = '$sync$ $sync1$'", "m", new io.dbcompare.dialect.SqlScript());
    assertTrue(stmt.startsWith("DO $sync2$\n") && stmt.endsWith("\n$sync2$;"), stmt);
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void unguardedStatementsMatchTheKeyOnly(Platform p) throws IOException {
    write(p, tmp, settings(false, 1000), false);
    String s = Files.readString(tmp.resolve("sync_" + p.name().toLowerCase(Locale.ROOT) + ".sql"));
    assertFalse(s.contains("RAISE") || s.contains("SYNC_GUARD") || s.contains("DO $"), "no guard");
    assertTrue(s.contains("DELETE FROM \"HR\".\"Mixed Case\" WHERE \"ID\" = 6 AND \"Region\" = 'gone';\n"));
    assertTrue(s.contains("-- Guards:              off (sync.guarded: false)"));
  }

  /**
   * Beyond max_statements_per_file the script becomes a master running parts of one phase each, every
   * part with the full settings header: together they hold the same statements in the same order.
   */
  @ParameterizedTest
  @EnumSource(Platform.class)
  void largeScriptsAreSplitIntoPartsRunByAMaster(Platform p) throws IOException {
    String whole = script(p, tmp);
    Path split = tmp.resolve("split");
    Files.createDirectories(split);
    List<GeneratedScript> files = write(p, split, settings(true, 1), false);
    String name = p.name().toLowerCase(Locale.ROOT) + ".sql";
    Path master = split.resolve("sync_" + name);
    assertEquals(ScriptDml.dml(whole), ScriptDml.dml(master));
    List<GeneratedScript> parts = files.stream().filter(g -> g.kind().equals("sync") && !g.isMain()).toList();
    assertEquals(6, parts.size());
    assertEquals(List.of(Phase.DELETE, Phase.DELETE, Phase.UPDATE, Phase.UPDATE, Phase.INSERT, Phase.INSERT),
        parts.stream().map(GeneratedScript::phase).toList());
    String preamble = String.join("\n", Dialects.of(p).scriptPreamble());
    for (GeneratedScript g : parts) {
      assertEquals(split.resolve("sync_" + p.name().toLowerCase(Locale.ROOT) + "_parts"), g.path().getParent());
      assertTrue(g.path().getFileName().toString().matches("p00" + g.part() + "_" + g.phase().label() + "\\.sql"));
      String text = Files.readString(g.path());
      assertTrue(text.startsWith(preamble + "\n"), "part repeats the settings: " + g.path());
      assertEquals(1, ScriptDml.dml(g.path()).size());
      assertTrue(text.contains("-- Part:                " + g.part() + " of 6, "), text);
    }
    String m = Files.readString(master);
    assertEquals(6, m.lines().filter(l -> l.startsWith("@@") || l.startsWith("\\ir ") || l.startsWith("RUNSCRIPT")).count(), m);
    assertEquals(6, files.stream().filter(g -> g.kind().equals("sync") && g.isMain()).findFirst().orElseThrow()
        .statements());
    // the undo script is split the same way
    assertEquals(ScriptDml.dml(undo(p, tmp)), ScriptDml.dml(split.resolve("undo_" + name)));
  }

  /**
   * Everything SQL*Plus could act on, line by line, in every Oracle file (scripts, undo scripts,
   * parts, masters): the files are ASCII without '&', no line starts with '#', '@' (but a master's
   * '@@' includes), '!' or '$', no lone '.', a lone '/' only after END;, no blank line inside a
   * statement, no string literal continues onto the next line, every line fits SQL*Plus.
   */
  @Test
  void oracleScriptsGiveSqlPlusNothingToInterpret() throws IOException {
    List<GeneratedScript> files = new ArrayList<>(write(Platform.ORACLE, tmp,
        settings(true, SyncSettings.DEFAULT_MAX_STATEMENTS_PER_FILE), false));
    Path split = tmp.resolve("split");
    Files.createDirectories(split);
    files.addAll(write(Platform.ORACLE, split, settings(true, 2), true));
    files.addAll(write(Platform.ORACLE, tmp.resolve("plain"), settings(false, 1000), false));
    assertTrue(files.size() > 10, files.toString());
    assertSqlPlusHasNothingToInterpret(files);
  }

  /** The checks of {@link #oracleScriptsGiveSqlPlusNothingToInterpret} over the given Oracle files. */
  static void assertSqlPlusHasNothingToInterpret(List<GeneratedScript> files) throws IOException {
    for (GeneratedScript g : files) {
      byte[] bytes = Files.readAllBytes(g.path());
      for (int i = 0; i < bytes.length; i++) {
        assertTrue(bytes[i] == '\n' || bytes[i] >= 0x20 && bytes[i] < 0x7f, g.path() + ": byte " + i + " is " + bytes[i]);
      }
      String[] lines = new String(bytes, StandardCharsets.US_ASCII).split("\n", -1);
      assertEquals("SET DEFINE OFF", lines[0]);
      boolean inStatement = false;
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        String where = g.path().getFileName() + " line " + (i + 1) + ": " + abbreviate(line);
        assertFalse(line.contains("&"), where);
        assertTrue(line.length() <= 2499, where);
        assertEquals(0, line.chars().filter(c -> c == '\'').count() % 2, "literal continues: " + where);
        assertFalse(line.startsWith("#") || line.startsWith("!") || line.startsWith("$") || line.equals("."), where);
        assertFalse(line.startsWith("@") && !(g.isMain() && line.matches("@@[A-Za-z0-9_.-]+/p\\d{3}_[a-z]+\\.sql")), where);
        if (line.equals("/")) {
          assertEquals("END;", lines[i - 1], "a lone '/' only ends a PL/SQL block: " + where);
        }
        if (line.isEmpty()) {
          assertFalse(inStatement, "blank line inside a statement: " + where);
        }
        // a statement (or block) starts at a line not inside one, and ends with ';' (SQL) or '/' (PL/SQL)
        if (!inStatement && !line.isEmpty() && !line.startsWith("--") && !line.startsWith("SET ")
            && !line.startsWith("WHENEVER ") && !line.startsWith("@@") && !line.equals("EXIT")) {
          inStatement = true;
        }
        if (inStatement && (line.equals("/") || !isBlock(lines, i) && line.endsWith(";"))) {
          inStatement = false;
        }
      }
      assertFalse(inStatement, g.path() + " ends inside a statement");
    }
  }

  /** Whether line i is inside a PL/SQL block (which ends with '/', not ';'). */
  private static boolean isBlock(String[] lines, int i) {
    for (int k = i; k >= 0; k--) {
      if (lines[k].equals("/") && k < i || lines[k].endsWith(";") && !lines[k].startsWith(" ") && k < i
          && !lines[k].equals("END;")) {
        return false;
      }
      if (lines[k].equals("BEGIN") || lines[k].equals("DECLARE")) {
        return true;
      }
    }
    return false;
  }

  @Test
  void oracleSetsDefineOffBeforeAnyAmpersand() throws IOException {
    String s = script(Platform.ORACLE, tmp);
    assertTrue(s.startsWith("SET DEFINE OFF\n"), s.substring(0, 40));
    assertTrue(s.contains("\nSET SQLBLANKLINES ON\n"));
    assertTrue(s.contains("\nWHENEVER SQLERROR EXIT FAILURE ROLLBACK\n"));
    assertTrue(s.contains("\nALTER SESSION SET NLS_NUMERIC_CHARACTERS='.,' NLS_COMP=BINARY NLS_SORT=BINARY"
        + " TIME_ZONE='+00:00';\n"));
    // the header's URL keeps its meaning without an ampersand
    assertTrue(s.contains("\n-- Source:              jdbc:postgresql://src:5432/db?ssl=true\\u0026sslmode=require\n"));
  }

  /** SQL*Plus refuses input lines over 2,499 characters (SP2-0027); count bytes, the stricter measure. */
  @Test
  void oracleLinesFitSqlPlus() throws IOException {
    String s = script(Platform.ORACLE, tmp);
    int n = 0;
    for (String line : s.split("\n", -1)) {
      n++;
      assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 2499,
          "line " + n + " has " + line.getBytes(StandardCharsets.UTF_8).length + " bytes");
      assertFalse(line.contains("\r"), "line " + n + " holds a carriage return");
    }
  }

  /**
   * SQL*Plus reads a script line by line and acts on some lines even inside a string literal (a lone
   * '/' runs the buffer, '.' ends it, '#' runs a command, a blank line ends a SQL statement unless
   * SQLBLANKLINES, a line ending in ';' ends it): the Oracle script never continues a literal onto the
   * next line, so every line has an even number of quotes.
   */
  @Test
  void oracleLiteralsNeverSpanLines() throws IOException {
    String s = script(Platform.ORACLE, tmp);
    String[] lines = s.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      long quotes = line.chars().filter(c -> c == '\'').count();
      assertEquals(0, quotes % 2, "line " + (i + 1) + " continues a string literal: " + abbreviate(line));
      if (line.equals("/")) {
        assertEquals("END;", lines[i - 1], "a lone '/' only ends a PL/SQL block (line " + (i + 1) + ")");
      }
      assertFalse(line.startsWith("#") || line.equals("."), "line " + (i + 1));
    }
  }

  /**
   * Blobs over 2,000 bytes cannot be a SQL literal in Oracle, and long CLOBs are better not one: both
   * are built in a PL/SQL block, in temporary LOBs freed after the statement.
   */
  @Test
  void oracleLargeLobsUsePlsqlBlocks() throws IOException {
    String s = script(Platform.ORACLE, tmp);
    List<String> blocks = plsqlBlocks(s);
    assertEquals(2, blocks.size(), "the UPDATE of row 2 and the INSERT of row 3");
    for (String b : blocks) {
      assertTrue(b.startsWith("DECLARE\n  tc_lob1 CLOB;\n  tc_lob2 BLOB;\nBEGIN\n  DBMS_LOB.CREATETEMPORARY(tc_lob1, TRUE);\n"),
          b.substring(0, 80));
      assertTrue(b.contains("\n  DBMS_LOB.CREATETEMPORARY(tc_lob2, TRUE);\n"));
      assertEquals(3, count(b, "DBMS_LOB.WRITEAPPEND(tc_lob2, 1000, HEXTORAW('"), "3,000 bytes in 3 pieces");
      assertTrue(b.endsWith("\n  DBMS_LOB.FREETEMPORARY(tc_lob1);\n  DBMS_LOB.FREETEMPORARY(tc_lob2);\nEND;\n/"),
          b.substring(b.length() - 80));
    }
    assertTrue(blocks.get(0).contains("\n  UPDATE \"HR\".\"Mixed Case\" SET "));
    assertTrue(blocks.get(0).contains("\"BODY\" = tc_lob1,"));
    assertTrue(blocks.get(0).contains("\"PAYLOAD\" = tc_lob2,"));
    assertTrue(blocks.get(1).contains("\n  INSERT INTO \"HR\".\"Mixed Case\" ("));
    for (int k = 0; k < 2; k++) {
      Object[] row = k == 0 ? SyncFixture.S2 : SyncFixture.S3;
      // the hex written equals the blob, piece by piece
      Matcher m = Pattern.compile("WRITEAPPEND\\(tc_lob2, (\\d+), HEXTORAW\\('([0-9a-f]*)'\\)\\)").matcher(blocks.get(k));
      StringBuilder hex = new StringBuilder();
      while (m.find()) {
        assertEquals(Integer.parseInt(m.group(1)) * 2, m.group(2).length());
        hex.append(m.group(2));
      }
      assertEquals(Canonical.text(ValueKind.BYTES, row[7]), hex.toString());
      // the text appended equals the CLOB
      StringBuilder text = new StringBuilder();
      Matcher a = Pattern.compile("(?m)^  DBMS_LOB\\.APPEND\\(tc_lob1, TO_CLOB\\((.*)\\)\\);$").matcher(blocks.get(k));
      while (a.find()) {
        text.append(OracleText.eval(a.group(1)));
      }
      assertEquals(row[5], text.toString());
    }
  }

  @Test
  void postgresScriptSettings() throws IOException {
    String s = script(Platform.POSTGRESQL, tmp);
    assertTrue(s.startsWith("\\set ON_ERROR_STOP on\nSET client_encoding = 'UTF8';\n"
        + "SET standard_conforming_strings = on;\nSET TIME ZONE 'UTC';\nBEGIN;\n"));
    assertNotEquals(-1, s.indexOf("COMMIT;\nBEGIN;\n"), "batch commit opens the next transaction");
  }

  static List<String> plsqlBlocks(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while ((i = s.indexOf("DECLARE\n", i)) >= 0) {
      int end = s.indexOf("\nEND;\n/", i);
      out.add(s.substring(i, end + "\nEND;\n/".length()));
      i = end;
    }
    return out;
  }

  static int count(String s, String sub) {
    int n = 0;
    for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
      n++;
    }
    return n;
  }

  static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + "...";
  }
}
