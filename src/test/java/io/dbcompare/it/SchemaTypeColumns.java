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
      new Logical("LONG", "long text", "long text!", null),
      // arrays: the elements as SQL literals ("<null>": a NULL array); order, NULL elements and empty arrays count
      new Logical("ARR_INT", "1, NULL, 3", "1, 3, NULL", null),
      new Logical("ARR_TEXT", "'a,b', 'q\"x', 'back\\slash', '{br}', 'NULL', NULL, ' sp ', 'é'",
          "'a,b', 'q\"x', 'back\\slash', '{br}', NULL, NULL, ' sp ', 'é'", null),
      // 1.0 and 1.00 are one element, as scalars are (H2 NUMERIC(10, 2) keeps 1.00)
      new Logical("ARR_NUM", "1.0, 2.5", "1.0, 2.51", null),
      new Logical("ARR_TS", "TIMESTAMP '2024-01-01 10:00:00.123456', NULL", "TIMESTAMP '2024-01-01 10:00:00.123457', NULL",
          null),
      new Logical("ARR_TSTZ", "TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00+02:00'",
          "TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00+03:00'", null),
      new Logical("ARR_DATE", "DATE '2024-02-29'", "DATE '2024-03-01'", null),
      new Logical("ARR_BOOL", "TRUE, FALSE", "FALSE, TRUE", null),
      new Logical("ARR_UUID", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12'", null),
      new Logical("ARR_BYTES", "X'00ff'", "X'00fe'", null),
      new Logical("ARR_EMPTY", "", "<null>", null),
      new Logical("ARR_NULLEL", "NULL", "", null),
      // PostgreSQL only: two dimensions, and a lower bound (PostgreSQL's '=' tells them apart too)
      new Logical("ARR_2D", "'{{1,2},{3,4}}'", "'{{1,2,3,4}}'", null),
      new Logical("ARR_LB", "'[0:1]={1,2}'", "'{1,2}'", null),
      // H2 only: JSON as H2 stores it (1.0 and 1.00 differ)
      new Logical("H2_JSON", "{\"a\" : 1.0, \"b\":\"\\u0041\"}", "{\"a\":1.00,\"b\":\"A\"}", null));

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
        case "ARR_INT", "ARR_EMPTY", "ARR_NULLEL", "ARR_LB" -> "int4[]";
        case "ARR_2D" -> "int4[][]";
        case "ARR_TEXT" -> "text[]";
        case "ARR_NUM" -> "numeric[]";
        case "ARR_TS" -> "timestamp[]";
        case "ARR_TSTZ" -> "timestamptz[]";
        case "ARR_DATE" -> "date[]";
        case "ARR_BOOL" -> "boolean[]";
        case "ARR_UUID" -> "uuid[]";
        case "ARR_BYTES" -> "bytea[]";
        default -> null;
      };
      case H2 -> switch (logical) {
        case "UUID" -> "UUID";
        case "JSON_TEXT" -> "CLOB";
        case "IV_DS" -> "INTERVAL DAY(9) TO SECOND(9)";
        case "IV_YM" -> "INTERVAL YEAR(9) TO MONTH";
        case "ARR_INT", "ARR_EMPTY", "ARR_NULLEL" -> "INTEGER ARRAY";
        case "ARR_TEXT" -> "CHARACTER VARYING(20) ARRAY";
        case "ARR_NUM" -> "NUMERIC(10, 2) ARRAY";
        case "ARR_TS" -> "TIMESTAMP(9) ARRAY";
        case "ARR_TSTZ" -> "TIMESTAMP WITH TIME ZONE ARRAY";
        case "ARR_DATE" -> "DATE ARRAY";
        case "ARR_BOOL" -> "BOOLEAN ARRAY";
        case "ARR_UUID" -> "UUID ARRAY";
        case "ARR_BYTES" -> "BINARY VARYING(4) ARRAY[3]";
        case "H2_JSON" -> "JSON";
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
    if (logical.startsWith("ARR_")) {
      String type = type(p, logical);
      if (v.equals("<null>")) {
        return "NULL";
      }
      if (logical.equals("ARR_2D") || logical.equals("ARR_LB")) {
        return v + "::" + type;
      }
      String elements = p == Platform.POSTGRESQL ? v.replace("X'", "'\\x") : v;
      return p == Platform.POSTGRESQL ? "ARRAY[" + elements + "]::" + type : "ARRAY[" + elements + "]";
    }
    return switch (logical) {
      case "H2_JSON" -> "JSON " + q;
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
