package io.dbcompare.config;

import io.dbcompare.error.CompareException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The database platforms the tool can compare, recognised from the JDBC URL prefix. */
public enum Platform {
  ORACLE("jdbc:oracle:"),
  POSTGRESQL("jdbc:postgresql:"),
  H2("jdbc:h2:");

  private final String urlPrefix;

  Platform(String urlPrefix) {
    this.urlPrefix = urlPrefix;
  }

  public String urlPrefix() {
    return urlPrefix;
  }

  /** The platform of a JDBC URL; an unknown one is a configuration error listing the supported ones. */
  public static Platform fromUrl(String url, String where) {
    String lower = url.toLowerCase(Locale.ROOT);
    for (Platform p : values()) {
      if (lower.startsWith(p.urlPrefix)) {
        return p;
      }
    }
    throw CompareException.config(
        where
            + ": unsupported JDBC URL '"
            + Secrets.maskUrl(url)
            + "'; supported URLs start with "
            + Arrays.stream(values()).map(p -> p.urlPrefix).collect(Collectors.joining(", ")));
  }
}
