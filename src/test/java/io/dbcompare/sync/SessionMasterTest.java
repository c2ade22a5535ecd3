package io.dbcompare.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.ScriptRecord;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.Dialects;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a session needs master scripts, how they are named and recorded, and what stops them. */
class SessionMasterTest {
  @TempDir Path out;
  private static final TableSpec PARENT = OutputFixture.spec("PARENT");
  private static final TableSpec CHILD = OutputFixture.spec("CHILD");
  private static final TableSpec SAME = OutputFixture.spec("SAME");
  private static final Function<List<TableRef>, List<ForeignKey>> CHILD_OF_PARENT =
      refs -> List.of(new ForeignKey(CHILD.target(), PARENT.target(), "CHILD_PARENT"));

  private TableSnapshot written(TableSpec t, int tables) {
    ScriptSet set = new ScriptSet(out, OutputFixture.SESSION, tables, OutputFixture.writer(true));
    return OutputFixture.completed(t, OutputFixture.differences(t),
        set.write(t, OutputFixture.STAMP, List.of(OutputFixture.differences(t)), List.of("Session: x"), List.of()));
  }

  private RunSnapshot twoTablesWithScripts() {
    return OutputFixture.run(List.of(written(PARENT, 3), written(CHILD, 3),
        OutputFixture.completed(SAME, OutputFixture.identical(SAME), null)));
  }

  private SessionMaster master(Clock clock) {
    return new SessionMaster(out, Dialects.of(Platform.H2), clock);
  }

  private List<String> masters() throws Exception {
    try (Stream<Path> s = Files.list(out)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.contains("_session_")).sorted().toList();
    }
  }

  @Test
  void requiredOnlyWhenEveryTableIsCompleteAndSeveralHaveScripts() {
    RunSnapshot two = twoTablesWithScripts();
    assertTrue(SessionMaster.required(two));
    TableSnapshot parent = two.tables().get(0);
    TableSnapshot same = two.tables().get(2);
    assertFalse(SessionMaster.required(OutputFixture.run(List.of(parent, same))), "one script runs as it is");
    assertFalse(SessionMaster.required(OutputFixture.run(List.of(parent))));
    assertFalse(SessionMaster.required(OutputFixture.run(List.of(parent, two.tables().get(1),
        OutputFixture.pending(SAME)))), "not before every table is complete");
  }

  @Test
  void writesTheMastersInForeignKeyOrderAndRecordsThem() throws Exception {
    RunSnapshot session = twoTablesWithScripts();
    List<List<TableRef>> asked = new ArrayList<>();
    SessionMaster.Written w = master(OutputFixture.CLOCK).write(session, true, refs -> {
      asked.add(refs);
      return CHILD_OF_PARENT.apply(refs);
    });
    assertEquals(List.of(List.of(PARENT.target(), CHILD.target())), asked, "the tables with scripts, once");
    Path sync = out.resolve("sync_session_20260115_100000_0123abcd.sql");
    assertEquals(sync, w.sync());
    assertEquals(List.of("sync_session_20260115_100000_0123abcd.sql", "undo_session_20260115_100000_0123abcd.sql"),
        masters());
    assertEquals(List.of("sync", "undo"), w.records().stream().map(ScriptRecord::kind).toList());
    for (ScriptRecord r : w.records()) {
      assertNull(r.phase());
      assertEquals(6, r.statements(), "three statements of each table");
      assertEquals(ScriptSetTest.sha256(Path.of(r.path())), r.sha256());
    }
    String text = Files.readString(sync);
    int childDelete = text.indexOf("sync_target_APP_CHILD_20260115_100000_0123abcd_parts/p001_delete.sql");
    int parentDelete = text.indexOf("sync_target_APP_PARENT_20260115_100000_0123abcd_parts/p001_delete.sql");
    int parentInsert = text.indexOf("sync_target_APP_PARENT_20260115_100000_0123abcd_parts/p003_insert.sql");
    int childInsert = text.indexOf("sync_target_APP_CHILD_20260115_100000_0123abcd_parts/p003_insert.sql");
    assertTrue(childDelete > 0 && childDelete < parentDelete && parentDelete < parentInsert
        && parentInsert < childInsert, text);
  }

  /** A resumed run writes them again under its own stamp: the earlier ones of the session go. */
  @Test
  void writingAgainKeepsOneSetOfMasters() throws Exception {
    RunSnapshot session = twoTablesWithScripts();
    master(OutputFixture.CLOCK).write(session, true, CHILD_OF_PARENT);
    Clock later = Clock.fixed(Instant.parse("2026-01-16T08:30:00Z"), ZoneOffset.UTC);
    master(later).write(session, false, CHILD_OF_PARENT);
    assertEquals(List.of("sync_session_20260116_083000_0123abcd.sql"), masters());
  }

  @Test
  void noMasterWhenNoneIsNeeded() throws Exception {
    RunSnapshot one = OutputFixture.run(List.of(written(PARENT, 2),
        OutputFixture.completed(SAME, OutputFixture.identical(SAME), null)));
    assertNull(master(OutputFixture.CLOCK).write(one, true, refs -> {
      throw new AssertionError("no catalog read for a session without a master");
    }));
    assertEquals(List.of(), masters());
  }

  /** The failures the run reports (exit 2) and records: nothing is written then. */
  @Test
  void anUnreadableCatalogOrATableWithoutPartsFailsAndWritesNothing() throws Exception {
    RunSnapshot session = twoTablesWithScripts();
    CompareException catalog = new CompareException(ErrorCode.DATABASE, "reading the foreign keys: gone");
    assertEquals(catalog, assertThrows(CompareException.class,
        () -> master(OutputFixture.CLOCK).write(session, true, refs -> {
          throw catalog;
        })));
    assertEquals(List.of(), masters());

    // scripts written whole (a session of one table's rules): no master can interleave their phases
    RunSnapshot whole = OutputFixture.run(List.of(written(PARENT, 1), written(CHILD, 1)));
    CompareException e = assertThrows(CompareException.class,
        () -> master(OutputFixture.CLOCK).write(whole, true, CHILD_OF_PARENT));
    assertEquals(ErrorCode.RUN_FAILED, e.code());
    assertTrue(e.getMessage().contains("APP.PARENT") && e.getMessage().contains("phase parts")
        && e.getMessage().contains("new session"), e.getMessage());
    assertEquals(List.of(), masters());
  }
}
