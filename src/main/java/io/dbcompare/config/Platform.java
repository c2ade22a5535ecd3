package io.dbcompare.config;

import io.dbcompare.error.CompareException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The database platforms the tool can compare, recognised from the JDBC URL prefix. */
public enum Platform {
  ORACLE("jdbc:oracle:"),
  POSTGRESQL("jdbc:postgresql:"),
  H2("jdbc:h2:");

  /** The scheme part of a JDBC URL, the only part of an unsupported URL that is shown. */
  private static final Pattern SCHEME = Pattern.compile("(?i)jdbc:[a-z0-9_.\\-]{0,30}:?");

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
    // Only the scheme is shown: the rest of an unrecognised URL may hold credentials in a form
    // Secrets.maskUrl does not know (e.g. a misspelt jdbc:oracel:thin:user/password@...).
    Matcher scheme = SCHEME.matcher(url.strip());
    String shown = scheme.lookingAt()
        ? "unsupported JDBC URL '" + scheme.group() + "...'"
        : "the URL does not start with 'jdbc:'";
    throw CompareException.config(
        where
            + ": "
            + shown
            + "; supported URLs start with "
            + Arrays.stream(values()).map(p -> p.urlPrefix).collect(Collectors.joining(", ")));
  }
}
