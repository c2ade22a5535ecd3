package io.dbcompare.dialect;

import io.dbcompare.compare.ArrayValue;
import io.dbcompare.compare.Canonical;
import io.dbcompare.compare.Interval;
import io.dbcompare.compare.SpecialNumber;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Types;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * PostgreSQL's types beyond the plain ones, in one place: how each is classified, read, written in a
 * script, bound and guarded. {@link PostgresDialect} and {@link PostgresPushdownSql} ask here first.
 *
 * <ul>
 *   <li>{@code uuid}: BYTES, its 16 bytes (equal to an Oracle RAW(16) or H2 UUID with those bytes); a
 *       key (PostgreSQL orders uuids by their bytes, as the merge does).
 *   <li>{@code json}: TEXT as stored (PostgreSQL keeps json's text unchanged), comparable with any text.
 *   <li>{@code jsonb}: TEXT, the server's normalized text (keys sorted, duplicates dropped), compared only
 *       with jsonb: a stored text of the same document is spelled differently.
 *   <li>{@code inet}, {@code cidr}, {@code macaddr}, {@code macaddr8}: TEXT as PostgreSQL prints it, each
 *       compared only with its own type (many input spellings give one value).
 *   <li>{@code bit}, {@code varbit}: TEXT of {@code 0} and {@code 1}, compared only with bit strings.
 *   <li>enum types (the driver reports them as VARCHAR under their own name): TEXT, the label.
 *   <li>{@code interval}: INTERVAL, months, days and the time part as stored ({@link Interval}).
 *   <li>arrays ({@code _int4}...) of the element types {@link PostgresArrays} lists: ARRAY.
 *   <li>domains: as their base type (the resolver replaces a domain by its base type).
 *   <li>{@code numeric} {@code NaN}, {@code Infinity}, {@code -Infinity} ({@link SpecialNumber}) and
 *       timestamp/date/timestamptz {@code infinity}, {@code -infinity} (read by pgJDBC as
 *       {@code LocalDateTime.MAX}/{@code MIN} and the like): values of their plain kinds.
 * </ul>
 * None of the TEXT types above can be a key: PostgreSQL orders them by their own rules, not by text.
 */
final class PostgresTypes {
  /** The types PostgreSQL orders, compares and binds as text. */
  static final Set<String> NATIVE_TEXT = Set.of("varchar", "text", "bpchar", "char", "name");
  private static final Set<String> ADDRESSES = Set.of("inet", "cidr", "macaddr", "macaddr8");

  private PostgresTypes() {}

  static String lower(String typeName) {
    return typeName.toLowerCase(Locale.ROOT);
  }

  static Optional<ColumnKind> columnKind(ColumnType t) {
    String n = lower(t.typeName());
    if (PostgresArrays.elementType(n) != null) {
      return PostgresArrays.columnKind(t);
    }
    if (ADDRESSES.contains(n)) {
      return Optional.of(ColumnKind.own(ValueKind.TEXT, n, n + " is ordered by address, not by its text"));
    }
    ColumnKind k = switch (n) {
      case "uuid" -> ColumnKind.plain(ValueKind.BYTES);
      case "json" -> ColumnKind.plainNoKey(ValueKind.TEXT, "json has no order in PostgreSQL");
      case "jsonb" -> ColumnKind.own(ValueKind.TEXT, "jsonb", "jsonb is ordered by its own rules, not by its text");
      case "bit", "varbit" -> ColumnKind.own(ValueKind.TEXT, "bits", "a bit string key is not supported");
      case "interval" -> ColumnKind.own(ValueKind.INTERVAL, TypePairs.INTERVAL, "PostgreSQL orders intervals"
          + " as 30-day months and 24-hour days, so '1 day' and '24:00:00' are one key there and two here");
      default -> null;
    };
    if (k == null && t.jdbcType() == Types.VARCHAR && !NATIVE_TEXT.contains(n)) {
      k = ColumnKind.plainNoKey(ValueKind.TEXT, "an enum is ordered by the declaration of its labels, not by"
          + " their text");
    }
    return Optional.ofNullable(k);
  }

  /** A TEXT column whose type PostgreSQL does not treat as text (json, inet, an enum...). */
  static boolean textOfOtherType(ValueKind kind, String typeName) {
    return kind == ValueKind.TEXT && !NATIVE_TEXT.contains(lower(typeName));
  }

  static boolean isUuid(ValueKind kind, String typeName) {
    return kind == ValueKind.BYTES && lower(typeName).equals("uuid");
  }

  static Optional<ValueReader> reader(ValueKind kind, String typeName) {
    if (kind == ValueKind.ARRAY) {
      return PostgresArrays.reader(kind, typeName);
    }
    String n = lower(typeName);
    if (isUuid(kind, n)) {
      return Optional.of((rs, i) -> {
        UUID u = rs.getObject(i, UUID.class);
        return u == null ? null : ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
            .putLong(u.getLeastSignificantBits()).array();
      });
    }
    if (kind == ValueKind.NUMBER && n.equals("numeric")) {
      // getBigDecimal fails on NaN; the text is the exact decimal (or NaN, Infinity, -Infinity)
      return Optional.of((rs, i) -> {
        String s = rs.getString(i);
        if (s == null) {
          return null;
        }
        SpecialNumber special = SpecialNumber.ofText(s);
        return special != null ? special : new BigDecimal(s);
      });
    }
    if (kind == ValueKind.INTERVAL) {
      return Optional.of((rs, i) -> {
        String s = rs.getString(i);
        return s == null ? null : PostgresIntervalText.parse(s);
      });
    }
    return Optional.empty();
  }

  /** A literal for a value only these types have, or null for the plain literal. */
  static String literal(ValueKind kind, Object v, String targetType) {
    String type = lower(targetType);
    if (v instanceof ArrayValue a) {
      return PostgresArrays.literal(a, targetType);
    }
    if (v instanceof SpecialNumber s) {
      return "'" + s.text() + "'::numeric";
    }
    if (isUuid(kind, type)) {
      return "'" + uuidText((byte[]) v) + "'::uuid";
    }
    if ((kind == ValueKind.DATETIME || kind == ValueKind.DATETIME_TZ) && Canonical.isInfinite(v)) {
      String word = Canonical.text(kind, v);
      return kind == ValueKind.DATETIME_TZ ? "TIMESTAMPTZ '" + word + "'"
          : type.equals("date") ? "DATE '" + word + "'" : "TIMESTAMP '" + word + "'";
    }
    if (kind == ValueKind.INTERVAL) {
      // The canonical text is ISO 8601 "format with designators", which PostgreSQL reads with signed fields.
      return "INTERVAL '" + ((Interval) v).text() + "'";
    }
    return null;
  }

  /** A bound value only these types need, or null for the dialect's plain one. */
  static BoundValue boundValue(ValueKind kind, Object v, String targetType) {
    if (v instanceof ArrayValue a) {
      return PostgresArrays.boundValue(a, targetType);
    }
    if (v instanceof SpecialNumber s) {
      return BoundValue.of("CAST(? AS numeric)", new Bind(Bind.Binding.STRING, s.text()));
    }
    if (isUuid(kind, targetType)) {
      return BoundValue.of("?", new Bind(Bind.Binding.UUID, UUID.fromString(uuidText((byte[]) v))));
    }
    if ((kind == ValueKind.DATETIME || kind == ValueKind.DATETIME_TZ) && Canonical.isInfinite(v)) {
      return BoundValue.literal(literal(kind, v, targetType));
    }
    if (kind == ValueKind.INTERVAL) {
      return BoundValue.of("CAST(? AS interval)", new Bind(Bind.Binding.STRING, ((Interval) v).text()));
    }
    if (textOfOtherType(kind, targetType)) {
      return BoundValue.of("?", new Bind(Bind.Binding.UNTYPED_STRING, v));
    }
    return null;
  }

  /**
   * A guard that compares text for types whose own equality is looser than their text (jsonb, interval:
   * {@code '1 day' = '24:00:00'}) or missing (json); null for the plain guard. Both sides print under the
   * session's settings, and the output function gives one text per stored value.
   */
  static String guardCondition(String quotedColumn, ValueKind kind, String targetType, String literal) {
    if (kind == ValueKind.INTERVAL) {
      return quotedColumn + "::text = (" + literal + ")::text";
    }
    if (textOfOtherType(kind, targetType)) {
      return quotedColumn + " IS NOT NULL AND " + outputText(quotedColumn) + " = " + literal;
    }
    return null;
  }

  /**
   * The column's text as its type's output function prints it, which is what the driver reads:
   * {@code format('%s', c)} (a cast to text is not always that: {@code inet::text} adds {@code /32}),
   * NULL for NULL.
   */
  static String outputText(String c) {
    return "CASE WHEN " + c + " IS NOT NULL THEN format('%s', " + c + ") END";
  }

  /** The uuid's canonical text: 8-4-4-4-12 lower-case hex digits. */
  static String uuidText(byte[] b) {
    if (b.length != 16) {
      throw new CompareException(ErrorCode.TABLE_FAILED, "a value of " + b.length + " bytes cannot be written to a"
          + " uuid column, which holds exactly 16");
    }
    ByteBuffer buf = ByteBuffer.wrap(b);
    return new UUID(buf.getLong(), buf.getLong()).toString();
  }
}
