package io.dbcompare.jdbc;

import io.dbcompare.compare.ReadPoint;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.dialect.DatabaseFacts;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.vendor.DatabaseType;
import io.dbcompare.vendor.DatabaseTypes;
import io.dbcompare.vendor.ReadOnlySession;
import io.dbcompare.vendor.SnapshotExport;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import oracle.ucp.jdbc.PoolDataSource;
import oracle.ucp.jdbc.PoolDataSourceFactory;
import oracle.ucp.jdbc.ValidConnection;

/**
 * A UCP connection pool for one side. Every borrowed connection refuses writes in the database (see
 * {@link #prepare}), is not auto-committing (so drivers stream with a fetch size) and has the dialect's
 * and the vendor's session settings applied. Connecting gives up
 * after {@code connect_timeout_seconds} (the vendor object's connect URL and properties); chunk and
 * planning statements get {@code query_timeout_seconds} through {@link #applyQueryTimeout}. A
 * connection that lost its server is evicted when released, never handed out again
 * ({@link CheckedConnection}).
 */
public final class ConnectionPool implements AutoCloseable {
  /** The program name a DBA sees for the comparison's sessions. */
  static final String PROGRAM = "table-compare";

  private final DatabaseConfig db;
  private final DatabaseType type;
  private final Dialect dialect;
  private final PoolDataSource pds;
  private final String poolName;
  private final Properties connectionProperties = new Properties();
  private final String connectUrl;
  private final int connectTimeoutSeconds;
  private final int queryTimeoutSeconds;
  /** The point in time every query of this side reads (snapshot: scn); rendered by the TableSpecs, named in errors. */
  private volatile ReadPoint readPoint = ReadPoint.NONE;
  /** The snapshot every transaction of this side imports (snapshot: exported); null: none. */
  private volatile SharedSnapshot shared;

  /** An exported snapshot shared by every transaction: its id, the statement that imports it, the isolation. */
  record SharedSnapshot(String id, String importStatement, int isolation) {}

  public ConnectionPool(DatabaseConfig db, Dialect dialect, int maxSize, int connectTimeoutSeconds) {
    this(db, dialect, maxSize, connectTimeoutSeconds, 0);
  }

  /** A pool with the platform's own dialect. */
  public ConnectionPool(DatabaseConfig db, int maxSize, int connectTimeoutSeconds, int queryTimeoutSeconds) {
    this(db, DatabaseTypes.of(db).dialect(), maxSize, connectTimeoutSeconds, queryTimeoutSeconds);
  }

  /** @param queryTimeoutSeconds limit of a chunk or planning query; 0 for none */
  public ConnectionPool(DatabaseConfig db, Dialect dialect, int maxSize, int connectTimeoutSeconds,
      int queryTimeoutSeconds) {
    this.db = db;
    this.type = DatabaseTypes.of(db);
    this.dialect = dialect;
    this.poolName = "compare-" + db.side() + "-" + Integer.toHexString(System.identityHashCode(this));
    this.connectUrl = type.connectUrl(db.url(), connectTimeoutSeconds);
    this.connectTimeoutSeconds = connectTimeoutSeconds;
    this.queryTimeoutSeconds = queryTimeoutSeconds;
    try {
      pds = PoolDataSourceFactory.getPoolDataSource();
      pds.setConnectionPoolName(poolName);
      pds.setConnectionFactoryClassName(type.connectionFactoryClass());
      pds.setURL(connectUrl);
      if (db.username() != null) {
        pds.setUser(db.username());
      }
      if (db.password() != null) {
        pds.setPassword(db.password());
      }
      Properties props = new Properties();
      props.putAll(db.properties());
      type.addConnectionProperties(props, connectTimeoutSeconds, PROGRAM);
      connectionProperties.putAll(props);
      type.addComparePoolProperties(props, queryTimeoutSeconds);
      if (!props.isEmpty()) {
        pds.setConnectionProperties(props);
      }
      pds.setInitialPoolSize(0);
      pds.setMinPoolSize(0);
      pds.setMaxPoolSize(maxSize);
      pds.setConnectionWaitDuration(java.time.Duration.ofSeconds(connectTimeoutSeconds));
      pds.setValidateConnectionOnBorrow(true);
      // a connection used within the last seconds is not validated again (one round trip per query less);
      // that is why a connection that failed must never go back (see release)
      pds.setSecondsToTrustIdleConnection(5);
      pds.setLoginTimeout(connectTimeoutSeconds);
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "setting up the connection pool", db);
    }
  }

  public DatabaseConfig database() {
    return db;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The vendor object of this side's database. */
  public DatabaseType databaseType() {
    return type;
  }

  private volatile DatabaseFacts facts;
  private final SchemaCatalog catalog = new SchemaCatalog(this);

  /** This side's catalog, read a schema at a time and kept for the run (the pool lives as long as the run). */
  public SchemaCatalog catalog() {
    return catalog;
  }

  /** What the comparison must know about this database (character sets, version), read once. */
  public DatabaseFacts facts() {
    DatabaseFacts f = facts;
    if (f == null) {
      Connection c = borrow();
      try {
        f = CatalogFacts.read(c, type);
        facts = f;
      } catch (SQLException e) {
        throw SqlErrors.translate(e, "reading the character sets and version of " + db.describe(), db);
      } finally {
        release(c);
      }
    }
    return f;
  }

  /**
   * Records that every comparison query of this side reads at {@code point} ({@code snapshot: scn}): the
   * queries render it from their {@link io.dbcompare.compare.TableSpec}; the pool names it in errors that
   * say the point can no longer be read ({@link SqlErrors#translateRead}).
   */
  public void readAt(ReadPoint point) {
    dialect.checkReadPoint(point);
    this.readPoint = point;
  }

  public ReadPoint readPoint() {
    return readPoint;
  }

  /**
   * Makes every transaction of a connection borrowed from now on start by importing the exported snapshot
   * {@code snapshotId} ({@code snapshot: exported}), in the isolation level the vendor object requires.
   * The statement joins the vendor's per-transaction statements, which run again after every commit and
   * rollback ({@link CheckedConnection}). Connections already lent keep their transaction.
   */
  public void shareSnapshot(String snapshotId) {
    SnapshotExport export = type.snapshotExport().orElseThrow(() -> new CompareException(ErrorCode.INTERNAL,
        type.displayName() + " has no exported snapshots"));
    this.shared = new SharedSnapshot(snapshotId, export.importStatement(snapshotId), export.isolation());
  }

  /** Transactions of connections borrowed from now on no longer import {@code snapshotId} (its exporter ended). */
  void stopSharing(String snapshotId) {
    SharedSnapshot s = shared;
    if (s != null && s.id().equals(snapshotId)) {
      shared = null;
    }
  }

  /** The exported snapshot this side's transactions import; empty when they do not share one. */
  public Optional<String> sharedSnapshot() {
    SharedSnapshot s = shared;
    return s == null ? Optional.empty() : Optional.of(s.id());
  }

  /** Limits a chunk or planning query to {@code query_timeout_seconds} (when set). */
  public void applyQueryTimeout(Statement st) throws SQLException {
    if (queryTimeoutSeconds > 0) {
      st.setQueryTimeout(queryTimeoutSeconds);
    }
  }

  /**
   * A ready connection: read-only in the database itself (the vendor object's {@link ReadOnlySession}),
   * auto-commit off, session settings applied; give it back with {@link #release}.
   */
  public Connection borrow() {
    return borrow(shared);
  }

  /**
   * A ready connection as {@link #borrow()} lends, whose transactions read the current data even while
   * this side shares an exported snapshot ({@code snapshot: exported}): for the reads that must see what
   * changed since the snapshot, the recheck of differing rows. (An SCN is no concern here: it is in the
   * queries, which take it from their table.)
   */
  public Connection borrowCurrent() {
    return borrow(null);
  }

  /** Connections lent so far (each costs its session setup and the rollback that returns it). */
  public long lends() {
    return lends.get();
  }

  private final AtomicLong lends = new AtomicLong();

  private Connection borrow(SharedSnapshot snapshot) {
    lends.incrementAndGet();
    Connection raw;
    try {
      raw = pds.getConnection();
    } catch (SQLException e) {
      // UCP wraps the driver's error; SqlErrors classifies by the driver's SQLState and vendor code in the chain
      throw SqlErrors.translate(e, "connecting to " + db.describe(), db);
    }
    try {
      return prepare(raw, type, dialect, db, snapshot);
    } catch (SQLException e) {
      // only an import can fail for the point's sake here: the SCN is in the queries, not the session setup
      throw snapshot == null ? SqlErrors.translate(e, "preparing the session", db)
          : SqlErrors.translateRead(e, "starting a transaction in the exported snapshot " + snapshot.id(), this,
              null, false);
    }
  }

  /**
   * Makes a connection the pool lent ready for comparing, every time it is lent: the dialect's session
   * settings, the vendor's comparison settings, and the statements that make it refuse writes (again
   * after every commit or rollback, see {@link CheckedConnection}). On an error the connection is
   * released (evicted when lost) and the error thrown.
   */
  static Connection prepare(Connection raw, DatabaseType type, Dialect dialect, DatabaseConfig db)
      throws SQLException {
    return prepare(raw, type, dialect, db, null);
  }

  /**
   * As {@link #prepare(Connection, DatabaseType, Dialect, DatabaseConfig)}, and with a shared snapshot
   * every transaction starts by importing it: the connection takes the isolation level the import needs
   * (before any statement: pgJDBC refuses to change it inside a transaction), and the transaction that
   * the session settings began (auto-commit is off, so PostgreSQL opened one for them) is committed, which
   * keeps the settings, so that the import is the first statement of the next one.
   */
  static Connection prepare(Connection raw, DatabaseType type, Dialect dialect, DatabaseConfig db,
      SharedSnapshot snapshot) throws SQLException {
    ReadOnlySession readOnly = type.readOnlySession();
    List<String> eachTransaction = new ArrayList<>(readOnly.eachTransaction());
    if (snapshot != null) {
      eachTransaction.add(snapshot.importStatement());
    }
    Connection c = CheckedConnection.wrap(raw, type, eachTransaction);
    try {
      c.setAutoCommit(false);
      if (snapshot != null) {
        c.setTransactionIsolation(snapshot.isolation());
      }
      c.setReadOnly(true); // a hint only (pgJDBC begins read-only transactions; ojdbc stores a flag)
      List<String> setup = new ArrayList<>(dialect.sessionSetup());
      setup.addAll(type.compareSessionSetup(db));
      setup.addAll(readOnly.onBorrow());
      try (Statement st = c.createStatement()) {
        if (dialect.pipelinesStatementBatches()) {
          // one round trip for all of them, not one each: a connection is set up every time it is lent,
          // and a chunk of a table with spread differences borrows several times
          for (String sql : setup) {
            st.addBatch(sql);
          }
          st.executeBatch();
        } else {
          for (String sql : setup) {
            st.execute(sql);
          }
        }
      }
      if (snapshot != null) {
        CheckedConnection.of(c).delegate().commit(); // the driver's: the checked one would start a transaction
      }
      // ALTER SESSION and SET SESSION start no Oracle transaction: this is still its first statement
      CheckedConnection.of(c).startTransaction();
      return c;
    } catch (SQLException e) {
      release(c);
      throw e;
    }
  }

  /**
   * Ends the read-only transaction and returns the connection to the pool, or evicts it: when an error
   * on it said the connection is lost, or when even the rollback fails (its state is then unknown).
   */
  public static void release(Connection c) {
    if (c == null) {
      return;
    }
    CheckedConnection checked = CheckedConnection.of(c);
    if (checked != null && !checked.broken()) {
      try {
        // the driver's rollback, not the checked one: that would start the next read-only transaction
        // now, and the next borrower's SET TRANSACTION would no longer be the first statement of one
        checked.delegate().rollback();
      } catch (SQLException e) {
        checked.markBroken();
      }
    } else if (checked == null) {
      try {
        c.rollback();
      } catch (SQLException ignored) {
        // not a pooled connection: closing it below ends it
      }
    }
    if (checked != null && checked.broken()) {
      evict(checked.delegate());
      return;
    }
    closeQuietly(c);
  }

  /** Closes a connection so that the pool discards it instead of lending it again (UCP's setInvalid). */
  static void evict(Connection raw) {
    try {
      if (raw instanceof ValidConnection v) {
        v.setInvalid();
      }
    } catch (SQLException ignored) {
      // closing below still ends our use of it; UCP validates it before lending it again
    }
    closeQuietly(raw);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // nothing useful to do when returning a broken connection
    }
  }

  /**
   * A connection outside the pool, with the pool's connection properties and credentials, for a
   * connection held for the whole run whatever the pool does (the exporter of a shared snapshot). The
   * caller closes it; it has none of the comparison's session settings.
   */
  public Connection openUnpooled() throws SQLException {
    Properties props = loginProperties();
    Connection c = java.sql.DriverManager.getDriver(connectUrl).connect(connectUrl, props);
    if (c == null) {
      throw new CompareException(ErrorCode.CONFIG, db.side() + "_database.url: no driver accepts " + db.displayUrl());
    }
    return c;
  }

  private Properties loginProperties() {
    Properties props = new Properties();
    props.putAll(connectionProperties);
    if (db.username() != null) {
      props.setProperty("user", db.username());
    }
    if (db.password() != null) {
      props.setProperty("password", db.password());
    }
    return props;
  }

  /**
   * Checks that the database can be reached with the configured credentials, with one direct driver
   * connection: the pool would keep retrying a rejected login until its wait timeout.
   */
  public void verify() {
    Properties props = loginProperties();
    type.addLoginCheckProperties(connectUrl, props, connectTimeoutSeconds);
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
