package io.dbcompare.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.DeclaredSize;
import io.dbcompare.compare.KeyOrders.SideText;
import io.dbcompare.compare.TextOrder;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.ColumnDetails;
import io.dbcompare.dialect.DatabaseFacts;
import org.junit.jupiter.api.Test;

/** The binary order of an Oracle text key column, from its type, the database's character sets and its collation. */
class OracleCatalogTest {
  static final DatabaseType ORACLE = DatabaseTypes.of(Platform.ORACLE);
  static final DatabaseFacts AL32UTF8 = DatabaseFacts.ORACLE_AL32UTF8;

  static SideText text(DatabaseFacts f, String type, String collation) {
    return ORACLE.keyText(f, type, new ColumnDetails(DeclaredSize.UNKNOWN, collation));
  }

  @Test
  void varcharFollowsTheDatabaseCharacterSetAndNvarcharTheNationalOne() {
    assertEquals(TextOrder.CODE_POINT, text(AL32UTF8, "VARCHAR2", "USING_NLS_COMP").order());
    assertEquals(TextOrder.CODE_POINT, text(AL32UTF8, "CHAR", null).order());
    assertEquals(TextOrder.UTF16, text(AL32UTF8, "NVARCHAR2", "USING_NLS_COMP").order());
    assertEquals(TextOrder.UTF16, text(AL32UTF8, "NCHAR", null).order());
    assertEquals("Oracle NVARCHAR2 in AL16UTF16", text(AL32UTF8, "NVARCHAR2", null).what());
    DatabaseFacts we8 = new DatabaseFacts("WE8MSWIN1252", "UTF8", 19, 0);
    assertEquals(TextOrder.bytes("windows-1252"), text(we8, "VARCHAR2", null).order());
    assertEquals(TextOrder.UTF16, text(we8, "NVARCHAR2", null).order(), "CESU-8 national text sorts like UTF-16");
    assertEquals(TextOrder.bytes("ISO-8859-1"), text(new DatabaseFacts("WE8ISO8859P1", "AL16UTF16", 19, 0), "VARCHAR2", null).order());
    assertNull(text(new DatabaseFacts("JA16SJIS", "AL16UTF16", 19, 0), "VARCHAR2", null).order(), "not known: refused later");
  }

  /** With the session's NLS_SORT=BINARY NLS_COMP=BINARY, only these collations are binary. */
  @Test
  void collationsOtherThanTheSessionsOrBinaryNeedCollateBinary() {
    for (String binary : new String[] {null, "USING_NLS_COMP", "USING_NLS_SORT", "BINARY"}) {
      assertFalse(text(AL32UTF8, "VARCHAR2", binary).nonBinaryCollation(), binary);
    }
    for (String other : new String[] {"BINARY_CI", "BINARY_AI", "USING_NLS_SORT_CI", "GENERIC_M_CI", "XFRENCH"}) {
      SideText t = text(AL32UTF8, "VARCHAR2", other);
      assertTrue(t.nonBinaryCollation(), other);
      assertEquals(TextOrder.CODE_POINT, t.order(), "COLLATE BINARY gives back the character set's byte order");
      assertTrue(t.what().endsWith("with collation " + other), t.what());
    }
  }

  @Test
  void planningStatisticsComeFromAllTables() {
    assertTrue(ORACLE.tableSizeSql().orElseThrow().contains("FROM all_tables"));
  }

  @Test
  void h2AndPostgresOrders() {
    SideText h2 = DatabaseTypes.of(Platform.H2).keyText(DatabaseFacts.UTF8, "CHARACTER VARYING", ColumnDetails.NONE);
    assertEquals(TextOrder.UTF16, h2.order());
    assertTrue(h2.utf8Rendering());
    DatabaseType pg = DatabaseTypes.of(Platform.POSTGRESQL);
    assertEquals(TextOrder.CODE_POINT, pg.keyText(new DatabaseFacts("UTF8", null, 15, 0), "varchar", ColumnDetails.NONE).order());
    assertEquals(TextOrder.bytes("windows-1252"),
        pg.keyText(new DatabaseFacts("WIN1252", null, 15, 0), "text", ColumnDetails.NONE).order());
    assertNull(pg.keyText(new DatabaseFacts("SQL_ASCII", null, 15, 0), "text", ColumnDetails.NONE).order());
  }
}
