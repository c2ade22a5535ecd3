package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Platform;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link PostgresNativeRowHashTest}'s equivalence check on Oracle XE in a container (where Docker runs):
 * the row's own text (TO_CHAR TM9, SYYYY masks, LENGTHB-prefixed text, UTC instants) hashed with
 * STANDARD_HASH; equal hashes only for equal canonical values, BC apart from AD, one instant in two
 * zones alike. Oracle stores 1.0 and 1.00 as one NUMBER; only numbers whose TM9 text is scientific are
 * marked inexact on both sides and so print differently (confirmed, never reported).
 */
class OracleNativeRowHashTest {
  private static final List<NativeRowEquivalence.Type> TYPES = List.of(
      new NativeRowEquivalence.Type("NUMBER", "NUMBER", ValueKind.NUMBER, List.of("0", "1", "1.0", "1.00", "-1.5", "0.5",
          "123456789012345678901234567890.12345678", "1e125", "1.5e125", "1e-130", "NULL")),
      new NativeRowEquivalence.Type("NUMBER(12,2)", "NUMBER", ValueKind.NUMBER, List.of("1.5", "1.50", "0", "-0.01",
          "NULL")),
      new NativeRowEquivalence.Type("VARCHAR2(20)", "VARCHAR2", ValueKind.TEXT, List.of("''", "' '", "'a'", "'a '",
          "'a|b'", "'1:a'", "'|'", "'ü'", "'NULL'", "NULL")),
      new NativeRowEquivalence.Type("CHAR(3)", "CHAR", ValueKind.TEXT, List.of("'a'", "'a  '", "' a'", "NULL")),
      new NativeRowEquivalence.Type("RAW(4)", "RAW", ValueKind.BYTES, List.of("HEXTORAW('00')", "HEXTORAW('0000')",
          "HEXTORAW('FF')", "NULL")),
      new NativeRowEquivalence.Type("DATE", "DATE", ValueKind.DATETIME, List.of(
          "TO_DATE('2024-02-29 23:59:59', 'YYYY-MM-DD HH24:MI:SS')", "TO_DATE('-0001-01-01', 'SYYYY-MM-DD')",
          "TO_DATE('0001-01-01', 'YYYY-MM-DD')", "TO_DATE('-4712-01-01', 'SYYYY-MM-DD')",
          "TO_DATE('4712-01-01', 'YYYY-MM-DD')", "NULL")),
      new NativeRowEquivalence.Type("TIMESTAMP(6)", "TIMESTAMP(6)", ValueKind.DATETIME, List.of(
          "TIMESTAMP '2024-02-29 23:59:59.999999'", "TIMESTAMP '2024-02-29 23:59:59.99999'",
          "TO_TIMESTAMP('-0044-03-15 12:00:00', 'SYYYY-MM-DD HH24:MI:SS')", "TIMESTAMP '0044-03-15 12:00:00'", "NULL")),
      new NativeRowEquivalence.Type("TIMESTAMP(6) WITH TIME ZONE", "TIMESTAMP(6) WITH TIME ZONE", ValueKind.DATETIME_TZ,
          List.of("TIMESTAMP '2024-02-29 23:59:59.5 +05:30'", "TIMESTAMP '2024-02-29 18:29:59.5 +00:00'",
              "TIMESTAMP '2024-02-29 18:29:59.5 +01:00'", "NULL")));

  @Test
  @org.junit.jupiter.api.condition.EnabledIf("io.dbcompare.jdbc.OraclePushdownEncodingTest#dockerAvailable")
  void nativeHashEqualImpliesCanonicalEqualForEveryTypeAndEdgeValue() throws Exception {
    try (var oracle = new org.testcontainers.containers.OracleContainer("gvenzl/oracle-xe:21-slim-faststart")) {
      oracle.start();
      DatabaseConfig cfg = new DatabaseConfig("source", oracle.getJdbcUrl(), oracle.getUsername(), oracle.getPassword(),
          Platform.ORACLE, Map.of());
      String schema = oracle.getUsername().toUpperCase(Locale.ROOT);
      try (Connection c = DriverManager.getConnection(oracle.getJdbcUrl(), oracle.getUsername(), oracle.getPassword())) {
        Set<String> representation = NativeRowEquivalence.check(c, cfg, schema, "NUMBER(10)", TYPES,
            (v, type) -> v.equals("NULL") ? "NULL" : "CAST(" + v + " AS " + type + ")",
            "each row's own text hashed: SHA-256");
        assertEquals(Set.of("NUMBER"), representation, "only scientific TM9 texts (marked inexact) differ");
      }
    }
  }
}
