package io.dbcompare.config;

import java.util.Map;

/**
 * One side of the comparison. The password is held here and nowhere else; {@link #toString()} masks
 * it, and it is never part of the session's configuration hash.
 *
 * @param oracle the {@code oracle:} section (only an Oracle database may have one; defaults otherwise)
 */
public record DatabaseConfig(
    String side, String url, String username, String password, Platform platform, Map<String, String> properties,
    OracleOptions oracle) {

  public DatabaseConfig {
    properties = Map.copyOf(properties);
    oracle = oracle == null ? OracleOptions.DEFAULT : oracle;
  }

  /** A database without an {@code oracle:} section. */
  public DatabaseConfig(
      String side, String url, String username, String password, Platform platform, Map<String, String> properties) {
    this(side, url, username, password, platform, properties, OracleOptions.DEFAULT);
  }

  /** The URL as it may be shown: with any password inside it masked. */
  public String displayUrl() {
    return Secrets.maskUrl(url);
  }

  /** What a DBA sees for this side: {@code user @ url} without secrets. */
  public String describe() {
    return (username == null ? "" : username + " @ ") + displayUrl();
  }

  @Override
  public String toString() {
    return "DatabaseConfig[side=" + side + ", url=" + displayUrl() + ", username=" + username
        + ", password=" + (password == null ? "<none>" : Secrets.MASK) + ", platform=" + platform + "]";
  }
}
