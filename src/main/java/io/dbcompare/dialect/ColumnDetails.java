package io.dbcompare.dialect;

import io.dbcompare.compare.DeclaredSize;

/**
 * A column's catalog details beyond JDBC metadata, where a platform reads them (Oracle
 * {@code ALL_TAB_COLUMNS}).
 *
 * @param size declared precision and scale (null precision: an unconstrained NUMBER or FLOAT)
 * @param collation the declared collation (Oracle 12.2+), or null where the catalog has none
 */
public record ColumnDetails(DeclaredSize size, String collation) {
  public static final ColumnDetails NONE = new ColumnDetails(DeclaredSize.UNKNOWN, null);
}
