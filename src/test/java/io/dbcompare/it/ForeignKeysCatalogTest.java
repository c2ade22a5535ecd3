package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.dbcompare.compare.TableRef;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.jdbc.ConnectionPool;
import io.dbcompare.jdbc.ForeignKeys;
import io.dbcompare.sync.ForeignKey;
import io.dbcompare.sync.SelfReference;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foreign keys read with one catalog query per schema equal what JDBC {@code getImportedKeys} read
 * table by table before (the reference below is that former code): the same constraints per child
 * table, the same self-references with their columns in key sequence. Composite keys with columns in
 * another order than the parent's, two keys to one parent, a key to another schema, a self-reference,
 * and a table without keys.
 */
class ForeignKeysCatalogTest {
  @TempDir Path dir;
  private PgTestDb pg;

  @AfterEach
  void drop() throws SQLException {
    if (pg != null) {
      pg.drop();
    }
  }

  @Test
  void h2() throws Exception {
    H2TestDb db = new H2TestDb(dir.resolve("fk"));
    db.exec("CREATE SCHEMA APP", "CREATE SCHEMA OTHER");
    check(db.url(), db.user(), db.password(), String::toUpperCase, db::exec);
  }

  @Test
  void postgresql() throws Exception {
    pg = PgTestDb.create("tc_fk_" + ProcessHandle.current().pid());
    pg.exec("CREATE SCHEMA other");
    check(pg.url(), pg.user(), null, String::toLowerCase, pg::exec);
  }

  interface Exec {
    void exec(String... sql) throws SQLException;
  }

  private void check(String url, String user, String password, UnaryOperator<String> fold, Exec exec) throws Exception {
    exec.exec("CREATE TABLE other.region (code VARCHAR(5) PRIMARY KEY)",
        "CREATE TABLE app.parent (a INT, b INT, PRIMARY KEY (a, b))",
        "CREATE TABLE app.child (id INT PRIMARY KEY, y INT, x INT, z INT, w INT, region VARCHAR(5),"
            + " CONSTRAINT fk_child_xy FOREIGN KEY (x, y) REFERENCES app.parent (a, b),"
            + " CONSTRAINT fk_child_wz FOREIGN KEY (z, w) REFERENCES app.parent (b, a),"
            + " CONSTRAINT fk_child_region FOREIGN KEY (region) REFERENCES other.region (code))",
        "CREATE TABLE app.emp (id INT PRIMARY KEY, boss INT, mentor INT,"
            + " CONSTRAINT fk_emp_boss FOREIGN KEY (boss) REFERENCES app.emp (id),"
            + " CONSTRAINT fk_emp_mentor FOREIGN KEY (mentor) REFERENCES app.emp (id))",
        "CREATE TABLE app.alone (id INT PRIMARY KEY)");
    List<TableRef> tables = new ArrayList<>();
    for (String t : List.of("emp", "child", "parent", "alone")) {
      tables.add(new TableRef(fold.apply("app"), fold.apply(t)));
    }
    DatabaseConfig db = new DatabaseConfig("target", url, user, password, io.dbcompare.config.Platform.fromUrl(url, "t"),
        Map.of());
    try (ConnectionPool pool = new ConnectionPool(db, 2, 10, 0);
        Connection c = DriverManager.getConnection(url, user, password == null ? "" : password)) {
      List<ForeignKey> now = ForeignKeys.of(pool, tables);
      List<ForeignKey> before = importedKeys(c.getMetaData(), tables);
      assertEquals(5, before.size(), before.toString());
      assertEquals(byChild(before), byChild(now));
      TableRef emp = tables.get(0);
      List<SelfReference> self = ForeignKeys.selfReferences(pool, emp);
      assertEquals(2, self.size(), self.toString());
      assertEquals(byName(selfReferences(c.getMetaData(), emp)), byName(self));
      TableRef child = tables.get(1);
      assertFalse(ForeignKeys.selfReferences(pool, child).iterator().hasNext(), "no self-reference");
    }
  }

  /** The keys of each child, as a set (a driver's order among one table's keys means nothing). */
  private static Map<TableRef, Set<ForeignKey>> byChild(List<ForeignKey> keys) {
    Map<TableRef, Set<ForeignKey>> out = new LinkedHashMap<>();
    keys.forEach(k -> out.computeIfAbsent(k.child(), x -> new LinkedHashSet<>()).add(k));
    return out;
  }

  private static Map<String, SelfReference> byName(List<SelfReference> refs) {
    Map<String, SelfReference> out = new TreeMap<>();
    refs.forEach(r -> out.put(r.name(), r));
    return out;
  }

  // ----- the former code (getImportedKeys per table), kept here as the reference

  private static List<ForeignKey> importedKeys(DatabaseMetaData md, List<TableRef> tables) throws SQLException {
    List<ForeignKey> out = new ArrayList<>();
    for (TableRef t : tables) {
      try (ResultSet rs = md.getImportedKeys(null, t.schema(), t.table())) {
        while (rs.next()) {
          ForeignKey fk = new ForeignKey(new TableRef(rs.getString("FKTABLE_SCHEM"), rs.getString("FKTABLE_NAME")),
              new TableRef(rs.getString("PKTABLE_SCHEM"), rs.getString("PKTABLE_NAME")), rs.getString("FK_NAME"));
          if (!out.contains(fk)) {
            out.add(fk);
          }
        }
      }
    }
    return out;
  }

  private static List<SelfReference> selfReferences(DatabaseMetaData md, TableRef table) throws SQLException {
    Map<String, TreeMap<Integer, String[]>> byName = new LinkedHashMap<>();
    try (ResultSet rs = md.getImportedKeys(null, table.schema(), table.table())) {
      while (rs.next()) {
        if (!table.schema().equals(rs.getString("PKTABLE_SCHEM")) || !table.table().equals(rs.getString("PKTABLE_NAME"))
            || !table.schema().equals(rs.getString("FKTABLE_SCHEM")) || !table.table().equals(rs.getString("FKTABLE_NAME"))) {
          continue;
        }
        byName.computeIfAbsent(rs.getString("FK_NAME"), n -> new TreeMap<>())
            .put(rs.getInt("KEY_SEQ"), new String[] {rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME")});
      }
    }
    List<SelfReference> out = new ArrayList<>();
    byName.forEach((name, cols) -> out.add(new SelfReference(name, cols.values().stream().map(x -> x[0]).toList(),
        cols.values().stream().map(x -> x[1]).toList())));
    return out;
  }
}
