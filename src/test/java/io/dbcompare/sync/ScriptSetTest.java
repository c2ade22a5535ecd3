package io.dbcompare.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ScriptRecord;
import io.dbcompare.compare.TableSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table's scripts: named, written with their statement files, and recorded with their SHA-256. */
class ScriptSetTest {
  @TempDir Path out;
  private static final TableSpec T = OutputFixture.spec("T");
  private static final List<String> HEADER = List.of("Session:             " + OutputFixture.SESSION);

  static String sha256(Path f) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
  }

  @Test
  void aSessionOfOneTableGetsWholeScriptsNamedByKeyStampAndSession() throws Exception {
    ScriptSet set = new ScriptSet(out, OutputFixture.SESSION, 1, OutputFixture.writer(true));
    ScriptSet.Written w = set.write(T, OutputFixture.STAMP, List.of(OutputFixture.differences(T)), HEADER, List.of());

    assertEquals(out.resolve("sync_target_APP_T_20260115_100000_0123abcd.sql"), w.sync());
    assertEquals(out.resolve("undo_target_APP_T_20260115_100000_0123abcd.sql"), w.undo());
    assertEquals(2, w.records().size());
    for (ScriptRecord r : w.records()) {
      Path f = Path.of(r.path());
      assertNull(r.phase());
      assertEquals(0, r.part());
      assertEquals(3, r.statements());
      assertEquals(sha256(f), r.sha256(), "the recorded SHA-256 is the file's");
      assertTrue(Files.exists(StatementFile.of(f)), "statement file beside " + f);
    }
    assertEquals(List.of("sync", "undo"), w.records().stream().map(ScriptRecord::kind).toList());
    assertEquals(out.resolve("comparison_summary_APP_T_20260115_100000_0123abcd.txt"), set.summary(T, OutputFixture.STAMP));
  }

  /** Several tables: phase parts and a master per script, so the session master can interleave them. */
  @Test
  void aSessionOfSeveralTablesGetsPhaseParts() throws Exception {
    ScriptSet set = new ScriptSet(out, OutputFixture.SESSION, 2, OutputFixture.writer(false));
    ScriptSet.Written w = set.write(T, OutputFixture.STAMP, List.of(OutputFixture.differences(T)), HEADER, List.of());
    assertNull(w.undo());
    assertEquals(List.of("null:0", "delete:1", "update:2", "insert:3"),
        w.records().stream().map(r -> r.phase() + ":" + r.part()).toList());
    assertEquals(w.sync().toString(), w.records().get(0).path());
    Path parts = out.resolve("sync_target_APP_T_20260115_100000_0123abcd_parts");
    assertEquals(parts.resolve("p001_delete.sql").toString(), w.records().get(1).path());
    for (ScriptRecord r : w.records()) {
      assertEquals(sha256(Path.of(r.path())), r.sha256());
    }
  }

  /** A resumed finish under a new stamp: the earlier attempt's files go, the new ones stay. */
  @Test
  void removeEarlierKeepsOneSetPerTableAndSession() throws IOException {
    ScriptSet set = new ScriptSet(out, OutputFixture.SESSION, 2, OutputFixture.writer(true));
    set.write(T, "20260115_090000", List.of(OutputFixture.differences(T)), HEADER, List.of());
    Files.writeString(set.summary(T, "20260115_090000"), "earlier");
    ScriptSet.Written now = set.write(T, OutputFixture.STAMP, List.of(OutputFixture.differences(T)), HEADER, List.of());
    set.removeEarlier(T, OutputFixture.STAMP);
    try (var s = Files.list(out)) {
      List<String> left = s.map(p -> p.getFileName().toString()).sorted().toList();
      assertTrue(left.stream().allMatch(n -> n.contains(OutputFixture.STAMP)), left.toString());
      // the sync and undo masters and their parts folders (a master holds no statements: no statement file)
      assertEquals(4, left.size(), left.toString());
    }
    for (ScriptRecord r : now.records()) {
      assertTrue(Files.exists(Path.of(r.path())), r.path());
    }
  }
}
