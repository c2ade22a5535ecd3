package io.dbcompare.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.config.Platform;
import io.dbcompare.config.SyncSettings;
import io.dbcompare.dialect.Dialects;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The statement values written beside each script file: they load back equal to the statements the
 * writer built, render to the file byte for byte (the golden scripts included), group into the
 * batches the COMMIT lines make, and a damaged, truncated, foreign or missing file is refused by name.
 */
class StatementFileTest {
  @TempDir Path tmp;

  private static Path golden(String kind, Platform p) {
    return Golden.dir().resolve(kind + "_" + p.name().toLowerCase(Locale.ROOT) + ".sql");
  }

  private static List<StatementFile.Located> all(List<StatementFile.Batch> batches) {
    List<StatementFile.Located> out = new ArrayList<>();
    batches.forEach(b -> out.addAll(b.statements()));
    return out;
  }

  /**
   * The golden scripts (batch size 1; 2 DELETE, 2 UPDATE, 2 INSERT): written again, their statement
   * files render to the golden text, hold the six statements the writer built in the batches the
   * COMMIT lines make (D | D U | U I | I), each at the line where the script has it, each holding the
   * DML an independent reader of the script finds.
   */
  @ParameterizedTest
  @EnumSource(Platform.class)
  void statementFilesRenderToTheGoldenScripts(Platform p) throws Exception {
    SyncScriptGoldenTest.write(p, tmp, SyncScriptGoldenTest.settings(true, SyncSettings.DEFAULT_MAX_STATEMENTS_PER_FILE),
        false);
    StatementText text = new StatementText(Dialects.of(p));
    TableSpec t = SyncFixture.table(p);
    RowStatements rows = new RowStatements(t, true, false);
    for (String kind : List.of("sync", "undo")) {
      Path written = tmp.resolve(kind + "_" + p.name().toLowerCase(Locale.ROOT) + ".sql");
      StatementFile.Contents c = StatementFile.load(written);
      assertEquals(p, c.platform());
      String script = Files.readString(golden(kind, p), StandardCharsets.UTF_8);
      assertEquals(script, c.render(text), kind + " " + p);
      List<StatementFile.Batch> batches = c.batches(text);
      assertEquals(List.of(1, 2, 2, 1), batches.stream().map(b -> b.statements().size()).toList(), kind + " " + p);
      assertEquals(6, c.statements());

      List<RowStatement> expected = new ArrayList<>();
      for (Phase phase : Phase.values()) {
        for (RowDiff d : SyncScriptGoldenTest.fixtureDiffs()) {
          Phase of = kind.equals("sync") ? Phase.ofSync(d.kind()) : Phase.ofUndo(d.kind());
          if (of == phase && RowStatements.needsStatement(t, d)) {
            expected.add(kind.equals("sync") ? rows.sync(d) : rows.undo(d));
          }
        }
      }
      List<StatementFile.Located> located = all(batches);
      assertEquals(expected, located.stream().map(StatementFile.Located::statement).toList());

      String[] lines = script.split("\n", -1);
      List<String> dml = ScriptDml.dml(golden(kind, p));
      for (int i = 0; i < located.size(); i++) {
        String rendered = text.render(located.get(i).statement());
        assertEquals(rendered.split("\n", -1)[0], lines[located.get(i).line() - 1], "line of statement " + i);
        assertTrue(rendered.contains(dml.get(i).strip().replaceAll(";$", "")), kind + " " + p + " statement " + i
            + ":\n" + rendered + "\n---\n" + dml.get(i));
      }
    }
  }

  /**
   * MERGE scripts of every dialect, guarded or not: six statements (2 DELETE, 4 MERGE) in the batches
   * the COMMIT lines make, rendering to the script (PL/SQL and DO blocks, H2 check queries included).
   */
  @ParameterizedTest
  @EnumSource(Platform.class)
  void mergeScriptsHaveTheirStatementValues(Platform p) throws Exception {
    StatementText text = new StatementText(Dialects.of(p));
    for (boolean guarded : List.of(true, false)) {
      Path d = tmp.resolve(guarded + "");
      Files.createDirectories(d);
      SyncScriptGoldenTest.write(p, d, MergeScriptGoldenTest.merge(guarded, SyncSettings.DEFAULT_MAX_STATEMENTS_PER_FILE),
          false);
      Path f = d.resolve("sync_" + p.name().toLowerCase(Locale.ROOT) + ".sql");
      StatementFile.Contents c = StatementFile.load(f);
      assertEquals(Files.readString(f, StandardCharsets.UTF_8), c.render(text), p + " guarded " + guarded);
      List<StatementFile.Batch> batches = c.batches(text);
      assertEquals(List.of(1, 2, 2, 1), batches.stream().map(b -> b.statements().size()).toList());
      List<RowStatement.Kind> kinds = all(batches).stream().map(l -> l.statement().kind()).toList();
      assertEquals(List.of(RowStatement.Kind.DELETE, RowStatement.Kind.DELETE, RowStatement.Kind.MERGE_UPDATE,
          RowStatement.Kind.MERGE_UPDATE, RowStatement.Kind.MERGE_INSERT, RowStatement.Kind.MERGE_INSERT), kinds);
      assertTrue(all(batches).stream().allMatch(l -> l.statement().guarded() == guarded));
    }
  }

  /** Written as parts with a master: each part has its statement file; the master (no statements) has none. */
  @ParameterizedTest
  @EnumSource(Platform.class)
  void partsHaveStatementFilesAndMastersNone(Platform p) throws Exception {
    List<GeneratedScript> files = SyncScriptGoldenTest.write(p, tmp, new SyncSettings(2, true, 3, true, false), true);
    StatementText text = new StatementText(Dialects.of(p));
    long total = 0;
    for (GeneratedScript g : files) {
      if (g.isMain()) {
        assertFalse(Files.exists(StatementFile.of(g.path())), g.path().toString());
        continue;
      }
      StatementFile.Contents c = StatementFile.load(g.path());
      assertEquals(Files.readString(g.path(), StandardCharsets.UTF_8), c.render(text), g.path().toString());
      assertEquals(g.statements(), c.statements());
      assertTrue(c.batches(text).stream().allMatch(b -> b.statements().size() <= 2), "batch_size 2");
      total += g.kind().equals("sync") ? c.statements() : 0;
    }
    assertEquals(files.stream().filter(g -> g.kind().equals("sync") && g.isMain()).findFirst().orElseThrow()
        .statements(), total);
  }

  @Test
  void damagedTruncatedForeignAndMissingFilesAreRefusedByName() throws Exception {
    SyncScriptGoldenTest.write(Platform.H2, tmp, SyncScriptGoldenTest.settings(true, 1000), false);
    Path script = tmp.resolve("sync_h2.sql");
    Path file = StatementFile.of(script);
    assertEquals("sync_h2.sql.kryo", file.getFileName().toString());
    byte[] good = Files.readAllBytes(file);

    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 0x10;
    assertRefused(script, flipped, "fails its checksum");
    assertRefused(script, Arrays.copyOf(good, good.length - 20), "truncated");
    byte[] version = good.clone();
    ByteBuffer.wrap(version).putInt(4, 99);
    assertRefused(script, version, "format version 99");
    byte[] foreign = good.clone();
    foreign[0] = 'X';
    assertRefused(script, foreign, "not a statement file");
    assertRefused(script, new byte[0], "not a statement file");
    Files.delete(file);
    StatementFile.Unreadable e = assertThrows(StatementFile.Unreadable.class, () -> StatementFile.load(script));
    assertTrue(e.getMessage().contains(file + " is missing"), e.getMessage());
  }

  private static void assertRefused(Path script, byte[] bytes, String what) throws Exception {
    Files.write(StatementFile.of(script), bytes);
    StatementFile.Unreadable e = assertThrows(StatementFile.Unreadable.class, () -> StatementFile.load(script));
    assertTrue(e.getMessage().startsWith(StatementFile.of(script).toString()) && e.getMessage().contains(what),
        e.getMessage());
  }
}
