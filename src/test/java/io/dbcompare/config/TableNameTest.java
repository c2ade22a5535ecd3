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
    assertEquals("sys__1_T$X#9", n.key(), "an underscore of the schema is written twice");
    assertEquals("_A._B", TableName.parse("_A._B", WHERE).display());
  }

  @Test
  void quotedPartsKeepCaseSpacesAndDots() {
    TableName n = TableName.parse("\"Mixed\".\"Case Table.v2\"", WHERE);
    assertEquals(new Identifier("Mixed", true), n.schema());
    assertEquals(new Identifier("Case Table.v2", true), n.table());
    assertEquals("\"Mixed\".\"Case Table.v2\"", n.display());
    assertEquals("Mixed_Case-20Table-2Ev2", n.key(), "other characters are written as -XX per UTF-8 byte");
  }

  @Test
  void doubledQuotesInsideAQuotedPartAreOneQuote() {
    TableName n = TableName.parse("HR.\"say \"\"hi\"\"\"", WHERE);
    assertEquals(new Identifier("say \"hi\"", true), n.table());
    assertEquals("HR.\"say \"\"hi\"\"\"", n.display(), "display escapes again");
    assertEquals("HR_say-20-22hi-22", n.key());
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

  /** Issue 11: a bare name means the user's default schema, which is known only once the database is reached. */
  @Test
  void onePartIsABareNameWithoutAKeyUntilItsSchemaIsKnown() {
    TableName n = TableName.parse("EMPLOYEES", WHERE);
    assertTrue(n.bare());
    assertEquals("EMPLOYEES", n.display());
    IllegalStateException e = assertThrows(IllegalStateException.class, n::key);
    assertTrue(e.getMessage().contains("EMPLOYEES"), e.getMessage());
    TableName resolved = n.withSchema(new Identifier("HR", false));
    assertFalse(resolved.bare());
    assertEquals("HR_EMPLOYEES", resolved.key(), "the key of HR.EMPLOYEES, as if written so");
    assertEquals(TableName.parse("HR.EMPLOYEES", WHERE).key(), resolved.key());
    TableName quoted = TableName.parse("\"Mixed Case\"", WHERE);
    assertTrue(quoted.bare());
    assertEquals(new Identifier("Mixed Case", true), quoted.table());
  }

  @Test
  void aCatalogNameIsWrittenUnquotedOnlyWhenFoldingGivesItBack() {
    java.util.function.UnaryOperator<String> upper = x -> x.toUpperCase(java.util.Locale.ROOT);
    java.util.function.UnaryOperator<String> lower = x -> x.toLowerCase(java.util.Locale.ROOT);
    assertEquals(new Identifier("EMPLOYEES", false), Identifier.ofCatalog("EMPLOYEES", upper));
    assertEquals(new Identifier("employees", true), Identifier.ofCatalog("employees", upper));
    assertEquals(new Identifier("employees", false), Identifier.ofCatalog("employees", lower));
    assertEquals(new Identifier("Mixed", true), Identifier.ofCatalog("Mixed", lower));
    assertEquals(new Identifier("A B", true), Identifier.ofCatalog("A B", upper));
    assertEquals(new Identifier("1ST", true), Identifier.ofCatalog("1ST", upper));
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
    assertEquals("HR_EMP-3B-20DROP-20TABLE-20X", n.key());
  }

  @Test
  void keyIsCaseSensitiveAsWritten() {
    assertEquals("hr_emp", TableName.parse("hr.emp", WHERE).key());
    assertEquals("HR_EMP", TableName.parse("HR.EMP", WHERE).key());
  }

  // ---- keys: unique, stable for ordinary names, safe in file names --------------------------------

  private static String key(String raw) {
    return TableName.parse(raw, WHERE).key();
  }

  @Test
  void ordinaryNamesKeepTheKeyTheyAlwaysHad() {
    assertEquals("HR_EMPLOYEES", key("HR.EMPLOYEES"));
    assertEquals("HR_EMPLOYEE_HISTORY", key("HR.EMPLOYEE_HISTORY"), "underscores of the table stay single");
    assertEquals("APP_ALL_KINDS", key("APP.ALL_KINDS"));
    assertEquals("app_orders", key("app.orders"));
    assertEquals("SYS$X_T#1$", key("SYS$X.T#1$"));
    assertEquals("HR_EMPLOYEES", key("\"HR\".\"EMPLOYEES\""), "quoting alone does not change the key");
    assertEquals("HR_A_B__C", key("HR.A_B__C"));
  }

  @Test
  void aSchemaUnderscoreIsWrittenTwiceSoTheSplitIsNeverAmbiguous() {
    assertEquals("A__B_C", key("A_B.C"));
    assertEquals("A_B_C", key("A.B_C"));
    assertEquals("APP__OWNER_ORDERS", key("APP_OWNER.ORDERS"));
    assertEquals("A____B_C", key("A__B.C"));
    assertEquals("A_-5FB", key("A._B"), "a table's leading _ is escaped: the first odd run of _ ends at the separator");
    assertEquals("A___B", key("A_.B"));
    assertEquals("A___-5FB", key("A_._B"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "A_B.C|A.B_C", "\"A_B\".\"C\"|\"A\".\"B_C\"", "A_.B|A._B", "A__.B|A_._B", "A.__B|A_._B", "A_.__B|A__._B",
      "\"A B\".C|A_B.C", "\"A-5FB\".C|A_B.C", "A.\"B C\"|A.B_C", "A.\"B-20C\"|A.\"B C\"", "A.\"B.C\"|A.B_C",
      "\"A.B\".C|A.\"B.C\"", "A.\"B/C\"|A.\"B\\C\"", "\"Ä\".T|\"A\".T", "\"é\".T|\"e\u0301\".T", "A.\"-\"|A.\"-2D\""})
  void distinctNamesNeverShareAKey(String pair) {
    String[] p = pair.split("\\|");
    TableName a = TableName.parse(p[0], WHERE);
    TableName b = TableName.parse(p[1], WHERE);
    assertFalse(a.equals(b), pair);
    assertFalse(a.key().equals(b.key()), pair + " -> " + a.key());
  }

  /** Every schema and table up to three characters over an awkward alphabet: no two names share a key. */
  @Test
  void keysAreUniqueOverEveryShortName() {
    String alphabet = "A_- .\"a\u00e9$";
    java.util.List<String> names = new java.util.ArrayList<>();
    java.util.List<String> level = java.util.List.of("");
    for (int len = 1; len <= 3; len++) {
      java.util.List<String> next = new java.util.ArrayList<>();
      for (String prefix : level) {
        for (char c : alphabet.toCharArray()) {
          next.add(prefix + c);
        }
      }
      names.addAll(next);
      level = next;
    }
    names.add("\ud83d\ude00"); // a supplementary character
    names.add("\ud83d"); // an unpaired surrogate: String.getBytes would make it '?'
    names.add("?");
    java.util.Map<String, String> seen = new java.util.HashMap<>();
    for (String schema : names) {
      for (String table : names) {
        TableName n = new TableName(new Identifier(schema, true), new Identifier(table, true));
        String before = seen.put(n.key(), n.display());
        assertTrue(before == null, n.display() + " and " + before + " share the key " + n.key());
      }
    }
    assertEquals(names.size() * names.size(), seen.size());
  }

  @Test
  void keysAreSafeFileNamesOnLinuxAndWindows() {
    for (String raw : new String[] {"\"a/b\".\"c\\d\"", "\"x:y\".\"*?<>|\"", "\" \".\".\"", "\"CON\".\"NUL\"",
        "\"Ärger\".\"日本\"", "\"a\"\"b\".\"-x\"", "HR.\"EMP; DROP TABLE X\"", "\"\u00a0\".\"\u200b\""}) {
      String k = key(raw);
      assertTrue(k.matches("[A-Za-z0-9$#_\\-]+"), raw + " -> " + k);
      assertFalse(k.endsWith(".") || k.endsWith(" "), k);
      assertEquals(k, java.nio.file.Path.of(k).getFileName().toString(), "one path element: " + k);
    }
    assertEquals("a-2Fb_c-5Cd", key("\"a/b\".\"c\\d\""));
    assertEquals("-C3-84rger_-E6-97-A5-E6-9C-AC", key("\"Ärger\".\"日本\""));
  }
}
