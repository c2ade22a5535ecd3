package io.dbcompare.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.TableRef;
import io.dbcompare.config.Platform;
import io.dbcompare.config.SyncSettings;
import io.dbcompare.dialect.Dialects;
import io.dbcompare.sync.SessionScriptWriter.TableScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed SQL*Plus script must never exit 0. {@code EXIT SQL.SQLCODE} passes the ORA- number to the
 * shell, whose exit status keeps one byte: ORA-01536 (6 x 256) would exit 0 and a failed sync would look
 * successful. Every Oracle file the tool writes (sync and undo scripts, DML and MERGE style, masters,
 * parts, session masters) therefore starts with {@code WHENEVER SQLERROR EXIT FAILURE ROLLBACK} and
 * {@code WHENEVER OSERROR EXIT FAILURE ROLLBACK}, and no file mentions {@code SQL.SQLCODE}.
 */
class OracleScriptExitStatusTest {
  @TempDir Path tmp;

  @Test
  void everyOracleScriptExitsWithFailureOnAnError() throws IOException {
    List<Path> files = new ArrayList<>();
    Path plain = tmp.resolve("plain");
    Path split = tmp.resolve("split");
    Path merge = tmp.resolve("merge");
    Path mergeSplit = tmp.resolve("merge_split");
    for (Path d : List.of(plain, split, merge, mergeSplit)) {
      Files.createDirectories(d);
    }
    SyncScriptGoldenTest.write(Platform.ORACLE, plain, SyncScriptGoldenTest.settings(true, 1000), false);
    SyncScriptGoldenTest.write(Platform.ORACLE, split, SyncScriptGoldenTest.settings(true, 2), true);
    SyncScriptGoldenTest.write(Platform.ORACLE, merge, MergeScriptGoldenTest.merge(true, 1000), false);
    SyncScriptGoldenTest.write(Platform.ORACLE, mergeSplit, MergeScriptGoldenTest.merge(false, 1), true);
    // a session master over the split table's parts
    List<GeneratedScript> parts = new ArrayList<>();
    try (Stream<Path> s = Files.walk(split)) {
      int n = 0;
      for (Path p : s.filter(f -> f.getParent().getFileName().toString().startsWith("sync_")
          && f.toString().endsWith(".sql")).sorted().toList()) {
        parts.add(new GeneratedScript("sync", Phase.DELETE, ++n, p, "0", 1));
      }
    }
    assertFalse(parts.isEmpty(), "the split run wrote parts");
    new SessionScriptWriter(Dialects.of(Platform.ORACLE)).write(split.resolve("sync_session.sql"), null,
        List.of(new TableScripts("APP.T", new TableRef("APP", "T"), parts)), List.of(), List.of("Session: s"));

    try (Stream<Path> s = Files.walk(tmp)) {
      files.addAll(s.filter(f -> f.toString().endsWith(".sql")).sorted().toList());
    }
    assertTrue(files.size() > 15, files.toString());
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      assertFalse(text.contains("SQL.SQLCODE"), f + " exits with the ORA- number");
      List<String> lines = text.lines().toList();
      assertEquals("SET DEFINE OFF", lines.get(0), f.toString());
      assertTrue(lines.subList(0, 6).contains("WHENEVER SQLERROR EXIT FAILURE ROLLBACK"), f + ": " + lines.subList(0, 6));
      assertTrue(lines.subList(0, 6).contains("WHENEVER OSERROR EXIT FAILURE ROLLBACK"), f + ": " + lines.subList(0, 6));
      assertEquals(1, lines.stream().filter(l -> l.startsWith("WHENEVER SQLERROR")).count(), f.toString());
    }
  }
}
