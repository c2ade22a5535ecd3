package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Platform;
import io.dbcompare.error.CompareException;
import io.dbcompare.jdbc.ConnectionPool;
import io.dbcompare.jdbc.SqlErrors;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A pooled connection whose backend a DBA terminated ({@code pg_terminate_backend}) is evicted when it
 * is released: the next borrower gets a fresh, working connection, and the dead backend is gone. The
 * pool has room for one connection and does not validate a connection used within the last seconds.
 * (pgJDBC also marks such a connection closed after the FATAL error, which UCP notices too; that a
 * connection the driver still thinks open is evicted is shown by {@code jdbc.CheckedConnectionTest}.)
 */
class PostgresPoolEvictionTest {

  @Test
  void aTerminatedBackendIsEvictedAndTheNextBorrowWorks() throws Exception {
    PgTestDb.requireServer();
    DatabaseConfig db = new DatabaseConfig("source", PgTestDb.adminUrl("postgres"), PgTestDb.ADMIN_USER, null,
        Platform.POSTGRESQL, Map.of());
    try (ConnectionPool pool = new ConnectionPool(db, 1, 10, 0);
        Connection admin = DriverManager.getConnection(PgTestDb.adminUrl("postgres"), PgTestDb.ADMIN_USER, "")) {
      Connection first = pool.borrow();
      int firstPid = pid(first);
      terminate(admin, firstPid);
      SQLException lost = assertThrows(SQLException.class, () -> pid(first));
      CompareException e = SqlErrors.translate(lost, "reading T chunk 1", db);
      assertTrue(e.retryable(), e.getMessage());
      ConnectionPool.release(first);

      Connection second = pool.borrow();
      try {
        int secondPid = pid(second);
        assertNotEquals(firstPid, secondPid, "the terminated connection was lent again");
        assertEquals(0, backends(admin, firstPid));
      } finally {
        ConnectionPool.release(second);
      }
    }
  }

  private static int pid(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Terminates a backend and waits until it is gone, so the next use of its connection fails. */
  private static void terminate(Connection admin, int pid) throws Exception {
    try (PreparedStatement ps = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
      ps.setInt(1, pid);
      ps.executeQuery().close();
    }
    for (int i = 0; i < 200 && backends(admin, pid) > 0; i++) {
      Thread.sleep(25);
    }
    assertEquals(0, backends(admin, pid), "backend " + pid + " did not end");
  }

  private static int backends(Connection admin, int pid) throws SQLException {
    try (PreparedStatement ps = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
      ps.setInt(1, pid);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
