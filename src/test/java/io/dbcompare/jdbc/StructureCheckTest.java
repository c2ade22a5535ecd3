package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.StructureDifference;
import io.dbcompare.compare.StructureDifference.Kind;
import io.dbcompare.dialect.ColumnType;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.jdbc.SchemaCatalog.Column;
import io.dbcompare.vendor.DatabaseTypes;
import io.dbcompare.config.Platform;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the structure check reports from two catalogs' column descriptions, and what it leaves alone. */
class StructureCheckTest {
  private static StructureCheck check(boolean strict) {
    return new StructureCheck("HR.EMP", "hr.emp", strict, DatabaseTypes.of(Platform.ORACLE).dialect(),
        DatabaseTypes.of(Platform.POSTGRESQL).dialect());
  }

  private static Column col(String name, int jdbc, String type, int size, int scale, boolean nullable) {
    return new Column(name, new ColumnType(jdbc, type, size, scale), nullable);
  }

  @Test
  void lengthsPrecisionFamiliesAndNullabilityAreReported() {
    StructureCheck c = check(false);
    c.compare(col("NAME", Types.VARCHAR, "VARCHAR2", 50, 0, true), col("name", Types.VARCHAR, "varchar", 40, 0, true));
    c.compare(col("AMT", Types.NUMERIC, "NUMBER", 12, 2, true), col("amt", Types.NUMERIC, "numeric", 12, 0, true));
    c.compare(col("CODE", Types.CHAR, "CHAR", 3, 0, true), col("code", Types.VARCHAR, "varchar", 3, 0, true));
    c.compare(col("ID", Types.NUMERIC, "NUMBER", 10, 0, false), col("id", Types.NUMERIC, "numeric", 10, 0, true));
    c.compare(col("D", Types.TIMESTAMP, "DATE", 7, 0, true), col("d", Types.DATE, "date", 13, 0, true));
    assertEquals(List.of(
        new StructureDifference(Kind.LENGTH, "NAME", "VARCHAR2(50)", "varchar(40)"),
        new StructureDifference(Kind.PRECISION_SCALE, "AMT", "NUMBER(12,2)", "numeric(12)"),
        new StructureDifference(Kind.TYPE, "CODE", "fixed-length CHAR(3)", "varying varchar(3)"),
        new StructureDifference(Kind.NULLABILITY, "ID", "NOT NULL", "NULL allowed"),
        new StructureDifference(Kind.TYPE, "D", "date-time DATE", "date date")), c.differences());
  }

  @Test
  void whatACatalogDoesNotDeclareIsNotADifference() {
    StructureCheck c = check(false);
    // unbounded text, unconstrained numbers (Oracle NUMBER: 0/-127, PostgreSQL numeric: 0), integers, LOB and text
    c.compare(col("T", Types.VARCHAR, "VARCHAR2", 4000, 0, true), col("t", Types.VARCHAR, "text", Integer.MAX_VALUE, 0, true));
    c.compare(col("N", Types.NUMERIC, "NUMBER", 0, -127, true), col("n", Types.NUMERIC, "numeric", 0, 0, true));
    c.compare(col("I", Types.INTEGER, "INTEGER", 32, 0, true), col("i", Types.INTEGER, "int4", 10, 0, true));
    c.compare(col("C", Types.CLOB, "CLOB", 0, 0, true), col("c", Types.VARCHAR, "text", Integer.MAX_VALUE, 0, true));
    assertEquals(List.of(), c.differences());
  }

  @Test
  void columnsOnOneSideAreWarningsUnlessStrict() {
    StructureCheck lax = check(false);
    lax.onlyInSource(col("NOTE", Types.VARCHAR, "VARCHAR2", 20, 0, true));
    lax.onlyInTarget(col("flag", Types.NUMERIC, "numeric", 1, 0, true));
    lax.keys(List.of("ID"), List.of(), n -> n.toLowerCase());
    lax.keys(List.of("ID"), List.of("id"), n -> n.toLowerCase());
    assertEquals(List.of(new StructureDifference(Kind.COLUMN_ONLY_IN_SOURCE, "NOTE", "VARCHAR2(20)", "-"),
        new StructureDifference(Kind.COLUMN_ONLY_IN_TARGET, "flag", "-", "numeric(1)"),
        new StructureDifference(Kind.KEY, null, "primary key (ID)", "no primary key")), lax.differences());

    CompareException e = assertThrows(CompareException.class,
        () -> check(true).onlyInSource(col("NOTE", Types.VARCHAR, "VARCHAR2", 20, 0, true)));
    assertEquals(ErrorCode.TABLE_FAILED, e.code());
    assertTrue(e.getMessage().startsWith("HR.EMP: column NOTE is missing in target table hr.emp;"), e.getMessage());
    e = assertThrows(CompareException.class,
        () -> check(true).onlyInTarget(col("flag", Types.NUMERIC, "numeric", 1, 0, true)));
    assertTrue(e.getMessage().contains("column flag exists only in target table hr.emp"), e.getMessage());
  }
}
