package io.dbcompare.jdbc;

import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import oracle.ucp.jdbc.PoolDataSource;
import oracle.ucp.jdbc.PoolDataSourceFactory;

/**
 * A UCP connection pool for one side. Every borrowed connection is read-only, not auto-committing (so
 * drivers stream with a fetch size) and has the dialect's session settings applied. Connecting gives up
 * after {@code connect_timeout_seconds} (see {@link ConnectTimeouts}); chunk and planning statements
 * get {@code query_timeout_seconds} through {@link #applyQueryTimeout}.
 */
public final class ConnectionPool implements AutoCloseable {
  private final DatabaseConfig db;
  private final Dialect dialect;
  private final PoolDataSource pds;
  private final String poolName;
  private final Properties connectionProperties = new Properties();
  private final String connectUrl;
  private final int connectTimeoutSeconds;
  private final int queryTimeoutSeconds;

  public ConnectionPool(DatabaseConfig db, Dialect dialect, int maxSize, int connectTimeoutSeconds) {
    this(db, dialect, maxSize, connectTimeoutSeconds, 0);
  }

  /** @param queryTimeoutSeconds limit of a chunk or planning query; 0 for none */
  public ConnectionPool(DatabaseConfig db, Dialect dialect, int maxSize, int connectTimeoutSeconds,
      int queryTimeoutSeconds) {
    this.db = db;
    this.dialect = dialect;
    this.poolName = "compare-" + db.side() + "-" + Integer.toHexString(System.identityHashCode(this));
    this.connectUrl = ConnectTimeouts.url(db.platform(), db.url(), connectTimeoutSeconds);
    this.connectTimeoutSeconds = connectTimeoutSeconds;
    this.queryTimeoutSeconds = queryTimeoutSeconds;
    try {
      pds = PoolDataSourceFactory.getPoolDataSource();
      pds.setConnectionPoolName(poolName);
      pds.setConnectionFactoryClassName(factoryClass(db.platform()));
      pds.setURL(connectUrl);
      if (db.username() != null) {
        pds.setUser(db.username());
      }
      if (db.password() != null) {
        pds.setPassword(db.password());
      }
      Properties props = new Properties();
      props.putAll(db.properties());
      ConnectTimeouts.addConnectionProperties(db.platform(), props, connectTimeoutSeconds);
      if (db.platform() == Platform.POSTGRESQL) {
        props.putIfAbsent("ApplicationName", "table-compare");
      }
      if (db.platform() == Platform.ORACLE) {
        props.putIfAbsent("v$session.program", "table-compare");
      }
      connectionProperties.putAll(props);
      if (!props.isEmpty()) {
        pds.setConnectionProperties(props);
      }
      pds.setInitialPoolSize(0);
      pds.setMinPoolSize(0);
      pds.setMaxPoolSize(maxSize);
      pds.setConnectionWaitDuration(java.time.Duration.ofSeconds(connectTimeoutSeconds));
      pds.setValidateConnectionOnBorrow(true);
      // a connection used within the last seconds is not validated again (one round trip per query less)
      pds.setSecondsToTrustIdleConnection(5);
      pds.setLoginTimeout(connectTimeoutSeconds);
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "setting up the connection pool", db);
    }
  }

  private static String factoryClass(Platform p) {
    return switch (p) {
      case ORACLE -> "oracle.jdbc.pool.OracleDataSource";
      case POSTGRESQL -> "org.postgresql.Driver";
      case H2 -> "org.h2.Driver";
    };
  }

  public DatabaseConfig database() {
    return db;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Limits a chunk or planning query to {@code query_timeout_seconds} (when set). */
  public void applyQueryTimeout(Statement st) throws SQLException {
    if (queryTimeoutSeconds > 0) {
      st.setQueryTimeout(queryTimeoutSeconds);
    }
  }

  /** A ready connection: read-only, auto-commit off, session settings applied. */
  public Connection borrow() {
    Connection c;
    try {
      c = pds.getConnection();
    } catch (SQLException e) {
      throw SqlErrors.translate(unwrapPoolError(e), "connecting to " + db.describe(), db);
    }
    try {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      try (Statement st = c.createStatement()) {
        for (String sql : dialect.sessionSetup()) {
          st.execute(sql);
        }
      }
      return c;
    } catch (SQLException e) {
      closeQuietly(c);
      throw SqlErrors.translate(e, "preparing the session", db);
    }
  }

  /** UCP wraps the driver's error; the driver's SQLState and vendor code are what classify it. */
  private static SQLException unwrapPoolError(SQLException e) {
    Throwable t = e;
    while (t != null) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        return s;
      }
      t = t.getCause();
    }
    return e;
  }

  /** Ends the read-only transaction and returns the connection to the pool. */
  public static void release(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // a broken connection: closing it below discards it
    }
    closeQuietly(c);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // nothing useful to do when returning a broken connection
    }
  }

  /**
   * Checks that the database can be reached with the configured credentials, with one direct driver
   * connection: the pool would keep retrying a rejected login until its wait timeout.
   */
  public void verify() {
    Properties props = new Properties();
    props.putAll(connectionProperties);
    if (db.username() != null) {
      props.setProperty("user", db.username());
    }
    if (db.password() != null) {
      props.setProperty("password", db.password());
    }
    ConnectTimeouts.addLoginCheckProperties(db.platform(), connectUrl, props, connectTimeoutSeconds);
    try {
      java.sql.Driver driver = java.sql.DriverManager.getDriver(connectUrl);
      try (Connection c = driver.connect(connectUrl, props)) {
        if (c == null) {
          throw new CompareException(ErrorCode.CONFIG, db.side() + "_database.url: no driver accepts " + db.displayUrl());
        }
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "connecting to " + db.describe(), db);
    }
  }

  @Override
  public void close() {
    try {
      oracle.ucp.admin.UniversalConnectionPoolManager mgr =
          oracle.ucp.admin.UniversalConnectionPoolManagerImpl.getUniversalConnectionPoolManager();
      mgr.destroyConnectionPool(poolName);
    } catch (Exception e) {
      // the pool may never have been started (no connection was borrowed)
    }
  }
}
