package io.dbcompare.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.config.Platform;
import io.dbcompare.config.PlatformRules;
import io.dbcompare.config.Platforms;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The registry and what each vendor object answers about URLs, connecting and its SQL. */
class DatabaseTypesTest {

  @ParameterizedTest
  @EnumSource(Platform.class)
  void everyPlatformHasOneVendorObjectThatNamesIt(Platform p) {
    DatabaseType t = DatabaseTypes.of(p);
    assertEquals(p, t.platform());
    assertSame(t, Platforms.of(p), "config and vendor see the same object");
    assertEquals(p, t.dialect().platform());
    assertTrue(t.handlesJdbcUrl(t.urlPrefix()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "jdbc:oracle:thin:@//db:1521/P, ORACLE",
      "JDBC:ORACLE:THIN:@//DB:1521/P, ORACLE",
      "jdbc:oracle:oci:@PROD, ORACLE",
      "jdbc:postgresql://db:5432/app, POSTGRESQL",
      "jdbc:h2:mem:x, H2",
      "jdbc:H2:tcp://db/~/x, H2"})
  void exactlyOneVendorObjectHandlesAUrl(String url, Platform expected) {
    List<Platform> handling = Platforms.all().stream().filter(r -> r.handlesJdbcUrl(url))
        .map(PlatformRules::platform).toList();
    assertEquals(List.of(expected), handling);
  }

  @Test
  void onlyOracleBuildsAUrlFromHostPortAndService() {
    assertSame(DatabaseTypes.of(Platform.ORACLE), Platforms.withAddressForm());
    PlatformRules oracle = Platforms.withAddressForm();
    assertEquals(1521, oracle.defaultPort());
    assertEquals(Optional.of("jdbc:oracle:thin:@//db1:1522/PROD"), oracle.urlFromAddress("db1", 1522, "PROD", false));
    assertEquals(Optional.of("jdbc:oracle:thin:@db1:1521:ORCL"), oracle.urlFromAddress("db1", 1521, "ORCL", true));
    assertEquals(Optional.empty(), DatabaseTypes.of(Platform.POSTGRESQL).urlFromAddress("db1", 5432, "app", false));
    assertEquals(Optional.empty(), DatabaseTypes.of(Platform.H2).urlFromAddress("db1", 9092, "x", false));
  }

  @Test
  void platformFactsTheConfigurationUses() {
    assertTrue(DatabaseTypes.of(Platform.ORACLE).storesEmptyStringAsNull());
    assertFalse(DatabaseTypes.of(Platform.POSTGRESQL).storesEmptyStringAsNull());
    assertFalse(DatabaseTypes.of(Platform.H2).storesEmptyStringAsNull());
    assertTrue(DatabaseTypes.of(Platform.ORACLE).pushdownByDefault());
    assertTrue(DatabaseTypes.of(Platform.POSTGRESQL).pushdownByDefault());
    assertFalse(DatabaseTypes.of(Platform.H2).pushdownByDefault());
  }

  @ParameterizedTest(name = "{0}: {1}, {2}")
  @CsvSource({
      "ORACLE, oracle.jdbc.pool.OracleDataSource, v$session.program",
      "POSTGRESQL, org.postgresql.Driver, ApplicationName"})
  void connectionsCarryTheProgramNameADbaSees(Platform p, String factory, String programKey) {
    DatabaseType t = DatabaseTypes.of(p);
    assertEquals(factory, t.connectionFactoryClass());
    Properties props = new Properties();
    t.addConnectionProperties(props, 10, "table-compare");
    assertEquals("table-compare", props.getProperty(programKey));
    Properties own = new Properties();
    own.setProperty(programKey, "nightly-check");
    t.addConnectionProperties(own, 10, "table-compare");
    assertEquals("nightly-check", own.getProperty(programKey), "a configured value is kept");
  }

  @Test
  void onlyPostgresqlNeedsAVersionForMerge() {
    assertEquals(0, DatabaseTypes.of(Platform.ORACLE).firstMergeVersion());
    assertEquals(15, DatabaseTypes.of(Platform.POSTGRESQL).firstMergeVersion());
    assertEquals(0, DatabaseTypes.of(Platform.H2).firstMergeVersion());
    assertEquals("org.h2.Driver", DatabaseTypes.of(Platform.H2).connectionFactoryClass());
  }
}
