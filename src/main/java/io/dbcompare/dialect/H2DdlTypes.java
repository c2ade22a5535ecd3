package io.dbcompare.dialect;

import io.dbcompare.dialect.PortableType.Family;
import java.util.Locale;
import java.util.Optional;

/**
 * H2 2.x column types, as its catalog names them in every compatibility mode ({@code CHARACTER VARYING},
 * {@code BINARY LARGE OBJECT}...). In Oracle mode a declared DATE becomes TIMESTAMP(0), which holds the
 * same values.
 */
public final class H2DdlTypes implements DdlTypes {
  /** H2's longest CHARACTER VARYING and BINARY VARYING: larger values are declared without a length. */
  private static final int MAX_LENGTH = 1_000_000_000;
  private static final int MAX_NUMERIC = 100_000;

  @Override
  public Optional<PortableType> read(ColumnType t) {
    int size = t.size() <= 0 || t.size() >= MAX_LENGTH ? 0 : t.size();
    return Optional.ofNullable(switch (t.typeName().toUpperCase(Locale.ROOT)) {
      case "TINYINT", "SMALLINT" -> PortableType.of(Family.SMALLINT);
      case "INTEGER" -> PortableType.of(Family.INTEGER);
      case "BIGINT" -> PortableType.of(Family.BIGINT);
      case "NUMERIC", "DECIMAL" -> new PortableType(Family.DECIMAL, size, t.scale());
      case "DECFLOAT" -> PortableType.of(Family.DECIMAL);
      case "CHARACTER VARYING", "VARCHAR", "VARCHAR_IGNORECASE" -> PortableType.of(Family.VARCHAR, size);
      case "CHARACTER", "CHAR" -> PortableType.of(Family.CHAR, size);
      case "CHARACTER LARGE OBJECT", "CLOB" -> PortableType.of(Family.CLOB);
      case "BINARY VARYING", "VARBINARY", "BINARY" -> PortableType.of(Family.VARBINARY, size);
      case "BINARY LARGE OBJECT", "BLOB" -> PortableType.of(Family.BLOB);
      case "DATE" -> PortableType.of(Family.DATE);
      case "TIMESTAMP" -> new PortableType(Family.TIMESTAMP, 0, t.scale());
      case "TIMESTAMP WITH TIME ZONE" -> new PortableType(Family.TIMESTAMP_TZ, 0, t.scale());
      case "REAL" -> PortableType.of(Family.REAL);
      case "DOUBLE PRECISION", "DOUBLE", "FLOAT" -> PortableType.of(Family.DOUBLE);
      case "BOOLEAN" -> PortableType.of(Family.BOOLEAN);
      default -> null; // TIME, INTERVAL, JSON, UUID, ARRAY, GEOMETRY...
    });
  }

  @Override
  public Optional<String> declare(PortableType p) {
    int n = p.length();
    return Optional.ofNullable(switch (p.family()) {
      case SMALLINT -> "SMALLINT";
      case INTEGER -> "INTEGER";
      case BIGINT -> "BIGINT";
      case DECIMAL -> {
        if (n == 0) {
          yield "DECFLOAT";
        }
        int[] ps = DdlTypes.nonNegativeScale(n, p.scale());
        yield ps[0] <= MAX_NUMERIC ? "NUMERIC(" + ps[0] + "," + ps[1] + ")" : null;
      }
      case VARCHAR, NVARCHAR -> n == 0 ? "CHARACTER VARYING" : "CHARACTER VARYING(" + n + ")";
      case CHAR, NCHAR -> n > 0 ? "CHARACTER(" + n + ")" : null;
      case CLOB, NCLOB -> "CHARACTER LARGE OBJECT";
      case VARBINARY -> n == 0 ? "BINARY VARYING" : "BINARY VARYING(" + n + ")";
      case BLOB -> "BINARY LARGE OBJECT";
      case DATE -> "DATE";
      case DATETIME -> "TIMESTAMP(0)";
      case TIMESTAMP -> p.scale() <= 9 ? "TIMESTAMP(" + p.scale() + ")" : null;
      case TIMESTAMP_TZ -> p.scale() <= 9 ? "TIMESTAMP(" + p.scale() + ") WITH TIME ZONE" : null;
      case REAL -> "REAL";
      case DOUBLE -> "DOUBLE PRECISION";
      case BOOLEAN -> "BOOLEAN";
    });
  }
}
