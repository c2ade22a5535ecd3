package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * --repair between two PostgreSQL databases (COPY FROM STDIN in binary; skipped without PostgreSQL
 * unless PG_REQUIRED=true), and proof that only the repair's own connection writes.
 */
class PostgresRepairTest extends AbstractRepairSuite {
  @Override
  protected DatabasePair createDatabases() throws Exception {
    return DatabasePair.postgres("rp");
  }

  /**
   * A trigger on the target table records the application name of every session that writes a row:
   * after the comparison, the repair and the re-comparison, every write came from the repair's
   * connection ({@code table-compare-repair}), none from the comparison's pools ({@code table-compare}),
   * and it was COPY or INSERT ... SELECT from the staging table (no row-by-row INSERT).
   */
  @Test
  void onlyTheRepairConnectionWrites() throws Exception {
    Tables.create(source(), "REP_RO", Tables.ORDERS);
    Tables.create(target(), "REP_RO", Tables.ORDERS);
    Tables.insert(source(), "REP_RO", Tables.orders(1, 2000, 1));
    Tables.insert(target(), "REP_RO", Tables.orders(1, 700, 1));
    target().exec("UPDATE app.REP_RO SET NAME = 'changed' WHERE ID = 3",
        "CREATE TABLE app.writes (app text, op text, query text)",
        "CREATE FUNCTION app.audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " INSERT INTO app.writes VALUES (current_setting('application_name'), TG_OP, current_query());"
            + " RETURN NULL; END $$",
        "CREATE TRIGGER rep_ro_audit AFTER INSERT OR UPDATE OR DELETE ON app.REP_RO FOR EACH ROW"
            + " EXECUTE FUNCTION app.audit()");
    Path cfg = config(dir.resolve("ro"), "", Tables.entry(source(), target(), "REP_RO", ""));
    assertEquals(1, run(cfg.toString()), out + err);
    String id = java.nio.file.Files.list(dir.resolve("ro/state")).map(p -> p.getFileName().toString())
        .filter(n -> n.endsWith(".json")).findFirst().orElseThrow().replace("oracle_session_", "").replace(".json", "");
    assertEquals(0, run(cfg.toString(), "--repair", id, "--yes"), out + err);
    assertTrue(out.contains("COPY FROM STDIN (binary)"), out);
    List<String> apps = new ArrayList<>();
    List<String> queries = new ArrayList<>();
    try (Connection c = target().connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT app, op, query FROM app.writes")) {
      while (rs.next()) {
        apps.add(rs.getString(1));
        queries.add(rs.getString(3));
      }
    }
    assertEquals(1301, apps.size(), "1,300 rows inserted and one updated");
    assertTrue(apps.stream().allMatch("table-compare-repair"::equals), apps.stream().distinct().toList().toString());
    assertTrue(queries.stream().filter(q -> q.startsWith("INSERT")).allMatch(q -> q.contains("cmp_repair_stage"))
        && queries.stream().anyMatch(q -> q.startsWith("COPY")), queries.stream().distinct().toList().toString());
    assertEquals("0:0,0,0", recount("REP_RO"));
  }
}
