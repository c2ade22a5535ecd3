package io.dbcompare.vendor.oracle;

import io.dbcompare.compare.KeyOrders;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.ColumnDetails;
import io.dbcompare.dialect.DatabaseFacts;
import io.dbcompare.dialect.DdlTypes;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.OracleDdlTypes;
import io.dbcompare.dialect.OracleDialect;
import io.dbcompare.dialect.OraclePushdownSql;
import io.dbcompare.dialect.PushdownSql;
import io.dbcompare.dialect.SchemaCatalogSql;
import io.dbcompare.dialect.TargetCatalogSql;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.vendor.AbstractDatabaseType;
import io.dbcompare.vendor.CatalogNames;
import io.dbcompare.vendor.PinnedReadError;
import io.dbcompare.vendor.ScnSource;
import io.dbcompare.vendor.ReadOnlySession;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/** Oracle Database 12c and later, through the thin driver. */
public final class OracleType extends AbstractDatabaseType {
  /** ORA-01017 invalid username/password; ORA-28000 account locked; ORA-01005 null password; ORA-28001 expired. */
  private static final Set<Integer> AUTH = Set.of(1017, 28000, 1005, 28001);
  /**
   * A lost, killed or unusable session, or an instance that is going away (failover, switchover, shutdown):
   * retried on a new connection, and the old one is evicted. The driver's own table (ojdbc11 23.5
   * {@code oracle/jdbc/driver/errorMap.xml}) gives most of these SQLState 08006 and
   * {@code SQLRecoverableException}; they are listed here too, because a chained or wrapped error may
   * carry another SQLState.
   * <ul>
   *   <li>ORA-00028 session killed; ORA-00031 session marked for kill; ORA-00603 session terminated by
   *       fatal error; ORA-01012 not logged on (the session is gone)
   *   <li>ORA-01033 initialization or shutdown in progress; ORA-01034 ORACLE not available; ORA-01089
   *       immediate shutdown in progress; ORA-01090 shutdown in progress; ORA-01092 instance terminated;
   *       ORA-16456 switchover to standby in progress or completed
   *   <li>ORA-03113/03114/03135 connection lost; ORA-12170/12571 network timeout or failure; ORA-12514
   *       listener does not know the service (yet: during a switchover); ORA-12528 instances blocking new
   *       connections; ORA-12537 TNS connection closed; ORA-12541 no listener
   *   <li>ORA-25401 cannot continue fetches, ORA-25402 transaction must roll back, ORA-25408 cannot safely
   *       replay call (Transparent Application Failover / Application Continuity)
   *   <li>driver errors: ORA-17002 I/O error; ORA-17008 closed connection; ORA-17410 no more data from
   *       socket; ORA-17447 "OALL8 is in an inconsistent state" (the protocol lost its place: the session
   *       cannot be trusted again)
   * </ul>
   * Retries are bounded by {@code max_retries}, so a misconfigured service (ORA-12514 for good) still ends.
   */
  private static final Set<Integer> CONNECTION_LOST = Set.of(28, 31, 603, 1012, 1033, 1034, 1089, 1090, 1092,
      3113, 3114, 3135, 12170, 12514, 12528, 12537, 12541, 12571, 16456, 17002, 17008, 17410, 17447, 25401, 25402,
      25408);
  /**
   * ORA-01555 snapshot too old: the undo the read needed is gone; the connection is fine, and a new try
   * reads at a new point. Not under {@code snapshot: scn}: there every try reads the same SCN, and
   * {@link #pinnedReadError} makes it final.
   */
  private static final int SNAPSHOT_TOO_OLD = 1555;
  /**
   * A read AS OF an SCN the database no longer holds: ORA-01555 snapshot too old, ORA-08180 no snapshot
   * found based on specified time, ORA-08181 specified number is not a valid system change number
   * (DBMS_FLASHBACK reference: "Time specified is too old", "Invalid system change number specified").
   */
  private static final Set<Integer> POINT_TOO_OLD = Set.of(SNAPSHOT_TOO_OLD, 8180, 8181);
  /** ORA-01466 unable to read data - table definition has changed (DDL on the table after the SCN). */
  private static final int TABLE_CHANGED = 1466;
  /**
   * ORA-01031 insufficient privileges: a flashback query needs SELECT and either the FLASHBACK object
   * privilege on the table or FLASHBACK ANY TABLE (SQL Reference, SELECT, flashback_query_clause).
   */
  private static final int INSUFFICIENT_PRIVILEGES = 1031;
  /** ORA-01013 user requested cancel of current operation (also what a query timeout raises). */
  private static final int CANCELLED = 1013;
  /** ORA-00942 table or view does not exist; ORA-00904 invalid identifier. */
  private static final Set<Integer> OBJECT_MISSING = Set.of(942, 904);
  /**
   * ORA-01489 result of string concatenation is too long: the encoded row is longer than a VARCHAR2 in
   * SQL (4,000 bytes, 32,767 with MAX_STRING_SIZE=EXTENDED). The only per-row failure of the push-down
   * SQL ({@link OraclePushdownSql}): STANDARD_HASH takes input of any length, RAWTOHEX of a RAW and the
   * TO_CHAR format masks used there stay within the limit, and LOB columns are never pushed down.
   * Nothing else: resource errors (ORA-01652 temp space, ORA-04030/04031 memory, ORA-01555 snapshot too
   * old) say nothing about a row and fail the chunk or are retried, never change the table's mode.
   */
  private static final Set<Integer> CANNOT_ENCODE = Set.of(1489);
  public static final String SET_TRANSACTION_READ_ONLY = "SET TRANSACTION READ ONLY";
  public static final String DISABLE_PARALLEL_QUERY = "ALTER SESSION DISABLE PARALLEL QUERY";
  static final int KEEPALIVE_IDLE_SECONDS = 60;
  static final int KEEPALIVE_INTERVAL_SECONDS = 15;
  static final int KEEPALIVE_PROBES = 4;
  static final int LOB_PREFETCH = 32_768;
  /** Two hours: planning a very large table is the longest single read; a chunk takes seconds. */
  static final int READ_TIMEOUT_SECONDS = 7_200;
  static final int READ_TIMEOUT_MARGIN_SECONDS = 300;

  @Override
  public Platform platform() {
    return Platform.ORACLE;
  }

  @Override
  public String displayName() {
    return "Oracle";
  }

  @Override
  public String urlPrefix() {
    return "jdbc:oracle:";
  }

  @Override
  public Optional<String> urlFromAddress(String host, int port, String serviceOrSid, boolean sid) {
    return Optional.of(OracleUrls.fromAddress(host, port, serviceOrSid, sid));
  }

  /** {@code oracle:} ({@link io.dbcompare.config.OracleOptions}). */
  @Override
  public Optional<String> optionsSection() {
    return Optional.of("oracle");
  }

  @Override
  public DdlTypes ddlTypes() {
    return new OracleDdlTypes();
  }

  /**
   * APPEND_VALUES (11.2 and later) makes an INSERT ... VALUES, bound as an array, a direct-path insert:
   * rows are written above the high-water mark, the table is locked for the transaction, and the
   * session cannot read or change the table again before it commits (ORA-12838). The repair inserts
   * last in each chunk's transaction and commits right after, and uses it only when the DBA asks.
   */
  @Override
  public String directPathHint() {
    return "/*+ APPEND_VALUES */";
  }

  @Override
  public int defaultPort() {
    return 1521;
  }

  /** Oracle stores {@code ''} as NULL. */
  @Override
  public boolean storesEmptyStringAsNull() {
    return true;
  }

  @Override
  public String connectionFactoryClass() {
    return "oracle.jdbc.pool.OracleDataSource";
  }

  @Override
  public String connectUrl(String url, int connectTimeoutSeconds) {
    return OracleUrls.withConnectTimeout(url, connectTimeoutSeconds);
  }

  /**
   * Besides the connect timeout and the program name: TCP keep-alive (ojdbc 23.5 {@code oracle.net.keepAlive},
   * off by default, and {@code oracle.net.TCP_KEEPIDLE/TCP_KEEPINTERVAL/TCP_KEEPCOUNT}, which the driver
   * passes to the JDK's socket options of the same names, in seconds), so that a link that went silent
   * while a long query runs is found in about two minutes instead of the operating system's two hours;
   * and the LOB prefetch pinned at 32,768 (the 23.5 default), so that a small LOB costs no round trip
   * whichever driver version is used.
   */
  @Override
  public void addConnectionProperties(Properties props, int connectTimeoutSeconds, String programName) {
    props.putIfAbsent("oracle.net.CONNECT_TIMEOUT", String.valueOf(connectTimeoutSeconds * 1000L));
    props.putIfAbsent("v$session.program", programName);
    props.putIfAbsent("oracle.net.keepAlive", "true");
    props.putIfAbsent("oracle.net.TCP_KEEPIDLE", String.valueOf(KEEPALIVE_IDLE_SECONDS));
    props.putIfAbsent("oracle.net.TCP_KEEPINTERVAL", String.valueOf(KEEPALIVE_INTERVAL_SECONDS));
    props.putIfAbsent("oracle.net.TCP_KEEPCOUNT", String.valueOf(KEEPALIVE_PROBES));
    props.putIfAbsent("oracle.jdbc.defaultLobPrefetchSize", String.valueOf(LOB_PREFETCH));
  }

  /**
   * {@code oracle.jdbc.ReadTimeout} (milliseconds; ORA-17002 when it passes, a lost connection: the chunk is
   * retried): {@link #READ_TIMEOUT_SECONDS} by default, or {@code query_timeout_seconds} plus
   * {@link #READ_TIMEOUT_MARGIN_SECONDS} when that is longer, so that the query timeout (ORA-01013) always
   * comes first. Only the comparison pool: its queries are reads that a chunk never makes this long.
   */
  @Override
  public void addComparePoolProperties(Properties props, int queryTimeoutSeconds) {
    long seconds = Math.max(READ_TIMEOUT_SECONDS, (long) queryTimeoutSeconds + READ_TIMEOUT_MARGIN_SECONDS);
    props.putIfAbsent("oracle.jdbc.ReadTimeout", String.valueOf(seconds * 1000L));
  }

  /**
   * Parallel query off unless {@code oracle: { parallel_query: true }}: a table declared with a degree of
   * parallelism above 1 would otherwise run every chunk query with a set of parallel servers, times
   * {@code threads}; {@code ALTER SESSION DISABLE PARALLEL QUERY} keeps SELECTs serial even on such tables.
   */
  @Override
  public List<String> compareSessionSetup(DatabaseConfig db) {
    return db.oracle().parallelQuery() ? List.of() : List.of(DISABLE_PARALLEL_QUERY);
  }

  /**
   * {@code setReadOnly(true)} is a flag in the driver only (ojdbc 12c and later send nothing). Every
   * transaction of a comparison connection starts with {@code SET TRANSACTION READ ONLY}, documented from
   * 12c on: INSERT, UPDATE, DELETE, MERGE and SELECT ... FOR UPDATE then fail with ORA-01456, and all
   * queries of the transaction read one consistent snapshot (the one a chunk wants). The transaction
   * ends with each commit and rollback, so the statement is issued again after each. The 23ai session
   * parameter {@code READ_ONLY} is not used: the reference manuals disagree on the release that has it
   * (23c's says 23c, the current one says 26ai), and the transaction form works on all of them. Not for
   * the user SYS, which cannot run read-only transactions (and should never be the comparison's account).
   */
  @Override
  public ReadOnlySession readOnlySession() {
    return new ReadOnlySession(List.of(), List.of(SET_TRANSACTION_READ_ONLY),
        "read-only transactions (SET TRANSACTION READ ONLY at the start of each)");
  }

  /** The read timeout ends a login that a listener accepted and never answered (ORA-17002). */
  @Override
  public void addLoginCheckProperties(String connectUrl, Properties props, int connectTimeoutSeconds) {
    props.putIfAbsent("oracle.jdbc.ReadTimeout", String.valueOf(connectTimeoutSeconds * 1000L));
  }

  /** {@code snapshot: scn}: flashback queries AS OF one SCN on both sides ({@link OracleScn}). */
  @Override
  public boolean supportsSnapshot(io.dbcompare.config.SnapshotMode mode) {
    return mode == io.dbcompare.config.SnapshotMode.NONE || mode == io.dbcompare.config.SnapshotMode.SCN;
  }

  @Override
  public Optional<ScnSource> scnSource() {
    return Optional.of(new OracleScn());
  }

  @Override
  public Optional<PinnedReadError> pinnedReadError(String sqlState, int vendorCode) {
    if (POINT_TOO_OLD.contains(vendorCode)) {
      return Optional.of(PinnedReadError.POINT_TOO_OLD);
    }
    if (vendorCode == TABLE_CHANGED) {
      return Optional.of(PinnedReadError.TABLE_CHANGED_SINCE);
    }
    if (vendorCode == INSUFFICIENT_PRIVILEGES) {
      return Optional.of(PinnedReadError.PRIVILEGE_MISSING);
    }
    return Optional.empty();
  }

  @Override
  public Dialect dialect() {
    return new OracleDialect();
  }

  @Override
  public PushdownSql pushdownSql() {
    return new OraclePushdownSql();
  }

  @Override
  public TargetCatalogSql catalogSql() {
    return new TargetCatalogSql.Oracle();
  }

  @Override
  public SchemaCatalogSql schemaCatalogSql() {
    return new SchemaCatalogSql.Oracle();
  }

  /** Synonyms and views given as the table ({@link OracleCatalogNames}). */
  @Override
  public Optional<CatalogNames> catalogNames() {
    return Optional.of(new OracleCatalogNames());
  }

  /** NLS_CHARACTERSET and NLS_NCHAR_CHARACTERSET from NLS_DATABASE_PARAMETERS. */
  @Override
  public Optional<String> characterSetsSql() {
    return Optional.of(OracleCatalog.CHARSETS);
  }

  /** Declared precision and scale, and (12.2+) the declared collation, from ALL_TAB_COLUMNS. */
  @Override
  public Optional<String> columnDetailsSql(DatabaseFacts facts) {
    return Optional.of(OracleCatalog.columnsSql(facts));
  }

  @Override
  public KeyOrders.SideText keyText(DatabaseFacts facts, String typeName, ColumnDetails details) {
    return OracleCatalog.keyText(facts, typeName, details);
  }

  /** Optimizer statistics (DBMS_STATS): NULL when the table was never analysed. */
  @Override
  public Optional<String> tableSizeSql() {
    return Optional.of("SELECT num_rows, blocks FROM all_tables WHERE owner = ? AND table_name = ?");
  }

  @Override
  protected boolean isAuthentication(String state, int code) {
    return AUTH.contains(code);
  }

  @Override
  protected Set<Integer> connectionLostCodes() {
    return CONNECTION_LOST;
  }

  @Override
  protected boolean isTransient(String state, int code) {
    return super.isTransient(state, code) || code == SNAPSHOT_TOO_OLD;
  }

  @Override
  protected boolean isCancelled(String state, int code) {
    return super.isCancelled(state, code) || code == CANCELLED;
  }

  @Override
  protected boolean isObjectMissing(String state, int code) {
    return OBJECT_MISSING.contains(code);
  }

  @Override
  protected boolean cannotEncode(String state, int code) {
    return CANNOT_ENCODE.contains(code);
  }

  @Override
  public java.util.Optional<io.dbcompare.vendor.ReplicaLagQuery> replicaLagQuery() {
    return java.util.Optional.of(new OracleApplyLag());
  }
}
