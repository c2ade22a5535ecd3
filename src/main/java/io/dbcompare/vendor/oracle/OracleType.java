package io.dbcompare.vendor.oracle;

import io.dbcompare.config.Platform;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.OracleDialect;
import io.dbcompare.dialect.OraclePushdownSql;
import io.dbcompare.dialect.PushdownSql;
import io.dbcompare.dialect.TargetCatalogSql;
import io.dbcompare.vendor.AbstractDatabaseType;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/** Oracle Database 12c and later, through the thin driver. */
public final class OracleType extends AbstractDatabaseType {
  /** ORA-01017 invalid username/password; ORA-28000 account locked; ORA-01005 null password; ORA-28001 expired. */
  private static final Set<Integer> AUTH = Set.of(1017, 28000, 1005, 28001);
  /**
   * ORA-03113/03114/03135 connection lost; ORA-12170/12571 network timeout or failure; ORA-17002 (driver)
   * I/O error; ORA-17008 closed connection; ORA-17410 no more data from socket.
   */
  private static final Set<Integer> CONNECTION_LOST = Set.of(3113, 3114, 3135, 12170, 12571, 17002, 17008, 17410);
  /** ORA-01555 snapshot too old: the undo the read needed is gone; the connection is fine. */
  private static final int SNAPSHOT_TOO_OLD = 1555;
  /** ORA-01013 user requested cancel of current operation (also what a query timeout raises). */
  private static final int CANCELLED = 1013;
  /** ORA-00942 table or view does not exist; ORA-00904 invalid identifier. */
  private static final Set<Integer> OBJECT_MISSING = Set.of(942, 904);
  /**
   * ORA-01489 result of string concatenation is too long: the encoded row is longer than a VARCHAR2 in
   * SQL (4,000 bytes, 32,767 with MAX_STRING_SIZE=EXTENDED). The only per-row failure of the push-down
   * SQL ({@link OraclePushdownSql}): STANDARD_HASH takes input of any length, RAWTOHEX of a RAW and the
   * TO_CHAR format masks used there stay within the limit, and LOB columns are never pushed down.
   */
  private static final Set<Integer> CANNOT_ENCODE = Set.of(1489);

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

  @Override
  public void addConnectionProperties(Properties props, int connectTimeoutSeconds, String programName) {
    props.putIfAbsent("oracle.net.CONNECT_TIMEOUT", String.valueOf(connectTimeoutSeconds * 1000L));
    props.putIfAbsent("v$session.program", programName);
  }

  /** The read timeout ends a login that a listener accepted and never answered (ORA-17002). */
  @Override
  public void addLoginCheckProperties(String connectUrl, Properties props, int connectTimeoutSeconds) {
    props.putIfAbsent("oracle.jdbc.ReadTimeout", String.valueOf(connectTimeoutSeconds * 1000L));
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
