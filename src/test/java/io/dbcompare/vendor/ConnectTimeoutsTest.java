package io.dbcompare.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.config.Platform;
import io.dbcompare.sync.Golden;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Connect timeouts: the Oracle URLs the pool connects with, compared with
 * {@code golden/oracle_connect_urls.txt} (regenerate with {@code -Dgolden.update=true}), and the driver
 * properties per platform, as the vendor objects give them.
 */
class ConnectTimeoutsTest {
  /** Each form a configuration can give: built from host/port/service_name or sid, or written by the user. */
  private static final List<String> ORACLE_URLS = List.of(
      "jdbc:oracle:thin:@//db1.example.com:1521/PROD",
      "jdbc:oracle:thin:@db1.example.com:1521:ORCL",
      "jdbc:oracle:thin:@//[2001:db8::1]:1521/PROD.example.com",
      "jdbc:oracle:thin:@db1.example.com/PROD",
      "jdbc:oracle:thin:@//db1.example.com:1521/PROD:dedicated/INST1",
      "jdbc:oracle:thin:@//db1.example.com:1521/PROD?retry_count=3",
      "jdbc:oracle:thin:@//db1.example.com:1521/PROD?",
      "jdbc:oracle:thin:scott/tiger@//db1.example.com:1521/PROD",
      "JDBC:ORACLE:THIN:@//DB1:1521/PROD",
      "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db1)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=PROD)))",
      "jdbc:oracle:thin:@( description = (address=(protocol=tcp)(host=db1)(port=1521))(connect_data=(sid=ORCL)))",
      // left as written: the user chose timeouts, several descriptions, aliases, LDAP, several hosts, OCI
      "jdbc:oracle:thin:@//db1.example.com:1521/PROD?connect_timeout=90",
      "jdbc:oracle:thin:@(DESCRIPTION=(TRANSPORT_CONNECT_TIMEOUT=5)(ADDRESS=(PROTOCOL=TCP)(HOST=db1)(PORT=1521))"
          + "(CONNECT_DATA=(SERVICE_NAME=PROD)))",
      "jdbc:oracle:thin:@(DESCRIPTION_LIST=(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=a)(PORT=1521)))"
          + "(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=b)(PORT=1521))))",
      "jdbc:oracle:thin:@PROD_ALIAS",
      "jdbc:oracle:thin:@ldap://ldap.example.com:389/PROD,cn=OracleContext,dc=example,dc=com",
      "jdbc:oracle:thin:@//db1:1521,db2:1521/PROD",
      "jdbc:oracle:oci:@PROD");

  @Test
  void oracleUrlsGetAConnectTimeoutWhereThatIsSafe() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (String url : ORACLE_URLS) {
      sb.append("in:  ").append(url).append('\n').append("out: ").append(DatabaseTypes.of(Platform.ORACLE).connectUrl(url, 30))
          .append("\n\n");
    }
    Golden.check("oracle_connect_urls.txt", sb.toString());
  }

  @Test
  void onlyOracleUrlsAreRewritten() {
    for (String url : List.of("jdbc:postgresql://db:5432/app?sslmode=disable", "jdbc:h2:tcp://db:9092/~/x")) {
      Platform p = Platform.fromUrl(url, "test");
      assertEquals(url, DatabaseTypes.of(p).connectUrl(url, 30));
    }
    assertEquals("jdbc:oracle:thin:@//db:1521/P?connect_timeout=7&transport_connect_timeout=7",
        DatabaseTypes.of(Platform.ORACLE).connectUrl("jdbc:oracle:thin:@//db:1521/P", 7));
  }

  @Test
  void postgresqlBoundsTheWholeLoginButNoLaterRead() {
    Properties p = new Properties();
    DatabaseTypes.of(Platform.POSTGRESQL).addConnectionProperties(p, 12, "table-compare");
    assertEquals("12", p.getProperty("connectTimeout"));
    assertEquals("12", p.getProperty("loginTimeout"));
    assertFalse(p.containsKey("socketTimeout"), "a socket timeout would also end long chunk queries");
    Properties check = new Properties();
    DatabaseTypes.of(Platform.POSTGRESQL).addLoginCheckProperties("jdbc:postgresql://db/app", check, 12);
    assertTrue(check.isEmpty());
  }

  @Test
  void oracleReadTimeoutIsForTheLoginCheckOnly() {
    Properties pool = new Properties();
    DatabaseTypes.of(Platform.ORACLE).addConnectionProperties(pool, 12, "table-compare");
    assertEquals("12000", pool.getProperty("oracle.net.CONNECT_TIMEOUT"));
    assertFalse(pool.containsKey("oracle.jdbc.ReadTimeout"), "a read timeout would also end long chunk queries");
    Properties check = new Properties();
    DatabaseTypes.of(Platform.ORACLE).addLoginCheckProperties("jdbc:oracle:thin:@//db:1521/P", check, 12);
    assertEquals("12000", check.getProperty("oracle.jdbc.ReadTimeout"));
    Properties own = new Properties();
    own.setProperty("oracle.jdbc.ReadTimeout", "600000");
    DatabaseTypes.of(Platform.ORACLE).addLoginCheckProperties("jdbc:oracle:thin:@//db:1521/P", own, 12);
    assertEquals("600000", own.getProperty("oracle.jdbc.ReadTimeout"), "a configured value is kept");
  }

  @Test
  void h2GetsANetworkTimeoutForTheLoginCheckOverTcpOnly() {
    Properties tcp = new Properties();
    DatabaseTypes.of(Platform.H2).addLoginCheckProperties("jdbc:h2:tcp://db:9092/~/x", tcp, 5);
    assertEquals("5000", tcp.getProperty("NETWORK_TIMEOUT"));
    Properties file = new Properties();
    DatabaseTypes.of(Platform.H2).addLoginCheckProperties("jdbc:h2:file:/data/x", file, 5);
    assertTrue(file.isEmpty());
    Properties given = new Properties();
    DatabaseTypes.of(Platform.H2).addLoginCheckProperties("jdbc:h2:tcp://db/~/x;NETWORK_TIMEOUT=100", given, 5);
    assertTrue(given.isEmpty(), "a URL setting is kept (H2 refuses a setting given twice)");
    Properties pool = new Properties();
    DatabaseTypes.of(Platform.H2).addConnectionProperties(pool, 5, "table-compare");
    assertTrue(pool.isEmpty());
  }
}
