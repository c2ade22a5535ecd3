package io.dbcompare.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.config.Platform;
import io.dbcompare.config.SyncSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The script parser of --apply, over the golden scripts and scripts written as parts with a master. */
class ScriptParserTest {
  @TempDir Path tmp;

  private static ScriptParser.Parsed golden(String kind, Platform p) throws Exception {
    Path f = Golden.dir().resolve(kind + "_" + p.name().toLowerCase(Locale.ROOT) + ".sql");
    return ScriptParser.parse(Files.readString(f, StandardCharsets.UTF_8), f, p);
  }

  private static List<ScriptParser.Statement> all(ScriptParser.Parsed parsed) {
    List<ScriptParser.Statement> out = new ArrayList<>();
    parsed.batches().forEach(b -> out.addAll(b.statements()));
    return out;
  }

  /**
   * The golden scripts (batch size 1; 2 DELETE, 2 UPDATE, 2 INSERT): six statements, in the batches
   * their COMMIT lines make, each the DML an independent reader of the script finds, in order.
   */
  @ParameterizedTest
  @EnumSource(Platform.class)
  void goldenSyncAndUndoScriptsYieldExactlyTheirStatementsAndBatches(Platform p) throws Exception {
    for (String kind : List.of("sync", "undo")) {
      ScriptParser.Parsed parsed = golden(kind, p);
      Path f = Golden.dir().resolve(kind + "_" + p.name().toLowerCase(Locale.ROOT) + ".sql");
      assertEquals(List.of(), parsed.includes());
      assertEquals(6, parsed.statements(), kind + " " + p);
      // a COMMIT after every statement of a phase: D | D U | U I | I (undo: the same shape)
      assertEquals(List.of(1, 2, 2, 1), parsed.batches().stream().map(b -> b.statements().size()).toList(),
          kind + " " + p);
      List<String> dml = all(parsed).stream().map(ScriptParser.Statement::dml).map(s -> s.replaceAll(";\\s*$", ""))
          .toList();
      List<String> expected = ScriptDml.dml(f).stream().map(s -> s.replaceAll(";\\s*$", "")).toList();
      assertEquals(expected.size(), dml.size());
      for (int i = 0; i < dml.size(); i++) {
        assertTrue(dml.get(i).startsWith(expected.get(i).strip()), kind + " " + p + " statement " + i + ":\n"
            + dml.get(i) + "\n---\n" + expected.get(i));
      }
      for (ScriptParser.Statement s : all(parsed)) {
        String last = s.sql().get(s.sql().size() - 1);
        assertFalse(last.endsWith(";") && s.kind() == ScriptParser.Kind.DML, "no client terminator: " + last);
        String verb = s.dml().substring(0, 6);
        switch (p) {
          case ORACLE -> {
            if (!verb.equals("INSERT")) {
              assertEquals(ScriptParser.Kind.BLOCK, s.kind());
            }
            if (s.kind() == ScriptParser.Kind.BLOCK) {
              assertTrue(last.endsWith("END;"), last);
              assertFalse(last.contains("\n/\n"), last);
            }
          }
          case POSTGRESQL -> {
            assertEquals(verb.equals("INSERT") ? ScriptParser.Kind.DML : ScriptParser.Kind.BLOCK, s.kind(), last);
            if (s.kind() == ScriptParser.Kind.BLOCK) {
              assertTrue(last.startsWith("DO $sync$\n") && last.endsWith("\n$sync$"), last);
            }
          }
          case H2 -> {
            assertEquals(ScriptParser.Kind.DML, s.kind());
            assertEquals(!verb.equals("INSERT"), s.hasGuardQuery(), last);
            if (s.hasGuardQuery()) {
              assertTrue(s.sql().get(0).startsWith("SELECT CASE WHEN COUNT(*) = 1") && s.sql().get(0).contains(
                  "\"SYNC_GUARD\""), s.sql().get(0));
            }
          }
          default -> throw new AssertionError(p);
        }
      }
      switch (p) {
        case ORACLE -> assertEquals(List.of("ALTER SESSION SET NLS_NUMERIC_CHARACTERS='.,' NLS_COMP=BINARY"
            + " NLS_SORT=BINARY TIME_ZONE='+00:00'"), parsed.settings());
        case POSTGRESQL -> assertEquals(List.of("SET client_encoding = 'UTF8'", "SET standard_conforming_strings = on",
            "SET TIME ZONE 'UTC'"), parsed.settings());
        case H2 -> assertEquals(List.of(), parsed.settings(), "SET AUTOCOMMIT is a client setting");
        default -> throw new AssertionError(p);
      }
    }
  }

  /** Text that looks like a comment, a terminator or a SQL*Plus command inside a literal stays in it. */
  @Test
  void literalsSpanningLinesKeepCommentsSemicolonsAndSlashes() throws Exception {
    for (Platform p : List.of(Platform.POSTGRESQL, Platform.H2)) {
      String update = all(golden("sync", p)).get(2).dml();
      assertTrue(update.contains("\n-- not a comment\nends with a semicolon;\n"), update);
      assertTrue(update.contains("\n/\n.\n"), update);
    }
  }

  /** Parts with a master (the shape of every script in a session of several tables): includes resolved. */
  @ParameterizedTest
  @EnumSource(Platform.class)
  void aMasterIncludesItsPartsInOrder(Platform p) throws Exception {
    List<GeneratedScript> files = SyncScriptGoldenTest.write(p, tmp, new SyncSettings(2, true, 3, true, false), true);
    GeneratedScript master = files.stream().filter(g -> g.kind().equals("sync") && g.isMain()).findFirst().orElseThrow();
    ScriptParser.Parsed m = ScriptParser.parse(Files.readString(master.path()), master.path(), p);
    List<Path> parts = files.stream().filter(g -> g.kind().equals("sync") && !g.isMain())
        .map(g -> g.path().toAbsolutePath().normalize()).toList();
    assertEquals(parts, m.includes());
    assertEquals(List.of(), m.batches());
    long total = 0;
    for (GeneratedScript g : files) {
      if (g.kind().equals("sync") && !g.isMain()) {
        ScriptParser.Parsed part = ScriptParser.parse(Files.readString(g.path()), g.path(), p);
        assertEquals(g.statements(), part.statements(), g.path().toString());
        assertTrue(part.batches().stream().allMatch(b -> b.statements().size() <= 2), "batch_size 2");
        total += part.statements();
      }
    }
    assertEquals(master.statements(), total);
  }

  @Test
  void whatTheToolDoesNotWriteIsRefused() {
    Path f = tmp.resolve("x.sql");
    String[][] cases = {
        {"POSTGRESQL", "BEGIN;\nINSERT INTO \"a\".\"b\" VALUES (1);\nROLLBACK;\n", "unexpected statement"},
        {"POSTGRESQL", "BEGIN;\nINSERT INTO \"a\".\"b\" VALUES (1);\n", "after the last COMMIT"},
        {"H2", "DROP TABLE \"A\".\"B\";\nCOMMIT;\n", "unexpected statement"},
        {"H2", "INSERT INTO \"A\".\"B\" VALUES ('open\nCOMMIT;\n", "ends inside a statement"},
        {"ORACLE", "BEGIN\n  NULL;\nEND;\nCOMMIT;\n", "ends inside a statement"},
        {"ORACLE", "@/etc/other.sql\n", "relative to the client"},
        {"POSTGRESQL", "INSERT INTO \"a\".\"b\" VALUES (1); COMMIT;\n", "two statements on one line"},
    };
    for (String[] c : cases) {
      ScriptParser.FormatException e = assertThrows(ScriptParser.FormatException.class,
          () -> ScriptParser.parse(c[1], f, Platform.valueOf(c[0])), c[1]);
      assertTrue(e.getMessage().contains(c[2]) && e.getMessage().startsWith(f + ":"), e.getMessage());
    }
  }

  @Test
  void clientCommandsAreSkipped() {
    ScriptParser.Parsed o = ScriptParser.parse("SET DEFINE OFF\nPROMPT hello\nWHENEVER SQLERROR EXIT SQL.SQLCODE"
        + " ROLLBACK\nINSERT INTO \"A\".\"B\" VALUES (1);\nCOMMIT;\nEXIT\n", tmp.resolve("o.sql"), Platform.ORACLE);
    assertEquals(1, o.statements());
    ScriptParser.Parsed pg = ScriptParser.parse("\\set ON_ERROR_STOP on\nBEGIN;\nDELETE FROM \"a\".\"b\" WHERE \"id\" = 1;"
        + "\nCOMMIT;\nBEGIN;\nCOMMIT;\n", tmp.resolve("p.sql"), Platform.POSTGRESQL);
    assertEquals(1, pg.batches().size(), "an empty transaction is no batch");
    ScriptParser.Parsed h2 = ScriptParser.parse("SET AUTOCOMMIT OFF;\nRUNSCRIPT FROM '/x/p001_delete.sql' CHARSET 'UTF-8';\n",
        tmp.resolve("h.sql"), Platform.H2);
    assertEquals(List.of(Path.of("/x/p001_delete.sql")), h2.includes());
  }
}
