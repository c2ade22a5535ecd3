package io.dbcompare.vendor.postgres;

import io.dbcompare.compare.KeyOrders;
import io.dbcompare.compare.TextOrder;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.ColumnDetails;
import io.dbcompare.dialect.DatabaseFacts;
import io.dbcompare.dialect.DdlTypes;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.PostgresDdlTypes;
import io.dbcompare.dialect.PostgresDialect;
import io.dbcompare.dialect.PostgresPushdownSql;
import io.dbcompare.dialect.PushdownSql;
import io.dbcompare.dialect.SchemaCatalogSql;
import io.dbcompare.dialect.TargetCatalogSql;
import io.dbcompare.config.SnapshotMode;
import io.dbcompare.vendor.AbstractDatabaseType;
import io.dbcompare.vendor.PinnedReadError;
import io.dbcompare.vendor.SnapshotExport;
import io.dbcompare.vendor.ReadOnlySession;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import io.dbcompare.vendor.BulkLoad;
import java.util.Properties;

/**
 * PostgreSQL, through pgJDBC. Its errors are classified by SQLState alone (the driver's vendor code is
 * always 0).
 *
 * <p>No error means "cannot encode this row": the push-down SQL ({@link PostgresPushdownSql}) builds
 * text values, which PostgreSQL allows up to 1 GB, and hashes them with functions without a length
 * limit. A row that exceeded 1 GB of text fails with 54000 (program limit exceeded), which also
 * reports other limits that hashing in Java would not lift; such a chunk fails instead.
 */
public final class PostgresType extends AbstractDatabaseType {
  /** The first major version with MERGE. */
  static final int FIRST_MERGE_VERSION = 15;

  @Override
  public Platform platform() {
    return Platform.POSTGRESQL;
  }

  @Override
  public String displayName() {
    return "PostgreSQL";
  }

  @Override
  public String urlPrefix() {
    return "jdbc:postgresql:";
  }

  @Override
  public String connectionFactoryClass() {
    return "org.postgresql.Driver";
  }

  /** {@code connectTimeout} bounds the TCP connect, {@code loginTimeout} the whole login (TLS, authentication). */
  @Override
  public void addConnectionProperties(Properties props, int connectTimeoutSeconds, String programName) {
    props.putIfAbsent("connectTimeout", String.valueOf(connectTimeoutSeconds));
    props.putIfAbsent("loginTimeout", String.valueOf(connectTimeoutSeconds));
    props.putIfAbsent("ApplicationName", programName);
  }

  /**
   * pgJDBC already begins each transaction of a read-only connection with {@code BEGIN READ ONLY}; the
   * session default makes every later transaction read-only too, whatever the driver does. A write then
   * fails with SQLState 25006 (read_only_sql_transaction).
   */
  @Override
  public ReadOnlySession readOnlySession() {
    return new ReadOnlySession(List.of("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"), List.of(),
        "read-only transactions (SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY)");
  }

  /** {@code snapshot: exported}: each side's reads share one exported snapshot ({@link PostgresSnapshotExport}). */
  @Override
  public boolean supportsSnapshot(SnapshotMode mode) {
    return mode == SnapshotMode.NONE || mode == SnapshotMode.EXPORTED;
  }

  @Override
  public Optional<SnapshotExport> snapshotExport() {
    return Optional.of(new PostgresSnapshotExport());
  }

  /**
   * 22023 invalid snapshot identifier: importing failed because the exporting transaction ended (tested:
   * after the exporter committed, and after it was ended by idle_in_transaction_session_timeout); 25P03
   * idle-in-transaction session timeout. Asked only where the side shares an exported snapshot.
   */
  @Override
  public Optional<PinnedReadError> pinnedReadError(String sqlState, int vendorCode) {
    return "22023".equals(sqlState) || "25P03".equals(sqlState)
        ? Optional.of(PinnedReadError.SNAPSHOT_GONE) : Optional.empty();
  }

  @Override
  public Dialect dialect() {
    return new PostgresDialect();
  }

  @Override
  public PushdownSql pushdownSql() {
    return new PostgresPushdownSql();
  }

  /** The server encoding: text keys compare COLLATE "C", which is the byte order of that encoding. */
  @Override
  public Optional<String> characterSetsSql() {
    return Optional.of("SELECT current_setting('server_encoding'), NULL");
  }

  /**
   * Declared sizes, which decide whether a column has the same type on both sides for the native row
   * text ({@code io.dbcompare.jdbc.NativeRowHash}): the length of a character or bit type, else the
   * precision of a number or date-time, and a number's scale (information_schema reads a domain's
   * through to its base type). NULL where none is declared (text, unconstrained numeric); no collation.
   */
  @Override
  public Optional<String> columnDetailsSql(DatabaseFacts facts) {
    return Optional.of("SELECT column_name, COALESCE(character_maximum_length, numeric_precision, datetime_precision),"
        + " numeric_scale, NULL FROM information_schema.columns WHERE table_schema = ? AND table_name = ?");
  }

  /** pgJDBC reports a domain as DISTINCT under its own (quoted, qualified) name; to_regtype reads that name. */
  @Override
  public Optional<String> domainBaseTypeSql() {
    return Optional.of("SELECT bt.typname, bt.typtype, format_type(bt.oid, NULL) FROM pg_catalog.pg_type t"
        + " JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype WHERE t.oid = to_regtype(?) AND t.typtype = 'd'");
  }

  @Override
  public KeyOrders.SideText keyText(DatabaseFacts facts, String typeName, ColumnDetails details) {
    String enc = facts.characterSet() == null ? "" : facts.characterSet().toUpperCase(Locale.ROOT);
    TextOrder order = switch (enc) {
      case "UTF8" -> TextOrder.CODE_POINT;
      case "LATIN1" -> TextOrder.bytes("ISO-8859-1");
      case "WIN1252" -> TextOrder.bytes("windows-1252");
      default -> null;
    };
    return KeyOrders.SideText.of(order, "PostgreSQL " + typeName + " in " + facts.characterSet());
  }

  /** Planner statistics: reltuples is -1 (0 before PostgreSQL 14) and relpages 0 until the table is analysed. */
  @Override
  public Optional<String> tableSizeSql() {
    return Optional.of("SELECT c.reltuples, c.relpages FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE n.nspname = ? AND c.relname = ?");
  }

  @Override
  public TargetCatalogSql catalogSql() {
    return new TargetCatalogSql.Postgres();
  }

  @Override
  public DdlTypes ddlTypes() {
    return new PostgresDdlTypes();
  }

  /** COPY FROM STDIN in binary: the fastest way into a PostgreSQL table short of a file on the server. */
  @Override
  public BulkLoad bulkLoad() {
    return BulkLoad.COPY_BINARY;
  }

  @Override
  public SchemaCatalogSql schemaCatalogSql() {
    return new SchemaCatalogSql.Postgres();
  }

  @Override
  public int firstMergeVersion() {
    return FIRST_MERGE_VERSION;
  }

  @Override
  public java.util.Optional<io.dbcompare.vendor.ReplicaLagQuery> replicaLagQuery() {
    return java.util.Optional.of(new PostgresReplayLag());
  }

  /** Class 28: invalid authorization specification (28P01 wrong password, 28000 no pg_hba.conf entry...). */
  @Override
  protected boolean isAuthentication(String state, int code) {
    return state.startsWith("28");
  }

  /** 40P01 deadlock detected: PostgreSQL rolled the transaction back; running it again may succeed. */
  @Override
  protected boolean isTransient(String state, int code) {
    return super.isTransient(state, code) || state.equals("40P01");
  }

  /** 42P01 undefined table; 42703 undefined column. */
  @Override
  protected boolean isObjectMissing(String state, int code) {
    return state.equals("42P01") || state.equals("42703");
  }
}
