package io.dbcompare.dialect;

import io.dbcompare.compare.ArrayValue;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.sql.Array;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * H2's ARRAY types ({@code INTEGER ARRAY}, {@code CHARACTER VARYING(10) ARRAY[5]}...) of the element
 * types below: one dimension, lower bound 1 ({@link ArrayValue#of}); an empty array is PostgreSQL's
 * {@code {}}. Arrays of arrays are not supported. Each element is read through the array's result set
 * with its kind's own driver call (java.time for date-times), as a column of that type would be.
 * Written as {@code ARRAY[...]} of the elements' literals; guarded with {@code IS NOT DISTINCT FROM},
 * because H2's {@code =} on arrays with a NULL element is never true. A PostgreSQL value with more
 * dimensions or another lower bound has no equal in H2: its literal is refused naming the value.
 */
final class H2Arrays {
  private static final String SUFFIX = " ARRAY";
  private static final Map<String, ValueKind> ELEMENTS = Map.ofEntries(
      Map.entry("TINYINT", ValueKind.NUMBER), Map.entry("SMALLINT", ValueKind.NUMBER),
      Map.entry("INTEGER", ValueKind.NUMBER), Map.entry("BIGINT", ValueKind.NUMBER),
      Map.entry("NUMERIC", ValueKind.NUMBER), Map.entry("DECIMAL", ValueKind.NUMBER),
      Map.entry("CHARACTER VARYING", ValueKind.TEXT), Map.entry("VARCHAR", ValueKind.TEXT),
      Map.entry("CHARACTER", ValueKind.TEXT), Map.entry("CHAR", ValueKind.TEXT),
      Map.entry("BINARY VARYING", ValueKind.BYTES), Map.entry("VARBINARY", ValueKind.BYTES),
      Map.entry("BINARY", ValueKind.BYTES), Map.entry("UUID", ValueKind.BYTES),
      Map.entry("DATE", ValueKind.DATETIME), Map.entry("TIMESTAMP", ValueKind.DATETIME),
      Map.entry("TIMESTAMP WITH TIME ZONE", ValueKind.DATETIME_TZ), Map.entry("BOOLEAN", ValueKind.BOOLEAN));

  private H2Arrays() {}

  /** The element type of an array type ({@code NUMERIC(10, 2) ARRAY}: {@code NUMERIC(10, 2)}), or null. */
  static String elementType(String typeName) {
    String n = typeName.toUpperCase(Locale.ROOT).replaceAll("\\s*\\[\\d+\\]$", "");
    return n.endsWith(SUFFIX) ? n.substring(0, n.length() - SUFFIX.length()) : null;
  }

  /** The element's kind, or null when arrays of it are not supported. */
  private static ValueKind elementKind(String element) {
    return element == null ? null : ELEMENTS.get(element.replaceAll("\\(\\d+(,\\s*\\d+)?\\)", ""));
  }

  static Optional<ColumnKind> columnKind(ColumnType t) {
    String element = elementType(t.typeName());
    if (element == null) {
      return Optional.empty();
    }
    ValueKind k = elementKind(element);
    return k == null ? Optional.empty() : Optional.of(ColumnKind.own(ValueKind.ARRAY, PostgresArrays.family(k),
        "an array is never a key"));
  }

  /** Whether arrays of this type name are H2 arrays this class reads (the kind alone says ARRAY). */
  static boolean isArray(String typeName) {
    return elementKind(elementType(typeName)) != null;
  }

  static Optional<ValueReader> reader(ValueKind kind, String typeName) {
    if (kind != ValueKind.ARRAY) {
      return Optional.empty();
    }
    String element = elementType(typeName);
    ValueKind elementKind = elementKind(element);
    boolean dateOnly = element.startsWith("DATE");
    return Optional.of((rs, i) -> {
      Array a = rs.getArray(i);
      if (a == null) {
        return null;
      }
      List<Object> values = new ArrayList<>();
      try (ResultSet e = a.getResultSet()) {
        while (e.next()) {
          values.add(element(e, elementKind, dateOnly));
        }
      } finally {
        a.free();
      }
      return ArrayValue.of(elementKind, values);
    });
  }

  /** Column 2 of an array's result set (its value), read as a column of its kind is. */
  private static Object element(ResultSet e, ValueKind kind, boolean dateOnly) throws java.sql.SQLException {
    return switch (kind) {
      case NUMBER -> e.getBigDecimal(2);
      case TEXT -> e.getString(2);
      case BYTES -> e.getBytes(2);
      case DATETIME -> {
        if (dateOnly) {
          LocalDate d = e.getObject(2, LocalDate.class);
          yield d == null ? null : d.atStartOfDay();
        }
        yield e.getObject(2, LocalDateTime.class);
      }
      case DATETIME_TZ -> e.getObject(2, OffsetDateTime.class);
      case BOOLEAN -> {
        boolean b = e.getBoolean(2);
        yield e.wasNull() ? null : b;
      }
      default -> throw new IllegalStateException("no " + kind + " array elements");
    };
  }

  /** {@code ARRAY[...]} of the elements' literals for a column of {@code targetType}. */
  static String literal(H2Dialect d, ArrayValue a, String targetType) {
    if (a.dimensions() > 1 || !a.startsAtOne()) {
      throw new CompareException(ErrorCode.TABLE_FAILED, "the array " + shown(a) + " has " + a.dimensions()
          + " dimensions or a lower bound other than 1, which an H2 array (one dimension from 1) cannot hold;"
          + " no script or parameter can write it");
    }
    String element = elementType(targetType);
    StringBuilder sb = new StringBuilder("ARRAY[");
    for (int i = 0; i < a.elements().size(); i++) {
      sb.append(i > 0 ? ", " : "").append(d.literal(a.elementKind(), a.elements().get(i), element, new SqlScript()));
    }
    return sb.append(']').toString();
  }

  private static String shown(ArrayValue a) {
    String t = a.text();
    return t.length() > 60 ? t.substring(0, 57) + "..." : t;
  }
}
