package io.dbcompare.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an interrupted earlier finish left is removed; nothing of another table or session is touched. */
class StaleOutputsTest {
  @TempDir Path out;
  private static final String ID = OutputFixture.SESSION;

  private void touch(String... names) throws IOException {
    for (String n : names) {
      Path p = out.resolve(n);
      Files.createDirectories(p.getParent());
      Files.writeString(p, n);
    }
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(Files::isRegularFile).map(p -> out.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
  }

  @Test
  void removesTheTablesEarlierStampsAndTemporaryFilesOfThisSessionOnly() throws IOException {
    touch(
        // the finish that just ended: kept
        "sync_target_APP_T_20260115_100000_0123abcd.sql",
        "sync_target_APP_T_20260115_100000_0123abcd.sql.kryo",
        "sync_target_APP_T_20260115_100000_0123abcd_parts/p001_delete.sql",
        "comparison_summary_APP_T_20260115_100000_0123abcd.txt",
        // an earlier attempt of the same table and session: removed, parts folder included
        "sync_target_APP_T_20260115_090000_0123abcd.sql",
        "sync_target_APP_T_20260115_090000_0123abcd.sql.kryo",
        "undo_target_APP_T_20260115_090000_0123abcd.sql",
        "sync_target_APP_T_20260115_090000_0123abcd_parts/p001_delete.sql",
        "sync_target_APP_T_20260115_090000_0123abcd_parts/p001_delete.sql.kryo",
        "comparison_summary_APP_T_20260115_090000_0123abcd.txt",
        // temporary files of any stamp: removed
        "sync_target_APP_T_20260115_100000_0123abcd.sql.tmp",
        ".sync_target_APP_T_20260115_100000_0123abcd.sql.insert.0.tmp",
        ".sync_target_APP_T_20260115_100000_0123abcd.sql.insert.0.kryo.tmp",
        // another table, another session, the session's master, a DBA's file: kept
        "sync_target_APP_T2_20260115_090000_0123abcd.sql",
        "sync_target_APP_T_20260115_090000_fedcba98.sql",
        "sync_session_20260115_090000_0123abcd.sql",
        "notes.txt");

    StaleOutputs.removeEarlier(out, "APP_T", ID, "20260115_100000");

    assertEquals(List.of(
        "comparison_summary_APP_T_20260115_100000_0123abcd.txt",
        "notes.txt",
        "sync_session_20260115_090000_0123abcd.sql",
        "sync_target_APP_T2_20260115_090000_0123abcd.sql",
        "sync_target_APP_T_20260115_090000_fedcba98.sql",
        "sync_target_APP_T_20260115_100000_0123abcd.sql",
        "sync_target_APP_T_20260115_100000_0123abcd.sql.kryo",
        "sync_target_APP_T_20260115_100000_0123abcd_parts/p001_delete.sql"), names());
  }

  @Test
  void keepsOneSetOfSessionMasters() throws IOException {
    touch("sync_session_20260115_090000_0123abcd.sql", "undo_session_20260115_090000_0123abcd.sql",
        "sync_session_20260115_100000_0123abcd.sql", "undo_session_20260115_100000_0123abcd.sql",
        "sync_session_20260115_100000_0123abcd.sql.tmp", "sync_session_20260115_090000_fedcba98.sql",
        "sync_target_APP_T_20260115_090000_0123abcd.sql");
    StaleOutputs.removeEarlierSessionScripts(out, ID, List.of(out.resolve("sync_session_20260115_100000_0123abcd.sql"),
        out.resolve("undo_session_20260115_100000_0123abcd.sql")));
    assertEquals(List.of("sync_session_20260115_090000_fedcba98.sql", "sync_session_20260115_100000_0123abcd.sql",
        "sync_target_APP_T_20260115_090000_0123abcd.sql", "undo_session_20260115_100000_0123abcd.sql"), names());
  }

  @Test
  void aFolderThatCannotBeListedIsAnError() {
    CompareException e = assertThrows(CompareException.class,
        () -> StaleOutputs.removeEarlier(out.resolve("missing"), "APP_T", ID, "20260115_100000"));
    assertEquals(ErrorCode.IO, e.code());
    assertEquals(true, e.getMessage().contains("cannot list the output folder"), e.getMessage());
  }
}
