package io.dbcompare.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.config.TableName.Identifier;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableNameTest {

  private static final String WHERE = "cfg.yaml: tables[0].table_name";

  @Test
  void parsesUnquotedSchemaAndTable() {
    TableName n = TableName.parse("HR.EMPLOYEES", WHERE);
    assertEquals(new Identifier("HR", false), n.schema());
    assertEquals(new Identifier("EMPLOYEES", false), n.table());
    assertEquals("HR.EMPLOYEES", n.display());
    assertEquals("HR.EMPLOYEES", n.toString());
    assertEquals("HR_EMPLOYEES", n.key());
  }

  @Test
  void unquotedNamesKeepTheirSpellingAndAllowDollarHashUnderscoreDigits() {
    TableName n = TableName.parse("  sys_1.T$X#9  ", WHERE);
    assertEquals(new Identifier("sys_1", false), n.schema());
    assertEquals(new Identifier("T$X#9", false), n.table());
    assertEquals("sys_1_T$X#9", n.key());
    assertEquals("_A._B", TableName.parse("_A._B", WHERE).display());
  }

  @Test
  void quotedPartsKeepCaseSpacesAndDots() {
    TableName n = TableName.parse("\"Mixed\".\"Case Table.v2\"", WHERE);
    assertEquals(new Identifier("Mixed", true), n.schema());
    assertEquals(new Identifier("Case Table.v2", true), n.table());
    assertEquals("\"Mixed\".\"Case Table.v2\"", n.display());
    assertEquals("Mixed_Case_Table_v2", n.key(), "characters unsafe in file names become _");
  }

  @Test
  void doubledQuotesInsideAQuotedPartAreOneQuote() {
    TableName n = TableName.parse("HR.\"say \"\"hi\"\"\"", WHERE);
    assertEquals(new Identifier("say \"hi\"", true), n.table());
    assertEquals("HR.\"say \"\"hi\"\"\"", n.display(), "display escapes again");
    assertEquals("HR_say__hi_", n.key());
    TableName round = TableName.parse(n.display(), WHERE);
    assertEquals(n, round, "display() parses back to the same name");
  }

  @Test
  void quotedAndUnquotedMayBeMixed() {
    TableName n = TableName.parse("\"hr\".EMP", WHERE);
    assertTrue(n.schema().quoted());
    assertFalse(n.table().quoted());
    assertEquals("hr_EMP", n.key());
  }

  @Test
  void identifierParsing() {
    assertEquals(new Identifier("ID", false), TableName.parseIdentifier("ID", WHERE));
    assertEquals(new Identifier("Order Id", true), TableName.parseIdentifier("\"Order Id\"", WHERE));
    assertEquals("\"a\"\"b\"", TableName.parseIdentifier("\"a\"\"b\"", WHERE).display());
    CompareException e = assertThrows(CompareException.class, () -> TableName.parseIdentifier("A.B", WHERE));
    assertEquals(ErrorCode.CONFIG, e.code());
    assertTrue(e.getMessage().startsWith(WHERE + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("'A.B' is not a single column name"), e.getMessage());
  }

  @Test
  void onePartIsNotATableName() {
    CompareException e = assertThrows(CompareException.class, () -> TableName.parse("EMPLOYEES", WHERE));
    assertEquals(ErrorCode.CONFIG, e.code());
    assertEquals(3, e.exitCode());
    assertTrue(e.getMessage().startsWith(WHERE + ": table name 'EMPLOYEES' must be SCHEMA.TABLE"), e.getMessage());
  }

  @Test
  void threePartsAreNotATableName() {
    CompareException e = assertThrows(CompareException.class, () -> TableName.parse("DB.HR.EMP", WHERE));
    assertTrue(e.getMessage().contains("must be SCHEMA.TABLE"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "EMP; DROP TABLE X", "HR.EMP--x", "HR.\"A\"B", "HR.EMP;", "HR.EMP /* x */", "HR .EMP", "HR. EMP", "HR..EMP",
      ".EMP", "HR.", "HR.\"\"", "\"HR\".\"EMP", "\"HR.EMP", "HR.1EMP", "HR.EMP'X", "HR.EMP X", "HR.\"A\"\"",
      "HR.\"A\nB\"", "HR.\"A\tB\"", "HR.EMP)", "HR.(SELECT", "HR.EMP\"", "HR.-EMP", "ÄRGER.EMP", "HR.\"A\".", "\"\".\"\""})
  void badNamesAreRejected(String raw) {
    CompareException e = assertThrows(CompareException.class, () -> TableName.parse(raw, WHERE), raw);
    assertEquals(ErrorCode.CONFIG, e.code());
    assertTrue(e.getMessage().startsWith(WHERE + ": "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void emptyNamesAreRejected(String raw) {
    CompareException e = assertThrows(CompareException.class, () -> TableName.parse(raw, WHERE));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }

  @Test
  void nullNameIsRejected() {
    assertThrows(CompareException.class, () -> TableName.parse(null, WHERE));
  }

  @Test
  void overlongIdentifiersAreRejected() {
    String ok = "A".repeat(128);
    assertEquals(ok, TableName.parse("HR." + ok, WHERE).table().text());
    assertThrows(CompareException.class, () -> TableName.parse("HR." + ok + "B", WHERE));
    assertThrows(CompareException.class, () -> TableName.parse("HR.\"" + ok + "B\"", WHERE));
  }

  @Test
  void quotedNameWithSqlIsAnIdentifierNotSql() {
    TableName n = TableName.parse("HR.\"EMP; DROP TABLE X\"", WHERE);
    assertEquals(new Identifier("EMP; DROP TABLE X", true), n.table());
    assertEquals("HR_EMP__DROP_TABLE_X", n.key());
  }

  @Test
  void keyIsCaseSensitiveAsWritten() {
    assertEquals("hr_emp", TableName.parse("hr.emp", WHERE).key());
    assertEquals("HR_EMP", TableName.parse("HR.EMP", WHERE).key());
  }
}
