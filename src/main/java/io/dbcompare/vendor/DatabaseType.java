package io.dbcompare.vendor;

import io.dbcompare.config.PlatformRules;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.PushdownSql;
import io.dbcompare.dialect.TargetCatalogSql;
import java.util.Optional;
import java.util.Properties;

/**
 * One object per database platform that answers every question about it (Flyway's
 * {@code DatabaseType} family is the model): recognising and building its URLs, connecting to it,
 * classifying its errors, and its SQL (dialect, push-down, catalog). Get it with
 * {@link DatabaseTypes#of}. Adding a database is one package with one of these, registered in
 * {@code META-INF/services/io.dbcompare.config.PlatformRules}; no other code switches on the platform.
 */
public interface DatabaseType extends PlatformRules {

  /** The product name used in messages ({@code Oracle}, {@code PostgreSQL}, {@code H2}). */
  String displayName();

  // ----- connecting

  /** The class the connection pool creates connections with (a DataSource or a Driver). */
  String connectionFactoryClass();

  /** The URL to connect with: the configured one, with a connect timeout added where that is safe. */
  default String connectUrl(String url, int connectTimeoutSeconds) {
    return url;
  }

  /**
   * Adds the properties of every connection, keeping values the configuration gave: timeouts that
   * bound the login by {@code connect_timeout_seconds} (never a read timeout: chunk queries may rightly
   * run long) and the program name a DBA sees in the session list.
   */
  void addConnectionProperties(Properties props, int connectTimeoutSeconds, String programName);

  /**
   * Adds the properties of the login check only: socket read timeouts that would also end long queries
   * if they were set on the pool's connections.
   */
  default void addLoginCheckProperties(String connectUrl, Properties props, int connectTimeoutSeconds) {}

  // ----- SQL

  /** Quoting, literals, type mapping and the statements run on every new session. */
  Dialect dialect();

  /** The SQL that makes the database encode and hash rows (hash push-down). */
  PushdownSql pushdownSql();

  /** Catalog queries about a sync target (computed and identity columns, triggers). */
  TargetCatalogSql catalogSql();

  /**
   * The first major version whose MERGE the sync scripts of {@code sync.style: merge} can use; 0 when
   * every supported version has it (then the target's version is not read).
   */
  default int firstMergeVersion() {
    return 0;
  }

  // ----- replication

  /**
   * How far this database, as a comparison's target, is behind its primary, where the platform reports
   * it (run on a pooled read-only connection at the start and the end of a run); empty where the
   * platform reports none.
   */
  default Optional<ReplicaLagQuery> replicaLagQuery() {
    return Optional.empty();
  }

  // ----- errors

  /**
   * What one error means, from its SQLState (may be empty) and vendor code.
   *
   * @param pushdownQuery the statement was a hash push-down query: only then may an error be
   *     {@link SqlErrorKind#CANNOT_ENCODE}
   */
  SqlErrorKind classify(String sqlState, int vendorCode, boolean pushdownQuery);
}
