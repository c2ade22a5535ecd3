package io.dbcompare.dialect;

/**
 * A column's type as the catalog reports it: the JDBC type code and the database's own type name.
 */
public record ColumnType(int jdbcType, String typeName, int size, int scale) {}
