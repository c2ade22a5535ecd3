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
    return ((BigDecimal) v).toPlainString();
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
