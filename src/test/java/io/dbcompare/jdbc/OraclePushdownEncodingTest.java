package io.dbcompare.jdbc;

import io.dbcompare.compare.TableSpec;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Platform;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link PushdownEncodingTest}'s corpus on Oracle XE in a container; runs wherever Docker runs. */
class OraclePushdownEncodingTest {
  static boolean dockerAvailable() {
    try {
      return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
    } catch (Throwable e) {
      return false;
    }
  }

  /** Oracle XE in a container (where Docker runs): STANDARD_HASH over the same encoding as Java. */
  @Test
  @org.junit.jupiter.api.condition.EnabledIf("dockerAvailable")
  void oracleEncodesLikeJava() throws Exception {
    try (var oracle = new org.testcontainers.containers.OracleContainer("gvenzl/oracle-xe:21-slim-faststart")) {
      oracle.start();
      try (Connection c = DriverManager.getConnection(oracle.getJdbcUrl(), oracle.getUsername(), oracle.getPassword())) {
        PushdownEncodingTest.fill(c, "CREATE TABLE CORPUS (ID NUMBER(10) PRIMARY KEY, N NUMBER(30,10), I NUMBER(19), S VARCHAR2(4000),"
            + " C CHAR(5), B RAW(100), T TIMESTAMP(6), D DATE)", "CORPUS");
      }
      String schema = oracle.getUsername().toUpperCase(java.util.Locale.ROOT);
      TableSpec t = PushdownEncodingTest.spec(schema, Map.of("ID", "NUMBER", "N", "NUMBER", "I", "NUMBER", "S", "VARCHAR2", "C", "CHAR",
          "B", "RAW", "T", "TIMESTAMP(6)", "D", "DATE"), true);
      PushdownEncodingTest.check(new DatabaseConfig("source", oracle.getJdbcUrl(), oracle.getUsername(), oracle.getPassword(),
          Platform.ORACLE, Map.of()), t);
    }
  }

}
