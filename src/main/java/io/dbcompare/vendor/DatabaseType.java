package io.dbcompare.vendor;

import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.compare.KeyOrders;
import io.dbcompare.config.PlatformRules;
import io.dbcompare.dialect.ColumnDetails;
import io.dbcompare.dialect.DatabaseFacts;
import io.dbcompare.dialect.DdlTypes;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.PushdownSql;
import io.dbcompare.dialect.SchemaCatalogSql;
import io.dbcompare.dialect.TargetCatalogSql;
import java.util.List;
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
   * bound the login by {@code connect_timeout_seconds}, keep-alive probes that find a dead link, and the
   * program name a DBA sees in the session list.
   */
  void addConnectionProperties(Properties props, int connectTimeoutSeconds, String programName);

  /**
   * Adds the properties of the comparison pool's connections only, keeping values the configuration gave:
   * a socket read timeout far beyond any normal chunk (and beyond {@code query_timeout_seconds}), so that a
   * link that went silent ends the chunk instead of hanging it.
   *
   * @param queryTimeoutSeconds the configured limit of a chunk or planning query; 0 for none
   */
  default void addComparePoolProperties(Properties props, int queryTimeoutSeconds) {}

  /**
   * Statements run on every comparison connection after the dialect's {@link Dialect#sessionSetup()}
   * (not on the connection {@code --apply} writes with).
   */
  default List<String> compareSessionSetup(DatabaseConfig db) {
    return List.of();
  }

  /** How a comparison connection is made to refuse writes: comparing never writes, and the database makes sure. */
  ReadOnlySession readOnlySession();

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

  /** Set-based catalog queries over a whole schema (tables, keys, unique indexes; bare names). */
  SchemaCatalogSql schemaCatalogSql();

  /**
   * What a configured name is when it can be more than a table (a synonym, a view, another object);
   * empty where JDBC metadata alone answers it.
   */
  default java.util.Optional<CatalogNames> catalogNames() {
    return java.util.Optional.empty();
  }

  /**
   * The first major version whose MERGE the sync scripts of {@code sync.style: merge} can use; 0 when
   * every supported version has it (then the target's version is not read).
   */
  default int firstMergeVersion() {
    return 0;
  }

  // ----- facts about the database and its tables

  /**
   * A query returning one row: the database's character set and its national character set (or
   * NULL), which {@link DatabaseFacts} holds with the version; empty where text is always Java's.
   */
  default Optional<String> characterSetsSql() {
    return Optional.empty();
  }

  /**
   * A catalog query for a table's columns, binding schema and table, returning per column its exact
   * name, declared precision, declared scale and declared collation (NULL where none); empty where
   * this platform reads no such details.
   */
  default Optional<String> columnDetailsSql(DatabaseFacts facts) {
    return Optional.empty();
  }

  /**
   * A catalog query for the type a domain is defined on, binding the domain's type name as the driver's
   * metadata reports it, returning that base type's name, its kind of type ({@code b} base, {@code d}
   * domain, {@code e} enum...) and its display name; empty where the platform has no domains. A domain
   * column is compared as its base type (its values are the base type's).
   */
  default Optional<String> domainBaseTypeSql() {
    return Optional.empty();
  }

  /**
   * What this database does with a text key column of type {@code typeName}: its binary order under
   * the tool's session settings, and what its SQL can do to give another order.
   */
  KeyOrders.SideText keyText(DatabaseFacts facts, String typeName, ColumnDetails details);

  /**
   * A query for a table's row and block (page) estimates from the optimizer statistics, binding schema
   * and table; empty where this platform cannot sample a table for planning.
   */
  default Optional<String> tableSizeSql() {
    return Optional.empty();
  }

  /** The column types a CREATE TABLE script of {@code --repair} declares for this database. */
  DdlTypes ddlTypes();

  // ----- bulk writes (--repair)

  /** How {@code --repair} loads many rows into a table: batched bound INSERTs unless the database has better. */
  default BulkLoad bulkLoad() {
    return BulkLoad.BATCH;
  }

  /**
   * The optimizer hint that makes a batched INSERT a direct-path insert ({@code repair.direct_path}),
   * or null when the database has none (then the setting changes nothing, and the repair says so).
   */
  default String directPathHint() {
    return null;
  }

  // ----- one point in time (comparison.snapshot)

  /** How a pair of this platform is read at one SCN ({@code snapshot: scn}); empty where it cannot be. */
  default Optional<ScnSource> scnSource() {
    return Optional.empty();
  }

  /** How the reads of one side share one exported snapshot ({@code snapshot: exported}); empty where they cannot. */
  default Optional<SnapshotExport> snapshotExport() {
    return Optional.empty();
  }

  /**
   * What an error of a read pinned to a point in time means for that point (see {@link PinnedReadError});
   * empty when it says nothing about the point. Asked only when the side's reads are pinned.
   */
  default Optional<PinnedReadError> pinnedReadError(String sqlState, int vendorCode) {
    return Optional.empty();
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
