package io.dbcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.ScriptRecord;
import io.dbcompare.compare.TableOutputs;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.sync.OutputFixture;
import io.dbcompare.sync.StatementFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finishing a table from in-memory results: its scripts, its summary, one set of outputs per table. */
class ResultWriterTest {
  @TempDir Path out;
  private static final TableSpec T = OutputFixture.spec("T");
  private static final TableSpec U = OutputFixture.spec("U");

  private List<String> files() throws Exception {
    try (Stream<Path> s = Files.list(out)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static RunSnapshot session(TableSpec... tables) {
    return OutputFixture.run(Stream.of(tables).map(OutputFixture::pending).toList());
  }

  @Test
  void aTableWithDifferencesGetsScriptsAndASummarySharingOneHeaderAndStamp() throws Exception {
    List<TableRef> asked = new ArrayList<>();
    ResultWriter w = new ResultWriter(out, session(T), OutputFixture.writer(true), OutputFixture.CLOCK, ref -> {
      asked.add(ref);
      return List.of();
    });
    ChunkResult r = OutputFixture.differences(T);
    TableOutputs o = w.finish(T, List.of(r), OutputFixture.completed(T, r, null));

    String name = "APP_T_20260115_100000_0123abcd";
    assertEquals(out.resolve("sync_target_" + name + ".sql").toString(), o.syncScript());
    assertEquals(out.resolve("undo_target_" + name + ".sql").toString(), o.undoScript());
    assertEquals(out.resolve("comparison_summary_" + name + ".txt").toString(), o.summaryFile());
    assertEquals("APP", o.catalogTargetSchema());
    assertEquals("T", o.catalogTargetTable());
    assertEquals(List.of(o.syncScript(), o.undoScript()), o.scripts().stream().map(ScriptRecord::path).toList());
    assertEquals(List.of(T.target()), asked, "the target's self-references are read once");
    assertEquals(List.of("comparison_summary_" + name + ".txt", "sync_target_" + name + ".sql",
        "sync_target_" + name + ".sql.kryo", "undo_target_" + name + ".sql", "undo_target_" + name + ".sql.kryo"),
        files());

    String summary = Files.readString(Path.of(o.summaryFile()));
    String script = Files.readString(Path.of(o.syncScript()));
    for (String line : List.of("Session:             " + OutputFixture.SESSION,
        "Table:               APP.T (source) -> APP.T (target)", "Source:              src @ jdbc:h2:mem:s",
        "Target:              tgt @ jdbc:h2:mem:t", "Generated:           2026-01-15T10:00:00Z")) {
      assertTrue(summary.contains("\n" + line + "\n"), line + "\n" + summary);
      assertTrue(script.contains(line), line + "\n" + script);
    }
    assertTrue(summary.contains("Sync script:         " + o.syncScript() + "\n"), summary);
    assertTrue(Files.exists(StatementFile.of(Path.of(o.syncScript()))));
  }

  @Test
  void anIdenticalTableGetsOnlyItsSummary() throws Exception {
    ResultWriter w = new ResultWriter(out, session(T), OutputFixture.writer(true), OutputFixture.CLOCK, ref -> {
      throw new AssertionError("no catalog read for an identical table");
    });
    ChunkResult r = OutputFixture.identical(T);
    TableOutputs o = w.finish(T, List.of(r), OutputFixture.completed(T, r, null));
    assertNull(o.syncScript());
    assertNull(o.undoScript());
    assertEquals(List.of(), o.scripts());
    assertEquals(List.of("comparison_summary_APP_T_20260115_100000_0123abcd.txt"), files());
    assertTrue(Files.readString(Path.of(o.summaryFile())).contains("Sync script:         none (no differences)"));
  }

  /** In a session of several tables the scripts come as phase parts, for the session's master. */
  @Test
  void severalTablesGetPhaseParts() throws Exception {
    ResultWriter w = new ResultWriter(out, session(T, U), OutputFixture.writer(false), OutputFixture.CLOCK);
    ChunkResult r = OutputFixture.differences(T);
    TableOutputs o = w.finish(T, List.of(r), OutputFixture.completed(T, r, null));
    assertEquals(List.of("null", "delete", "update", "insert"),
        o.scripts().stream().map(s -> String.valueOf(s.phase())).toList());
    assertTrue(files().contains("sync_target_APP_T_20260115_100000_0123abcd_parts"), files().toString());
  }

  /** A finish interrupted before the table was recorded left outputs under an earlier stamp: they go. */
  @Test
  void aRepeatedFinishLeavesOneSetOfOutputs() throws Exception {
    String earlier = "APP_T_20260115_090000_0123abcd";
    for (String f : List.of("sync_target_" + earlier + ".sql", "sync_target_" + earlier + ".sql.kryo",
        "comparison_summary_" + earlier + ".txt", "comparison_summary_APP_U_20260115_090000_0123abcd.txt")) {
      Files.writeString(out.resolve(f), "earlier");
    }
    ResultWriter w = new ResultWriter(out, session(T, U), OutputFixture.writer(false), OutputFixture.CLOCK);
    ChunkResult r = OutputFixture.identical(T);
    w.finish(T, List.of(r), OutputFixture.completed(T, r, null));
    assertEquals(List.of("comparison_summary_APP_T_20260115_100000_0123abcd.txt",
        "comparison_summary_APP_U_20260115_090000_0123abcd.txt"), files(), "another table's outputs stay");
  }
}
