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

/**
 * A borrowed connection that watches every error of itself and of the statements, result sets and
 * metadata made from it (HikariCP's {@code ProxyConnection.checkException} is the model): an error
 * the vendor object classifies as a lost connection marks it broken, and
 * {@link ConnectionPool#release} then evicts it instead of returning it to the pool, where the next
 * borrower would get a dead connection (the pool does not validate a connection used a moment ago).
 */
final class CheckedConnection implements InvocationHandler {
  private final Connection delegate;
  private final DatabaseType type;
  private volatile boolean broken;
  /** The proxy handed out: what {@code getConnection()} of a statement returns. */
  private Connection self;

  private CheckedConnection(Connection delegate, DatabaseType type) {
    this.delegate = delegate;
    this.type = type;
  }

  static Connection wrap(Connection delegate, DatabaseType type) {
    CheckedConnection h = new CheckedConnection(delegate, type);
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

  @Override
  public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
    return call(delegate, m, args, proxy);
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
    InvocationHandler h = (proxy, m, args) -> call(target, m, args, proxy);
    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {type}, h);
  }
}
