package io.dbcompare.vendor.postgres;

import io.dbcompare.config.Platform;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.PostgresDialect;
import io.dbcompare.dialect.PostgresPushdownSql;
import io.dbcompare.dialect.PushdownSql;
import io.dbcompare.dialect.TargetCatalogSql;
import io.dbcompare.vendor.AbstractDatabaseType;
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

  @Override
  public Dialect dialect() {
    return new PostgresDialect();
  }

  @Override
  public PushdownSql pushdownSql() {
    return new PostgresPushdownSql();
  }

  @Override
  public TargetCatalogSql catalogSql() {
    return new TargetCatalogSql.Postgres();
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
