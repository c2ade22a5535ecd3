package io.dbcompare.dialect;

/**
 * What a column holds, independent of any one database: the step between a source type and the type
 * a CREATE TABLE declares on another database ({@link DdlTypes}). Two steps instead of a table per pair
 * of databases: each database says what its types hold and which type holds a given kind of value.
 *
 * @param family the kind of values
 * @param length characters, bytes or decimal digits of precision; 0 means unbounded
 * @param scale decimal digits after the point (DECIMAL, may be negative), fraction digits of a timestamp
 */
public record PortableType(Family family, int length, int scale) {

  /** The kinds of values a column can hold, as precisely as the mapping needs them. */
  public enum Family {
    SMALLINT, INTEGER, BIGINT,
    /** Exact decimal: {@code length} digits of precision (0: unbounded), {@code scale} after the point. */
    DECIMAL,
    /** Text of at most {@code length} characters (0: unbounded). */
    VARCHAR, NVARCHAR,
    /** Blank-padded text of exactly {@code length} characters. */
    CHAR, NCHAR,
    /** Text without a length limit. */
    CLOB, NCLOB,
    /** Bytes, at most {@code length} (0: unbounded). */
    VARBINARY, BLOB,
    /** A date without a time. */
    DATE,
    /** A date and a time to the second (Oracle DATE). */
    DATETIME,
    /** A date and time with {@code scale} fraction digits. */
    TIMESTAMP,
    /** An instant with a time zone, {@code scale} fraction digits. */
    TIMESTAMP_TZ,
    REAL, DOUBLE, BOOLEAN
  }

  public static PortableType of(Family family) {
    return new PortableType(family, 0, 0);
  }

  public static PortableType of(Family family, int length) {
    return new PortableType(family, length, 0);
  }

  @Override
  public String toString() {
    return switch (family) {
      case DECIMAL -> length == 0 ? "DECIMAL" : "DECIMAL(" + length + "," + scale + ")";
      case VARCHAR, NVARCHAR, CHAR, NCHAR, VARBINARY -> family + (length == 0 ? "" : "(" + length + ")");
      case TIMESTAMP, TIMESTAMP_TZ -> family + "(" + scale + ")";
      default -> family.name();
    };
  }
}
