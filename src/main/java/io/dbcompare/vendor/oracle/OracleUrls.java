package io.dbcompare.vendor.oracle;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Oracle thin URLs: built from host/port/service_name (or sid), and given a connect timeout.
 *
 * <p>The driver's {@code oracle.net.CONNECT_TIMEOUT} alone does not end a listener that accepts and
 * never answers; {@code connect_timeout} in the connect string does (ORA-12170). It is added to
 * EZConnect URLs ({@code @//host:port/service}, also what the configuration builds from
 * host/port/service_name) and to a single {@code (DESCRIPTION=...)}; a SID URL ({@code @host:port:SID})
 * is rewritten to the equivalent descriptor. URLs that already set a connect timeout, TNS aliases, LDAP
 * and address lists are used unchanged.
 */
final class OracleUrls {
  /** {@code jdbc:oracle:thin:[user/password]@} and what follows. */
  private static final Pattern ORACLE_THIN = Pattern.compile("(?is)(jdbc:oracle:thin:[^@()]*@)(.*)");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._\\-]+|\\[[0-9A-Fa-f:.]+]");
  /** {@code host:port:SID}, the old SID form (the configuration's {@code sid} key builds it). */
  private static final Pattern SID_FORM = Pattern.compile("(" + HOST.pattern() + "):(\\d{1,5}):([A-Za-z0-9._\\-$#]+)");
  /** {@code [//]host[:port]/service[:server][/instance][?params]}: one host, EZConnect (Plus). */
  private static final Pattern EZCONNECT = Pattern.compile(
      "(//)?(" + HOST.pattern() + ")(:\\d{1,5})?/[A-Za-z0-9._\\-$#]+(:[A-Za-z]+)?(/[A-Za-z0-9._\\-$#]+)?(\\?[^()\\s]*)?");
  private static final Pattern DESCRIPTION = Pattern.compile("(?i)\\(\\s*DESCRIPTION\\s*=");
  private static final Pattern HAS_TIMEOUT = Pattern.compile("(?i)(TRANSPORT_)?CONNECT_TIMEOUT");

  private OracleUrls() {}

  /** The EZConnect URL of a service, or the SID form. */
  static String fromAddress(String host, int port, String serviceOrSid, boolean sid) {
    return sid
        ? "jdbc:oracle:thin:@" + host + ":" + port + ":" + serviceOrSid
        : "jdbc:oracle:thin:@//" + host + ":" + port + "/" + serviceOrSid;
  }

  /** An Oracle thin URL with {@code connect_timeout} and {@code transport_connect_timeout}, where safe. */
  static String withConnectTimeout(String url, int seconds) {
    Matcher m = ORACLE_THIN.matcher(url);
    if (!m.matches() || HAS_TIMEOUT.matcher(m.group(2)).find()) {
      return url; // OCI, or the user chose the timeouts
    }
    String prefix = m.group(1);
    String address = m.group(2);
    Matcher sid = SID_FORM.matcher(address);
    if (sid.matches()) {
      return prefix + "(DESCRIPTION=(CONNECT_TIMEOUT=" + seconds + ")(TRANSPORT_CONNECT_TIMEOUT=" + seconds
          + ")(ADDRESS=(PROTOCOL=TCP)(HOST=" + sid.group(1) + ")(PORT=" + sid.group(2) + "))(CONNECT_DATA=(SID="
          + sid.group(3) + ")))";
    }
    Matcher ez = EZCONNECT.matcher(address);
    if (ez.matches()) {
      String params = "connect_timeout=" + seconds + "&transport_connect_timeout=" + seconds;
      if (ez.group(6) == null) {
        return url + "?" + params;
      }
      return url + (ez.group(6).equals("?") || url.endsWith("&") ? "" : "&") + params;
    }
    Matcher d = DESCRIPTION.matcher(address);
    String upper = address.toUpperCase(Locale.ROOT);
    if (address.startsWith("(") && d.find() && d.start() == 0 && !d.find() && !upper.contains("DESCRIPTION_LIST")) {
      d.reset();
      d.find();
      return prefix + address.substring(0, d.end()) + "(CONNECT_TIMEOUT=" + seconds + ")(TRANSPORT_CONNECT_TIMEOUT="
          + seconds + ")" + address.substring(d.end());
    }
    return url; // a TNS alias, LDAP, several addresses: left as written
  }
}
