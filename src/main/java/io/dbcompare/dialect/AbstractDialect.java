package io.dbcompare.dialect;

import io.dbcompare.compare.Canonical;
import io.dbcompare.compare.ValueKind;
import java.math.BigDecimal;
import java.sql.Types;
import java.util.Optional;

/** The parts of a dialect most databases share: type mapping by JDBC type code, string literals. */
abstract class AbstractDialect implements Dialect {

  @Override
  public Optional<ValueKind> kindOf(ColumnType type) {
    return Optional.ofNullable(switch (type.jdbcType()) {
      case Types.NUMERIC, Types.DECIMAL, Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT -> ValueKind.NUMBER;
      case Types.REAL, Types.DOUBLE, Types.FLOAT -> ValueKind.FLOAT;
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
          Types.CLOB, Types.NCLOB -> ValueKind.TEXT;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ValueKind.BYTES;
      case Types.DATE, Types.TIMESTAMP -> ValueKind.DATETIME;
      case Types.TIMESTAMP_WITH_TIMEZONE -> ValueKind.DATETIME_TZ;
      case Types.BOOLEAN -> ValueKind.BOOLEAN;
      default -> null;
    });
  }

  /** A quoted string literal: quotes doubled, nothing else interpreted. */
  static String quoted(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  static String number(Object v) {
    if (v instanceof io.dbcompare.compare.SpecialNumber s) {
      throw unstorable(s.text(), "numeric");
    }
    return ((BigDecimal) v).toPlainString();
  }

  /**
   * PostgreSQL's numeric NaN and infinities and its infinite date-times exist in no other database: a
   * script or parameter for another target cannot hold them, so the table's sync fails naming the value.
   */
  static void refuseUnstorable(io.dbcompare.compare.ValueKind kind, Object v) {
    if (v instanceof io.dbcompare.compare.SpecialNumber s) {
      throw unstorable(s.text(), "numeric");
    }
    if ((kind == io.dbcompare.compare.ValueKind.DATETIME || kind == io.dbcompare.compare.ValueKind.DATETIME_TZ)
        && Canonical.isInfinite(v)) {
      throw unstorable(Canonical.text(kind, v), "date-time");
    }
  }

  private static io.dbcompare.error.CompareException unstorable(String value, String what) {
    return new io.dbcompare.error.CompareException(io.dbcompare.error.ErrorCode.TABLE_FAILED, "the PostgreSQL "
        + what + " value " + value + " has no equal in this target database; no script or parameter can write it");
  }

  static String hex(byte[] b) {
    return Canonical.text(ValueKind.BYTES, b);
  }

  /** The UTF-8 length of a string: what line and literal limits of SQL clients count. */
  static int utf8Length(CharSequence s) {
    return Canonical.utf8Length(s);
  }

  static String upper(String s) {
    return s.toUpperCase(java.util.Locale.ROOT);
  }
}
