package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Platform;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.util.Map;
import org.junit.jupiter.api.Test;
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

  @ParameterizedTest
  @CsvSource({"POSTGRESQL, 57P01, 0", "ORACLE, 72000, 1555", "ORACLE, 42000, 942", "H2, 90067, 90067"})
  void theExceptionKeepsSqlStateAndVendorCodeAsFields(Platform p, String state, int vendor) {
    CompareException e = SqlErrors.translate(new SQLException("x", state, vendor), "reading T", db(p));
    assertEquals(state, e.sqlState());
    assertEquals(vendor, e.vendorCode());
  }

  @Test
  void aBatchErrorIsClassifiedByItsNextException() {
    BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0]);
    batch.setNextException(new SQLException("ORA-03113: end-of-file on communication channel", "61000", 3113));
    CompareException e = SqlErrors.translate(batch, "applying sync_T.sql line 12", db(Platform.ORACLE));
    assertTrue(e.retryable(), e.getMessage());
    assertEquals("61000", e.sqlState());
    assertEquals(3113, e.vendorCode());
    assertTrue(e.getMessage().contains("ORA-03113") && e.getMessage().contains("(SQLState 61000, code 3113)"),
        e.getMessage());
  }

  @Test
  void aWrappedDriverErrorIsFoundAmongTheCauses() {
    // a pool's own exception: no SQLState, the driver's error two causes down
    SQLException pool = new SQLException("Exception occurred while getting connection",
        new RuntimeException("UCP-29", new SQLException("password authentication failed", "28P01", 0)));
    CompareException e = SqlErrors.translate(pool, "connecting to u @ db", db(Platform.POSTGRESQL));
    assertEquals(ErrorCode.AUTHENTICATION, e.code(), e.getMessage());
    assertEquals("28P01", e.sqlState());
  }

  @Test
  void theMostTellingErrorOfTheChainDecides() {
    // a statement error first, then the connection it was on broke: retry, not a plain failure
    SQLException top = new SQLException("syntax error at or near", "42601", 0);
    top.setNextException(new SQLRecoverableException("An I/O error occurred while sending to the backend", "08006", 0));
    CompareException e = SqlErrors.translate(top, "reading T", db(Platform.POSTGRESQL));
    assertTrue(e.retryable(), e.getMessage());
    assertEquals("08006", e.sqlState());
  }

  /** The driver's SQLRecoverableException means a lost connection whatever its codes (e.g. ORA-00376 as 60000). */
  @Test
  void aRecoverableExceptionIsALostConnection() {
    SQLException e = new SQLRecoverableException("file cannot be read at this time", "60000", 376);
    var c = SqlErrors.classify(e, io.dbcompare.vendor.DatabaseTypes.of(Platform.ORACLE), true);
    assertEquals(io.dbcompare.vendor.SqlErrorKind.CONNECTION_LOST, c.kind());
    assertTrue(SqlErrors.translate(e, "reading T", db(Platform.ORACLE)).retryable());
    // the same codes in a plain SQLException are an ordinary failure
    assertFalse(SqlErrors.translate(new SQLException("x", "60000", 376), "reading T", db(Platform.ORACLE)).retryable());
    // a rejected login stays a rejected login
    assertEquals(ErrorCode.AUTHENTICATION,
        SqlErrors.translate(new SQLRecoverableException("x", "72000", 1017), "connecting", db(Platform.ORACLE)).code());
  }

  @Test
  void aChainThatLoopsEnds() {
    SQLException a = new SQLException("a", "42601", 0);
    SQLException b = new SQLException("b", "22003", 0);
    a.setNextException(b);
    b.setNextException(a);
    CompareException e = SqlErrors.translate(a, "reading T", db(Platform.POSTGRESQL));
    assertEquals(ErrorCode.DATABASE, e.code());
    assertEquals("42601", e.sqlState());
  }

  @Test
  void cannotEncodeOnlyForAPushdownQuery() {
    SQLException tooLong = new SQLException("ORA-01489: result of string concatenation is too long", "72000", 1489);
    CompareException pushdown = SqlErrors.translatePushdown(tooLong, "checksum of T", db(Platform.ORACLE));
    assertEquals(ErrorCode.CANNOT_ENCODE, pushdown.code(), pushdown.getMessage());
    assertFalse(pushdown.retryable());
    assertEquals(1489, pushdown.vendorCode());
    CompareException other = SqlErrors.translate(tooLong, "reading T chunk 1", db(Platform.ORACLE));
    assertEquals(ErrorCode.DATABASE, other.code(), other.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
      "ORACLE, 08006, 17002, DATABASE",
      "ORACLE, 72000, 1013, QUERY_CANCELLED",
      "ORACLE, 72000, 1722, DATABASE",
      "POSTGRESQL, 54000, 0, DATABASE",
      "POSTGRESQL, 57014, 0, QUERY_CANCELLED",
      "H2, 22001, 22001, DATABASE"})
  void everyOtherPushdownErrorKeepsItsCode(Platform p, String state, int vendor, ErrorCode code) {
    CompareException e = SqlErrors.translatePushdown(new SQLException("x", state, vendor), "checksum of T", db(p));
    assertEquals(code, e.code(), e.getMessage());
  }
}
