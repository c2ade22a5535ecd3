package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.Canonical;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.DeclaredSize;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.DatabaseFacts;
import io.dbcompare.dialect.Dialects;
import io.dbcompare.dialect.OraclePushdownSql;
import io.dbcompare.dialect.PostgresPushdownSql;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which columns each database may hash in SQL, and how an inexact text is kept from matching (issue 9, items 3 and 4). */
class PushdownRulesTest {
  static final DatabaseFacts WE8 = new DatabaseFacts("WE8MSWIN1252", "AL16UTF16", 19, 0);
  static final DatabaseFacts EBCDIC = new DatabaseFacts("WE8EBCDIC1047", "AL16UTF16", 19, 0);

  static TableSpec oracle(String textType, ColumnSpec... more) {
    List<ColumnSpec> cols = new java.util.ArrayList<>(List.of(
        new ColumnSpec("ID", "ID", ValueKind.NUMBER, "NUMBER", "NUMBER", true, new DeclaredSize(10, 0), new DeclaredSize(10, 0))));
    if (textType != null) {
      cols.add(new ColumnSpec("NAME", "NAME", ValueKind.TEXT, textType, textType, false));
    }
    cols.addAll(List.of(more));
    return new TableSpec("HR_T", "HR.T", new TableRef("HR", "T"), new TableRef("HR", "T"), cols, 1, Optional.empty(), true);
  }

  static PushdownQueries.Result of(TableSpec t, DatabaseFacts f) {
    return PushdownQueries.of(t, Side.SOURCE, Dialects.of(Platform.ORACLE), false, f);
  }

  /** Item 3: LENGTHB and STANDARD_HASH see WE8MSWIN1252 bytes, not UTF-8: text is hashed in Java. */
  @Test
  void textOfANonAl32utf8OracleIsHashedInJava() {
    assertNotNull(of(oracle("VARCHAR2"), DatabaseFacts.ORACLE_AL32UTF8).queries());
    PushdownQueries.Result r = of(oracle("VARCHAR2"), WE8);
    assertNull(r.queries());
    assertTrue(r.blocker().startsWith("column NAME (VARCHAR2) is hashed in Java: the database character set"
        + " WE8MSWIN1252 is not AL32UTF8"), r.blocker());
    assertNotNull(of(oracle(null), WE8).queries(), "numbers, dates and hex are ASCII in WE8MSWIN1252");
    assertNull(of(oracle(null), EBCDIC).queries(), "not even ASCII hashes alike in EBCDIC");
    assertTrue(of(oracle(null), EBCDIC).blocker().contains("WE8EBCDIC1047"));
    assertNull(of(oracle("CHAR"), new DatabaseFacts("UTF8", "AL16UTF16", 19, 0)).queries(), "CESU-8 is not UTF-8");
  }

  /** National text was never pushed down: its lengths count in the national character set. */
  @Test
  void nationalTextIsHashedInJava() {
    PushdownQueries.Result r = of(oracle("NVARCHAR2"), DatabaseFacts.ORACLE_AL32UTF8);
    assertNull(r.queries());
    assertTrue(r.blocker().contains("column NAME (NVARCHAR2) cannot be hashed"), r.blocker());
  }

  @Test
  void postgresTextNeedsAUtf8Server() {
    var pg = new PostgresPushdownSql();
    assertTrue(pg.encodingBlocker(DatabaseFacts.UTF8, ValueKind.TEXT, "varchar").isEmpty());
    assertTrue(pg.encodingBlocker(new DatabaseFacts("LATIN1", null, 15, 0), ValueKind.TEXT, "varchar").orElseThrow()
        .contains("server encoding LATIN1 is not UTF8"));
    assertTrue(pg.encodingBlocker(new DatabaseFacts("LATIN1", null, 15, 0), ValueKind.NUMBER, "numeric").isEmpty());
  }

  /** Item 4: which NUMBER declarations need the scientific-notation check. */
  @Test
  void onlyNumbersThatMayReachSixtyFourCharactersAreChecked() {
    var o = new OraclePushdownSql();
    String check = "INSTR(TO_CHAR(\"N\", 'TM9'), 'E') > 0";
    assertEquals(Optional.of(check), o.inexactCondition("\"N\"", ValueKind.NUMBER, "NUMBER", DeclaredSize.UNKNOWN));
    assertEquals(Optional.of(check), o.inexactCondition("\"N\"", ValueKind.NUMBER, "NUMBER", new DeclaredSize(null, 0)),
        "NUMBER(*,0): no declared precision in the catalog");
    assertEquals(Optional.of(check), o.inexactCondition("\"N\"", ValueKind.NUMBER, "FLOAT", new DeclaredSize(126, null)));
    assertEquals(Optional.of(check), o.inexactCondition("\"N\"", ValueKind.NUMBER, "NUMBER", new DeclaredSize(5, -2)));
    assertEquals(Optional.of(check), o.inexactCondition("\"N\"", ValueKind.NUMBER, "NUMBER", new DeclaredSize(3, 5)));
    assertTrue(o.inexactCondition("\"N\"", ValueKind.NUMBER, "NUMBER", new DeclaredSize(10, 2)).isEmpty());
    assertTrue(o.inexactCondition("\"N\"", ValueKind.NUMBER, "NUMBER", new DeclaredSize(38, 0)).isEmpty());
    assertTrue(o.inexactCondition("\"N\"", ValueKind.NUMBER, "NUMBER", new DeclaredSize(38, 38)).isEmpty());
    // a date-time is checked for BC only (YYYY prints no sign: see OracleNativeRowTextTest)
    assertEquals(Optional.of("\"D\" < DATE '0001-01-01'"),
        o.inexactCondition("\"D\"", ValueKind.DATETIME, "DATE", DeclaredSize.UNKNOWN));
    assertTrue(new PostgresPushdownSql().inexactCondition("\"n\"", ValueKind.NUMBER, "numeric", DeclaredSize.UNKNOWN).isEmpty());
  }

  /**
   * NUMBER(38,38) is the longest safe text: "-0." and 38 digits, 41 characters. Java's plain form of
   * the largest and smallest NUMBERs is far longer than 64: those are the values the check catches.
   */
  @Test
  void theSafeDeclarationsStayFarBelowSixtyFourCharacters() {
    assertEquals(41, Canonical.text(ValueKind.NUMBER, new BigDecimal("-0." + "9".repeat(38))).length());
    assertEquals(39, Canonical.text(ValueKind.NUMBER, new BigDecimal("-" + "9".repeat(38))).length());
    assertTrue(Canonical.text(ValueKind.NUMBER, new BigDecimal("1E+125")).length() > 64);
    assertTrue(Canonical.text(ValueKind.NUMBER, new BigDecimal("1E-130")).length() > 64);
  }

  /** The marker never equals a number's canonical text, and the two sides' markers differ. */
  @Test
  void anInexactValueNeverMatchesByHash() {
    Pattern number = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    for (Side side : Side.values()) {
      assertFalse(number.matcher(PushdownQueries.inexactMarker(side)).matches());
    }
    assertNotEquals(PushdownQueries.inexactMarker(Side.SOURCE), PushdownQueries.inexactMarker(Side.TARGET));
    TableSpec t = oracle(null, new ColumnSpec("N", "N", ValueKind.NUMBER, "NUMBER", "NUMBER", false));
    String source = of(t, DatabaseFacts.ORACLE_AL32UTF8).queries().checksum(RangeSqlGoldenTest.ONLY).sql();
    assertTrue(source.contains("CASE WHEN INSTR(TO_CHAR(\"N\", 'TM9'), 'E') > 0 THEN '!inexact:source' ELSE"), source);
    assertFalse(source.contains("TO_CHAR(\"ID\", 'TM9'), 'E')"), "NUMBER(10,0) is not checked: " + source);
  }
}
