package io.dbcompare.dialect;

import io.dbcompare.compare.Interval;
import io.dbcompare.compare.ValueKind;
import java.time.Duration;
import java.time.Period;
import java.util.Locale;
import java.util.Optional;

/**
 * H2's types beyond the plain ones, in one place.
 *
 * <ul>
 *   <li>{@code UUID}: the driver reports it as BINARY, so it is BYTES (its 16 bytes) already; H2
 *       orders uuids as unsigned 64-bit halves, which is their byte order, so it can be a key. Written
 *       as {@code UUID '8-4-4-4-12'}.
 *   <li>{@code INTERVAL YEAR [TO MONTH]}, {@code INTERVAL MONTH}: INTERVAL of the year-to-month class;
 *       {@code INTERVAL DAY [TO HOUR|MINUTE|SECOND]}: of the day-to-second class (H2 keeps days and a
 *       time under a day, like Oracle). Other interval types (HOUR TO SECOND...) hold hours beyond a day,
 *       which these classes do not: not supported. Never a key; hashed in Java.
 *   <li>{@code JSON}: TEXT, the JSON text as H2 stores it. H2 normalizes JSON when it stores it (no
 *       blanks, escapes and exponents rewritten: {@code {"a" : 2e2, "b":"\u0041"}} is kept as
 *       {@code {"a":2E2,"b":"A"}}; key order and duplicate keys kept), so its text is one spelling per
 *       document in H2 but not the one PostgreSQL's json (the text as written) or jsonb (keys sorted,
 *       blanks added) keeps: compared only with H2 JSON ({@link TypePairs#H2_JSON}). Never a key.
 *       Written as {@code JSON '...'}, bound as {@code ? FORMAT JSON} (a plain string would become a JSON
 *       string value), guarded with {@code =}, which compares the stored texts.
 *   <li>ARRAY types: {@link H2Arrays}.
 * </ul>
 */
final class H2Types {
  private H2Types() {}

  static Optional<ColumnKind> columnKind(ColumnType t) {
    if (H2Arrays.elementType(t.typeName()) != null) {
      return H2Arrays.columnKind(t);
    }
    String n = t.typeName().toUpperCase(Locale.ROOT).replaceAll("\\(\\d+(,\\s*\\d+)?\\)", "");
    return Optional.ofNullable(switch (n) {
      case "JSON" -> ColumnKind.own(ValueKind.TEXT, TypePairs.H2_JSON, "H2 orders JSON by its bytes, not by its text");
      case "INTERVAL YEAR", "INTERVAL MONTH", "INTERVAL YEAR TO MONTH" ->
          ColumnKind.own(ValueKind.INTERVAL, TypePairs.INTERVAL_YM, "an interval key is not supported");
      case "INTERVAL DAY", "INTERVAL DAY TO HOUR", "INTERVAL DAY TO MINUTE", "INTERVAL DAY TO SECOND" ->
          ColumnKind.own(ValueKind.INTERVAL, TypePairs.INTERVAL_DS, "an interval key is not supported");
      default -> null;
    });
  }

  static Optional<ValueReader> reader(ValueKind kind, String typeName) {
    if (kind == ValueKind.ARRAY) {
      return H2Arrays.reader(kind, typeName);
    }
    if (kind != ValueKind.INTERVAL) {
      return Optional.empty();
    }
    if (IntervalTexts.isYearMonth(typeName)) {
      return Optional.of((rs, i) -> {
        Period p = rs.getObject(i, Period.class);
        return p == null ? null : IntervalTexts.ofPeriod(p);
      });
    }
    return Optional.of((rs, i) -> {
      Duration d = rs.getObject(i, Duration.class);
      return d == null ? null : IntervalTexts.ofDuration(d);
    });
  }

  static boolean isUuid(ValueKind kind, String typeName) {
    return kind == ValueKind.BYTES && typeName.equalsIgnoreCase("UUID");
  }

  static boolean isJson(ValueKind kind, String typeName) {
    return kind == ValueKind.TEXT && typeName.equalsIgnoreCase("JSON");
  }

  /** A literal for these types, or null for the plain one. */
  static String literal(ValueKind kind, Object v, String targetType) {
    if (isJson(kind, targetType)) {
      return "JSON " + AbstractDialect.quoted((String) v);
    }
    if (isUuid(kind, targetType)) {
      return "UUID '" + PostgresTypes.uuidText((byte[]) v) + "'";
    }
    if (kind == ValueKind.INTERVAL) {
      String type = targetType.toUpperCase(Locale.ROOT);
      return IntervalTexts.isYearMonth(type)
          ? "INTERVAL '" + IntervalTexts.yearMonth((Interval) v, type) + "' YEAR TO MONTH"
          : "INTERVAL '" + IntervalTexts.daySecond((Interval) v, type) + "' DAY TO SECOND";
    }
    return null;
  }

  /** An interval parameter: its text cast to the column's class (H2 reads the same text as in its literals). */
  static BoundValue boundValue(ValueKind kind, Object v, String targetType) {
    if (isJson(kind, targetType)) {
      return BoundValue.of("? FORMAT JSON", new Bind(Bind.Binding.STRING, v));
    }
    if (kind != ValueKind.INTERVAL) {
      return null;
    }
    String type = targetType.toUpperCase(Locale.ROOT);
    return IntervalTexts.isYearMonth(type)
        ? BoundValue.of("CAST(? AS INTERVAL YEAR(18) TO MONTH)",
            new Bind(Bind.Binding.STRING, IntervalTexts.yearMonth((Interval) v, type)))
        : BoundValue.of("CAST(? AS INTERVAL DAY(18) TO SECOND(9))",
            new Bind(Bind.Binding.STRING, IntervalTexts.daySecond((Interval) v, type)));
  }
}
