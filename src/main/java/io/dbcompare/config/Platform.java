package io.dbcompare.config;

/**
 * The database platforms the tool can compare: the names used in configuration and session files.
 * Everything else about a platform is answered by its vendor object ({@code io.dbcompare.vendor}),
 * found through {@link Platforms}; no other code switches on these values.
 */
public enum Platform {
  ORACLE,
  POSTGRESQL,
  H2;

  /** The platform of a JDBC URL; an unknown one is a configuration error listing the supported ones. */
  public static Platform fromUrl(String url, String where) {
    return Platforms.fromUrl(url, where);
  }
}
