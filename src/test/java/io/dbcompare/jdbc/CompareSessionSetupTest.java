package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.OracleOptions;
import io.dbcompare.config.Platform;
import io.dbcompare.vendor.DatabaseType;
import io.dbcompare.vendor.DatabaseTypes;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import oracle.ucp.jdbc.ValidConnection;
import org.junit.jupiter.api.Test;

/**
 * What a comparison connection is told each time the pool lends it, seen on a fake driver connection
 * that records every call. Oracle's driver sends nothing for {@code setReadOnly(true)}, so the database
 * must be told: {@code SET TRANSACTION READ ONLY} starts every transaction, on every borrow and again
 * after every commit or rollback, and never runs on the connection while it sits in the pool. Parallel
 * query is off unless the configuration asks for it.
 */
class CompareSessionSetupTest {
  private static final String NLS = "ALTER SESSION SET NLS_SORT=BINARY NLS_COMP=BINARY NLS_NUMERIC_CHARACTERS='.,'"
      + " NLS_DATE_FORMAT='YYYY-MM-DD HH24:MI:SS' NLS_TIMESTAMP_FORMAT='YYYY-MM-DD HH24:MI:SS.FF9'"
      + " NLS_TIMESTAMP_TZ_FORMAT='YYYY-MM-DD HH24:MI:SS.FF9 TZH:TZM' TIME_ZONE='+00:00'";

  /** A driver connection that records what is done to it; {@code failOn} makes that statement fail. */
  private static final class Recording {
    final List<String> calls = new ArrayList<>();
    final List<String> batch = new ArrayList<>();
    int batches;
    String failOn;
    final Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Connection.class, ValidConnection.class}, (p, m, a) -> switch (m.getName()) {
          case "createStatement" -> statement();
          case "commit", "rollback", "close", "setInvalid" -> {
            calls.add(m.getName());
            yield null;
          }
          case "setAutoCommit", "setReadOnly" -> {
            calls.add(m.getName() + "(" + a[0] + ")");
            yield null;
          }
          case "hashCode" -> System.identityHashCode(p);
          case "equals" -> p == a[0];
          default -> null;
        });

    private Statement statement() {
      return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
          (p, m, a) -> switch (m.getName()) {
            case "execute" -> {
              if (a[0].equals(failOn)) {
                throw new SQLException("ORA-03113: end-of-file on communication channel", "08006", 3113);
              }
              calls.add((String) a[0]);
              yield false;
            }
            case "addBatch" -> {
              batch.add((String) a[0]);
              yield null;
            }
            case "executeBatch" -> {
              batches++;
              for (String sql : batch) {
                if (sql.equals(failOn)) {
                  throw new SQLException("ORA-03113: end-of-file on communication channel", "08006", 3113);
                }
                calls.add(sql);
              }
              int[] counts = new int[batch.size()];
              batch.clear();
              yield counts;
            }
            default -> null;
          });
    }

    List<String> take() {
      List<String> out = List.copyOf(calls);
      calls.clear();
      return out;
    }
  }

  private static DatabaseConfig oracle(boolean parallelQuery) {
    return new DatabaseConfig("source", "jdbc:oracle:thin:@//db:1521/P", "u", "p", Platform.ORACLE, Map.of(),
        new OracleOptions(parallelQuery));
  }

  private static Connection borrow(Recording raw, DatabaseConfig db) throws SQLException {
    DatabaseType type = DatabaseTypes.of(db);
    return ConnectionPool.prepare(raw.connection, type, type.dialect(), db);
  }

  @Test
  void oracleStartsEveryTransactionReadOnlyOnEveryBorrow() throws SQLException {
    Recording raw = new Recording();
    Connection c = borrow(raw, oracle(false));
    assertEquals(List.of("setAutoCommit(false)", "setReadOnly(true)", NLS, "ALTER SESSION DISABLE PARALLEL QUERY",
        "SET TRANSACTION READ ONLY"), raw.take());
    // a commit or a rollback ends the read-only transaction: the next one starts read-only again
    c.commit();
    assertEquals(List.of("commit", "SET TRANSACTION READ ONLY"), raw.take());
    c.rollback();
    assertEquals(List.of("rollback", "SET TRANSACTION READ ONLY"), raw.take());
    // returned to the pool: rolled back, and nothing started (the next borrow's statement must be the first)
    ConnectionPool.release(c);
    assertEquals(List.of("rollback", "close"), raw.take());
    // the pool lends the same driver connection again: told again
    Connection again = borrow(raw, oracle(false));
    assertEquals(List.of("setAutoCommit(false)", "setReadOnly(true)", NLS, "ALTER SESSION DISABLE PARALLEL QUERY",
        "SET TRANSACTION READ ONLY"), raw.take());
    ConnectionPool.release(again);
  }

  @Test
  void oracleParallelQueryStaysOnWhenTheConfigurationAsks() throws SQLException {
    Recording raw = new Recording();
    ConnectionPool.release(borrow(raw, oracle(true)));
    assertEquals(List.of("setAutoCommit(false)", "setReadOnly(true)", NLS, "SET TRANSACTION READ ONLY", "rollback",
        "close"), raw.take());
  }

  @Test
  void postgresqlSessionsDefaultToReadOnlyTransactions() throws SQLException {
    Recording raw = new Recording();
    DatabaseConfig db = new DatabaseConfig("target", "jdbc:postgresql://db/app", "u", "p", Platform.POSTGRESQL,
        Map.of());
    Connection c = borrow(raw, db);
    List<String> calls = raw.take();
    assertEquals("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY", calls.get(calls.size() - 1), calls.toString());
    assertTrue(calls.contains("setReadOnly(true)"), calls.toString());
    assertTrue(calls.contains("SET TIME ZONE 'UTC'"), calls.toString());
    assertEquals(1, raw.batches, "the session setup is one batch: one round trip each time a connection is lent");
    c.commit();
    assertEquals(List.of("commit"), raw.take(), "the session default holds across transactions");
    ConnectionPool.release(c);
  }

  /** A connection lost while being prepared is evicted (setInvalid, close), never lent or pooled again. */
  @Test
  void aConnectionLostWhileStartingReadOnlyIsEvicted() {
    Recording raw = new Recording();
    raw.failOn = "SET TRANSACTION READ ONLY";
    SQLException e = assertThrows(SQLException.class, () -> borrow(raw, oracle(false)));
    assertEquals(3113, e.getErrorCode());
    List<String> calls = raw.take();
    assertEquals(List.of("setInvalid", "close"), calls.subList(calls.size() - 2, calls.size()), calls.toString());
  }
}
