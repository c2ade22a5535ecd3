package io.dbcompare.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.TableRef;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.Dialects;
import io.dbcompare.sync.SessionScriptWriter.TableScripts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Foreign-key order of the session's master scripts. */
class SessionScriptWriterTest {
  @TempDir Path tmp;

  static TableRef ref(String t) {
    return new TableRef("APP", t);
  }

  /** A table with one sync and one undo part per phase, in a folder named after it. */
  TableScripts table(String name) {
    List<GeneratedScript> parts = new ArrayList<>();
    int n = 0;
    for (String kind : List.of("sync", "undo")) {
      for (Phase p : Phase.values()) {
        n++;
        parts.add(new GeneratedScript(kind, p, n, tmp.resolve(kind + "_" + name + "_parts")
            .resolve(String.format("p%03d_%s.sql", n, p.label())), "0", 1));
      }
    }
    return new TableScripts("APP." + name, ref(name), parts);
  }

  static List<String> names(List<TableScripts> t) {
    return t.stream().map(TableScripts::display).toList();
  }

  @Test
  void parentsComeFirstAndIndependentTablesKeepTheirOrder() {
    // A references B, B references C; D and E stand alone; F references an unrelated table
    List<TableScripts> tables = List.of(table("A"), table("D"), table("B"), table("C"), table("E"), table("F"));
    List<ForeignKey> keys = List.of(new ForeignKey(ref("A"), ref("B"), "A_B"), new ForeignKey(ref("B"), ref("C"), "B_C"),
        new ForeignKey(ref("F"), ref("OTHER"), "F_OTHER"));
    SessionScriptWriter.Order o = SessionScriptWriter.order(tables, keys);
    assertEquals(List.of("APP.D", "APP.C", "APP.B", "APP.A", "APP.E", "APP.F"), names(o.parentsFirst()));
    assertEquals(List.of("APP.A references APP.B (A_B)", "APP.B references APP.C (B_C)"), o.notes());
  }

  @Test
  void cyclesKeepTheConfigurationOrderAndSelfReferencesAreNamed() {
    List<TableScripts> tables = List.of(table("X"), table("Y"), table("Z"), table("S"));
    List<ForeignKey> keys = List.of(new ForeignKey(ref("X"), ref("Y"), "X_Y"), new ForeignKey(ref("Y"), ref("X"), "Y_X"),
        new ForeignKey(ref("S"), ref("S"), "S_BOSS"));
    SessionScriptWriter.Order o = SessionScriptWriter.order(tables, keys);
    assertEquals(List.of("APP.Z", "APP.S", "APP.X", "APP.Y"), names(o.parentsFirst()));
    assertTrue(o.notes().stream().anyMatch(n -> n.startsWith("APP.S references itself (S_BOSS)")), o.notes().toString());
    assertTrue(o.notes().stream().anyMatch(n -> n.startsWith("Foreign keys form a cycle between APP.X, APP.Y")),
        o.notes().toString());
  }

  /** The Oracle master: DELETE parts children first, then UPDATE and INSERT parts parents first; SQL*Plus-safe. */
  @Test
  void oracleMasterRunsThePartsInForeignKeyOrder() throws Exception {
    List<TableScripts> tables = List.of(table("CHILD"), table("PARENT"));
    List<ForeignKey> keys = List.of(new ForeignKey(ref("CHILD"), ref("PARENT"), "FK_1"));
    Path sync = tmp.resolve("sync_session.sql");
    Path undo = tmp.resolve("undo_session.sql");
    List<GeneratedScript> written = new SessionScriptWriter(Dialects.of(Platform.ORACLE)).write(sync, undo, tables, keys,
        List.of("Session:             s", "Source:              a&b"));
    assertEquals(2, written.size());
    assertEquals(6, written.get(0).statements());
    String s = Files.readString(sync, StandardCharsets.UTF_8);
    assertTrue(s.startsWith("SET DEFINE OFF\n"));
    assertTrue(s.contains("\n-- Source:              a\\u0026b\n"), s);
    assertTrue(s.contains("\n-- Tables:              APP.PARENT, APP.CHILD (parents first)\n"), s);
    assertEquals(List.of("@@sync_CHILD_parts/p001_delete.sql", "@@sync_PARENT_parts/p001_delete.sql",
        "@@sync_PARENT_parts/p002_update.sql", "@@sync_PARENT_parts/p003_insert.sql",
        "@@sync_CHILD_parts/p002_update.sql", "@@sync_CHILD_parts/p003_insert.sql"),
        s.lines().filter(l -> l.startsWith("@@")).toList());
    assertTrue(s.endsWith("\nCOMMIT;\nEXIT\n"));
    assertEquals(List.of("@@undo_CHILD_parts/p004_delete.sql", "@@undo_PARENT_parts/p004_delete.sql",
        "@@undo_PARENT_parts/p005_update.sql", "@@undo_PARENT_parts/p006_insert.sql",
        "@@undo_CHILD_parts/p005_update.sql", "@@undo_CHILD_parts/p006_insert.sql"),
        Files.readString(undo).lines().filter(l -> l.startsWith("@@")).toList());
    for (String line : s.split("\n")) {
      assertTrue(line.length() < 2500 && line.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && !line.contains("&")
          && line.chars().filter(c -> c == '\'').count() % 2 == 0, line);
    }
  }

  @Test
  void postgresAndH2MastersIncludeThePartsTheirWay() throws Exception {
    List<TableScripts> tables = List.of(table("CHILD"), table("PARENT"));
    Path sync = tmp.resolve("sync_session.sql");
    new SessionScriptWriter(Dialects.of(Platform.POSTGRESQL)).write(sync, null, tables, List.of(), List.of());
    String pg = Files.readString(sync);
    assertTrue(pg.contains("\n\\ir 'sync_CHILD_parts/p001_delete.sql'\n"), pg);
    assertTrue(!pg.contains("BEGIN;"), "no transaction around the parts' own");
    new SessionScriptWriter(Dialects.of(Platform.H2)).write(sync, null, tables, List.of(), List.of());
    String h2 = Files.readString(sync);
    assertTrue(h2.contains("\nRUNSCRIPT FROM '" + tmp.toAbsolutePath().resolve("sync_CHILD_parts").resolve("p001_delete.sql")
        + "' CHARSET 'UTF-8';\n"), h2);
  }
}
