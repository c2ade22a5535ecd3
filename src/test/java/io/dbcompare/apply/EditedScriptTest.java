package io.dbcompare.apply;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.config.Platform;
import io.dbcompare.config.SyncSettings;
import io.dbcompare.dialect.Dialects;
import io.dbcompare.sync.StatementFile;
import io.dbcompare.sync.StatementText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * --allow-edited on the golden-shaped scripts of every dialect (Oracle PL/SQL blocks, DO blocks, H2
 * guard queries, literals spanning lines): comments and blank lines may change; a line inside a
 * statement may not, even one that looks like a comment or a SQL*Plus command.
 */
class EditedScriptTest {
  @TempDir Path tmp;

  private StatementFile.Contents write(Platform p) throws Exception {
    io.dbcompare.sync.SyncScriptWriterAccess.writeFixture(p, tmp, new SyncSettings(1, true, 100_000, false, false));
    return StatementFile.load(script(p));
  }

  private Path script(Platform p) {
    return tmp.resolve("sync_" + p.name().toLowerCase(Locale.ROOT) + ".sql");
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void commentsMayChangeStatementsMayNot(Platform p) throws Exception {
    StatementFile.Contents c = write(p);
    StatementText text = new StatementText(Dialects.of(p));
    String original = Files.readString(script(p), StandardCharsets.UTF_8);
    assertNull(EditedScript.problem(original, c, text));
    String commented = "-- reviewed 2024-05-01\n\n" + original.replace("\nCOMMIT;\n", "\n-- ok\nCOMMIT;\n\n")
        + "\n-- end of review\n";
    assertNull(EditedScript.problem(commented, c, text));
    String noHeader = original.replaceAll("(?m)^-- ([A-Z][a-z ]+:|  ).*\n", "");
    assertTrue(noHeader.length() < original.length() - 500);
    assertNull(EditedScript.problem(noHeader, c, text), "the header comments removed");

    // the literal's line "-- not a comment" is part of a statement (PostgreSQL and H2 keep it in the literal)
    if (original.contains("\n-- not a comment\n")) {
      String problem = EditedScript.problem(original.replace("\n-- not a comment\n", "\n-- not a comment, edited\n"),
          c, text);
      assertTrue(problem != null && problem.contains("not a comment, edited"), String.valueOf(problem));
    }
    String rollback = original.replaceFirst("\nCOMMIT;\n", "\nROLLBACK;\n");
    assertTrue(EditedScript.problem(rollback, c, text).contains("ROLLBACK;"));
    String firstSetting = original.substring(0, original.indexOf('\n') + 1);
    String dropped = original.substring(firstSetting.length());
    assertTrue(EditedScript.problem(dropped, c, text) != null, "a setting or client command removed: " + firstSetting);
  }
}
