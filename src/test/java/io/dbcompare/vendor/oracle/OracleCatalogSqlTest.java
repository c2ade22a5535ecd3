package io.dbcompare.vendor.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.dialect.DatabaseFacts;
import org.junit.jupiter.api.Test;

/** ALL_TAB_COLUMNS.COLLATION exists from 12.2 on; before, the query must not name it (ORA-00904). */
class OracleCatalogSqlTest {

  @Test
  void theCollationColumnIsReadFromTwelveTwoOn() {
    assertEquals(OracleCatalog.COLUMNS_12_2, OracleCatalog.columnsSql(new DatabaseFacts("AL32UTF8", "AL16UTF16", 12, 2)));
    assertEquals(OracleCatalog.COLUMNS_12_2, OracleCatalog.columnsSql(new DatabaseFacts("AL32UTF8", "AL16UTF16", 23, 0)));
    assertEquals(OracleCatalog.COLUMNS_OLDER, OracleCatalog.columnsSql(new DatabaseFacts("AL32UTF8", "AL16UTF16", 12, 1)));
    assertTrue(OracleCatalog.COLUMNS_12_2.contains("collation"));
    assertFalse(OracleCatalog.COLUMNS_OLDER.contains("collation"));
    assertTrue(OracleCatalog.CHARSETS.contains("'NLS_CHARACTERSET', 'NLS_NCHAR_CHARACTERSET'"));
  }
}
