package io.dbcompare.dialect;

import io.dbcompare.dialect.PortableType.Family;
import java.util.Locale;
import java.util.Optional;

/**
 * PostgreSQL column types. pgJDBC reports an unconstrained numeric with a precision above PostgreSQL's
 * limit of 1,000 digits, unconstrained varchar and text with {@code Integer.MAX_VALUE}, and a
 * timestamp's fraction digits as its decimal digits.
 */
public final class PostgresDdlTypes implements DdlTypes {
  private static final int MAX_NUMERIC = 1000;
  private static final int MAX_VARCHAR = 10_485_760;
  /** PostgreSQL keeps microseconds. */
  private static final int MAX_FRACTION = 6;

  @Override
  public Optional<PortableType> read(ColumnType t) {
    int size = t.size() <= 0 || t.size() == Integer.MAX_VALUE ? 0 : t.size();
    return Optional.ofNullable(switch (t.typeName().toLowerCase(Locale.ROOT)) {
      case "int2", "smallserial" -> PortableType.of(Family.SMALLINT);
      case "int4", "serial" -> PortableType.of(Family.INTEGER);
      case "int8", "bigserial" -> PortableType.of(Family.BIGINT);
      case "numeric" -> size == 0 || size > MAX_NUMERIC ? PortableType.of(Family.DECIMAL)
          : new PortableType(Family.DECIMAL, size, t.scale());
      case "varchar" -> PortableType.of(Family.VARCHAR, size);
      case "bpchar" -> PortableType.of(Family.CHAR, size);
      case "text" -> PortableType.of(Family.CLOB);
      case "bytea" -> PortableType.of(Family.VARBINARY);
      case "date" -> PortableType.of(Family.DATE);
      case "timestamp" -> new PortableType(Family.TIMESTAMP, 0, t.scale());
      case "timestamptz" -> new PortableType(Family.TIMESTAMP_TZ, 0, t.scale());
      case "float4" -> PortableType.of(Family.REAL);
      case "float8" -> PortableType.of(Family.DOUBLE);
      case "bool" -> PortableType.of(Family.BOOLEAN);
      default -> null; // json, uuid, arrays, interval, money, user types...
    });
  }

  @Override
  public Optional<String> declare(PortableType p) {
    int n = p.length();
    return Optional.ofNullable(switch (p.family()) {
      case SMALLINT -> "smallint";
      case INTEGER -> "integer";
      case BIGINT -> "bigint";
      case DECIMAL -> {
        if (n == 0) {
          yield "numeric";
        }
        int[] ps = DdlTypes.nonNegativeScale(n, p.scale());
        yield ps[0] <= MAX_NUMERIC ? "numeric(" + ps[0] + (ps[1] == 0 ? "" : "," + ps[1]) + ")" : null;
      }
      case VARCHAR, NVARCHAR -> n == 0 ? "varchar" : n <= MAX_VARCHAR ? "varchar(" + n + ")" : "text";
      case CHAR, NCHAR -> n > 0 && n <= MAX_VARCHAR ? "char(" + n + ")" : null;
      case CLOB, NCLOB -> "text";
      case VARBINARY, BLOB -> "bytea";
      case DATE -> "date";
      case DATETIME -> "timestamp(0)";
      case TIMESTAMP -> p.scale() <= MAX_FRACTION ? "timestamp(" + p.scale() + ")" : null;
      case TIMESTAMP_TZ -> p.scale() <= MAX_FRACTION ? "timestamptz(" + p.scale() + ")" : null;
      case REAL -> "real";
      case DOUBLE -> "double precision";
      case BOOLEAN -> "boolean";
    });
  }

  @Override
  public String whyNot(PortableType p) {
    return switch (p.family()) {
      case TIMESTAMP, TIMESTAMP_TZ -> "PostgreSQL keeps 6 fraction digits, the source " + p.scale();
      case DECIMAL -> "PostgreSQL numeric holds at most 1,000 digits";
      default -> DdlTypes.super.whyNot(p);
    };
  }
}
