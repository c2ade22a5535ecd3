package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Platform;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Retry or not, decided from SQLState and vendor code only (the messages here are deliberately useless). */
class SqlErrorsTest {
  private static DatabaseConfig db(Platform p) {
    String url = switch (p) {
      case ORACLE -> "jdbc:oracle:thin:@//db:1521/P";
      case POSTGRESQL -> "jdbc:postgresql://db/app?password=url-secret";
      case H2 -> "jdbc:h2:tcp://db/~/x";
    };
    return new DatabaseConfig("target", url, "u", "pw-secret", p, Map.of());
  }

  @ParameterizedTest(name = "{0} SQLState {1} code {2}: retry {3}")
  @CsvSource({
      // PostgreSQL: a backend ended by pg_terminate_backend, a server shutting down or crashed, lost sockets
      "POSTGRESQL, 57P01, 0, true, DATABASE",
      "POSTGRESQL, 57P02, 0, true, DATABASE",
      "POSTGRESQL, 57P03, 0, true, DATABASE",
      "POSTGRESQL, 08006, 0, true, DATABASE",
      "POSTGRESQL, 08003, 0, true, DATABASE",
      "POSTGRESQL, 08001, 0, true, DATABASE",
      "POSTGRESQL, 40001, 0, true, DATABASE",
      "POSTGRESQL, 40P01, 0, true, DATABASE",
      // a query cancelled by query_timeout_seconds would only time out again
      "POSTGRESQL, 57014, 0, false, QUERY_CANCELLED",
      "POSTGRESQL, 28P01, 0, false, AUTHENTICATION",
      "POSTGRESQL, 42P01, 0, false, TABLE_FAILED",
      "POSTGRESQL, 22003, 0, false, DATABASE",
      "ORACLE, 08006, 17002, true, DATABASE",
      "ORACLE, 08006, 12170, true, DATABASE",
      "ORACLE, 61000, 3113, true, DATABASE",
      "ORACLE, 72000, 1555, true, DATABASE",
      "ORACLE, 72000, 1013, false, QUERY_CANCELLED",
      "ORACLE, 72000, 1017, false, AUTHENTICATION",
      "ORACLE, 42000, 942, false, TABLE_FAILED",
      "H2, 90067, 90067, true, DATABASE",
      "H2, 57014, 57014, false, QUERY_CANCELLED",
      "H2, 28000, 28000, false, AUTHENTICATION"})
  void classifiesBySqlStateAndVendorCode(Platform p, String state, int vendor, boolean retry, ErrorCode code) {
    CompareException e = SqlErrors.translate(new SQLException("x", state, vendor), "reading T chunk 2", db(p));
    assertEquals(retry, e.retryable(), e.getMessage());
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().startsWith("target database: reading T chunk 2 failed: x (SQLState " + state), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"POSTGRESQL, 08001, 0", "ORACLE, 08006, 12170", "H2, 90067, 90067"})
  void aFailedConnectionAttemptSaysWhatToCheck(Platform p, String state, int vendor) {
    CompareException e = SqlErrors.translate(new SQLException("x", state, vendor), "connecting to u @ db", db(p));
    assertTrue(e.getMessage().contains("host, port, firewall") && e.getMessage().contains("connect_timeout_seconds"),
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"POSTGRESQL, 57014, 0", "ORACLE, 72000, 1013"})
  void aCancelledQueryNamesTheQueryTimeout(Platform p, String state, int vendor) {
    CompareException e = SqlErrors.translate(new SQLException("x", state, vendor), "reading T", db(p));
    assertTrue(e.getMessage().contains("query_timeout_seconds"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"POSTGRESQL"})
  void secretsInDriverMessagesAreMasked(Platform p) {
    CompareException e = SqlErrors.translate(new SQLException("bad url-secret and pw-secret", "08001", 0), "connecting",
        db(p));
    assertFalse(e.getMessage().contains("url-secret") || e.getMessage().contains("pw-secret"), e.getMessage());
  }
}
