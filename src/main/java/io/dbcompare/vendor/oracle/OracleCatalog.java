package io.dbcompare.vendor.oracle;

import io.dbcompare.compare.KeyOrders.SideText;
import io.dbcompare.compare.TextOrder;
import io.dbcompare.dialect.ColumnDetails;
import io.dbcompare.dialect.DatabaseFacts;
import java.util.Locale;
import java.util.Set;

/**
 * What Oracle's catalog says about text encodings and columns. Binary order is the order of a text's
 * bytes in its column's character set (Globalization Support Guide, glossary, "binary sorting"):
 * VARCHAR2 and CHAR use NLS_CHARACTERSET, NVARCHAR2 and NCHAR use NLS_NCHAR_CHARACTERSET.
 */
final class OracleCatalog {
  private OracleCatalog() {}

  /** Collations that, with the session's {@code NLS_SORT=BINARY NLS_COMP=BINARY}, compare in binary order. */
  private static final Set<String> BINARY_WITH_SESSION = Set.of("USING_NLS_COMP", "USING_NLS_SORT", "BINARY");

  static final String CHARSETS = "SELECT MAX(CASE WHEN parameter = 'NLS_CHARACTERSET' THEN value END),"
      + " MAX(CASE WHEN parameter = 'NLS_NCHAR_CHARACTERSET' THEN value END) FROM nls_database_parameters"
      + " WHERE parameter IN ('NLS_CHARACTERSET', 'NLS_NCHAR_CHARACTERSET')";
  /** ALL_TAB_COLUMNS.COLLATION exists from 12.2 on (ORA-00904 before). */
  static final String COLUMNS_12_2 = "SELECT column_name, data_precision, data_scale, collation FROM all_tab_columns"
      + " WHERE owner = ? AND table_name = ?";
  static final String COLUMNS_OLDER = "SELECT column_name, data_precision, data_scale, NULL FROM all_tab_columns"
      + " WHERE owner = ? AND table_name = ?";

  static String columnsSql(DatabaseFacts facts) {
    return facts.atLeast(12, 2) ? COLUMNS_12_2 : COLUMNS_OLDER;
  }

  static boolean national(String typeName) {
    String t = typeName.toUpperCase(Locale.ROOT);
    return t.equals("NVARCHAR2") || t.equals("NCHAR") || t.equals("NCLOB");
  }

  static SideText keyText(DatabaseFacts facts, String typeName, ColumnDetails details) {
    String type = typeName.toUpperCase(Locale.ROOT);
    String charset = national(type) ? facts.nationalCharacterSet() : facts.characterSet();
    String collation = details.collation();
    boolean nonBinary = collation != null && !BINARY_WITH_SESSION.contains(collation.toUpperCase(Locale.ROOT));
    return new SideText(order(charset), "Oracle " + type + " in " + charset
        + (nonBinary ? " with collation " + collation : ""), nonBinary, false);
  }

  /** The byte order of an Oracle character set as a Java order; null for a set not listed here. */
  static TextOrder order(String charset) {
    if (charset == null) {
      return null;
    }
    return switch (charset.toUpperCase(Locale.ROOT)) {
      case "AL32UTF8" -> TextOrder.CODE_POINT;
      // CESU-8 writes a supplementary character as two 3-byte surrogates (ED A0..ED BF), before U+E000
      case "UTF8", "AL16UTF16" -> TextOrder.UTF16;
      case "WE8MSWIN1252" -> TextOrder.bytes("windows-1252");
      case "WE8ISO8859P1" -> TextOrder.bytes("ISO-8859-1");
      case "US7ASCII" -> TextOrder.bytes("US-ASCII");
      default -> null;
    };
  }
}
