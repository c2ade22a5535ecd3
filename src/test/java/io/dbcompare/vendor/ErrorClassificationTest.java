package io.dbcompare.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dbcompare.config.Platform;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each vendor object's error table: the kind of an error from its SQLState and vendor code alone, for a
 * push-down query and for any other statement. Only a push-down query's error can be CANNOT_ENCODE.
 */
class ErrorClassificationTest {

  @ParameterizedTest(name = "{0} SQLState ''{1}'' code {2}: {3}, push-down: {4}")
  @CsvSource({
      // Oracle: decided by ORA- numbers; the driver's SQLState is often a catch-all (72000, 99999)
      "ORACLE, 72000, 1017, AUTHENTICATION, AUTHENTICATION",
      "ORACLE, 99999, 28000, AUTHENTICATION, AUTHENTICATION",
      "ORACLE, 72000, 28001, AUTHENTICATION, AUTHENTICATION",
      "ORACLE, 08006, 17002, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, 61000, 3113, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, '', 17008, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, 08006, 17410, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, 08006, 12170, CONNECTION_LOST, CONNECTION_LOST",
      // killed sessions, failover, switchover and shutdown: a new connection may work (item 9 of the review)
      "ORACLE, 72000, 28, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, 72000, 31, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, 72000, 603, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, 72000, 1012, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, 72000, 1033, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, 72000, 1034, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, 72000, 1089, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, 72000, 1090, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, 72000, 1092, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, 66000, 12514, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, 66000, 12528, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, 66000, 12537, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, 66000, 12541, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, 72000, 16456, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, 72000, 25401, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, 72000, 25402, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, 72000, 25408, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, 99999, 17447, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, '', 28, CONNECTION_LOST, CONNECTION_LOST",
      "ORACLE, 72000, 1555, TRANSIENT, TRANSIENT",
      // resource errors say nothing about a row: never CANNOT_ENCODE, so never a switch to Java hashing
      "ORACLE, 72000, 1652, OTHER, OTHER",
      "ORACLE, 72000, 4030, OTHER, OTHER",
      "ORACLE, 72000, 4031, OTHER, OTHER",
      "ORACLE, 72000, 1706, OTHER, OTHER",
      "ORACLE, 72000, 22835, OTHER, OTHER",
      "ORACLE, 72000, 12899, OTHER, OTHER",
      "ORACLE, 72000, 1013, CANCELLED, CANCELLED",
      "ORACLE, 42000, 942, OBJECT_MISSING, OBJECT_MISSING",
      "ORACLE, 42000, 904, OBJECT_MISSING, OBJECT_MISSING",
      "ORACLE, 72000, 1489, OTHER, CANNOT_ENCODE",
      "ORACLE, 72000, 1722, OTHER, OTHER",
      "ORACLE, 23000, 1, OTHER, OTHER",
      // PostgreSQL: SQLState only (the vendor code is always 0)
      "POSTGRESQL, 28P01, 0, AUTHENTICATION, AUTHENTICATION",
      "POSTGRESQL, 28000, 0, AUTHENTICATION, AUTHENTICATION",
      "POSTGRESQL, 08006, 0, CONNECTION_LOST, CONNECTION_LOST",
      "POSTGRESQL, 08001, 0, CONNECTION_LOST, CONNECTION_LOST",
      "POSTGRESQL, 57P01, 0, CONNECTION_LOST, CONNECTION_LOST",
      "POSTGRESQL, 57P02, 0, CONNECTION_LOST, CONNECTION_LOST",
      "POSTGRESQL, 57P03, 0, CONNECTION_LOST, CONNECTION_LOST",
      "POSTGRESQL, 40001, 0, TRANSIENT, TRANSIENT",
      "POSTGRESQL, 40P01, 0, TRANSIENT, TRANSIENT",
      "POSTGRESQL, 57014, 0, CANCELLED, CANCELLED",
      "POSTGRESQL, 42P01, 0, OBJECT_MISSING, OBJECT_MISSING",
      "POSTGRESQL, 42703, 0, OBJECT_MISSING, OBJECT_MISSING",
      "POSTGRESQL, 54000, 0, OTHER, OTHER",
      "POSTGRESQL, 22003, 0, OTHER, OTHER",
      // an Oracle number means nothing from PostgreSQL
      "POSTGRESQL, 72000, 1489, OTHER, OTHER",
      // H2: its SQLState is mostly its own error code
      "H2, 28000, 28000, AUTHENTICATION, AUTHENTICATION",
      "H2, 90067, 90067, CONNECTION_LOST, CONNECTION_LOST",
      "H2, 90098, 90098, CONNECTION_LOST, CONNECTION_LOST",
      "H2, 40001, 40001, TRANSIENT, TRANSIENT",
      "H2, 57014, 57014, CANCELLED, CANCELLED",
      "H2, 42S02, 42102, OBJECT_MISSING, OBJECT_MISSING",
      "H2, 42S22, 42122, OBJECT_MISSING, OBJECT_MISSING",
      "H2, 22001, 22001, OTHER, OTHER",
      "H2, 72000, 1489, OTHER, OTHER"})
  void classifiesBySqlStateAndVendorCode(Platform p, String state, int code, SqlErrorKind otherStatement,
      SqlErrorKind pushdownQuery) {
    DatabaseType type = DatabaseTypes.of(p);
    assertEquals(otherStatement, type.classify(state, code, false));
    assertEquals(pushdownQuery, type.classify(state, code, true));
  }

  /** Under push-down only ORA-01489 may move a table to Java hashing: every other Oracle code is not CANNOT_ENCODE. */
  @org.junit.jupiter.api.Test
  void onlyOra01489CannotEncode() {
    DatabaseType oracle = DatabaseTypes.of(Platform.ORACLE);
    for (int code = 0; code < 70_000; code++) {
      boolean cannot = oracle.classify("72000", code, true) == SqlErrorKind.CANNOT_ENCODE;
      assertEquals(code == 1489, cannot, "ORA-" + code);
    }
  }

  @ParameterizedTest
  @CsvSource({"ORACLE", "POSTGRESQL", "H2"})
  void aMissingSqlStateIsNotAnError(Platform p) {
    assertEquals(SqlErrorKind.OTHER, DatabaseTypes.of(p).classify(null, 0, true));
  }
}
