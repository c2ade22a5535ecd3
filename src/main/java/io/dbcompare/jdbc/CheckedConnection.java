package io.dbcompare.jdbc;

import io.dbcompare.vendor.DatabaseType;
import io.dbcompare.vendor.SqlErrorKind;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A borrowed connection that watches every error of itself and of the statements, result sets and
 * metadata made from it (HikariCP's {@code ProxyConnection.checkException} is the model): an error
 * the vendor object classifies as a lost connection marks it broken, and
 * {@link ConnectionPool#release} then evicts it instead of returning it to the pool, where the next
 * borrower would get a dead connection (the pool does not validate a connection used a moment ago).
 *
 * <p>It also keeps a comparison connection read-only across transactions: the statements that must
 * start every transaction (Oracle's {@code SET TRANSACTION READ ONLY}) run again after each
 * {@code commit()} and {@code rollback()} made through it.
 */
final class CheckedConnection implements InvocationHandler {
  private final Connection delegate;
  private final DatabaseType type;
  private final List<String> eachTransaction;
  private volatile boolean broken;
  /** The proxy handed out: what {@code getConnection()} of a statement returns. */
  private Connection self;

  private CheckedConnection(Connection delegate, DatabaseType type, List<String> eachTransaction) {
    this.delegate = delegate;
    this.type = type;
    this.eachTransaction = List.copyOf(eachTransaction);
  }

  static Connection wrap(Connection delegate, DatabaseType type) {
    return wrap(delegate, type, List.of());
  }

  /** @param eachTransaction statements that start every transaction: run by {@link #startTransaction} */
  static Connection wrap(Connection delegate, DatabaseType type, List<String> eachTransaction) {
    CheckedConnection h = new CheckedConnection(delegate, type, eachTransaction);
    h.self = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        h);
    return h.self;
  }

  /** The checker of a connection this class wrapped; null for any other connection. */
  static CheckedConnection of(Connection c) {
    return c != null && Proxy.isProxyClass(c.getClass()) && Proxy.getInvocationHandler(c) instanceof CheckedConnection h
        ? h
        : null;
  }

  Connection delegate() {
    return delegate;
  }

  boolean broken() {
    return broken;
  }

  void markBroken() {
    broken = true;
  }

  /** Marks the connection broken when {@code e} says it is lost. */
  void check(SQLException e) {
    if (!broken && SqlErrors.classify(e, type, false).kind() == SqlErrorKind.CONNECTION_LOST) {
      broken = true;
    }
  }

  /** Runs the statements that start a transaction; the connection must be at the start of one. */
  void startTransaction() throws SQLException {
    if (eachTransaction.isEmpty()) {
      return;
    }
    try (Statement st = delegate.createStatement()) {
      for (String sql : eachTransaction) {
        st.execute(sql);
      }
    } catch (SQLException e) {
      check(e);
      throw e;
    }
  }

  @Override
  public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
    Object result = call(delegate, m, args, proxy);
    if ((args == null || args.length == 0) && (m.getName().equals("commit") || m.getName().equals("rollback"))) {
      startTransaction(); // the transaction ended, and the read-only state with it
    }
    return result;
  }

  /** Calls {@code m} on {@code target}, checking its error and wrapping what it returns. */
  private Object call(Object target, Method m, Object[] args, Object proxy) throws Throwable {
    if (m.getDeclaringClass() == Object.class) {
      return switch (m.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> m.invoke(target, args);
      };
    }
    Object result;
    try {
      result = m.invoke(target, args);
    } catch (InvocationTargetException ite) {
      if (ite.getCause() instanceof SQLException e) {
        check(e);
      }
      throw ite.getCause();
    }
    Class<?> r = m.getReturnType();
    if (result != null && r.isInterface()
        && (Statement.class.isAssignableFrom(r) || r == ResultSet.class || r == DatabaseMetaData.class)) {
      return child(result, r);
    }
    if (r == Connection.class && result == delegate) {
      return self; // a statement's getConnection(): never the unchecked one
    }
    return result;
  }

  private Object child(Object target, Class<?> type) {
    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {type}, new Child(target));
  }

  /** The handler of a statement, result set or metadata made from the checked connection. */
  private final class Child implements InvocationHandler {
    private final Object target;

    Child(Object target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
      return call(target, m, args, proxy);
    }

    CheckedConnection owner() {
      return CheckedConnection.this;
    }
  }

  /**
   * A result set to read row by row without a reflective call per value (a tenth of the time of a
   * comparison hashed in Java), and the checker its errors go to.
   */
  record DirectRows(ResultSet rows, CheckedConnection checker) {
    /** Passes an error of {@link #rows} on as the checked result set would have: a lost connection is marked. */
    SQLException checked(SQLException e) {
      if (checker != null) {
        checker.check(e);
      }
      return e;
    }
  }

  /**
   * The driver's result set behind {@code rs} and its connection's checker; {@code rs} itself (and no
   * checker) when it is not one this class made. Every SQLException of the driver's result set must go
   * through {@link DirectRows#checked}; closing stays with {@code rs}.
   *
   * <p>The pool's proxy is passed too, where it unwraps to the driver's result set (UCP's does): it renews
   * its connection's heartbeat and checks its state on every call, a tenth of the Java path in a profile.
   * The heartbeat only feeds UCP's abandoned-connection and time-to-live timeouts, which
   * {@link ConnectionPool} leaves off; a lost connection is found by the checker as before.
   */
  static DirectRows direct(ResultSet rs) {
    if (Proxy.isProxyClass(rs.getClass()) && Proxy.getInvocationHandler(rs) instanceof Child c
        && c.target instanceof ResultSet pooled) {
      return new DirectRows(unwrapped(pooled), c.owner());
    }
    return new DirectRows(rs, null);
  }

  /** The driver's object behind the pool's proxy; the proxy itself when it does not say. */
  private static ResultSet unwrapped(ResultSet pooled) {
    try {
      ResultSet driver = pooled.unwrap(ResultSet.class);
      return driver != null ? driver : pooled;
    } catch (SQLException e) {
      return pooled;
    }
  }
}
