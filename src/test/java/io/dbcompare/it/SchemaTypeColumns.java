package io.dbcompare.it;

import io.dbcompare.compare.Interval;
import io.dbcompare.config.Platform;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The types of issue 11 in the behaviour suite: per logical type, its column type on each platform (or
 * none), and its values written in SQL there. A value is given in a neutral form: uuids as text, JSON
 * and XML as text, intervals as their canonical text ({@code P<months>M<days>DT<seconds>S}), date-times
 * as text; each platform renders it its way.
 */
final class SchemaTypeColumns {
  /** A logical type and, per pair, a value and another value (for a differing row). */
  record Logical(String name, String value, String other, String otherOnPostgres) {
    String other(Platform target) {
      return target == Platform.POSTGRESQL && otherOnPostgres != null ? otherOnPostgres : other;
    }
  }

  static final List<Logical> ALL = List.of(
      new Logical("UUID", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12", null),
      new Logical("JSON_TEXT", "{\"b\": 1,  \"a\":2}", "{\"a\":2, \"b\": 1}", null),
      new Logical("JSONB", "{\"a\": 1.0}", "{\"a\": 1.00}", null),
      new Logical("INET", "192.168.1.1", "192.168.1.1/24", null),
      new Logical("MACADDR", "08:00:2b:01:02:03", "08:00:2b:01:02:04", null),
      new Logical("BITS", "0101", "01010", null),
      new Logical("ENUM", "happy", "sad", null),
      // on PostgreSQL the other value equals the first under its own '=' ('26:03:04.5' = '1 day 02:03:04.5')
      new Logical("IV_DS", "P0M1DT7384.5S", "P0M1DT7384.6S", "P0M0DT93784.5S"),
      new Logical("IV_YM", "P14M0DT0S", "P15M0DT0S", "P13M30DT0S"),
      new Logical("TS_INF", "infinity", "-infinity", null),
      new Logical("NUM_NAN", "NaN", "Infinity", null),
      new Logical("TSLTZ", "2024-01-01 10:00:00.123456789 +05:00", "2024-01-01 10:00:00.123456789 +04:00", null),
      new Logical("XML", "<a>1</a>", "<a>2</a>", null),
      new Logical("ORA_JSON", "{\"a\":1}", "{\"a\":2}", null),
      new Logical("LONG", "long text", "long text!", null));

  private SchemaTypeColumns() {}

  /** The column type of {@code logical} on {@code p}, or null where it has none. */
  static String type(Platform p, String logical) {
    return switch (p) {
      case POSTGRESQL -> switch (logical) {
        case "UUID" -> "uuid";
        case "JSON_TEXT" -> "json";
        case "JSONB" -> "jsonb";
        case "INET" -> "inet";
        case "MACADDR" -> "macaddr";
        case "BITS" -> "varbit";
        case "ENUM" -> "app.mood";
        case "IV_DS", "IV_YM" -> "interval";
        case "TS_INF" -> "timestamp";
        case "NUM_NAN" -> "numeric";
        default -> null;
      };
      case H2 -> switch (logical) {
        case "UUID" -> "UUID";
        case "JSON_TEXT" -> "CLOB";
        case "IV_DS" -> "INTERVAL DAY(9) TO SECOND(9)";
        case "IV_YM" -> "INTERVAL YEAR(9) TO MONTH";
        default -> null;
      };
      case ORACLE -> switch (logical) {
        case "UUID" -> "RAW(16)";
        case "JSON_TEXT" -> "CLOB";
        case "IV_DS" -> "INTERVAL DAY(9) TO SECOND(9)";
        case "IV_YM" -> "INTERVAL YEAR(9) TO MONTH";
        case "TSLTZ" -> "TIMESTAMP(9) WITH LOCAL TIME ZONE";
        case "XML" -> "XMLTYPE";
        case "ORA_JSON" -> "JSON";
        case "LONG" -> "LONG";
        default -> null;
      };
    };
  }

  /** The logical types both platforms have. */
  static List<Logical> shared(Platform source, Platform target) {
    List<Logical> out = new ArrayList<>();
    for (Logical l : ALL) {
      if (type(source, l.name()) != null && type(target, l.name()) != null) {
        out.add(l);
      }
    }
    return out;
  }

  /** A value of {@code logical} in SQL on {@code p}. */
  static String value(Platform p, String logical, String v) {
    String q = "'" + v.replace("'", "''") + "'";
    return switch (logical) {
      case "UUID" -> p == Platform.ORACLE ? "HEXTORAW('" + v.replace("-", "") + "')" : p == Platform.H2 ? "UUID " + q : q;
      case "IV_DS" -> p == Platform.POSTGRESQL ? "INTERVAL " + q : p == Platform.H2
          ? "INTERVAL '" + daySecond(v) + "' DAY TO SECOND" : "TO_DSINTERVAL('" + daySecond(v) + "')";
      case "IV_YM" -> p == Platform.POSTGRESQL ? "INTERVAL " + q : p == Platform.H2
          ? "INTERVAL '" + yearMonth(v) + "' YEAR TO MONTH" : "TO_YMINTERVAL('" + yearMonth(v) + "')";
      case "TSLTZ" -> "TO_TIMESTAMP_TZ(" + q + ", 'YYYY-MM-DD HH24:MI:SS.FF9 TZH:TZM')";
      case "XML" -> "XMLTYPE(" + q + ")";
      case "ORA_JSON" -> "JSON(" + q + ")";
      default -> q;
    };
  }

  private static String daySecond(String canonical) {
    Interval iv = Interval.parse(canonical);
    BigDecimal s = iv.seconds();
    long whole = s.setScale(0, RoundingMode.DOWN).longValueExact();
    String fraction = s.subtract(BigDecimal.valueOf(whole)).toPlainString();
    return String.format(Locale.ROOT, "%d %02d:%02d:%02d", iv.days(), whole / 3600, whole / 60 % 60, whole % 60)
        + (fraction.equals("0") ? "" : fraction.substring(1));
  }

  private static String yearMonth(String canonical) {
    Interval iv = Interval.parse(canonical);
    return iv.months() / 12 + "-" + iv.months() % 12;
  }
}
