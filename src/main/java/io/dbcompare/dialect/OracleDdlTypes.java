package io.dbcompare.dialect;

import io.dbcompare.dialect.PortableType.Family;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Oracle column types. The thin driver's catalog reports NUMBER's precision as the column size (0 when
 * none was declared) and its scale as the decimal digits (-127 for a NUMBER without precision and
 * scale), and a timestamp's fraction digits in its type name ({@code TIMESTAMP(6) WITH TIME ZONE}).
 */
public final class OracleDdlTypes implements DdlTypes {
  private static final Pattern TIMESTAMP = Pattern.compile("TIMESTAMP(?:\\((\\d)\\))?( WITH TIME ZONE)?");
  /** VARCHAR2 and RAW hold at most 4,000 and 2,000 bytes with MAX_STRING_SIZE = STANDARD (the default). */
  private static final int MAX_VARCHAR2 = 4000;
  private static final int MAX_NVARCHAR2 = 2000;
  private static final int MAX_CHAR = 2000;
  private static final int MAX_NCHAR = 1000;
  private static final int MAX_RAW = 2000;
  private static final int MAX_PRECISION = 38;

  @Override
  public Optional<PortableType> read(ColumnType t) {
    String name = t.typeName().toUpperCase(Locale.ROOT);
    Matcher ts = TIMESTAMP.matcher(name);
    if (ts.matches()) {
      int digits = ts.group(1) != null ? Integer.parseInt(ts.group(1)) : Math.max(0, t.scale());
      return Optional.of(new PortableType(ts.group(2) == null ? Family.TIMESTAMP : Family.TIMESTAMP_TZ, 0, digits));
    }
    return Optional.ofNullable(switch (name) {
      case "NUMBER", "INTEGER", "DECIMAL" -> number(t.size(), t.scale());
      // FLOAT(b) is a decimal NUMBER with a binary precision: an unbounded decimal holds its values
      case "FLOAT" -> PortableType.of(Family.DECIMAL);
      case "VARCHAR2", "VARCHAR" -> PortableType.of(Family.VARCHAR, t.size());
      case "NVARCHAR2" -> PortableType.of(Family.NVARCHAR, t.size());
      case "CHAR" -> PortableType.of(Family.CHAR, t.size());
      case "NCHAR" -> PortableType.of(Family.NCHAR, t.size());
      case "CLOB" -> PortableType.of(Family.CLOB);
      case "NCLOB" -> PortableType.of(Family.NCLOB);
      case "RAW" -> PortableType.of(Family.VARBINARY, t.size());
      case "BLOB" -> PortableType.of(Family.BLOB);
      case "DATE" -> PortableType.of(Family.DATETIME); // Oracle's DATE has a time to the second
      case "BINARY_FLOAT" -> PortableType.of(Family.REAL);
      case "BINARY_DOUBLE" -> PortableType.of(Family.DOUBLE);
      case "BOOLEAN" -> PortableType.of(Family.BOOLEAN);
      default -> null; // LONG, LONG RAW, INTERVAL, XMLTYPE, ROWID, object types...
    });
  }

  /** NUMBER without precision is unbounded; NUMBER(*,0) (INTEGER) has 38 digits. */
  private static PortableType number(int precision, int scale) {
    if (precision <= 0) {
      return scale == -127 ? PortableType.of(Family.DECIMAL) : new PortableType(Family.DECIMAL, MAX_PRECISION, scale);
    }
    return new PortableType(Family.DECIMAL, precision, scale);
  }

  @Override
  public Optional<String> declare(PortableType p) {
    int n = p.length();
    return Optional.ofNullable(switch (p.family()) {
      case SMALLINT -> "NUMBER(5)";
      case INTEGER -> "NUMBER(10)";
      case BIGINT -> "NUMBER(19)";
      case DECIMAL -> n == 0 ? "NUMBER" : n <= MAX_PRECISION && p.scale() >= -84 && p.scale() <= 127
          ? "NUMBER(" + n + (p.scale() == 0 ? "" : "," + p.scale()) + ")" : null;
      // CHAR length semantics: n characters whatever the database's NLS_LENGTH_SEMANTICS
      case VARCHAR -> n == 0 || n > MAX_VARCHAR2 ? "CLOB" : "VARCHAR2(" + n + " CHAR)";
      case NVARCHAR -> n == 0 || n > MAX_NVARCHAR2 ? "NCLOB" : "NVARCHAR2(" + n + ")";
      case CHAR -> n > 0 && n <= MAX_CHAR ? "CHAR(" + n + " CHAR)" : null;
      case NCHAR -> n > 0 && n <= MAX_NCHAR ? "NCHAR(" + n + ")" : null;
      case CLOB -> "CLOB";
      case NCLOB -> "NCLOB";
      case VARBINARY -> n == 0 || n > MAX_RAW ? "BLOB" : "RAW(" + n + ")";
      case BLOB -> "BLOB";
      case DATE, DATETIME -> "DATE";
      case TIMESTAMP -> p.scale() <= 9 ? "TIMESTAMP(" + p.scale() + ")" : null;
      case TIMESTAMP_TZ -> p.scale() <= 9 ? "TIMESTAMP(" + p.scale() + ") WITH TIME ZONE" : null;
      case REAL -> "BINARY_FLOAT";
      case DOUBLE -> "BINARY_DOUBLE";
      case BOOLEAN -> "BOOLEAN"; // Oracle Database 23ai and later
    });
  }

  @Override
  public String whyNot(PortableType p) {
    return switch (p.family()) {
      case DECIMAL -> "Oracle NUMBER holds at most 38 digits";
      case CHAR, NCHAR -> "Oracle CHAR holds at most 2,000 bytes";
      default -> DdlTypes.super.whyNot(p);
    };
  }
}
