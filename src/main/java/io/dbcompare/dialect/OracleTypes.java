package io.dbcompare.dialect;

import io.dbcompare.compare.Interval;
import io.dbcompare.compare.ValueKind;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Period;
import java.util.Locale;
import java.util.Optional;

/**
 * Oracle's types beyond the plain ones, in one place: how each is classified, selected, read, written
 * in a script, bound and guarded. None of them is pushed down (their SQL text could not be checked
 * against the Java reference here), and none can be a key. The driver's classes were checked against
 * ojdbc 23.5's API ({@code oracle.sql.INTERVALDS#getDuration}, {@code INTERVALYM#getPeriod}); the SQL
 * forms against the SQL Language Reference.
 *
 * <ul>
 *   <li>{@code TIMESTAMP WITH LOCAL TIME ZONE}: DATETIME_TZ, an instant. Selected as
 *       {@code CAST(c AS TIMESTAMP(9) WITH TIME ZONE)}, in the session time zone (UTC), so the driver
 *       reads it like any zoned time; written with {@code TO_TIMESTAMP_TZ}.
 *   <li>{@code INTERVAL YEAR TO MONTH}, {@code INTERVAL DAY TO SECOND}: INTERVAL, read from the driver's
 *       INTERVALYM/INTERVALDS (Period/Duration), written with {@code TO_YMINTERVAL}/{@code TO_DSINTERVAL}
 *       of their SQL format text (signed, nine fraction digits).
 *   <li>{@code XMLTYPE}: TEXT, serialized with {@code XMLSERIALIZE(CONTENT c AS CLOB NO INDENT)} (without
 *       NO INDENT the reference leaves pretty-printing "indeterminate"); compared only with XMLTYPE,
 *       written with {@code XMLTYPE(clob)}.
 *   <li>{@code JSON} (21c and later): TEXT, serialized with {@code JSON_SERIALIZE(c RETURNING CLOB)};
 *       compared only with Oracle JSON (its serialization is Oracle's, not any stored text), written with
 *       the {@code JSON(clob)} constructor.
 *   <li>{@code ROWID}, {@code UROWID}: TEXT, selected as {@code CAST(c AS VARCHAR2(4000))}; compared only
 *       with rowids.
 *   <li>{@code LONG}, {@code LONG RAW}: TEXT and BYTES, read as streams by the driver (so the columns of a
 *       row are read in order); Oracle allows them in no expression, so they are never pushed down, never
 *       a key, and a sync script cannot guard them ({@link #canGuard}).
 * </ul>
 */
final class OracleTypes {
  static final String LOCAL_TZ = "LOCAL TIME ZONE";
  private static final String NO_KEY = " cannot be a comparison key";

  private OracleTypes() {}

  static String upper(String typeName) {
    String t = typeName.toUpperCase(Locale.ROOT);
    return t.startsWith("SYS.") ? t.substring(4) : t;
  }

  static Optional<ColumnKind> columnKind(ColumnType type) {
    String n = upper(type.typeName());
    if (n.startsWith("TIMESTAMP") && n.contains(LOCAL_TZ)) {
      return Optional.of(ColumnKind.plainNoKey(ValueKind.DATETIME_TZ, "TIMESTAMP WITH LOCAL TIME ZONE" + NO_KEY));
    }
    if (n.startsWith("INTERVAL YEAR")) {
      return Optional.of(ColumnKind.own(ValueKind.INTERVAL, TypePairs.INTERVAL_YM, "an interval" + NO_KEY));
    }
    if (n.startsWith("INTERVAL DAY")) {
      return Optional.of(ColumnKind.own(ValueKind.INTERVAL, TypePairs.INTERVAL_DS, "an interval" + NO_KEY));
    }
    return Optional.ofNullable(switch (n) {
      case "XMLTYPE" -> ColumnKind.own(ValueKind.TEXT, "oracle-xml", "XMLTYPE" + NO_KEY);
      case "JSON" -> ColumnKind.own(ValueKind.TEXT, "oracle-json", "JSON" + NO_KEY);
      case "ROWID", "UROWID" -> ColumnKind.own(ValueKind.TEXT, "rowid", "a rowid is ordered by where its row is"
          + " stored, not by its text; it");
      case "LONG" -> ColumnKind.plainNoKey(ValueKind.TEXT, "LONG" + NO_KEY);
      case "LONG RAW" -> ColumnKind.plainNoKey(ValueKind.BYTES, "LONG RAW" + NO_KEY);
      default -> null;
    });
  }

  /** Why a column of this type is hashed in Java, or empty when the plain rules decide. */
  static Optional<String> javaOnly(ValueKind kind, String typeName) {
    String n = upper(typeName);
    if (kind == ValueKind.INTERVAL) {
      return Optional.of("Oracle intervals are compared field by field in Java");
    }
    if (n.contains(LOCAL_TZ)) {
      return Optional.of("TIMESTAMP WITH LOCAL TIME ZONE is read as an instant and compared in Java");
    }
    return Optional.ofNullable(switch (n) {
      case "XMLTYPE" -> "XMLTYPE is read serialized (XMLSERIALIZE) and compared as a LOB in Java";
      case "JSON" -> "JSON is read serialized (JSON_SERIALIZE) and compared as a LOB in Java";
      case "ROWID", "UROWID" -> "a rowid is read as text and compared in Java";
      case "LONG", "LONG RAW" -> n + " can be used in no SQL expression; it is streamed and compared in Java";
      default -> null;
    });
  }

  static String selectExpression(String c, String typeName) {
    String n = upper(typeName);
    if (n.contains(LOCAL_TZ)) {
      return "CAST(" + c + " AS TIMESTAMP(9) WITH TIME ZONE)";
    }
    return switch (n) {
      case "XMLTYPE" -> xmlText(c);
      case "JSON" -> jsonText(c);
      case "ROWID", "UROWID" -> rowidText(c);
      default -> c;
    };
  }

  private static String xmlText(String c) {
    return "XMLSERIALIZE(CONTENT " + c + " AS CLOB NO INDENT)";
  }

  private static String jsonText(String c) {
    return "JSON_SERIALIZE(" + c + " RETURNING CLOB)";
  }

  private static String rowidText(String c) {
    return "CAST(" + c + " AS VARCHAR2(4000))";
  }

  static Optional<ValueReader> reader(ValueKind kind, String typeName) {
    if (kind != ValueKind.INTERVAL) {
      return Optional.empty();
    }
    return Optional.of((rs, i) -> {
      Object o = rs.getObject(i);
      return o == null ? null : interval(o);
    });
  }

  /** The driver's value of an INTERVAL column (its default mapping, or java.time where a driver gives that). */
  static Interval interval(Object o) throws SQLException {
    if (o instanceof oracle.sql.INTERVALDS ds) {
      return IntervalTexts.ofDuration(ds.getDuration());
    } else if (o instanceof oracle.sql.INTERVALYM ym) {
      return IntervalTexts.ofPeriod(ym.getPeriod());
    } else if (o instanceof Duration d) {
      return IntervalTexts.ofDuration(d);
    } else if (o instanceof Period p) {
      return IntervalTexts.ofPeriod(p);
    }
    throw new SQLException("an Oracle INTERVAL column was read as " + o.getClass().getName()
        + ", which the comparison cannot convert exactly");
  }

  /** The type's value expression around a text or CLOB literal, or null for the plain literal. */
  static String wrap(String typeName, String textLiteral) {
    return switch (upper(typeName)) {
      case "XMLTYPE" -> "XMLTYPE(" + textLiteral + ")";
      case "JSON" -> "JSON(" + textLiteral + ")";
      default -> null;
    };
  }

  /** Whether the script's literal for these types is a CLOB (XMLTYPE, JSON) rather than a VARCHAR2. */
  static boolean clobLiteral(String typeName) {
    String n = upper(typeName);
    return n.equals("XMLTYPE") || n.equals("JSON");
  }

  static String intervalLiteral(Interval v, String typeName) {
    String n = upper(typeName);
    return n.startsWith("INTERVAL YEAR") ? "TO_YMINTERVAL('" + IntervalTexts.yearMonth(v, n) + "')"
        : "TO_DSINTERVAL('" + IntervalTexts.daySecond(v, n) + "')";
  }

  static BoundValue intervalBound(Interval v, String typeName) {
    String n = upper(typeName);
    return n.startsWith("INTERVAL YEAR")
        ? BoundValue.of("TO_YMINTERVAL(?)", new Bind(Bind.Binding.STRING, IntervalTexts.yearMonth(v, n)))
        : BoundValue.of("TO_DSINTERVAL(?)", new Bind(Bind.Binding.STRING, IntervalTexts.daySecond(v, n)));
  }

  /**
   * A guard for these types (the column as the comparison read it, compared with {@code value}, the
   * value's literal or parameter without the type's constructor), or null for the plain guard.
   */
  static String guardCondition(String c, String typeName, String value) {
    String n = upper(typeName);
    if (n.contains(LOCAL_TZ)) {
      return selectExpression(c, n) + " = " + value;
    }
    return switch (n) {
      case "XMLTYPE" -> "DBMS_LOB.COMPARE(" + xmlText(c) + ", " + value + ") = 0";
      case "JSON" -> "DBMS_LOB.COMPARE(" + jsonText(c) + ", " + value + ") = 0";
      case "ROWID", "UROWID" -> rowidText(c) + " = " + value;
      default -> null;
    };
  }

  /** Oracle cannot compare LONG or LONG RAW in a WHERE clause (ORA-00997): such a column is not guarded. */
  static boolean canGuard(String typeName) {
    String n = upper(typeName);
    return !n.equals("LONG") && !n.equals("LONG RAW");
  }
}
