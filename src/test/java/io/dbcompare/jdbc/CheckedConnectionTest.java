package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dbcompare.config.Platform;
import io.dbcompare.vendor.DatabaseTypes;
import java.lang.reflect.Proxy;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import oracle.ucp.jdbc.ValidConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A connection that failed with a connection-class error is evicted on release (UCP's
 * {@code setInvalid}, then close), never returned to the pool; any other error returns it after a
 * rollback. The pooled connection is a fake that records what is done to it and, like a driver that has
 * not noticed its socket is dead, still says it is open and rolls back without complaint.
 */
class CheckedConnectionTest {

  /** A pooled connection (UCP's proxy implements ValidConnection) whose statements fail as told. */
  private static final class Fake {
    final List<String> calls = new ArrayList<>();
    SQLException onExecute;
    SQLException onNext;
    SQLException onRollback;
    private Connection connection;

    Connection connection() {
      if (connection == null) {
        connection = create();
      }
      return connection;
    }

    private Connection create() {
      return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {Connection.class, ValidConnection.class}, (p, m, a) -> switch (m.getName()) {
            case "createStatement" -> statement();
            case "rollback" -> {
              calls.add("rollback");
              if (onRollback != null) {
                throw onRollback;
              }
              yield null;
            }
            case "setInvalid", "close" -> {
              calls.add(m.getName());
              yield null;
            }
            case "isClosed" -> false;
            case "hashCode" -> System.identityHashCode(p);
            case "equals" -> p == a[0];
            default -> null;
          });
    }

    private Statement statement() {
      return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
          (p, m, a) -> switch (m.getName()) {
            case "executeQuery" -> {
              if (onExecute != null) {
                throw onExecute;
              }
              yield resultSet();
            }
            case "getConnection" -> connection;
            default -> null;
          });
    }

    /** The driver's result set behind the pool's: what {@code unwrap(ResultSet.class)} gives, as UCP's does. */
    final ResultSet driverRows = rows("driver");
    /** Records which result set was called: the pool's ("pool") or the driver's ("driver"). */
    final List<String> reads = new ArrayList<>();

    private ResultSet resultSet() {
      return rows("pool");
    }

    private ResultSet rows(String who) {
      return (ResultSet) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ResultSet.class},
          (p, m, a) -> {
            if (m.getName().equals("unwrap")) {
              return who.equals("pool") ? driverRows : p;
            }
            if (m.getName().equals("next")) {
              reads.add(who);
              if (onNext != null) {
                throw onNext;
              }
              return false;
            }
            return null;
          });
    }
  }

  private static Connection checked(Fake f, Platform p) {
    return CheckedConnection.wrap(f.connection(), DatabaseTypes.of(p));
  }

  @ParameterizedTest(name = "{0} SQLState {1} code {2}")
  @CsvSource({
      "POSTGRESQL, 08006, 0",
      "POSTGRESQL, 57P01, 0",
      "ORACLE, 08006, 17002",
      "ORACLE, 61000, 3113",
      "H2, 90067, 90067"})
  void aLostConnectionIsEvictedNotReturned(Platform p, String state, int code) {
    Fake f = new Fake();
    f.onExecute = new SQLException("lost", state, code);
    Connection c = checked(f, p);
    assertThrows(SQLException.class, () -> c.createStatement().executeQuery("SELECT 1"));
    ConnectionPool.release(c);
    assertEquals(List.of("setInvalid", "close"), f.calls);
  }

  @ParameterizedTest(name = "{0} SQLState {1} code {2}")
  @CsvSource({
      "POSTGRESQL, 42P01, 0",
      "POSTGRESQL, 57014, 0",
      "ORACLE, 72000, 1489",
      "ORACLE, 72000, 1555",
      "H2, 42S02, 42102"})
  void anyOtherErrorReturnsTheConnectionAfterARollback(Platform p, String state, int code) {
    Fake f = new Fake();
    f.onExecute = new SQLException("not a connection problem", state, code);
    Connection c = checked(f, p);
    assertThrows(SQLException.class, () -> c.createStatement().executeQuery("SELECT 1"));
    ConnectionPool.release(c);
    assertEquals(List.of("rollback", "close"), f.calls);
  }

  @Test
  void aConnectionLostWhileStreamingRowsIsEvicted() throws SQLException {
    Fake f = new Fake();
    f.onNext = new SQLException("no more data to read from socket", "08006", 17410);
    Connection c = checked(f, Platform.ORACLE);
    ResultSet rs = c.createStatement().executeQuery("SELECT 1");
    assertThrows(SQLException.class, rs::next);
    ConnectionPool.release(c);
    assertEquals(List.of("setInvalid", "close"), f.calls);
  }

  /** The driver's result set read directly (no proxy per value) still evicts on a lost connection. */
  @Test
  void aConnectionLostWhileReadingRowsDirectlyIsEvicted() throws SQLException {
    Fake f = new Fake();
    f.onNext = new SQLException("no more data to read from socket", "08006", 17410);
    Connection c = checked(f, Platform.ORACLE);
    ResultSet rs = c.createStatement().executeQuery("SELECT 1");
    CheckedConnection.DirectRows direct = CheckedConnection.direct(rs);
    assertNotSame(rs, direct.rows(), "the driver's result set, not the checked proxy");
    assertSame(f.driverRows, direct.rows(), "behind the pool's proxy too");
    SQLException e = assertThrows(SQLException.class, direct.rows()::next);
    assertEquals(List.of("driver"), f.reads);
    assertSame(e, direct.checked(e));
    ConnectionPool.release(c);
    assertEquals(List.of("setInvalid", "close"), f.calls);
  }

  @Test
  void aResultSetThatIsNotCheckedIsReadAsItIs() throws SQLException {
    Fake f = new Fake();
    ResultSet plain = f.connection().createStatement().executeQuery("SELECT 1");
    CheckedConnection.DirectRows direct = CheckedConnection.direct(plain);
    assertSame(plain, direct.rows());
    SQLException e = new SQLException("lost", "08006", 0);
    assertSame(e, direct.checked(e), "no checker: the error passes unchanged");
  }

  @Test
  void theLostConnectionBehindABatchErrorIsFound() {
    Fake f = new Fake();
    BatchUpdateException batch = new BatchUpdateException("batch entry 0 aborted", null, 0, new int[0]);
    batch.setNextException(new SQLException("An I/O error occurred while sending to the backend", "08006", 0));
    f.onExecute = batch;
    Connection c = checked(f, Platform.POSTGRESQL);
    assertThrows(SQLException.class, () -> c.createStatement().executeQuery("SELECT 1"));
    ConnectionPool.release(c);
    assertEquals(List.of("setInvalid", "close"), f.calls);
  }

  @Test
  void aConnectionThatCannotRollBackIsEvicted() {
    Fake f = new Fake();
    f.onRollback = new SQLException("rollback failed", "XX000", 0);
    ConnectionPool.release(checked(f, Platform.POSTGRESQL));
    assertEquals(List.of("rollback", "setInvalid", "close"), f.calls);
  }

  @Test
  void aStatementGivesTheCheckedConnectionBackNotTheUncheckedOne() throws SQLException {
    Fake f = new Fake();
    Connection c = checked(f, Platform.POSTGRESQL);
    assertSame(c, c.createStatement().getConnection());
  }
}
