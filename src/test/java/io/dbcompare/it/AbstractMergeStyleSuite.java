package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.cli.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync.style: merge} end to end on one pair of databases: the MERGE script converges when run
 * as a DBA would (psql, JDBC) and through {@code --apply}; a row changed, or inserted, in the target
 * after the comparison stops it naming the key, and the change survives.
 */
public abstract class AbstractMergeStyleSuite extends AbstractPairSuite {
  @TempDir
  protected Path dir;

  protected String out;
  protected String err;



  /**
   * Source ids 1..300; the target misses 2 and 250, has 2 extra rows (-4, 900), and 4 changed rows
   * (4: NAME, 80: AMOUNT, 121: NOTE to NULL, 150: NOTE from NULL).
   */
  private void scenario(String table) throws Exception {
    Tables.create(source(), table, Tables.ORDERS);
    Tables.create(target(), table, Tables.ORDERS);
    Tables.insert(source(), table, Tables.orders(1, 300, 1));
    Tables.insert(target(), table, Tables.orders(1, 300, 1));
    String t = t(table);
    target().exec("DELETE FROM " + t + " WHERE ID IN (2, 250)");
    Tables.insert(target(), table, List.of(Tables.order(-4), Tables.order(900)));
    target().exec("UPDATE " + t + " SET NAME = 'changed' WHERE ID = 4",
        "UPDATE " + t + " SET AMOUNT = AMOUNT + 0.01 WHERE ID = 80",
        "UPDATE " + t + " SET NOTE = NULL WHERE ID = 121",
        "UPDATE " + t + " SET NOTE = 'was null' WHERE ID = 150");
  }

  private String t(String table) {
    return target().schema() + "." + table;
  }

  private Path config(Path folder, String table, String sync) throws IOException {
    return Tables.config(folder, Tables.database(source()), Tables.database(target()),
        "  chunk_size: 100\n  threads: 2\n  max_retries: 1\n" + sync,
        Tables.entry(source(), target(), table, ""));
  }

  private static String merge(int batchSize) {
    return "sync:\n  style: merge\n  batch_size: " + batchSize + "\n";
  }

  protected int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = new Cli(new PrintWriter(o, true), new PrintWriter(e, true), k -> null, Clock.systemUTC(), false).run(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  private static String onlySessionId(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder.resolve("state"))) {
      List<String> ids = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("oracle_session_.*\\.json"))
          .map(n -> n.substring("oracle_session_".length(), n.length() - ".json".length())).toList();
      assertEquals(1, ids.size(), ids.toString());
      return ids.get(0);
    }
  }

  private Path syncScript(Path folder, String table) throws IOException {
    List<Path> scripts = Tables.files(folder.resolve("output"), "sync_target_*_" + table + "_*.sql");
    assertEquals(1, scripts.size(), scripts.toString());
    return scripts.get(0);
  }

  /** A fresh comparison of the table (DML style): its exit status. */
  private int recompare(String table) throws IOException {
    Path check = dir.resolve("check-" + System.nanoTime());
    return run(config(check, table, "").toString());
  }

  private String value(String sql) throws Exception {
    try (Connection c = target().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getString(1);
    }
  }

  // ---------------------------------------------------------------- tests

  /** The script holds DELETEs and MERGEs only, and run as a DBA would it makes the target equal. */
  @Test
  void aMergeScriptConverges() throws Exception {
    scenario("MRG");
    Path folder = dir.resolve("run");
    assertEquals(1, run(config(folder, "MRG", merge(3)).toString()), out + err);
    Path script = syncScript(folder, "MRG");
    String text = Files.readString(script);
    assertEquals(6, text.lines().filter(l -> l.strip().startsWith("MERGE INTO ")).count(), text);
    assertEquals(2, text.lines().filter(l -> l.strip().startsWith("DELETE FROM ")).count(), text);
    assertFalse(text.lines().anyMatch(l -> l.strip().matches("(INSERT INTO|UPDATE) .*")), text);
    assertTrue(text.contains("-- Statements:          2 DELETE, 4 MERGE of differing rows, 2 MERGE of missing rows"),
        text.substring(0, 2000));
    // the undo script stays DML
    List<Path> undo = Tables.files(folder.resolve("output"), "undo_target_*_MRG_*.sql");
    assertEquals(1, undo.size());
    assertFalse(Files.readString(undo.get(0)).contains("MERGE"));
    target().runScript(script);
    assertEquals(0, recompare("MRG"), out + err);
    // the undo puts the target back as the comparison read it
    target().runScript(undo.get(0));
    assertEquals("changed", value("SELECT NAME FROM " + t("MRG") + " WHERE ID = 4"));
    assertEquals(1, recompare("MRG"), out + err);
  }

  /**
   * A differing row changed after the comparison, and a missing row inserted since: each stops the
   * MERGE script naming the table and the key, and keeps its change; restored, the script converges.
   */
  @Test
  void aRowChangedAfterTheComparisonStopsTheMergeScript() throws Exception {
    scenario("MGUARD");
    Path folder = dir.resolve("guard");
    assertEquals(1, run(config(folder, "MGUARD", merge(1000)).toString()), out + err);
    Path script = syncScript(folder, "MGUARD");
    String t = t("MGUARD");

    target().exec("UPDATE " + t + " SET NOTE = 'edited meanwhile' WHERE ID = 4");
    Throwable e = assertThrows(Throwable.class, () -> target().runScript(script));
    assertTrue(String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT).contains(("sync stopped: " + t
        + " (ID=4) changed since the comparison (MERGE found no row").toUpperCase(Locale.ROOT)), e.getMessage());
    assertEquals("edited meanwhile", value("SELECT NOTE FROM " + t + " WHERE ID = 4"));
    assertEquals("changed", value("SELECT NAME FROM " + t + " WHERE ID = 4"), "the row was not overwritten");
    target().exec("UPDATE " + t + " SET NOTE = 'note 4' WHERE ID = 4");

    Tables.insert(target(), "MGUARD", List.<Object[]>of(Tables.order(250)));
    target().exec("UPDATE " + t + " SET NAME = 'appeared' WHERE ID = 250");
    e = assertThrows(Throwable.class, () -> target().runScript(script));
    assertTrue(String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT).contains(("sync stopped: " + t
        + " (ID=250) changed since the comparison (MERGE found a row with the key it was to insert)")
        .toUpperCase(Locale.ROOT)), e.getMessage());
    assertEquals("appeared", value("SELECT NAME FROM " + t + " WHERE ID = 250"), "the new row was not overwritten");
    // one transaction (batch_size 1000): the stopped script left nothing behind; restored, it converges
    target().exec("DELETE FROM " + t + " WHERE ID = 250");
    target().runScript(script);
    assertEquals(0, recompare("MGUARD"), out + err);
  }

  /** --apply runs the MERGE script batch by batch and the re-comparison finds no difference. */
  @Test
  void applyOfAMergeScriptConverges() throws Exception {
    scenario("MAPPLY");
    Path folder = dir.resolve("apply");
    Path cfg = config(folder, "MAPPLY", merge(3));
    assertEquals(1, run(cfg.toString()), out + err);
    String id = onlySessionId(folder);
    assertEquals(0, run(cfg.toString(), "--apply", id), out + err);
    assertTrue(out.contains("Statements:    8 in "), out);
    assertTrue(out.contains("the target now matches the source"), out);
    assertEquals(0, recompare("MAPPLY"), out + err);
  }

  /** --apply of a MERGE whose row changed since: a conflict naming the key, exit 2. */
  @Test
  void applyStopsOnAChangedRowNamingTheKey() throws Exception {
    scenario("MACONF");
    Path folder = dir.resolve("aconf");
    Path cfg = config(folder, "MACONF", merge(1000));
    assertEquals(1, run(cfg.toString()), out + err);
    String id = onlySessionId(folder);
    target().exec("UPDATE " + t("MACONF") + " SET NOTE = 'edited meanwhile' WHERE ID = 80");
    assertEquals(2, run(cfg.toString(), "--apply", id), out + err);
    assertTrue((out + err).toUpperCase(Locale.ROOT).contains(t("MACONF").toUpperCase(Locale.ROOT) + " (ID=80)"),
        out + err);
    assertTrue(err.startsWith("error: apply stopped on a conflict"), err);
    assertEquals("edited meanwhile", value("SELECT NOTE FROM " + t("MACONF") + " WHERE ID = 80"));
  }
}
