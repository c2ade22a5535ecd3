package io.dbcompare.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.TableRef;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.ColumnType;
import io.dbcompare.dialect.DdlTypes;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.jdbc.TableCatalog;
import io.dbcompare.sync.Golden;
import io.dbcompare.vendor.DatabaseTypes;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * CREATE TABLE scripts per pair of source and target platform, compared with
 * {@code golden/create_table/<source>_to_<target>.sql} (regenerate with {@code -Dgolden.update=true}),
 * and the refusals where no exact type exists.
 */
class CreateTableScriptGoldenTest {
  static final List<String> HEADER = List.of("CREATE TABLE for the repair of table-compare session"
      + " 00000000-1111-2222-3333-444444444444", "Generated: 2026-01-15T10:00:00Z");

  static CreateTableScript.Script script(TableCatalog.Table source, Platform from, Platform to) {
    Dialect target = DatabaseTypes.of(to).dialect();
    Dialect sourceDialect = DatabaseTypes.of(from).dialect();
    TableRef name = new TableRef(target.foldUnquoted("APP"), target.foldUnquoted("ORDERS_X"));
    return CreateTableScript.of(source, source.ref().display(), DatabaseTypes.of(from).ddlTypes(), sourceDialect,
        DatabaseTypes.of(to).ddlTypes(), target, name, HEADER);
  }

  static TableCatalog.Table source(Platform p) throws Exception {
    return switch (p.name()) {
      case "ORACLE" -> CreateTableFixtures.oracle();
      case "POSTGRESQL" -> CreateTableFixtures.postgres();
      default -> CreateTableFixtures.h2("golden_" + System.nanoTime());
    };
  }

  static String file(Platform from, Platform to) {
    return "create_table/" + from.name().toLowerCase(Locale.ROOT) + "_to_" + to.name().toLowerCase(Locale.ROOT)
        + ".sql";
  }

  @Test
  void everyPairOfPlatformsMatchesItsGoldenFile() throws Exception {
    for (Platform from : Platform.values()) {
      TableCatalog.Table t = source(from);
      for (Platform to : Platform.values()) {
        CreateTableScript.Script s = script(t, from, to);
        assertEquals(List.of(), s.refused(), from + " -> " + to);
        Golden.check(file(from, to), s.text());
      }
    }
  }

  @Test
  void aTypeWithoutAnExactCounterpartIsRefusedWithAComment() {
    TableCatalog.Table t = new TableCatalog.Table(new TableRef("APP", "T"), List.of(
        new TableCatalog.Column("ID", new ColumnType(Types.NUMERIC, "NUMBER", 10, 0), false),
        new TableCatalog.Column("PRECISE", new ColumnType(Types.TIMESTAMP, "TIMESTAMP(9)", 13, 9), true),
        new TableCatalog.Column("SPAN", new ColumnType(-104, "INTERVAL DAY(2) TO SECOND(6)", 2, 6), true)),
        List.of("ID"), List.of());
    CreateTableScript.Script pg = script(t, Platform.ORACLE, Platform.POSTGRESQL);
    assertEquals(2, pg.refused().size(), pg.refused().toString());
    assertTrue(pg.refused().get(0).startsWith("PRECISE (source type TIMESTAMP(9)") && pg.refused().get(0)
        .contains("PostgreSQL keeps 6 fraction digits, the source 9"), pg.refused().toString());
    assertTrue(pg.text().contains("\"precise\" /* source type TIMESTAMP(9)(13,9): PostgreSQL keeps 6 fraction"
        + " digits, the source 9 */ <choose a type>"), pg.text());
    assertTrue(pg.text().contains("-- REFUSED: no exact type in the target for PRECISE"), pg.text());
    assertTrue(pg.text().contains("\"span\" /* source type INTERVAL DAY(2) TO SECOND(6)"), pg.text());
    // Oracle and H2 keep nanoseconds: only the interval is refused there
    assertEquals(1, script(t, Platform.ORACLE, Platform.H2).refused().size());
    assertEquals(1, script(t, Platform.ORACLE, Platform.ORACLE).refused().size());
  }

  @Test
  void namesTakeTheTargetsCaseOnlyWhenTheyWerePlain() {
    Dialect ora = DatabaseTypes.of(Platform.ORACLE).dialect();
    Dialect pg = DatabaseTypes.of(Platform.POSTGRESQL).dialect();
    assertEquals("employee_id", CreateTableScript.name("EMPLOYEE_ID", ora, pg));
    assertEquals("Mixed", CreateTableScript.name("Mixed", ora, pg));
    assertEquals("WITH SPACE", CreateTableScript.name("WITH SPACE", ora, pg));
    assertEquals("EMPLOYEE_ID", CreateTableScript.name("employee_id", pg, ora));
    assertEquals("CamelCase", CreateTableScript.name("CamelCase", pg, ora));
  }

  @Test
  void exactMappingsKeepEveryValue() {
    DdlTypes pg = DatabaseTypes.of(Platform.POSTGRESQL).ddlTypes();
    DdlTypes ora = DatabaseTypes.of(Platform.ORACLE).ddlTypes();
    DdlTypes h2 = DatabaseTypes.of(Platform.H2).ddlTypes();
    io.dbcompare.dialect.PortableType negative = new io.dbcompare.dialect.PortableType(
        io.dbcompare.dialect.PortableType.Family.DECIMAL, 5, -2);
    assertEquals("numeric(7)", pg.declare(negative).orElseThrow(), "NUMBER(5,-2) holds integers up to 9,999,900");
    assertEquals("NUMBER(5,-2)", ora.declare(negative).orElseThrow());
    assertEquals("NUMERIC(7,0)", h2.declare(negative).orElseThrow());
    io.dbcompare.dialect.PortableType wide = new io.dbcompare.dialect.PortableType(
        io.dbcompare.dialect.PortableType.Family.DECIMAL, 60, 10);
    assertTrue(ora.declare(wide).isEmpty(), "Oracle NUMBER holds at most 38 digits");
    assertEquals("Oracle NUMBER holds at most 38 digits", ora.whyNot(wide));
  }
}
