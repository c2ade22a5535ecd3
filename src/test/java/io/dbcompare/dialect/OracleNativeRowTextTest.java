package io.dbcompare.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.DeclaredSize;
import io.dbcompare.compare.ValueKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Oracle's native row text (issue 13) per type, and the BC guard of the canonical encoding: Oracle's
 * dates reach back to 4712 BC and YYYY prints no sign, so a BC value must never encode like the AD one.
 */
class OracleNativeRowTextTest {
  private final OraclePushdownSql p = new OraclePushdownSql();

  private static NativeColumn col(String name, ValueKind kind, String type, DeclaredSize size) {
    return new NativeColumn("\"" + name + "\"", kind, type, size);
  }

  @Test
  void eachTypeHasItsOwnExactText() {
    String row = p.nativeRowText(List.of(
        col("ID", ValueKind.NUMBER, "NUMBER", new DeclaredSize(10, 0)),
        col("N", ValueKind.NUMBER, "NUMBER", DeclaredSize.UNKNOWN),
        col("S", ValueKind.TEXT, "VARCHAR2", DeclaredSize.UNKNOWN),
        col("C", ValueKind.TEXT, "CHAR", DeclaredSize.UNKNOWN),
        col("B", ValueKind.BYTES, "RAW", DeclaredSize.UNKNOWN),
        col("D", ValueKind.DATETIME, "DATE", DeclaredSize.UNKNOWN),
        col("T", ValueKind.DATETIME, "TIMESTAMP(6)", new DeclaredSize(null, 6)),
        col("Z", ValueKind.DATETIME_TZ, "TIMESTAMP(6) WITH TIME ZONE", new DeclaredSize(null, 6))), "!inexact:source")
        .orElseThrow();
    assertEquals("('R' || TO_CHAR(\"ID\", 'TM9')"
        + " || '|' || CASE WHEN INSTR(TO_CHAR(\"N\", 'TM9'), 'E') > 0 THEN '!inexact:source' ELSE TO_CHAR(\"N\", 'TM9') END"
        + " || '|' || LENGTHB(\"S\") || ':' || \"S\""
        + " || '|' || LENGTHB(\"C\") || ':' || \"C\""
        + " || '|' || RAWTOHEX(\"B\")"
        + " || '|' || TO_CHAR(\"D\", 'SYYYY-MM-DD HH24:MI:SS')"
        + " || '|' || TO_CHAR(\"T\", 'SYYYY-MM-DD HH24:MI:SS.FF9')"
        + " || '|' || TO_CHAR(SYS_EXTRACT_UTC(\"Z\"), 'SYYYY-MM-DD HH24:MI:SS.FF9'))", row);
  }

  @Test
  void typesWithoutAnExactTextStayCanonicalOrJava() {
    for (String[] t : new String[][] {{"NVARCHAR2", "TEXT"}, {"NCHAR", "TEXT"}, {"CLOB", "TEXT"}, {"BLOB", "BYTES"},
        {"BINARY_DOUBLE", "FLOAT"}, {"TIMESTAMP(6) WITH LOCAL TIME ZONE", "DATETIME_TZ"}, {"XMLTYPE", "TEXT"},
        {"INTERVAL DAY(2) TO SECOND(6)", "INTERVAL"}, {"LONG", "TEXT"}}) {
      assertTrue(p.nativeTextBlocker(ValueKind.valueOf(t[1]), t[0]).isPresent(), t[0]);
    }
    for (String[] t : new String[][] {{"NUMBER", "NUMBER"}, {"FLOAT", "NUMBER"}, {"VARCHAR2", "TEXT"}, {"CHAR", "TEXT"},
        {"RAW", "BYTES"}, {"DATE", "DATETIME"}, {"TIMESTAMP(9)", "DATETIME"},
        {"TIMESTAMP(3) WITH TIME ZONE", "DATETIME_TZ"}}) {
      assertEquals(Optional.empty(), p.nativeTextBlocker(ValueKind.valueOf(t[1]), t[0]), t[0]);
    }
  }

  /** The canonical encoding prints years with YYYY: a value before 1 AD is marked inexact (read in Java). */
  @Test
  void bcDateTimesAreMarkedInexactInTheCanonicalEncoding() {
    assertEquals(Optional.of("\"D\" < DATE '0001-01-01'"),
        p.inexactCondition("\"D\"", ValueKind.DATETIME, "DATE", DeclaredSize.UNKNOWN));
    assertEquals(Optional.of("\"T\" < DATE '0001-01-01'"),
        p.inexactCondition("\"T\"", ValueKind.DATETIME, "TIMESTAMP(6)", DeclaredSize.UNKNOWN));
    assertEquals(Optional.of("\"Z\" < TIMESTAMP '0001-01-01 00:00:00 +00:00'"),
        p.inexactCondition("\"Z\"", ValueKind.DATETIME_TZ, "TIMESTAMP(6) WITH TIME ZONE", DeclaredSize.UNKNOWN));
  }
}
