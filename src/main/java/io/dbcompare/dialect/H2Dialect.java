package io.dbcompare.dialect;

import io.dbcompare.compare.KeyColumnOrder.Rendering;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** H2 2.x, used in Oracle compatibility mode as the embedded default. */
public final class H2Dialect extends AbstractDialect {
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS", Locale.ROOT);
  private static final DateTimeFormatter TSTZ =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSSxxx", Locale.ROOT);

  @Override
  public Platform platform() {
    return Platform.H2;
  }

  @Override
  public String foldUnquoted(String identifier) {
    return upper(identifier);
  }

  @Override
  public List<String> sessionSetup() {
    return List.of("SET TIME ZONE 'UTC'");
  }

  /**
   * H2 sorts text by UTF-16 unit ({@code String.compareTo}); where the other side sorts by code point,
   * the key is ordered by its UTF-8 bytes, which H2 compares unsigned. No index serves it.
   */
  @Override
  public String keyExpression(String quotedColumn, ValueKind kind, Rendering rendering) {
    return rendering == Rendering.UTF8_BYTES ? "STRINGTOUTF8(" + quotedColumn + ")"
        : super.keyExpression(quotedColumn, kind, rendering);
  }

  @Override
  public String keyPlaceholder(ValueKind kind, String columnType, Rendering rendering, Object value) {
    return rendering == Rendering.UTF8_BYTES ? "STRINGTOUTF8(?)" : "?";
  }

  /** Special types first ({@link H2Types}), then by JDBC type code. */
  @Override
  public java.util.Optional<ColumnKind> columnKind(ColumnType type) {
    return H2Types.columnKind(type).or(() -> super.kindOf(type).map(ColumnKind::plain));
  }

  @Override
  public java.util.Optional<ValueKind> kindOf(ColumnType type) {
    return columnKind(type).map(ColumnKind::kind);
  }

  @Override
  public java.util.Optional<ValueReader> reader(ValueKind kind, String typeName) {
    return H2Types.reader(kind, typeName);
  }

  @Override
  public BoundValue boundValue(ValueKind kind, Object v, String targetType) {
    if (v == null) {
      return BoundValue.literal("NULL");
    }
    refuseUnstorable(kind, v);
    if (v instanceof io.dbcompare.compare.ArrayValue a) {
      return BoundValue.literal(H2Arrays.literal(this, a, targetType)); // exact, and no array parameter to type
    }
    BoundValue special = H2Types.boundValue(kind, v, targetType);
    return special != null ? special : BoundValue.of("?", Bind.standard(kind, v));
  }

  @Override
  public boolean isDateOnly(ColumnType type) {
    return type.typeName().equalsIgnoreCase("DATE");
  }

  @Override
  public String literal(ValueKind kind, Object v, String targetType, SqlScript script) {
    if (v == null) {
      return "NULL";
    }
    refuseUnstorable(kind, v);
    if (v instanceof io.dbcompare.compare.ArrayValue a) {
      return H2Arrays.literal(this, a, targetType);
    }
    String special = H2Types.literal(kind, v, targetType);
    if (special != null) {
      return special;
    }
    return switch (kind) {
      case NUMBER -> number(v);
      case FLOAT -> {
        double d = (Double) v;
        yield Double.isNaN(d) || Double.isInfinite(d)
            ? "CAST('" + (Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity") + "' AS DOUBLE PRECISION)"
            : "CAST(" + Double.toString(d) + " AS DOUBLE PRECISION)";
      }
      case TEXT -> quoted((String) v);
      case BYTES -> "X'" + hex((byte[]) v) + "'";
      case DATETIME -> "TIMESTAMP '" + TS.format((LocalDateTime) v) + "'";
      case DATETIME_TZ -> "TIMESTAMP WITH TIME ZONE '" + TSTZ.format((OffsetDateTime) v) + "'";
      case BOOLEAN -> ((Boolean) v) ? "TRUE" : "FALSE";
      case INTERVAL, ARRAY -> throw new IllegalStateException("written by H2Types and H2Arrays");
    };
  }

  /** H2's {@code =} on arrays is never true when an element is NULL; IS NOT DISTINCT FROM compares them. */
  @Override
  public String guardCondition(String quotedColumn, ValueKind kind, String targetType, String literal,
      boolean emptyIsNull) {
    if (kind == ValueKind.ARRAY && literal != null) {
      return quotedColumn + " IS NOT DISTINCT FROM " + literal;
    }
    return super.guardCondition(quotedColumn, kind, targetType, literal, emptyIsNull);
  }

  @Override
  public List<String> scriptPreamble() {
    return List.of("SET AUTOCOMMIT OFF;");
  }
}
