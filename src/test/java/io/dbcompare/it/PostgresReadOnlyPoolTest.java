package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Platform;
import io.dbcompare.jdbc.ConnectionPool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A comparison connection refuses writes in the database even for a superuser that may write: in its
 * first transaction, after a commit, after a rollback, and when the pool lends the same backend again
 * (SQLState 25006, read-only transaction). The pool holds one connection, so every borrow is the same
 * backend.
 */
class PostgresReadOnlyPoolTest {
  private PgTestDb db;

  @AfterEach
  void drop() throws SQLException {
    if (db != null) {
      db.drop();
    }
  }

  @Test
  void comparisonConnectionsRefuseWritesAcrossTransactionsAndBorrows() throws Exception {
    db = PgTestDb.create("tc_ro_pool_" + ProcessHandle.current().pid());
    db.exec("CREATE TABLE app.t (id int)");
    DatabaseConfig cfg = new DatabaseConfig("target", db.url(), db.user(), null, Platform.POSTGRESQL, Map.of());
    try (ConnectionPool pool = new ConnectionPool(cfg, 1, 10, 0)) {
      Connection c = pool.borrow();
      int pid = pid(c);
      assertRefused(c);
      c.rollback();
      assertRefused(c);
      c.commit();
      assertRefused(c);
      ConnectionPool.release(c);

      Connection again = pool.borrow();
      try {
        assertEquals(pid, pid(again), "the pool lent the same backend");
        assertRefused(again);
      } finally {
        ConnectionPool.release(again);
      }
    }
    try (Connection admin = java.sql.DriverManager.getConnection(db.url(), db.user(), "");
        ResultSet rs = admin.createStatement().executeQuery("SELECT count(*) FROM app.t")) {
      rs.next();
      assertEquals(0, rs.getInt(1), "no row was written");
    }
  }

  private static void assertRefused(Connection c) throws SQLException {
    SQLException e = assertThrows(SQLException.class, () -> {
      try (Statement st = c.createStatement()) {
        st.executeUpdate("INSERT INTO app.t VALUES (1)");
      }
    });
    assertEquals("25006", e.getSQLState(), e.getMessage());
    c.rollback(); // the failed statement aborted the transaction
  }

  private static int pid(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
