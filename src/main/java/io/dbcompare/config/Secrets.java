package io.dbcompare.config;

import java.util.regex.Pattern;

/** Masks secrets wherever configuration is shown: passwords, and passwords inside JDBC URLs. */
public final class Secrets {
  public static final String MASK = "****";

  // user/password@host (Oracle thin), password=... (PostgreSQL, H2 query parameters, H2 ;PASSWORD=)
  private static final Pattern ORACLE_USER_PASS = Pattern.compile("(?i)(jdbc:oracle:[a-z0-9]+:)([^/@:]+)/([^@]*)@");
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password\\s*=\\s*)([^&;]*)");
  private static final Pattern USERINFO = Pattern.compile("(?i)(//[^/@:]+:)([^@/]*)@");

  private Secrets() {}

  /** A JDBC URL with any embedded password replaced by {@value #MASK}. */
  public static String maskUrl(String url) {
    if (url == null) {
      return null;
    }
    String masked = ORACLE_USER_PASS.matcher(url).replaceAll("$1$2/" + MASK + "@");
    masked = PASSWORD_PARAM.matcher(masked).replaceAll("$1" + MASK);
    masked = USERINFO.matcher(masked).replaceAll("$1" + MASK + "@");
    return masked;
  }

  /** The password embedded in a JDBC URL, if any (so it can be scrubbed from driver messages). */
  public static String passwordInUrl(String url) {
    if (url == null) {
      return null;
    }
    var m = ORACLE_USER_PASS.matcher(url);
    if (m.find()) {
      return m.group(3);
    }
    m = PASSWORD_PARAM.matcher(url);
    if (m.find()) {
      return m.group(2);
    }
    m = USERINFO.matcher(url);
    if (m.find()) {
      return m.group(2);
    }
    return null;
  }

  /** Replaces every occurrence of the given secrets in a text (for messages that quote driver errors). */
  public static String scrub(String text, Iterable<String> secrets) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : secrets) {
      if (s != null && s.length() >= 1) {
        out = out.replace(s, MASK);
      }
    }
    return out;
  }
}
