package io.dbcompare.sync;

import io.dbcompare.compare.Canonical;
import io.dbcompare.compare.ValueKind;
import java.util.Objects;

/**
 * A value of one target column in a {@link RowStatement}.
 *
 * @param column the target column's name as its catalog spells it (quoted when rendered)
 * @param kind the value's kind: its Java type is the one {@link ValueKind} names
 * @param targetType the target column's type name as the catalog reports it (decides literals and binds)
 * @param value the value as the comparison read it; null for NULL
 */
public record ColumnValue(String column, ValueKind kind, String targetType, Object value) {
  public ColumnValue {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(targetType, "targetType");
  }

  /** Equal when column, kind, type and value (by {@link Canonical#text}, exact) are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ColumnValue c && column.equals(c.column) && kind == c.kind && targetType.equals(c.targetType)
        && (value == null ? c.value == null : c.value != null && value.getClass() == c.value.getClass()
            && exact(value).equals(exact(c.value)));
  }

  @Override
  public int hashCode() {
    return Objects.hash(column, kind, targetType, value == null ? null : exact(value));
  }

  /** The value's exact text: unlike the canonical text it keeps a number's scale and a time's offset. */
  private String exact(Object v) {
    return switch (kind) {
      case NUMBER -> v instanceof java.math.BigDecimal d ? d.toString() : Canonical.text(kind, v);
      case DATETIME_TZ -> v.toString();
      case FLOAT -> Long.toString(Double.doubleToRawLongBits((Double) v));
      default -> Canonical.text(kind, v);
    };
  }

  @Override
  public String toString() {
    return column + "=" + (value == null ? "NULL" : exact(value));
  }
}
