package io.dbcompare.compare;

/**
 * A column's declared precision and scale as its database's catalog states them (Oracle
 * {@code ALL_TAB_COLUMNS.DATA_PRECISION/DATA_SCALE}); null where none is declared (an unconstrained
 * NUMBER) or where it was not read. Push-down uses it to know when a number's text needs no check.
 */
public record DeclaredSize(Integer precision, Integer scale) {
  public static final DeclaredSize UNKNOWN = new DeclaredSize(null, null);
}
