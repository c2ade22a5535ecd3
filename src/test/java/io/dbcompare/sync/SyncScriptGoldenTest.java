package io.dbcompare.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.Canonical;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
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
  static final int BATCH = 3;

  @TempDir Path tmp;

  static String script(Platform p, Path dir) throws IOException {
    Path f = dir.resolve("sync_" + p.name().toLowerCase(Locale.ROOT) + ".sql");
    new SyncScriptWriter(Dialects.of(p), BATCH).write(f, SyncFixture.table(p), SyncFixture.results(), HEADER);
    assertFalse(Files.exists(dir.resolve(f.getFileName() + ".part")), "temporary file left behind");
    return Files.readString(f, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void matchesGolden(Platform p) throws IOException {
    String s = script(p, tmp);
    Golden.check("sync_" + p.name().toLowerCase(Locale.ROOT) + ".sql", s);
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void statementCountsAndOrder(Platform p) throws IOException {
    List<String> stmts = SqlStatements.split(script(p, tmp));
    List<String> dml = stmts.stream()
        .map(SyncScriptGoldenTest::dmlOf)
        .filter(s -> s != null)
        .toList();
    // DELETEs first, then UPDATEs, then INSERTs; the canonically equal row 5 has no statement.
    assertEquals(List.of("DELETE 1", "DELETE 6", "UPDATE 2", "UPDATE 7", "INSERT 3", "INSERT 4"), dml);
    String text = String.join("\n", stmts);
    assertFalse(text.contains("'same'"), "row 5 differs only canonically and must not be written");
  }

  /** "DELETE 1" for a DML statement of key ID 1, null for anything else. */
  private static String dmlOf(String stmt) {
    Matcher m = Pattern.compile("(?s).*?\\b(DELETE|UPDATE|INSERT)\\b.*").matcher(stmt);
    if (!m.matches() || stmt.startsWith("SET")) {
      return null;
    }
    String verb = m.group(1);
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
    assertTrue(lines.contains("-- Statements: 2 DELETE, 3 UPDATE, 2 INSERT (only compared columns are written)"));
    assertTrue(lines.contains("-- Review before running against HR.Mixed Case."));
    // 6 statements in batches of 3: one batch commit after the third and sixth, then the epilogue.
    long commits = lines.stream().filter(l -> l.equals("COMMIT;")).count();
    assertEquals(3, commits);
    assertTrue(s.endsWith("\nCOMMIT;\n"));
  }

  @Test
  void oracleSetsDefineOffBeforeAnyAmpersand() throws IOException {
    String s = script(Platform.ORACLE, tmp);
    assertTrue(s.startsWith("SET DEFINE OFF\n"), s.substring(0, 40));
    assertTrue(s.contains("\nSET SQLBLANKLINES ON\n"));
    assertTrue(s.contains("\nWHENEVER SQLERROR EXIT SQL.SQLCODE ROLLBACK\n"));
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
      assertTrue(b.startsWith("DECLARE\n  v1 CLOB;\n  v2 BLOB;\nBEGIN\n  DBMS_LOB.CREATETEMPORARY(v1, TRUE);\n"),
          b.substring(0, 80));
      assertTrue(b.contains("\n  DBMS_LOB.CREATETEMPORARY(v2, TRUE);\n"));
      assertEquals(3, count(b, "DBMS_LOB.WRITEAPPEND(v2, 1000, HEXTORAW('"), "3,000 bytes in 3 pieces");
      assertTrue(b.endsWith("\n  DBMS_LOB.FREETEMPORARY(v1);\n  DBMS_LOB.FREETEMPORARY(v2);\nEND;\n/"),
          b.substring(b.length() - 80));
    }
    assertTrue(blocks.get(0).contains("\n  UPDATE \"HR\".\"Mixed Case\" SET "));
    assertTrue(blocks.get(0).contains("\"BODY\" = v1,"));
    assertTrue(blocks.get(0).contains("\"PAYLOAD\" = v2,"));
    assertTrue(blocks.get(1).contains("\n  INSERT INTO \"HR\".\"Mixed Case\" ("));
    for (int k = 0; k < 2; k++) {
      Object[] row = k == 0 ? SyncFixture.S2 : SyncFixture.S3;
      // the hex written equals the blob, piece by piece
      Matcher m = Pattern.compile("WRITEAPPEND\\(v2, (\\d+), HEXTORAW\\('([0-9a-f]*)'\\)\\)").matcher(blocks.get(k));
      StringBuilder hex = new StringBuilder();
      while (m.find()) {
        assertEquals(Integer.parseInt(m.group(1)) * 2, m.group(2).length());
        hex.append(m.group(2));
      }
      assertEquals(Canonical.text(ValueKind.BYTES, row[7]), hex.toString());
      // the text appended equals the CLOB
      StringBuilder text = new StringBuilder();
      Matcher a = Pattern.compile("(?m)^  DBMS_LOB\\.APPEND\\(v1, TO_CLOB\\((.*)\\)\\);$").matcher(blocks.get(k));
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
