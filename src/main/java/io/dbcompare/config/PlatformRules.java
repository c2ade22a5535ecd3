package io.dbcompare.config;

import java.util.Optional;

/**
 * What reading a configuration needs to know about one database platform. Each platform's vendor
 * object ({@code io.dbcompare.vendor}) implements it and is registered with {@link java.util.ServiceLoader}
 * (as Flyway registers its database types), so this package finds the platforms without depending on
 * the package that knows how to talk to them.
 */
public interface PlatformRules {
  Platform platform();

  /** How every JDBC URL of this platform starts, as shown in messages ({@code jdbc:oracle:}). */
  String urlPrefix();

  /** Whether a JDBC URL names a database of this platform. */
  boolean handlesJdbcUrl(String url);

  /**
   * The JDBC URL for {@code host}, {@code port} and a service name (or, with {@code sid}, an instance
   * SID), when the configuration may give those instead of a URL; empty when this platform takes a URL
   * only.
   */
  default Optional<String> urlFromAddress(String host, int port, String serviceOrSid, boolean sid) {
    return Optional.empty();
  }

  /** The port of {@link #urlFromAddress} when the configuration gives none. */
  default int defaultPort() {
    throw new UnsupportedOperationException(platform() + " takes a JDBC URL only");
  }

  /** Whether the database stores an empty string as NULL ({@code empty_string: auto} follows this). */
  default boolean storesEmptyStringAsNull() {
    return false;
  }

  /**
   * Whether hash push-down pays by default ({@code pushdown: auto}): it does where rows cross a
   * network; an embedded database reads rows faster than it hashes them.
   */
  default boolean pushdownByDefault() {
    return true;
  }

  /**
   * The name of the database section's own sub-section of settings for this platform ({@code oracle}),
   * or empty when it has none: another platform's section is a configuration error, never ignored.
   */
  default Optional<String> optionsSection() {
    return Optional.empty();
  }

  /**
   * Whether this platform can pin a comparison's reads as {@code comparison.snapshot.mode} asks; every
   * platform reads the current data ({@link SnapshotMode#NONE}).
   */
  default boolean supportsSnapshot(SnapshotMode mode) {
    return mode == SnapshotMode.NONE;
  }
}
