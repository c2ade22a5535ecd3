package io.dbcompare.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.Bind;
import io.dbcompare.dialect.Bind.Binding;
import io.dbcompare.dialect.Dialects;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bound form of each statement kind: its SQL with parameters where the script has literals, and
 * the values bound, in parameter order, with the exact Java type and JDBC call per value kind and the
 * dialect's quirks (see {@code StatementBinderH2Test} for the statements run on a database).
 */
class StatementBinderTest {
  private static final TableRef T = new TableRef("HR", "EMP");
  private static final LocalDateTime WHEN = LocalDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_789);

  private static ColumnValue v(String column, ValueKind kind, String type, Object value) {
    return new ColumnValue(column, kind, type, value);
  }

  private static BoundStatement bind(Platform p, RowStatement s) {
    return new StatementBinder(Dialects.of(p)).bind(s);
  }

  private static final ColumnValue ID = v("ID", ValueKind.NUMBER, "NUMERIC", new BigDecimal("42"));

  @Test
  void insertBindsEveryColumnAndNullIsALiteral() {
    BoundStatement b = bind(Platform.H2, RowStatement.insert(T, List.of(ID), List.of(
        v("NAME", ValueKind.TEXT, "CHARACTER VARYING", "O'Brien"),
        v("NOTE", ValueKind.TEXT, "CHARACTER VARYING", null),
        v("AT", ValueKind.DATETIME, "TIMESTAMP", WHEN))));
    assertEquals("INSERT INTO \"HR\".\"EMP\" (\"ID\", \"NAME\", \"NOTE\", \"AT\") VALUES (?, ?, NULL, ?)", b.sql());
    assertEquals(List.of(new Bind(Binding.DECIMAL, new BigDecimal("42")), new Bind(Binding.STRING, "O'Brien"),
        new Bind(Binding.TIMESTAMP, WHEN)), b.binds());
  }

  @Test
  void guardedUpdateAndDeleteMatchKeyAndEveryValueAsRead() {
    List<ColumnValue> guard = List.of(v("NAME", ValueKind.TEXT, "CHARACTER VARYING", "old"),
        v("NOTE", ValueKind.TEXT, "CHARACTER VARYING", null), v("RATE", ValueKind.FLOAT, "REAL", 1.5));
    BoundStatement u = bind(Platform.H2, RowStatement.update(T, List.of(ID),
        List.of(v("NAME", ValueKind.TEXT, "CHARACTER VARYING", "new")), guard, true));
    // empty-string policy: a NULL read may have been ''; a REAL was read widened to double
    assertEquals("UPDATE \"HR\".\"EMP\" SET \"NAME\" = ? WHERE \"ID\" = ? AND \"NAME\" = ? AND (\"NOTE\" IS NULL OR"
        + " \"NOTE\" = '') AND \"RATE\" = CAST(? AS REAL)", u.sql());
    assertEquals(List.of(new Bind(Binding.STRING, "new"), new Bind(Binding.DECIMAL, new BigDecimal("42")),
        new Bind(Binding.STRING, "old"), new Bind(Binding.DOUBLE, 1.5)), u.binds());
    assertEquals(u.statement().stopMessage(), u.noRowReason(0));
    assertTrue(u.noRowReason(0).startsWith("sync stopped: HR.EMP (ID=42) changed since the comparison"));

    BoundStatement d = bind(Platform.H2, RowStatement.delete(T, List.of(ID), guard, false));
    assertEquals("DELETE FROM \"HR\".\"EMP\" WHERE \"ID\" = ? AND \"NAME\" = ? AND \"NOTE\" IS NULL AND \"RATE\" ="
        + " CAST(? AS REAL)", d.sql());
    assertEquals(3, d.binds().size());

    BoundStatement plain = bind(Platform.H2, RowStatement.delete(T, List.of(ID), null, false));
    assertEquals("DELETE FROM \"HR\".\"EMP\" WHERE \"ID\" = ?", plain.sql());
    assertEquals("DELETE changed 0 rows instead of 1: the row changed since the comparison", plain.noRowReason(0));
  }

  @Test
  void mergeTakesItsKeyFromTheOnConditionAndGuardsTheExpectedBranch() {
    List<ColumnValue> row = List.of(v("NAME", ValueKind.TEXT, "varchar", "new"), v("N", ValueKind.NUMBER, "numeric",
        BigDecimal.TEN));
    ColumnValue id = v("ID", ValueKind.NUMBER, "numeric", new BigDecimal("42"));
    RowStatement update = new RowStatement(RowStatement.Kind.MERGE_UPDATE, T, List.of(id), row.subList(0, 1), row,
        List.of(v("NAME", ValueKind.TEXT, "varchar", "old"), v("N", ValueKind.NUMBER, "numeric", BigDecimal.TEN)),
        true, false, false);
    BoundStatement b = bind(Platform.POSTGRESQL, update);
    assertEquals("MERGE INTO \"HR\".\"EMP\" t USING (SELECT 1 AS \"ONE\") s ON (t.\"ID\" = ?) WHEN MATCHED AND"
        + " t.\"NAME\" = ? AND t.\"N\" = ? THEN UPDATE SET \"NAME\" = ? WHEN NOT MATCHED AND 1 = 0 THEN INSERT (\"ID\","
        + " \"NAME\", \"N\") VALUES (?, ?, ?)", b.sql());
    assertEquals(List.of("42", "old", "10", "new", "42", "new", "10"),
        b.binds().stream().map(x -> String.valueOf(x.value())).toList());

    // Oracle: the condition is a WHERE after the action, the source row comes FROM DUAL
    RowStatement insert = new RowStatement(RowStatement.Kind.MERGE_INSERT, T, List.of(id), row, row, List.of(), true,
        false, false);
    BoundStatement o = bind(Platform.ORACLE, insert);
    assertEquals("MERGE INTO \"HR\".\"EMP\" t USING (SELECT 1 AS \"ONE\" FROM DUAL) s ON (t.\"ID\" = ?) WHEN MATCHED"
        + " THEN UPDATE SET \"NAME\" = ?, \"N\" = ? WHERE 1 = 0 WHEN NOT MATCHED THEN INSERT (\"ID\", \"NAME\", \"N\")"
        + " VALUES (?, ?, ?)", o.sql());
    assertEquals(6, o.binds().size());
    assertTrue(o.noRowReason(0).contains("MERGE found a row with the key it was to insert"), o.noRowReason(0));
  }

  /** PostgreSQL: integer keys bind as long (the key's index stays usable), dates as dates, bpchar cast. */
  @Test
  void postgresKeepsTheColumnsOperators() {
    BoundStatement b = bind(Platform.POSTGRESQL, RowStatement.update(T,
        List.of(v("id", ValueKind.NUMBER, "int4", new BigDecimal("7")), v("code", ValueKind.TEXT, "bpchar", "ab   ")),
        List.of(v("valid", ValueKind.DATETIME, "date", LocalDateTime.of(2024, 1, 2, 0, 0)),
            v("big", ValueKind.NUMBER, "int8", new BigDecimal("1.5")),
            v("r", ValueKind.FLOAT, "float4", 0.25)),
        List.of(v("r", ValueKind.FLOAT, "float4", 0.5)), false));
    assertEquals("UPDATE \"HR\".\"EMP\" SET \"valid\" = ?, \"big\" = ?, \"r\" = ? WHERE \"id\" = ? AND \"code\" ="
        + " CAST(? AS bpchar) AND \"r\" = ?::float4", b.sql());
    assertEquals(List.of(new Bind(Binding.DATE, LocalDate.of(2024, 1, 2)),
        new Bind(Binding.DECIMAL, new BigDecimal("1.5")), // a fraction rounds on assignment, as the literal does
        new Bind(Binding.DOUBLE, 0.25), new Bind(Binding.LONG, 7L), new Bind(Binding.STRING, "ab   "),
        new Bind(Binding.DOUBLE, 0.5)), b.binds());
  }

  /** Oracle: the literal's quirks as binds (see OracleDialect#boundValue). */
  @Test
  void oracleBindsNationalLobDateAndBinaryDoubleValuesExactly() {
    byte[] blob = {1, 2, 3};
    OffsetDateTime tz = OffsetDateTime.of(WHEN, ZoneOffset.ofHoursMinutes(5, 30));
    BoundStatement b = bind(Platform.ORACLE, RowStatement.update(T,
        List.of(v("ID", ValueKind.NUMBER, "NUMBER", new BigDecimal("42"))),
        List.of(v("D", ValueKind.FLOAT, "BINARY_DOUBLE", Double.NaN),
            v("N", ValueKind.TEXT, "NVARCHAR2", "é"),
            v("C", ValueKind.TEXT, "CLOB", "long"),
            v("NC", ValueKind.TEXT, "NCLOB", "ü"),
            v("B", ValueKind.BYTES, "BLOB", blob),
            v("R", ValueKind.BYTES, "RAW", blob),
            v("DT", ValueKind.DATETIME, "DATE", WHEN.withNano(0)),
            v("TS", ValueKind.DATETIME_TZ, "TIMESTAMP(6) WITH TIME ZONE", tz)),
        List.of(v("F", ValueKind.FLOAT, "BINARY_FLOAT", Double.NEGATIVE_INFINITY),
            v("EB", ValueKind.BYTES, "BLOB", new byte[0]),
            v("EC", ValueKind.TEXT, "CLOB", ""),
            v("C", ValueKind.TEXT, "CLOB", "long")), true));
    assertEquals("UPDATE \"HR\".\"EMP\" SET \"D\" = TO_BINARY_DOUBLE(?), \"N\" = ?, \"C\" = ?, \"NC\" = ?, \"B\" = ?,"
        + " \"R\" = ?, \"DT\" = CAST(? AS DATE), \"TS\" = ? WHERE \"ID\" = ?"
        + " AND \"F\" = TO_BINARY_FLOAT(TO_BINARY_DOUBLE(?)) AND DBMS_LOB.GETLENGTH(\"EB\") = 0"
        + " AND DBMS_LOB.GETLENGTH(\"EC\") = 0 AND DBMS_LOB.COMPARE(\"C\", ?) = 0", b.sql());
    List<Bind> binds = b.binds();
    assertEquals(new Bind(Binding.STRING, "NaN"), binds.get(0));
    assertEquals(new Bind(Binding.NSTRING, "é"), binds.get(1));
    assertEquals(new Bind(Binding.CLOB, "long"), binds.get(2));
    assertEquals(new Bind(Binding.NCLOB, "ü"), binds.get(3));
    assertEquals(Binding.BLOB, binds.get(4).binding());
    assertArrayEquals(blob, (byte[]) binds.get(4).value());
    assertEquals(Binding.BYTES, binds.get(5).binding());
    assertEquals(new Bind(Binding.TIMESTAMP, WHEN.withNano(0)), binds.get(6));
    assertEquals(new Bind(Binding.TIMESTAMP_TZ, tz), binds.get(7));
    assertEquals(new Bind(Binding.DECIMAL, new BigDecimal("42")), binds.get(8));
    assertEquals(new Bind(Binding.STRING, "-INF"), binds.get(9));
    assertEquals(new Bind(Binding.CLOB, "long"), binds.get(10));
    assertEquals(11, binds.size());
  }

  /** Each kind binds its exact Java type: never a double for a NUMBER, never text for bytes or times. */
  @Test
  void eachKindBindsItsExactJavaType() {
    BigDecimal n = new BigDecimal("12345678901234567890.123456789");
    OffsetDateTime tz = OffsetDateTime.of(WHEN, ZoneOffset.UTC);
    List<ColumnValue> row = List.of(v("N", ValueKind.NUMBER, "NUMERIC", n), v("F", ValueKind.FLOAT, "DOUBLE", 0.1),
        v("S", ValueKind.TEXT, "CLOB", "x"), v("B", ValueKind.BYTES, "BLOB", new byte[] {9}),
        v("T", ValueKind.DATETIME, "TIMESTAMP", WHEN), v("Z", ValueKind.DATETIME_TZ, "TIMESTAMP WITH TIME ZONE", tz),
        v("L", ValueKind.BOOLEAN, "BOOLEAN", true));
    List<Bind> binds = bind(Platform.H2, RowStatement.insert(T, List.of(ID), row)).binds();
    assertEquals(List.of(Binding.DECIMAL, Binding.DECIMAL, Binding.DOUBLE, Binding.STRING, Binding.BYTES,
        Binding.TIMESTAMP, Binding.TIMESTAMP_TZ, Binding.BOOLEAN), binds.stream().map(Bind::binding).toList());
    assertEquals(n, binds.get(1).value());
    assertEquals("12345678901234567890.123456789", ((BigDecimal) binds.get(1).value()).toPlainString());
  }
}
