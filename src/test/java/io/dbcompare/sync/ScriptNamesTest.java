package io.dbcompare.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The output file names the README documents (crash-recovery and apply suites find files by them). */
class ScriptNamesTest {
  private static final Path OUT = Path.of("out");
  private static final String ID = OutputFixture.SESSION;

  @Test
  void tableAndSessionFilesCarryKeyStampAndSessionPrefix() {
    assertEquals(OutputFixture.STAMP, ScriptNames.stamp(OutputFixture.CLOCK));
    String stamp = "20260115_100000";
    assertEquals(OUT.resolve("sync_target_APP_T_20260115_100000_0123abcd.sql"),
        ScriptNames.tableSync(OUT, "APP_T", stamp, ID));
    assertEquals(OUT.resolve("undo_target_APP_T_20260115_100000_0123abcd.sql"),
        ScriptNames.tableUndo(OUT, "APP_T", stamp, ID));
    assertEquals(OUT.resolve("comparison_summary_APP_T_20260115_100000_0123abcd.txt"),
        ScriptNames.summary(OUT, "APP_T", stamp, ID));
    assertEquals(OUT.resolve("sync_session_20260115_100000_0123abcd.sql"), ScriptNames.sessionSync(OUT, stamp, ID));
    assertEquals(OUT.resolve("undo_session_20260115_100000_0123abcd.sql"), ScriptNames.sessionUndo(OUT, stamp, ID));
  }

  @Test
  void partsStatementFilesAndSegments() {
    Path script = OUT.resolve("sync_target_Case-20T_20260115_100000_0123abcd.sql");
    assertEquals("sync_target_Case-20T_20260115_100000_0123abcd_parts", ScriptNames.partsFolder(script));
    assertEquals("a_b_c_parts", ScriptNames.partsFolder(Path.of("a b$c.sql")));
    Path parts = OUT.resolve("x_parts");
    assertEquals(parts.resolve("p002_update.sql"), ScriptNames.part(parts, 2, Phase.UPDATE));
    assertEquals(parts.resolve("p1000_insert.sql"), ScriptNames.part(parts, 1000, Phase.INSERT));
    assertTrue(ScriptNames.isPart("p001_delete.sql") && ScriptNames.isPart("p1000_insert.sql"));
    assertFalse(ScriptNames.isPart("p01_delete.sql") || ScriptNames.isPart("p001_delete.sql.kryo")
        || ScriptNames.isPart("notes.sql"));
    assertEquals(OUT.resolve("s.sql.kryo"), ScriptNames.statementFile(OUT.resolve("s.sql")));
    assertEquals(StatementFile.of(OUT.resolve("s.sql")), ScriptNames.statementFile(OUT.resolve("s.sql")));
    assertEquals(OUT.resolve(".s.sql.delete.0.tmp"), ScriptNames.segment(OUT.resolve("s.sql"), Phase.DELETE, 0));
    assertEquals(OUT.resolve(".s.sql.insert.2.kryo.tmp"),
        ScriptNames.segmentValues(OUT.resolve("s.sql"), Phase.INSERT, 2));
  }

  /** What stale-output removal matches: this table's and this session's files only, any stamp. */
  @Test
  void patternsMatchOneTableOfOneSession() {
    var table = ScriptNames.tableOutputs("APP_T", ID);
    assertTrue(table.matcher("sync_target_APP_T_20260101_000000_0123abcd.sql").matches());
    assertTrue(table.matcher("undo_target_APP_T_20260101_000000_0123abcd_parts").matches());
    assertTrue(table.matcher("comparison_summary_APP_T_20260101_000000_0123abcd.txt").matches());
    assertTrue(table.matcher(".sync_target_APP_T_20260101_000000_0123abcd.sql.update.0.tmp").matches());
    assertFalse(table.matcher("sync_target_APP_T2_20260101_000000_0123abcd.sql").matches(), "another table");
    assertFalse(table.matcher("sync_target_APP_T_20260101_000000_0123abcf.sql").matches(), "another session");
    var session = ScriptNames.sessionScripts(ID);
    assertTrue(session.matcher("sync_session_20260101_000000_0123abcd.sql").matches());
    assertTrue(session.matcher("undo_session_20260101_000000_0123abcd.sql.tmp").matches());
    assertFalse(session.matcher("sync_session_20260101_000000_99999999.sql").matches());
    assertFalse(session.matcher("sync_target_APP_T_20260101_000000_0123abcd.sql").matches());
  }
}
