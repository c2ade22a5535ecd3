package io.dbcompare.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.StructureDifference;
import io.dbcompare.compare.StructureDifference.Kind;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.TableStatus;
import io.dbcompare.compare.ValueKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the session keeps of a whole schema: a table missing in the target (its own status, counted,
 * saved, read back), the tables only in the target, and each table's structure differences.
 */
class SchemaSessionTest {
  @TempDir Path root;

  private SessionStore store() {
    return new SessionStore(root.resolve("state"), root.resolve("cp"),
        Clock.fixed(Instant.parse("2026-02-01T08:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void aTableMissingInTheTargetIsItsOwnStatusCountedAndSaved() throws Exception {
    SessionStore store = store();
    SessionBook book = SessionBook.create(store, "c.yaml", "h", "src", "tgt",
        List.of(new SessionBook.NewTable("HR_A", "HR", "A", "HR", "A"), new SessionBook.NewTable("HR_B", "HR", "B", "HR", "B")),
        List.of("HR.EXTRA"));
    TableSnapshot b = book.tableMissingInTarget("HR_B", "target schema HR has no table B");
    assertEquals(TableStatus.MISSING_IN_TARGET, b.status());
    assertTrue(b.missingTable());
    JsonNode file = new ObjectMapper().readTree(store.sessionFile(book.sessionId()).toFile());
    assertEquals("missing_in_target", file.get("table_progress").get("HR_B").get("status").asText(), "saved at once");
    assertEquals("target schema HR has no table B", file.get("table_progress").get("HR_B").get("error").asText());
    assertEquals(1, file.get("totals").get("tables_missing_in_target").asInt());
    assertEquals(1, file.get("totals").get("tables_pending").asInt(), "only A is pending");
    assertEquals("HR.EXTRA", file.get("target_only_tables").get(0).asText());

    RunSnapshot back = SessionBook.snapshotOf(store.find(book.sessionId()));
    assertEquals(TableStatus.MISSING_IN_TARGET, back.table("HR_B").status());
    assertEquals(List.of("HR.EXTRA"), back.targetOnlyTables());
    RunSnapshot.Totals t = back.totals();
    assertEquals(1, t.tablesMissingInTarget());
    assertEquals(1, t.tablesPending(), "a missing table is not pending");
  }

  @Test
  void structureDifferencesAreRecordedWithTheTableAndReadBack() throws Exception {
    SessionStore store = store();
    SessionBook book = SessionBook.create(store, "c.yaml", "h", "src", "tgt",
        List.of(new SessionBook.NewTable("HR_A", "HR", "A", "HR", "A")));
    List<StructureDifference> found = List.of(
        new StructureDifference(Kind.COLUMN_ONLY_IN_SOURCE, "NOTE", "VARCHAR2(20)", "-"),
        new StructureDifference(Kind.KEY, null, "primary key (ID)", "no primary key"));
    TableSpec spec = new TableSpec("HR_A", "HR.A", new TableRef("HR", "A"), new TableRef("HR", "A"),
        List.of(new ColumnSpec("ID", "ID", ValueKind.NUMBER, "NUMBER", "NUMBER", true)), 1, Optional.empty(), false)
        .withStructure(found);
    assertEquals(found, book.tableStarted("HR_A", spec).structure());
    book.tablePrepared("HR_A");
    JsonNode note = new ObjectMapper().readTree(store.sessionFile(book.sessionId()).toFile())
        .get("table_progress").get("HR_A").get("structure").get(0);
    assertEquals("column_only_in_source", note.get("kind").asText());
    assertEquals("NOTE", note.get("column").asText());
    assertEquals("VARCHAR2(20)", note.get("source").asText());
    assertEquals(found, SessionBook.snapshotOf(store.find(book.sessionId())).table("HR_A").structure());
    assertEquals("column NOTE only in the source (VARCHAR2(20)): not compared", found.get(0).text());
    assertEquals("key: source primary key (ID), target no primary key", found.get(1).text());
  }
}
