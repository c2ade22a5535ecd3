package io.dbcompare.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.config.TableName.Identifier;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The schemas: section, bare names and strict_columns as the loader reads them (no database contacted). */
class SchemaConfigTest {
  private static final String DBS = "source_database:\n  url: \"jdbc:h2:mem:a\"\ntarget_database:\n"
      + "  url: \"jdbc:postgresql://db/app\"\n";
  private static final UnaryOperator<String> UPPER = s -> s.toUpperCase(Locale.ROOT);
  private static final UnaryOperator<String> LOWER = s -> s.toLowerCase(Locale.ROOT);

  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    Path f = dir.resolve("config.yaml");
    Files.writeString(f, DBS + yaml, StandardCharsets.UTF_8);
    return f;
  }

  private CompareConfig load(String yaml) throws IOException {
    return new ConfigLoader(n -> null).load(write(yaml));
  }

  private CompareException refused(String yaml) throws IOException {
    Path f = write(yaml);
    CompareException e = assertThrows(CompareException.class, () -> new ConfigLoader(n -> null).load(f));
    assertEquals(ErrorCode.CONFIG, e.code());
    assertEquals(3, e.exitCode());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
    return e;
  }

  @Test
  void schemasAloneAreEnoughAndKeepEveryKey() throws IOException {
    CompareConfig c = load("comparison:\n  strict_columns: true\nschemas:\n"
        + "  - name: HR\n    target_name: '\"Hr_Dr\"'\n    include: [\"*\"]\n    exclude: [\"*_LOG\", \"TMP_*\"]\n"
        + "    chunk_size: 50000\n    strict_columns: false\n    include_views: true\n  - SALES\n");
    assertEquals(List.of(), c.tables());
    assertTrue(c.strictColumns());
    assertEquals(2, c.schemas().size());
    SchemaConfig hr = c.schemas().get(0);
    assertEquals(new Identifier("HR", false), hr.name());
    assertEquals(new Identifier("Hr_Dr", true), hr.targetName());
    assertEquals(List.of(new TablePattern("*", false)), hr.include());
    assertEquals(List.of(new TablePattern("*_LOG", false), new TablePattern("TMP_*", false)), hr.exclude());
    assertEquals(Optional.of(50_000), hr.chunkSize());
    assertEquals(Optional.of(false), hr.strictColumns());
    assertTrue(hr.includeViews());
    assertEquals("schemas[0]", hr.path());
    SchemaConfig sales = c.schemas().get(1);
    assertEquals(sales.name(), sales.targetName(), "target_name defaults to the name");
    assertEquals(List.of(new TablePattern("*", false)), sales.include(), "include defaults to every table");
    assertFalse(sales.includeViews(), "tables only unless include_views");
    assertEquals(Optional.empty(), sales.strictColumns());
  }

  @Test
  void tablesAndSchemasTogetherAndBareNamesAndStrictColumnsPerTable() throws IOException {
    CompareConfig c = load("tables:\n  - table_name: EMPLOYEES\n    strict_columns: true\n  - HR.DEPT\n"
        + "schemas:\n  - name: HR\n");
    assertTrue(c.tables().get(0).source().bare());
    assertTrue(c.tables().get(0).target().bare());
    assertEquals(Optional.of(true), c.tables().get(0).strictColumns());
    assertEquals(Optional.empty(), c.tables().get(1).strictColumns());
    assertFalse(c.strictColumns(), "strict_columns is off by default");
  }

  @Test
  void theHashFollowsTheSchemasAndIsUnchangedWithoutThem() throws IOException {
    String base = "tables:\n  - HR.DEPT\n";
    CompareConfig plain = load(base);
    CompareConfig listed = new CompareConfig(plain.file(), plain.source(), plain.target(), plain.settings(),
        plain.sync(), plain.tables());
    assertEquals(plain.comparisonHash(), listed.comparisonHash(), "no schemas: the hash of earlier versions");
    String a = load(base + "schemas:\n  - name: HR\n    exclude: [\"*_LOG\"]\n").comparisonHash();
    String b = load(base + "schemas:\n  - name: HR\n    exclude: [\"*_TMP\"]\n").comparisonHash();
    String views = load(base + "schemas:\n  - name: HR\n    exclude: [\"*_LOG\"]\n    include_views: true\n")
        .comparisonHash();
    assertNotEquals(plain.comparisonHash(), a);
    assertNotEquals(a, b);
    assertNotEquals(a, views);
    assertEquals(a, load(base + "schemas:\n  - name: HR\n    exclude: [\"*_LOG\"]\n    chunk_size: 7\n")
        .comparisonHash(), "a chunk size does not change what is compared");
  }

  @Test
  void neitherTablesNorSchemasIsAnError() throws IOException {
    assertTrue(refused("comparison:\n  threads: 2\n").getMessage().contains("tables: missing"));
  }

  @Test
  void badSchemaEntriesAreOneLineEach() throws IOException {
    assertTrue(refused("schemas: HR\n").getMessage().contains("schemas: must be a list"));
    assertTrue(refused("schemas: []\n").getMessage().contains("schemas: must be a list"));
    assertTrue(refused("schemas:\n  - name: HR\n    inclde: [\"*\"]\n").getMessage()
        .contains("schemas[0].inclde: unknown key; did you mean 'include'?"));
    assertTrue(refused("schemas:\n  - target_name: X\n").getMessage().contains("schemas[0].name: missing"));
    assertTrue(refused("schemas:\n  - name: \"HR; DROP\"\n").getMessage().contains("is not a valid identifier"));
    assertTrue(refused("schemas:\n  - name: HR\n    include: [\"A-B\"]\n").getMessage()
        .contains("schemas[0].include: 'A-B' is not a table name pattern"));
    assertTrue(refused("schemas:\n  - name: HR\n    exclude: []\n").getMessage()
        .contains("schemas[0].exclude: is an empty list"));
    assertTrue(refused("schemas:\n  - name: HR\n    chunk_size: 0\n").getMessage()
        .contains("schemas[0].chunk_size: 0 is out of range"));
    assertTrue(refused("schemas:\n  - name: HR\n    include_views: maybe\n").getMessage()
        .contains("schemas[0].include_views: must be true or false"));
    assertTrue(refused("schemas:\n  - HR\n  - hr\n").getMessage().contains("schemas[1].name: schema hr is listed twice"));
    assertTrue(refused("comparison:\n  strict_columns: 1\ntables:\n  - HR.A\n").getMessage()
        .contains("comparison.strict_columns: must be true or false"));
    assertTrue(refused("tables:\n  - table_name: HR.A\n    strict_column: true\n").getMessage()
        .contains("did you mean 'strict_columns'?"));
  }

  @Test
  void aBareNameListedTwiceIsRefusedAtLoad() throws IOException {
    assertTrue(refused("tables:\n  - EMP\n  - emp\n").getMessage().contains("'emp' is listed twice"));
  }

  @ParameterizedTest
  @CsvSource({
      "*_LOG, AUDIT_LOG, true, false",
      "*_LOG, audit_log, false, true",
      "*_log, AUDIT_LOG, true, false",
      "TMP_?, TMP_1, true, false",
      "TMP_?, TMP_12, false, false",
      "'\"Tmp*\"', Tmp_1, true, true",
      "'\"Tmp*\"', TMP_1, false, false",
      "A$B#*, A$B#C, true, false"})
  void patternsFollowTheDatabasesCaseRule(String pattern, String name, boolean upperDb, boolean lowerDb) {
    TablePattern p = TablePattern.parse(pattern, "test");
    assertEquals(upperDb, p.matches(name, UPPER), pattern + " on " + name + " (Oracle, H2)");
    assertEquals(lowerDb, p.matches(name, LOWER), pattern + " on " + name + " (PostgreSQL)");
  }

  @Test
  void aQuotedPatternMatchesRegexCharactersLiterally() {
    TablePattern p = TablePattern.parse("\"a.b (x)*\"", "test");
    assertTrue(p.matches("a.b (x) y", UPPER));
    assertFalse(p.matches("aXb (x)", UPPER));
    assertEquals("\"a.b (x)*\"", p.display());
  }
}
