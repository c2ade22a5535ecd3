package io.dbcompare.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.dbcompare.config.Platform;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The ojdbc 23.5 properties (names checked against {@code oracle.jdbc.OracleConnection}'s constants) that
 * keep a silent link from hanging a chunk: TCP keep-alive on every connection, and on the comparison pool
 * a socket read timeout beyond any normal chunk and beyond {@code query_timeout_seconds}. A value the
 * configuration gives under {@code properties:} always wins.
 */
class OracleConnectionPropertiesTest {
  private final DatabaseType oracle = DatabaseTypes.of(Platform.ORACLE);

  @Test
  void everyConnectionProbesItsLinkAndPrefetchesSmallLobs() {
    Properties p = new Properties();
    oracle.addConnectionProperties(p, 30, "table-compare");
    assertEquals("true", p.getProperty("oracle.net.keepAlive"));
    assertEquals("60", p.getProperty("oracle.net.TCP_KEEPIDLE"));
    assertEquals("15", p.getProperty("oracle.net.TCP_KEEPINTERVAL"));
    assertEquals("4", p.getProperty("oracle.net.TCP_KEEPCOUNT"));
    assertEquals("32768", p.getProperty("oracle.jdbc.defaultLobPrefetchSize"));
    // not on every connection: the login check sets its own, short one
    assertNull(p.getProperty("oracle.jdbc.ReadTimeout"));
  }

  @Test
  void theComparisonPoolGetsAGenerousReadTimeoutThatTheQueryTimeoutAlwaysPrecedes() {
    Properties none = new Properties();
    oracle.addComparePoolProperties(none, 0);
    assertEquals(String.valueOf(7_200_000L), none.getProperty("oracle.jdbc.ReadTimeout"), "two hours");
    Properties longQueries = new Properties();
    oracle.addComparePoolProperties(longQueries, 10 * 3600);
    assertEquals(String.valueOf((10 * 3600 + 300) * 1000L), longQueries.getProperty("oracle.jdbc.ReadTimeout"));
  }

  @Test
  void configuredValuesWin() {
    Properties p = new Properties();
    p.setProperty("oracle.net.keepAlive", "false");
    p.setProperty("oracle.jdbc.ReadTimeout", "0");
    p.setProperty("oracle.jdbc.defaultLobPrefetchSize", "1000000");
    oracle.addConnectionProperties(p, 30, "table-compare");
    oracle.addComparePoolProperties(p, 0);
    assertEquals("false", p.getProperty("oracle.net.keepAlive"));
    assertEquals("0", p.getProperty("oracle.jdbc.ReadTimeout"));
    assertEquals("1000000", p.getProperty("oracle.jdbc.defaultLobPrefetchSize"));
  }

  @Test
  void otherDatabasesGetNoReadTimeout() {
    for (Platform pl : new Platform[] {Platform.POSTGRESQL, Platform.H2}) {
      Properties p = new Properties();
      DatabaseTypes.of(pl).addComparePoolProperties(p, 0);
      assertFalse(p.containsKey("oracle.jdbc.ReadTimeout"), pl.name());
      assertEquals(0, p.size(), pl.name());
    }
  }
}
