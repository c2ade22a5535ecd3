package io.dbcompare.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.config.Platform;
import io.dbcompare.config.SyncSettings;
import io.dbcompare.jdbc.MergeSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * MERGE scripts of {@link SyncFixture} run on H2 (every value kind), read by the --apply parser on
 * every platform, and the version check of the MERGE style.
 */
class MergeScriptExecutionTest {
  @TempDir Path tmp;

  @Test
  void h2MergeScriptTurnsTheTargetIntoTheSource() throws Exception {
    String sync = MergeScriptGoldenTest.script(Platform.H2, tmp);
    String undo = Files.readString(tmp.resolve("undo_h2.sql"), StandardCharsets.UTF_8);
    try (Connection c = H2SyncScriptExecutionTest.connect()) {
      c.setAutoCommit(false);
      H2SyncScriptExecutionTest.createTable(c);
      H2SyncScriptExecutionTest.load(c, SyncFixture.target());
      c.commit();
      H2SyncScriptExecutionTest.runScript(c, sync);
      assertEquals(SyncFixture.byKey(SyncFixture.source()), SyncFixture.byKey(H2SyncScriptExecutionTest.read(c)));
      H2SyncScriptExecutionTest.runScript(c, undo);
      assertEquals(SyncFixture.byKey(SyncFixture.target()), SyncFixture.byKey(H2SyncScriptExecutionTest.read(c)));
    }
  }

  /** A differing row deleted since, or a missing row inserted since: the MERGE stops instead of inserting/updating. */
  @Test
  void h2GuardsStopOnRowsDeletedOrInsertedSince() throws Exception {
    String sync = MergeScriptGoldenTest.script(Platform.H2, tmp);
    for (String change : List.of("DELETE FROM \"HR\".\"Mixed Case\" WHERE \"ID\" = 7",
        "INSERT INTO \"HR\".\"Mixed Case\" (\"ID\", \"Region\") VALUES (4, 'zz')")) {
      try (Connection c = H2SyncScriptExecutionTest.connect()) {
        c.setAutoCommit(false);
        H2SyncScriptExecutionTest.createTable(c);
        H2SyncScriptExecutionTest.load(c, SyncFixture.target());
        try (Statement s = c.createStatement()) {
          s.execute(change);
        }
        c.commit();
        SQLException e = assertThrows(SQLException.class, () -> H2SyncScriptExecutionTest.runScript(c, sync));
        String key = change.startsWith("DELETE") ? "(ID=7, Region=Nulls)" : "(ID=4, Region=zz)";
        assertTrue(e.getMessage().contains("sync stopped: HR.Mixed Case " + key + " changed since the comparison"),
            e.getMessage());
      }
    }
  }

  /** Unguarded, a MERGE is an upsert: a row inserted since is overwritten with the source's values. */
  @Test
  void h2UnguardedMergeUpserts() throws Exception {
    SyncScriptGoldenTest.write(Platform.H2, tmp, MergeScriptGoldenTest.merge(false, 1000), false);
    String sync = Files.readString(tmp.resolve("sync_h2.sql"));
    try (Connection c = H2SyncScriptExecutionTest.connect()) {
      c.setAutoCommit(false);
      H2SyncScriptExecutionTest.createTable(c);
      H2SyncScriptExecutionTest.load(c, SyncFixture.target());
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO \"HR\".\"Mixed Case\" (\"ID\", \"Region\", \"NOTE\") VALUES (4, 'zz', 'appeared')");
        s.execute("DELETE FROM \"HR\".\"Mixed Case\" WHERE \"ID\" = 7");
      }
      c.commit();
      H2SyncScriptExecutionTest.runScript(c, sync);
      assertEquals(SyncFixture.byKey(SyncFixture.source()), SyncFixture.byKey(H2SyncScriptExecutionTest.read(c)));
    }
  }

  /** PostgreSQL has MERGE from 15: an older target is refused naming its version (exit 3), others pass. */
  @Test
  void mergeNeedsPostgres15() {
    String problem = MergeSupport.problem(Platform.POSTGRESQL, 14, "14.11");
    assertTrue(problem.contains("needs PostgreSQL 15 or later") && problem.contains("the target is PostgreSQL 14.11")
        && problem.contains("sync.style: dml"), problem);
    assertEquals(null, MergeSupport.problem(Platform.POSTGRESQL, 15, "15.2"));
    assertEquals(null, MergeSupport.problem(Platform.ORACLE, 12, "12.2"));
    assertEquals(null, MergeSupport.problem(Platform.H2, 2, "2.3.232"));
  }
}
