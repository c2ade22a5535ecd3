package io.dbcompare.dialect;

import io.dbcompare.compare.ArrayValue;
import io.dbcompare.compare.Canonical;
import io.dbcompare.compare.SpecialNumber;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * PostgreSQL arrays ({@code int4[]}, {@code text[][]}...) of the element types below, any number of
 * dimensions and any lower bounds: kind {@link ValueKind#ARRAY}, value {@link ArrayValue}. The catalog
 * names an array type by its element type with a leading underscore ({@code _int4}); the declared
 * dimensions are not enforced by PostgreSQL, so every value carries its own.
 *
 * <ul>
 *   <li>Read from the array's text (array_out, under the session's ISO DateStyle, which pgJDBC requires,
 *       time zone UTC and {@code bytea_output = 'hex'}): the dimensions and lower bounds, NULL elements
 *       (the bare word) apart from the text {@code "NULL"}, and each element's text as PostgreSQL prints
 *       it, converted to its kind's canonical value here ({@link PostgresArrayText}).
 *   <li>Compared only with arrays whose elements are of the same family (number, text, bytes, date-time,
 *       zoned, boolean); never a key.
 *   <li>Written as the array's input text cast to the column's array type, {@code '{"1","2"}'::int4[]},
 *       every element in double quotes: lower bounds and dimensions as read. Bound likewise as a string
 *       parameter, {@code CAST(? AS int4[])}. Guarded with {@code =}, which compares dimensions, lower
 *       bounds and elements by their type's equality, NULL elements equal.
 * </ul>
 */
final class PostgresArrays {
  /** Supported element types and their kinds. */
  static final Map<String, ValueKind> ELEMENTS = Map.ofEntries(
      Map.entry("int2", ValueKind.NUMBER), Map.entry("int4", ValueKind.NUMBER), Map.entry("int8", ValueKind.NUMBER),
      Map.entry("numeric", ValueKind.NUMBER), Map.entry("text", ValueKind.TEXT), Map.entry("varchar", ValueKind.TEXT),
      Map.entry("bpchar", ValueKind.TEXT), Map.entry("bool", ValueKind.BOOLEAN), Map.entry("date", ValueKind.DATETIME),
      Map.entry("timestamp", ValueKind.DATETIME), Map.entry("timestamptz", ValueKind.DATETIME_TZ),
      Map.entry("uuid", ValueKind.BYTES), Map.entry("bytea", ValueKind.BYTES));

  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS", Locale.ROOT);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
  private static final DateTimeFormatter TSTZ =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSSxxx", Locale.ROOT);

  private PostgresArrays() {}

  /** The element type of an array type name ({@code _int4}: {@code int4}), or null when it is no array. */
  static String elementType(String typeName) {
    String n = typeName.toLowerCase(Locale.ROOT);
    return n.startsWith("_") ? n.substring(1) : null;
  }

  static Optional<ColumnKind> columnKind(ColumnType t) {
    String element = elementType(t.typeName());
    if (element == null || !ELEMENTS.containsKey(element)) {
      return Optional.empty();
    }
    return Optional.of(ColumnKind.own(ValueKind.ARRAY, family(ELEMENTS.get(element)),
        "an array is never a key (PostgreSQL orders arrays element by element, not as the comparison does)"));
  }

  /** The family of arrays whose elements are of {@code kind}'s plain family ({@code array of number}...). */
  static String family(ValueKind elementKind) {
    return "array of " + ColumnKind.plainFamily(elementKind);
  }

  static Optional<ValueReader> reader(ValueKind kind, String typeName) {
    if (kind != ValueKind.ARRAY) {
      return Optional.empty();
    }
    String element = elementType(typeName);
    ValueKind elementKind = ELEMENTS.get(element);
    return Optional.of((rs, i) -> {
      String s = rs.getString(i);
      return s == null ? null : PostgresArrayText.parse(s, elementKind, t -> element(element, elementKind, t));
    });
  }

  /** One element's value from the text PostgreSQL prints for it. */
  static Object element(String type, ValueKind kind, String t) {
    return switch (kind) {
      case NUMBER -> SpecialNumber.ofText(t) != null ? SpecialNumber.ofText(t) : new BigDecimal(t);
      case TEXT -> t;
      case BOOLEAN -> switch (t) {
        case "t" -> Boolean.TRUE;
        case "f" -> Boolean.FALSE;
        default -> throw unreadable(type, t);
      };
      case BYTES -> type.equals("uuid") ? uuidBytes(t) : byteaBytes(t);
      case DATETIME -> type.equals("date") ? PostgresArrayText.date(t) : PostgresArrayText.timestamp(t);
      case DATETIME_TZ -> PostgresArrayText.timestampTz(t);
      default -> throw new IllegalStateException("no " + kind + " array elements");
    };
  }

  private static byte[] uuidBytes(String t) {
    UUID u = UUID.fromString(t);
    return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
  }

  private static byte[] byteaBytes(String t) {
    if (!t.startsWith("\\x")) {
      throw unreadable("bytea", t.length() > 20 ? t.substring(0, 20) + "..." : t);
    }
    return Canonical.hexToBytes(t.substring(2));
  }

  static CompareException unreadable(String type, String t) {
    return new CompareException(ErrorCode.TABLE_FAILED, "an element of a " + type + " array printed as '" + t
        + "' is not in the form the comparison reads (the session sets DateStyle ISO and bytea_output hex)");
  }

  /**
   * The array's input text with every element in double quotes, for a column of {@code targetType}
   * ({@code _int4}); the dimensions come first when a lower bound is not 1.
   */
  static String inputText(ArrayValue a, String targetType) {
    if (a.dimensions() == 0) {
      return "{}";
    }
    String element = elementType(targetType);
    StringBuilder sb = new StringBuilder();
    if (!a.startsAtOne()) {
      a.dimensions(sb);
      sb.append('=');
    }
    a.nest(sb, e -> e == null ? "NULL" : ArrayValue.quoted(elementInput(a.elementKind(), e, element)));
    return sb.toString();
  }

  /** An element's input text for a column of element type {@code type}. */
  private static String elementInput(ValueKind kind, Object v, String type) {
    return switch (kind) {
      case NUMBER -> v instanceof SpecialNumber s ? s.text() : ((BigDecimal) v).toPlainString();
      case TEXT -> (String) v;
      case BOOLEAN -> ((Boolean) v) ? "t" : "f";
      case BYTES -> "uuid".equals(type) ? PostgresTypes.uuidText((byte[]) v) : "\\x" + AbstractDialect.hex((byte[]) v);
      case DATETIME -> Canonical.isInfinite(v) ? Canonical.text(kind, v)
          : "date".equals(type) ? DATE.format((LocalDateTime) v) : TS.format((LocalDateTime) v);
      case DATETIME_TZ -> Canonical.isInfinite(v) ? Canonical.text(kind, v) : TSTZ.format((OffsetDateTime) v);
      default -> throw new IllegalStateException("no " + kind + " array elements");
    };
  }

  /** The cast target: {@code _int4} is written {@code int4[]} (any number of dimensions). */
  static String castType(String targetType) {
    return elementType(targetType) + "[]";
  }

  static String literal(ArrayValue a, String targetType) {
    return AbstractDialect.quoted(inputText(a, targetType)) + "::" + castType(targetType);
  }

  static BoundValue boundValue(ArrayValue a, String targetType) {
    return BoundValue.of("CAST(? AS " + castType(targetType) + ")", new Bind(Bind.Binding.STRING, inputText(a, targetType)));
  }

  /**
   * The array's canonical text in SQL where PostgreSQL prints exactly that: arrays of integers and of
   * text ({@code c::text}, whose quoting rules {@link ArrayValue} follows); null for the others, whose
   * elements print otherwise than their canonical text (numeric {@code 1.50}, {@code t}/{@code f},
   * date-times, bytes), so such tables are hashed in Java.
   */
  static String pushdownText(String c, String typeName) {
    String element = elementType(typeName);
    return List.of("int2", "int4", "int8", "text", "varchar", "bpchar").contains(element) ? c + "::text" : null;
  }

  /** Whether an array of text elements (the push-down's encoding needs a UTF8 server for it). */
  static boolean textElements(String typeName) {
    String element = elementType(typeName);
    return element != null && ELEMENTS.get(element) == ValueKind.TEXT;
  }
}
