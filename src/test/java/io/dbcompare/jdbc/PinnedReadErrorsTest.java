package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ReadPoint;
import io.dbcompare.compare.TableRef;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Platform;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.math.BigInteger;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A read pinned to one point in time: each SQLState and vendor code that says the point cannot be read
 * maps to one line saying what to do, an exit status, and no retry (retrying reads the same point); the
 * same codes keep their usual meaning where nothing is pinned. No database is contacted.
 */
class PinnedReadErrorsTest {
  private static final ReadPoint AT = ReadPoint.scn(new BigInteger("9000420"));
  private static final TableRef TABLE = new TableRef("HR", "EMP");
  private static final String ID = "00000004-00019644-1";

  private static ConnectionPool pool(Platform p) {
    String url = p == Platform.ORACLE ? "jdbc:oracle:thin:@//db:1521/P" : "jdbc:postgresql://db/app";
    return new ConnectionPool(new DatabaseConfig("source", url, "CMP", "pw-secret", p, Map.of()), 2, 5, 0);
  }

  private static CompareException read(ConnectionPool pool, String state, int code) {
    return SqlErrors.translateRead(new SQLException("db says " + code, state, code), "reading HR.EMP chunk 3", pool,
        TABLE, false);
  }

  @ParameterizedTest(name = "Oracle code {1} at an SCN: {2}, exit {3}")
  @CsvSource(delimiter = '|', value = {
      "72000 | 1555 | DATABASE     | 2 | no longer holds the undo to read as of SCN 9000420",
      "72000 | 8180 | DATABASE     | 2 | start a new session or raise UNDO_RETENTION",
      "72000 | 8181 | DATABASE     | 2 | a resume of this session reads the same SCN",
      "72000 | 1466 | TABLE_FAILED | 2 | HR.EMP changed its definition after SCN 9000420",
      "42000 | 1031 | TABLE_FAILED | 2 | GRANT FLASHBACK ON HR.EMP TO CMP (or GRANT FLASHBACK ANY TABLE TO CMP)"})
  void anOracleReadAtAnScnThatCannotBeReadFailsOnceWithWhatToDo(String state, int code, ErrorCode expected,
      int exit, String says) {
    try (ConnectionPool pool = pool(Platform.ORACLE)) {
      pool.readAt(AT);
      CompareException e = read(pool, state, code);
      assertEquals(expected, e.code(), e.getMessage());
      assertEquals(exit, e.exitCode());
      assertFalse(e.retryable(), "reading the same SCN again cannot help: " + e.getMessage());
      assertTrue(e.getMessage().startsWith("source database: reading HR.EMP chunk 3 failed: db says " + code
          + " (SQLState " + state + ", code " + code + "); "), e.getMessage());
      assertTrue(e.getMessage().contains(says), e.getMessage());
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
      assertEquals(code, e.vendorCode());
    }
  }

  /** Without a snapshot the same codes keep their meaning: ORA-01555 is retried (a new try reads anew). */
  @ParameterizedTest
  @CsvSource({"72000, 1555, true, DATABASE", "72000, 1466, false, DATABASE", "42000, 1031, false, DATABASE"})
  void withoutAnScnTheUsualTranslation(String state, int code, boolean retry, ErrorCode expected) {
    try (ConnectionPool pool = pool(Platform.ORACLE)) {
      CompareException e = read(pool, state, code);
      assertEquals(retry, e.retryable(), e.getMessage());
      assertEquals(expected, e.code());
      assertFalse(e.getMessage().contains("SCN"), e.getMessage());
    }
  }

  /** A lost connection stays a lost connection (retried on a new one), even with an ORA-01555 chained. */
  @Test
  void aLostConnectionKeepsItsMeaningAtAnScn() {
    try (ConnectionPool pool = pool(Platform.ORACLE)) {
      pool.readAt(AT);
      SQLException lost = new SQLRecoverableException("io error", "08006", 17002);
      lost.setNextException(new SQLException("snapshot too old", "72000", 1555));
      CompareException e = SqlErrors.translateRead(lost, "reading HR.EMP", pool, TABLE, false);
      assertTrue(e.retryable(), e.getMessage());
      assertEquals(17002, e.vendorCode());
    }
  }

  @ParameterizedTest(name = "PostgreSQL {0} with a shared snapshot")
  @CsvSource({"22023", "25P03"})
  void aSharedSnapshotThatIsGoneFailsTheChunkSayingResume(String state) {
    try (ConnectionPool pool = pool(Platform.POSTGRESQL)) {
      pool.shareSnapshot(ID);
      CompareException e = read(pool, state, 0);
      assertEquals(ErrorCode.DATABASE, e.code());
      assertEquals(2, e.exitCode());
      assertFalse(e.retryable());
      assertTrue(e.getMessage().contains("the exported snapshot " + ID + " that this run's reads of the source"
          + " share can no longer be imported"), e.getMessage());
      assertTrue(e.getMessage().contains("resume the session"), e.getMessage());
    }
  }

  /** 22023 is also "invalid parameter value": only a side that shares a snapshot reads it as one gone. */
  @Test
  void invalidParameterValueWithoutASharedSnapshotIsAPlainError() {
    try (ConnectionPool pool = pool(Platform.POSTGRESQL)) {
      CompareException e = read(pool, "22023", 0);
      assertFalse(e.getMessage().contains("exported snapshot"), e.getMessage());
      assertTrue(e.getMessage().endsWith("see the database error"), e.getMessage());
    }
  }

  /** The push-down check must not take a point that cannot be read for "push-down unusable". */
  @Test
  void aPinnedReadErrorIsAboutThePointOnlyWhereThePointIsPinned() {
    try (ConnectionPool oracle = pool(Platform.ORACLE)) {
      CompareException e = new CompareException(ErrorCode.DATABASE, "x", null, false, "72000", 1466);
      assertFalse(PinnedReadErrors.aboutThePoint(e, oracle));
      oracle.readAt(AT);
      assertTrue(PinnedReadErrors.aboutThePoint(e, oracle));
    }
  }
}
