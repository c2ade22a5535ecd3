package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dbcompare.config.DatabaseConfig;
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
 * A PostgreSQL comparison connection whose side shares an exported snapshot, seen on a fake driver
 * connection that records every call: REPEATABLE READ is set before any statement, the transaction the
 * session settings began is committed (keeping them), and {@code SET TRANSACTION SNAPSHOT} is the first
 * statement of every transaction: on every borrow and again after every commit and rollback. Where no
 * snapshot is shared nothing of this happens.
 */
class SharedSnapshotSetupTest {
  private static final String IMPORT = "SET TRANSACTION SNAPSHOT '00000004-00019644-1'";
  private static final String READ_ONLY = "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY";
  private static final DatabaseConfig PG = new DatabaseConfig("source", "jdbc:postgresql://db/app", "u", "p",
      Platform.POSTGRESQL, Map.of());

  private final List<String> calls = new ArrayList<>();
  private final Connection raw = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
      new Class<?>[] {Connection.class, ValidConnection.class}, (p, m, a) -> switch (m.getName()) {
        case "createStatement" -> statement();
        case "commit", "rollback", "close" -> {
          calls.add(m.getName());
          yield null;
        }
        case "setAutoCommit", "setReadOnly", "setTransactionIsolation" -> {
          calls.add(m.getName() + "(" + a[0] + ")");
          yield null;
        }
        case "hashCode" -> System.identityHashCode(p);
        case "equals" -> p == a[0];
        default -> null;
      });

  private Statement statement() {
    List<String> batch = new ArrayList<>();
    return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
        (p, m, a) -> {
          if (m.getName().equals("execute")) {
            calls.add((String) a[0]);
            return false;
          }
          if (m.getName().equals("addBatch")) {
            batch.add((String) a[0]);
            return null;
          }
          if (m.getName().equals("executeBatch")) {
            // a PostgreSQL connection's setup is one batch: its statements run in order
            calls.addAll(batch);
            int[] counts = new int[batch.size()];
            batch.clear();
            return counts;
          }
          return null;
        });
  }

  private List<String> take() {
    List<String> out = List.copyOf(calls);
    calls.clear();
    return out;
  }

  private Connection borrow(ConnectionPool.SharedSnapshot shared) throws SQLException {
    DatabaseType type = DatabaseTypes.of(PG);
    return ConnectionPool.prepare(raw, type, type.dialect(), PG, shared);
  }

  @Test
  void everyTransactionStartsByImportingTheSnapshot() throws SQLException {
    ConnectionPool.SharedSnapshot shared = new ConnectionPool.SharedSnapshot("00000004-00019644-1", IMPORT,
        Connection.TRANSACTION_REPEATABLE_READ);
    Connection c = borrow(shared);
    List<String> setup = take();
    assertEquals(List.of("setAutoCommit(false)", "setTransactionIsolation(4)", "setReadOnly(true)"),
        setup.subList(0, 3), setup.toString());
    assertEquals(List.of(READ_ONLY, "commit", IMPORT), setup.subList(setup.size() - 3, setup.size()),
        setup.toString());
    c.commit();
    assertEquals(List.of("commit", IMPORT), take());
    c.rollback();
    assertEquals(List.of("rollback", IMPORT), take());
    ConnectionPool.release(c);
    assertEquals(List.of("rollback", "close"), take(), "nothing starts while the connection sits in the pool");
    ConnectionPool.release(borrow(shared));
    List<String> again = take();
    assertEquals(List.of(READ_ONLY, "commit", IMPORT, "rollback", "close"), again.subList(again.size() - 5,
        again.size()), again.toString());
  }

  @Test
  void withoutASharedSnapshotNothingChanges() throws SQLException {
    Connection c = borrow(null);
    List<String> setup = take();
    assertEquals(READ_ONLY, setup.get(setup.size() - 1), setup.toString());
    assertEquals(List.of("setAutoCommit(false)", "setReadOnly(true)"), setup.subList(0, 2));
    c.commit();
    assertEquals(List.of("commit"), take());
    ConnectionPool.release(c);
  }
}
