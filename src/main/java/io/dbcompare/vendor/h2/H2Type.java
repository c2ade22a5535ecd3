package io.dbcompare.vendor.h2;

import io.dbcompare.compare.KeyOrders;
import io.dbcompare.compare.TextOrder;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.ColumnDetails;
import io.dbcompare.dialect.DatabaseFacts;
import io.dbcompare.dialect.DdlTypes;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.H2DdlTypes;
import io.dbcompare.dialect.H2Dialect;
import io.dbcompare.dialect.H2PushdownSql;
import io.dbcompare.dialect.PushdownSql;
import io.dbcompare.dialect.SchemaCatalogSql;
import io.dbcompare.dialect.TargetCatalogSql;
import io.dbcompare.vendor.AbstractDatabaseType;
import io.dbcompare.vendor.ReadOnlySession;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * H2 2.x (embedded, or over TCP), used in Oracle mode by the tests and demos. H2's SQLState is mostly
 * its own five-digit error code.
 *
 * <p>No error means "cannot encode this row": H2 concatenates text of any length (1.2 million characters
 * concatenated and hashed were checked with H2 2.3), so the push-down SQL ({@link H2PushdownSql}) has
 * no per-row limit.
 */
public final class H2Type extends AbstractDatabaseType {
  /** 90067 connection broken; 90098 database closed. */
  private static final Set<Integer> CONNECTION_LOST = Set.of(90067, 90098);

  @Override
  public Platform platform() {
    return Platform.H2;
  }

  @Override
  public String displayName() {
    return "H2";
  }

  @Override
  public String urlPrefix() {
    return "jdbc:h2:";
  }

  /** H2 is embedded: it reads rows faster than it hashes them, and no network is saved. */
  @Override
  public boolean pushdownByDefault() {
    return false;
  }

  @Override
  public DdlTypes ddlTypes() {
    return new H2DdlTypes();
  }

  @Override
  public String connectionFactoryClass() {
    return "org.h2.Driver";
  }

  /** An embedded database needs no connect timeout; H2 has no program name. */
  @Override
  public void addConnectionProperties(Properties props, int connectTimeoutSeconds, String programName) {}

  /**
   * Over TCP, {@code NETWORK_TIMEOUT} (a socket read timeout) ends a login that is never answered;
   * a value in the URL or the properties is kept (H2 refuses a setting given twice).
   */
  @Override
  public void addLoginCheckProperties(String connectUrl, Properties props, int connectTimeoutSeconds) {
    String lower = connectUrl.toLowerCase(Locale.ROOT);
    boolean remote = lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:");
    if (remote && !lower.contains("network_timeout") && props.keySet().stream()
        .noneMatch(k -> String.valueOf(k).equalsIgnoreCase("NETWORK_TIMEOUT"))) {
      props.setProperty("NETWORK_TIMEOUT", String.valueOf(connectTimeoutSeconds * 1000L));
    }
  }

  /**
   * H2 has no read-only session or transaction (its {@code SET TRANSACTION} knows only isolation levels,
   * and {@code setReadOnly} is a flag): the comparison runs only queries, and a database opened with
   * {@code ACCESS_MODE_DATA=r} in its URL refuses writes for certain.
   */
  @Override
  public ReadOnlySession readOnlySession() {
    return ReadOnlySession.none("none in H2: add ;ACCESS_MODE_DATA=r to the URL to open the database read-only");
  }

  @Override
  public Dialect dialect() {
    return new H2Dialect();
  }

  @Override
  public PushdownSql pushdownSql() {
    return new H2PushdownSql();
  }

  /**
   * H2 compares strings with {@code String.compareTo} (UTF-16 units); its SQL can give code point order
   * too ({@code STRINGTOUTF8}, compared unsigned).
   */
  @Override
  public KeyOrders.SideText keyText(DatabaseFacts facts, String typeName, ColumnDetails details) {
    return new KeyOrders.SideText(TextOrder.UTF16, "H2 " + typeName, false, true);
  }

  @Override
  public TargetCatalogSql catalogSql() {
    return new TargetCatalogSql.H2();
  }

  @Override
  public SchemaCatalogSql schemaCatalogSql() {
    return new SchemaCatalogSql.H2();
  }

  /** 28000: wrong user name or password. */
  @Override
  protected boolean isAuthentication(String state, int code) {
    return state.equals("28000") || code == 28000;
  }

  @Override
  protected Set<Integer> connectionLostCodes() {
    return CONNECTION_LOST;
  }

  /** 42S02 table or view not found; 42S22 column not found. */
  @Override
  protected boolean isObjectMissing(String state, int code) {
    return state.equals("42S02") || state.equals("42S22");
  }
}
