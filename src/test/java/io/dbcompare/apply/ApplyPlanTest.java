package io.dbcompare.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.session.SessionStatus;
import io.dbcompare.session.TableProgress;
import io.dbcompare.sync.GeneratedScript;
import io.dbcompare.sync.StatementFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What --apply runs: the steps and batches of a session's scripts, loaded from their statement values
 * after the checks (recorded SHA-256, the values rendering to the reviewed script), and every refusal.
 */
class ApplyPlanTest {
  @TempDir Path tmp;

  private static CompareException refused(ApplyFixture f, boolean allowEdited) {
    CompareException e = assertThrows(CompareException.class, () -> ApplyPlan.of(f.session, ApplyFixture.H2,
        allowEdited));
    assertEquals(ErrorCode.APPLY_REFUSED, e.code());
    return e;
  }

  @Test
  void aWholeScriptIsOneStepWithTheBatchesOfItsCommits() {
    ApplyFixture f = new ApplyFixture(tmp, 10, 1, false);
    ApplyPlan plan = ApplyPlan.of(f.session, ApplyFixture.H2, false);
    Path script = f.script().toAbsolutePath().normalize();
    assertEquals(List.of(script), plan.entries());
    assertEquals(1, plan.steps().size());
    assertEquals("APP.T", plan.steps().get(0).table());
    assertEquals(6, plan.statements());
    // batch_size 1, a COMMIT after every statement of a phase: D | D U | U I | I
    assertEquals(List.of(1, 2, 2, 1), plan.steps().get(0).batches().stream().map(b -> b.statements().size()).toList());
    assertEquals(List.of(), plan.edited());
    assertEquals(1, plan.tables().size());
  }

  /** Parts with a master: the master's include lines decide the steps (its parts, in its order). */
  @Test
  void aMasterRunsItsPartsInOrder() throws Exception {
    ApplyFixture f = new ApplyFixture(tmp, 10, 2, true);
    ApplyPlan plan = ApplyPlan.of(f.session, ApplyFixture.H2, false);
    List<Path> parts = f.written.stream().filter(g -> !g.isMain()).map(g -> g.path().toAbsolutePath().normalize())
        .toList();
    assertEquals(3, parts.size());
    assertEquals(parts, plan.steps().stream().map(ApplyPlan.Step::file).toList());
    assertEquals(6, plan.statements());

    // a line the tool does not write in a master is refused, even with --allow-edited
    Path master = f.script();
    Files.writeString(master, Files.readString(master) + "DELETE FROM \"APP\".\"T\";\n");
    CompareException e = refused(f, true);
    assertTrue(e.getMessage().contains("is not a line the tool writes in a master script"), e.getMessage());
  }

  @Test
  void anEditedScriptIsRefusedUnlessOnlyCommentsChangedAndEditingIsAllowed() throws Exception {
    ApplyFixture f = new ApplyFixture(tmp, 10, 1, false);
    Path script = f.script();
    String original = Files.readString(script, StandardCharsets.UTF_8);
    String commented = original.replaceFirst("\nCOMMIT;\n", "\n-- checked by the DBA\n\nCOMMIT;\n-- next\n")
        .replace("-- Review before running", "-- Reviewed, fine to run");
    Files.writeString(script, commented, StandardCharsets.UTF_8);
    CompareException e = refused(f, false);
    assertTrue(e.getMessage().contains("changed after they were generated") && e.getMessage().contains(
        script.toAbsolutePath().normalize().toString()) && e.getMessage().contains("--allow-edited"), e.getMessage());

    ApplyPlan plan = ApplyPlan.of(f.session, ApplyFixture.H2, true);
    assertEquals(List.of(script.toAbsolutePath().normalize().toString()), plan.edited());
    assertEquals(6, plan.statements());

    // a changed value is more than a comment: it cannot be bound as reviewed, even with --allow-edited
    Files.writeString(script, original.replace("'s3'", "'s3 edited'"), StandardCharsets.UTF_8);
    e = refused(f, true);
    assertTrue(e.getMessage().contains("where the tool wrote") && e.getMessage().contains("client"), e.getMessage());
    // and so is a statement added after the last one, or a COMMIT removed
    Files.writeString(script, original + "DELETE FROM \"APP\".\"T\";\n", StandardCharsets.UTF_8);
    assertTrue(refused(f, true).getMessage().contains("follows the last statement"));
    Files.writeString(script, original.replaceFirst("\nCOMMIT;\n", "\n"), StandardCharsets.UTF_8);
    assertTrue(refused(f, true).getMessage().contains("where the tool wrote 'COMMIT;'"));
  }

  /** Values that do not render to the reviewed script (another script's) are never bound. */
  @Test
  void statementValuesThatDoNotRenderToTheScriptAreRefused() throws Exception {
    ApplyFixture f = new ApplyFixture(tmp.resolve("a"), 10, 1, false);
    ApplyFixture other = new ApplyFixture(tmp.resolve("b"), 20, 1, false);
    Files.copy(StatementFile.of(other.script()), StatementFile.of(f.script()), StandardCopyOption.REPLACE_EXISTING);
    CompareException e = refused(f, false);
    assertTrue(e.getMessage().contains("does not render to the script"), e.getMessage());
  }

  /** A script without its statement file (an earlier version wrote it, or the file was lost). */
  @Test
  void aScriptWithoutStatementValuesIsRefusedWithWhatToDo() throws Exception {
    ApplyFixture f = new ApplyFixture(tmp, 10, 1, false);
    Files.delete(StatementFile.of(f.script()));
    CompareException e = refused(f, false);
    assertTrue(e.getMessage().contains("is missing") && e.getMessage().contains("earlier version")
        && e.getMessage().contains("compare again"), e.getMessage());
  }

  @Test
  void anUnfinishedSessionOrAnUnrecordedScriptIsRefused() throws Exception {
    ApplyFixture f = new ApplyFixture(tmp, 10, 1, false);
    f.session.tableProgress.get("APP_T").status = SessionStatus.FAILED;
    CompareException e = refused(f, false);
    assertTrue(e.getMessage().contains("is not complete: APP.T (failed)") && e.getMessage().contains("--resume"),
        e.getMessage());
    f.session.tableProgress.get("APP_T").status = SessionStatus.COMPLETED;

    f.session.tableProgress.get("APP_T").scripts.get(0).statements = 7;
    e = refused(f, false);
    assertTrue(e.getMessage().contains("holds 6 statements where the session records 7"), e.getMessage());

    ApplyFixture parts = new ApplyFixture(tmp.resolve("parts"), 10, 2, true);
    GeneratedScript part = parts.written.get(1);
    parts.session.tableProgress.get("APP_T").scripts.removeIf(s -> s.path.equals(part.path().toString()));
    e = refused(parts, false);
    assertTrue(e.getMessage().contains("master script"), e.getMessage());
  }

  /**
   * Two tables with scripts and no session master (it could not be written): refused, naming the fix,
   * rather than run in configuration order; likewise whenever the session records a failed master.
   */
  @Test
  void severalTablesWithoutTheSessionMasterAreRefused() throws Exception {
    ApplyFixture f = new ApplyFixture(tmp, 10, 1, true);
    TableProgress copy = new TableProgress();
    TableProgress t = f.session.tableProgress.get("APP_T");
    copy.schema = "APP";
    copy.table = "T2";
    copy.targetSchema = "APP";
    copy.targetTable = "T2";
    copy.status = SessionStatus.COMPLETED;
    copy.syncScript = t.syncScript;
    copy.scripts = t.scripts;
    f.session.tableProgress.put("APP_T2", copy);
    CompareException e = refused(f, false);
    assertTrue(e.getMessage().contains("has no session master script (it was not written)")
        && e.getMessage().contains("--resume " + f.session.shortId()), e.getMessage());

    f.session.tableProgress.remove("APP_T2");
    assertEquals(6, ApplyPlan.of(f.session, ApplyFixture.H2, false).statements(), "one table's script runs as it is");
    f.session.sessionScriptError = "/o/sync_session.sql: cannot write: disk full";
    e = refused(f, false);
    assertTrue(e.getMessage().contains("it could not be written: /o/sync_session.sql: cannot write: disk full")
        && e.getMessage().contains("--resume " + f.session.shortId()), e.getMessage());
  }
}
