package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.TableRef;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.OracleOptions;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.OracleDialect;
import io.dbcompare.jdbc.ConnectionPool;
import io.dbcompare.jdbc.ForeignKeys;
import io.dbcompare.jdbc.SqlErrors;
import io.dbcompare.sync.ForeignKey;
import io.dbcompare.vendor.CatalogNames;
import io.dbcompare.vendor.DatabaseTypes;
import io.dbcompare.vendor.SqlErrorKind;
import io.dbcompare.vendor.oracle.OracleCatalogNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.OracleContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

/**
 * What only a real Oracle shows for the review's script, session and catalog items (the golden and unit
 * tests show the text here): a failed SQL*Plus script exits non-zero, comparison connections refuse
 * writes across transactions and borrows (ORA-01456), parallel query is off on them, a killed session
 * is a lost connection that is evicted, synonyms and views resolve through the real dictionary, and the
 * one-query foreign keys equal the driver's getImportedKeys. Runs wherever Docker runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class OracleSessionsAndCatalogTest {
  @Container
  static final OracleContainer ORACLE = new OracleContainer("gvenzl/oracle-xe:21-slim-faststart");
  static final String USER = "CMP_REVIEW";
  static final String PASSWORD = "Review_pw_4713";

  @TempDir Path dir;

  @BeforeAll
  static void schema() throws SQLException {
    try (Connection c = DriverManager.getConnection(ORACLE.getJdbcUrl(), "system", ORACLE.getPassword());
        Statement st = c.createStatement()) {
      st.execute("CREATE USER " + USER + " IDENTIFIED BY \"" + PASSWORD + "\" QUOTA UNLIMITED ON USERS");
      st.execute("GRANT CREATE SESSION, CREATE TABLE, CREATE VIEW, CREATE SYNONYM, CREATE SEQUENCE TO " + USER);
      st.execute("GRANT SELECT ANY DICTIONARY TO " + USER); // V$SESSION: the session's PQ_STATUS, SID and SERIAL#
    }
    user("CREATE TABLE T (ID NUMBER PRIMARY KEY, NAME VARCHAR2(20))",
        "CREATE TABLE PARENT (A NUMBER, B NUMBER, PRIMARY KEY (A, B))",
        "CREATE TABLE CHILD (ID NUMBER PRIMARY KEY, X NUMBER, Y NUMBER, BOSS NUMBER,"
            + " CONSTRAINT FK_CHILD_XY FOREIGN KEY (Y, X) REFERENCES PARENT (A, B),"
            + " CONSTRAINT FK_CHILD_BOSS FOREIGN KEY (BOSS) REFERENCES CHILD (ID))",
        "CREATE VIEW V AS SELECT ID, NAME FROM T",
        "CREATE SYNONYM S FOR T",
        "CREATE SYNONYM S2 FOR S",
        "CREATE SYNONYM REMOTE FOR T@NO_SUCH_LINK",
        "CREATE SEQUENCE Q");
  }

  private static void user(String... sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(ORACLE.getJdbcUrl(), USER, PASSWORD);
        Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  private static DatabaseConfig db(boolean parallelQuery) {
    return new DatabaseConfig("source", ORACLE.getJdbcUrl(), USER, PASSWORD, Platform.ORACLE, Map.of(),
        new OracleOptions(parallelQuery));
  }

  // ----- item 5: SQL*Plus exit status

  /** RAISE_APPLICATION_ERROR(-20480): 20480 = 80 x 256, so EXIT SQL.SQLCODE exited 0; EXIT FAILURE does not. */
  @Test
  void aFailedScriptExitsNonZero() throws Exception {
    String body = "BEGIN\n  RAISE_APPLICATION_ERROR(-20480, 'stop');\nEND;\n/\nEXIT\n";
    assertEquals(0, sqlplus(String.join("\n", "WHENEVER SQLERROR EXIT SQL.SQLCODE ROLLBACK", body)),
        "the old setting hid this failure");
    assertNotEquals(0, sqlplus(String.join("\n", new OracleDialect().scriptPreamble()) + "\n" + body));
  }

  private int sqlplus(String script) throws Exception {
    Path f = dir.resolve("s" + System.nanoTime() + ".sql");
    Files.writeString(f, script);
    String inContainer = "/tmp/" + f.getFileName();
    ORACLE.copyFileToContainer(MountableFile.forHostPath(f), inContainer);
    String connect = USER + "/\"" + PASSWORD + "\"@//localhost:1521/" + ORACLE.getDatabaseName();
    ExecResult r = ORACLE.execInContainer("bash", "-c", "sqlplus -s -L '" + connect + "' @" + inContainer);
    return r.getExitCode();
  }

  // ----- item 6: read-only comparison connections; item 12: parallel query

  @Test
  void comparisonConnectionsRefuseWritesAcrossTransactionsAndBorrows() throws Exception {
    try (ConnectionPool pool = new ConnectionPool(db(false), 1, 30, 0)) {
      Connection c = pool.borrow();
      assertWriteRefused(c);
      c.commit();
      assertWriteRefused(c);
      c.rollback();
      assertWriteRefused(c);
      assertEquals("DISABLED", pqStatus(c));
      ConnectionPool.release(c);
      Connection again = pool.borrow();
      try {
        assertWriteRefused(again);
      } finally {
        ConnectionPool.release(again);
      }
    }
    try (ConnectionPool pool = new ConnectionPool(db(true), 1, 30, 0)) {
      Connection c = pool.borrow();
      try {
        assertEquals("ENABLED", pqStatus(c), "oracle: { parallel_query: true }");
      } finally {
        ConnectionPool.release(c);
      }
    }
  }

  private static void assertWriteRefused(Connection c) {
    SQLException e = assertThrows(SQLException.class, () -> {
      try (Statement st = c.createStatement()) {
        st.executeUpdate("INSERT INTO " + USER + ".T VALUES (-1, 'x')");
      }
    });
    assertEquals(1456, e.getErrorCode(), e.getMessage()); // may not insert/delete/update inside a READ ONLY transaction
  }

  private static String pqStatus(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT PQ_STATUS FROM V$SESSION WHERE SID = SYS_CONTEXT('USERENV', 'SID')")) {
      rs.next();
      return rs.getString(1);
    }
  }

  // ----- item 9: a killed session

  @Test
  void aKilledSessionIsALostConnectionAndIsEvicted() throws Exception {
    try (ConnectionPool pool = new ConnectionPool(db(false), 1, 30, 0);
        Connection system = DriverManager.getConnection(ORACLE.getJdbcUrl(), "system", ORACLE.getPassword())) {
      Connection c = pool.borrow();
      String sidSerial = sidSerial(c);
      try (Statement st = system.createStatement()) {
        st.execute("ALTER SYSTEM KILL SESSION '" + sidSerial + "' IMMEDIATE");
      }
      SQLException lost = assertThrows(SQLException.class, () -> sidSerial(c));
      assertEquals(SqlErrorKind.CONNECTION_LOST,
          SqlErrors.classify(lost, DatabaseTypes.of(Platform.ORACLE), false).kind(), lost.toString());
      ConnectionPool.release(c);
      Connection next = pool.borrow();
      try {
        assertNotEquals(sidSerial, sidSerial(next), "the killed session was lent again");
      } finally {
        ConnectionPool.release(next);
      }
    }
  }

  private static String sidSerial(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT SID || ',' || SERIAL# FROM V$SESSION"
        + " WHERE SID = SYS_CONTEXT('USERENV', 'SID')")) {
      rs.next();
      return rs.getString(1);
    }
  }

  // ----- item 10: synonyms and views

  @Test
  void namesResolveThroughTheRealDictionary() throws Exception {
    try (Connection c = DriverManager.getConnection(ORACLE.getJdbcUrl(), USER, PASSWORD)) {
      OracleCatalogNames names = new OracleCatalogNames();
      CatalogNames.Rows rows = (sql, params) -> rows(c, sql, params);
      assertEquals(new CatalogNames.Resolution(CatalogNames.Kind.TABLE, USER, "T", ""), names.resolve(USER, "T", rows));
      assertEquals(new CatalogNames.Resolution(CatalogNames.Kind.TABLE, USER, "T", USER + ".S2 -> " + USER + ".S -> "
          + USER + ".T"), names.resolve(USER, "S2", rows));
      assertEquals(CatalogNames.Kind.VIEW, names.resolve(USER, "V", rows).kind());
      assertTrue(names.resolve(USER, "REMOTE", rows).detail().contains("over a database link"));
      assertEquals("is a SEQUENCE, not a table or view", names.resolve(USER, "Q", rows).detail());
    }
  }

  /** The whole run: a synonym given as the table is compared as its table. */
  @Test
  void aSynonymIsComparedAsItsTable() throws Exception {
    String database = Tables.database(ORACLE.getJdbcUrl(), USER, PASSWORD);
    Path cfg = Tables.config(dir, database, database, "  pushdown: false\n",
        "  - table_name: " + USER + ".S\n    target_table: " + USER + ".T\n");
    CliRunner.Result r = CliRunner.run(cfg.toString());
    assertEquals(0, r.code(), r.all());
    Path view = Tables.config(dir.resolve("view"), database, database, "", "  - table_name: " + USER + ".V\n");
    CliRunner.Result v = CliRunner.run(view.toString());
    assertTrue(v.all().contains("is a view, which has no primary key"), v.all());
  }

  private static List<List<String>> rows(Connection c, String sql, String... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      List<List<String>> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.add(rs.getString(i));
          }
          out.add(row);
        }
      }
      return out;
    }
  }

  // ----- item 11: foreign keys in one query

  @Test
  void foreignKeysInOneQueryEqualGetImportedKeys() throws Exception {
    List<TableRef> tables = List.of(new TableRef(USER, "CHILD"), new TableRef(USER, "PARENT"), new TableRef(USER, "T"));
    try (ConnectionPool pool = new ConnectionPool(db(false), 1, 30, 0);
        Connection c = DriverManager.getConnection(ORACLE.getJdbcUrl(), USER, PASSWORD)) {
      List<ForeignKey> now = ForeignKeys.of(pool, tables);
      List<ForeignKey> before = new ArrayList<>();
      for (TableRef t : tables) {
        try (ResultSet rs = c.getMetaData().getImportedKeys(null, t.schema(), t.table())) {
          while (rs.next()) {
            ForeignKey fk = new ForeignKey(new TableRef(rs.getString("FKTABLE_SCHEM"), rs.getString("FKTABLE_NAME")),
                new TableRef(rs.getString("PKTABLE_SCHEM"), rs.getString("PKTABLE_NAME")), rs.getString("FK_NAME"));
            if (!before.contains(fk)) {
              before.add(fk);
            }
          }
        }
      }
      assertEquals(2, before.size(), before.toString());
      assertEquals(new HashSet<>(before), new HashSet<>(now));
      assertEquals(List.of("BOSS"), ForeignKeys.selfReferences(pool, tables.get(0)).get(0).columns());
    }
  }
}
