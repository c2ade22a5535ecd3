package io.dbcompare.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.config.Platform;
import io.dbcompare.config.SnapshotMode;
import io.dbcompare.sync.Golden;
import java.io.IOException;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SQL of one point in time per platform ({@code golden/snapshot_sql.txt}): the Oracle query the SCN
 * is chosen from, the PostgreSQL exporter's setup and export query and the importing statement; what
 * each platform supports; and the errors that say a pinned point cannot be read.
 */
class SnapshotSqlGoldenTest {
  private static final String ID = "00000004-00019644-1";

  @Test
  void snapshotSqlPerPlatform() throws IOException {
    StringBuilder sb = new StringBuilder();
    ScnSource oracle = DatabaseTypes.of(Platform.ORACLE).scnSource().orElseThrow();
    sb.append("-- Oracle, snapshot: scn: what each side says about itself (both sides, once per session)\n")
        .append(oracle.databaseSql()).append(";\n\n");
    SnapshotExport pg = DatabaseTypes.of(Platform.POSTGRESQL).snapshotExport().orElseThrow();
    sb.append("-- PostgreSQL, snapshot: exported: the exporter (outside the pool, auto-commit on)\n");
    for (String s : pg.exporterSetup()) {
      sb.append(s).append(";\n");
    }
    sb.append("-- then auto-commit off, REPEATABLE READ, read only; first statement of its transaction:\n")
        .append(pg.exportSql()).append(";\n")
        .append("-- every transaction of the side's pooled connections starts with:\n")
        .append(pg.importStatement(ID)).append(";\n");
    Golden.check("snapshot_sql.txt", sb.toString());
    assertEquals(Connection.TRANSACTION_REPEATABLE_READ, pg.isolation(),
        "an importer must be REPEATABLE READ (READ COMMITTED gives 0A000), like its exporter");
  }

  /** The identifier is written inline (the statement takes no binds): only what PostgreSQL exports passes. */
  @ParameterizedTest
  @ValueSource(strings = {"", "nonsense", "00000004-00019644-1'; DROP TABLE t; --", "00000004-0001964-1",
      "00000004-00019644-", "0000000g-00019644-1", "00000004-00019644-1 "})
  void anImportStatementTakesOnlyAnExportedIdentifier(String id) {
    SnapshotExport pg = DatabaseTypes.of(Platform.POSTGRESQL).snapshotExport().orElseThrow();
    assertThrows(IllegalArgumentException.class, () -> pg.importStatement(id));
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
      "ORACLE, NONE, true", "ORACLE, SCN, true", "ORACLE, EXPORTED, false",
      "POSTGRESQL, NONE, true", "POSTGRESQL, SCN, false", "POSTGRESQL, EXPORTED, true",
      "H2, NONE, true", "H2, SCN, false", "H2, EXPORTED, false"})
  void whatEachPlatformCanPin(Platform p, SnapshotMode mode, boolean supported) {
    DatabaseType t = DatabaseTypes.of(p);
    assertEquals(supported, t.supportsSnapshot(mode));
    assertEquals(p == Platform.ORACLE, t.scnSource().isPresent());
    assertEquals(p == Platform.POSTGRESQL, t.snapshotExport().isPresent());
  }

  /** Errors of a pinned read that say the point cannot be read; the blank kind: nothing about the point. */
  @ParameterizedTest(name = "{0} SQLState ''{1}'' code {2}: {3}")
  @CsvSource({
      "ORACLE, 72000, 1555, POINT_TOO_OLD",
      "ORACLE, 72000, 8180, POINT_TOO_OLD",
      "ORACLE, 72000, 8181, POINT_TOO_OLD",
      "ORACLE, 72000, 1466, TABLE_CHANGED_SINCE",
      "ORACLE, 42000, 1031, PRIVILEGE_MISSING",
      "ORACLE, 42000, 942, ",
      "ORACLE, 08006, 17002, ",
      "ORACLE, 72000, 1013, ",
      "POSTGRESQL, 22023, 0, SNAPSHOT_GONE",
      "POSTGRESQL, 25P03, 0, SNAPSHOT_GONE",
      "POSTGRESQL, 25001, 0, ",
      "POSTGRESQL, 0A000, 0, ",
      "POSTGRESQL, 40001, 0, ",
      "H2, 22023, 0, ",
      "H2, 42000, 1555, "})
  void pinnedReadErrors(Platform p, String state, int code, PinnedReadError kind) {
    assertEquals(java.util.Optional.ofNullable(kind), DatabaseTypes.of(p).pinnedReadError(state, code));
  }

  /** Without a snapshot ORA-01555 stays a transient error (a new try reads at a new point). */
  @Test
  void snapshotTooOldIsRetriedWhenNothingIsPinned() {
    assertEquals(SqlErrorKind.TRANSIENT, DatabaseTypes.of(Platform.ORACLE).classify("72000", 1555, false));
    assertTrue(SqlErrorKind.TRANSIENT.retryable());
  }
}
