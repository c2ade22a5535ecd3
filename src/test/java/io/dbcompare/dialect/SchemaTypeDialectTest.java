package io.dbcompare.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.Interval;
import io.dbcompare.compare.SpecialNumber;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.error.CompareException;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The dialects' knowledge of the types issue 11 added: families and key refusals, pairs, the text of
 * literals, parameters and guards (Oracle's as golden text: no Oracle runs here), interval texts, and
 * the refusals of values a target cannot hold.
 */
class SchemaTypeDialectTest {
  final OracleDialect oracle = new OracleDialect();
  final PostgresDialect postgres = new PostgresDialect();
  final H2Dialect h2 = new H2Dialect();

  private static Interval iv(long months, long days, String seconds) {
    return new Interval(months, days, new BigDecimal(seconds));
  }

  private static final byte[] UUID_BYTES = {(byte) 0xa0, (byte) 0xee, (byte) 0xbc, (byte) 0x99, (byte) 0x9c, 0x0b, 0x4e,
      (byte) 0xf8, (byte) 0xbb, 0x6d, 0x6b, (byte) 0xb9, (byte) 0xbd, 0x38, 0x0a, 0x11};

  private ColumnKind kind(Dialect d, int jdbc, String name) {
    return d.columnKind(new ColumnType(jdbc, name, 0, 0)).orElseThrow();
  }

  // ----- families, keys, pairs -----

  @Test
  void keysAreRefusedWhereTheDatabaseOrdersOtherwise() {
    assertNull(kind(postgres, Types.OTHER, "uuid").notAKey());
    assertNull(kind(h2, Types.BINARY, "UUID").notAKey());
    for (String t : List.of("json", "jsonb", "inet", "cidr", "macaddr", "bit", "varbit", "interval")) {
      assertTrue(kind(postgres, Types.OTHER, t).keyRefusal().isPresent(), t);
    }
    assertTrue(kind(postgres, Types.VARCHAR, "\"app\".\"mood\"").notAKey().contains("enum"));
    for (String t : List.of("XMLTYPE", "JSON", "ROWID", "UROWID", "LONG", "LONG RAW", "INTERVAL DAY(2) TO SECOND(6)",
        "INTERVAL YEAR(2) TO MONTH", "TIMESTAMP(6) WITH LOCAL TIME ZONE")) {
      assertTrue(kind(oracle, Types.OTHER, t).keyRefusal().isPresent(), t);
    }
    assertTrue(kind(h2, Types.OTHER, "INTERVAL DAY TO SECOND").keyRefusal().isPresent());
    assertEquals(Optional.empty(), h2.columnKind(new ColumnType(Types.OTHER, "INTERVAL HOUR TO SECOND", 0, 0)));
  }

  @Test
  void pairsAreComparedOnlyWhereTheyAreExactlyEquivalent() {
    ColumnKind pgText = kind(postgres, Types.VARCHAR, "text");
    ColumnKind json = kind(postgres, Types.OTHER, "json");
    ColumnKind jsonb = kind(postgres, Types.OTHER, "jsonb");
    ColumnKind clob = kind(oracle, Types.CLOB, "CLOB");
    ColumnKind oraJson = kind(oracle, Types.OTHER, "JSON");
    ColumnKind inet = kind(postgres, Types.OTHER, "inet");
    ColumnKind pgInterval = kind(postgres, Types.OTHER, "interval");
    ColumnKind ds = kind(oracle, Types.OTHER, "INTERVAL DAY(2) TO SECOND(6)");
    ColumnKind ym = kind(oracle, Types.OTHER, "INTERVAL YEAR(2) TO MONTH");
    ColumnKind h2Ds = kind(h2, Types.OTHER, "INTERVAL DAY TO SECOND");
    ColumnKind uuid = kind(postgres, Types.OTHER, "uuid");
    ColumnKind raw = kind(oracle, Types.VARBINARY, "RAW");
    // exact: json as stored = text; uuid = RAW(16) bytes; PostgreSQL interval = either Oracle class
    assertEquals(Optional.empty(), TypePairs.refusal(json, clob));
    assertEquals(Optional.empty(), TypePairs.refusal(json, pgText));
    assertEquals(Optional.empty(), TypePairs.refusal(uuid, raw));
    assertEquals(Optional.empty(), TypePairs.refusal(pgInterval, ds));
    assertEquals(Optional.empty(), TypePairs.refusal(ym, pgInterval));
    assertEquals(Optional.empty(), TypePairs.refusal(h2Ds, ds));
    assertEquals(Optional.empty(), TypePairs.refusal(jsonb, jsonb));
    // refused: normalized or many-to-one texts against other text, and the two interval classes
    assertEquals(Optional.of("values of jsonb and of text have no exact equivalence"), TypePairs.refusal(jsonb, clob));
    assertTrue(TypePairs.refusal(jsonb, oraJson).isPresent());
    assertTrue(TypePairs.refusal(json, oraJson).isPresent());
    assertTrue(TypePairs.refusal(inet, pgText).isPresent());
    assertEquals(Optional.of("a year-to-month interval never equals a day-to-second interval"),
        TypePairs.refusal(ym, ds));
  }

  // ----- interval texts -----

  @Test
  void postgresIntervalOutputIsReadFieldByField() {
    assertEquals(iv(14, -3, "129600.5"), PostgresIntervalText.parse("1 year 2 mons -3 days +36:00:00.5"));
    assertEquals(iv(0, -1, "3600"), PostgresIntervalText.parse("-1 days +01:00:00"));
    assertEquals(iv(0, 0, "0"), PostgresIntervalText.parse("00:00:00"));
    assertEquals(iv(-14, 3, "-0.000001"), PostgresIntervalText.parse("-1 years -2 mons +3 days -00:00:00.000001"));
    assertEquals(iv(2_136_000_000L, 0, "0"), PostgresIntervalText.parse("178000000 years"));
    assertEquals(iv(0, 0, "7200000000000"), PostgresIntervalText.parse("2000000000:00:00"));
    assertEquals(iv(1, 1, "0"), PostgresIntervalText.parse("1 mon 1 day"));
    assertThrows(IllegalArgumentException.class, () -> PostgresIntervalText.parse("P1Y"));
    assertThrows(IllegalArgumentException.class, () -> PostgresIntervalText.parse("1 week"));
  }

  @Test
  void sqlStandardIntervalTexts() {
    assertEquals("1 12:00:00.500000000", IntervalTexts.daySecond(iv(0, 1, "43200.5"), "INTERVAL DAY TO SECOND"));
    assertEquals("-1 12:00:00.500000000", IntervalTexts.daySecond(iv(0, -1, "-43200.5"), "X"));
    assertEquals("-0 00:00:00.000000001", IntervalTexts.daySecond(iv(0, 0, "-0.000000001"), "X"));
    assertEquals("999999999 23:59:59.999999999", IntervalTexts.daySecond(iv(0, 999_999_999, "86399.999999999"), "X"));
    assertEquals("-1-2", IntervalTexts.yearMonth(iv(-14, 0, "0"), "X"));
    assertEquals("0-0", IntervalTexts.yearMonth(iv(0, 0, "0"), "X"));
    // PostgreSQL values with parts the class cannot hold
    for (Interval v : List.of(iv(1, 0, "0"), iv(0, 1, "-3600"), iv(0, 0, "86400"))) {
      CompareException e = assertThrows(CompareException.class, () -> IntervalTexts.daySecond(v,
          "INTERVAL DAY(2) TO SECOND(6)"));
      assertTrue(e.getMessage().contains("the interval " + v.text() + " cannot be written to an INTERVAL DAY(2) TO"
          + " SECOND(6) column"), e.getMessage());
    }
    assertThrows(CompareException.class, () -> IntervalTexts.yearMonth(iv(1, 1, "0"), "INTERVAL YEAR TO MONTH"));
    // driver values: Duration of a day-to-second interval, Period of a year-to-month one
    assertEquals(iv(0, -1, "-43200.5"), IntervalTexts.ofDuration(Duration.ofHours(-36).minusMillis(500)));
    assertEquals(iv(0, 0, "-0.5"), IntervalTexts.ofDuration(Duration.ofMillis(-500)));
    assertEquals(iv(-14, 0, "0"), IntervalTexts.ofPeriod(Period.of(-1, -2, 0)));
  }

  /** ojdbc's own interval classes, built from Oracle's text, convert exactly (the reader's path). */
  @Test
  void oracleDriverIntervalsConvertExactly() throws Exception {
    assertEquals(iv(0, 1, "43200.123456789"), OracleTypes.interval(new oracle.sql.INTERVALDS("1 12:0:0.123456789")));
    assertEquals(iv(0, -3, "-1"), OracleTypes.interval(new oracle.sql.INTERVALDS("-3 0:0:1.0")));
    assertEquals(iv(26, 0, "0"), OracleTypes.interval(new oracle.sql.INTERVALYM("2-2")));
    assertEquals(iv(-26, 0, "0"), OracleTypes.interval(new oracle.sql.INTERVALYM("-2-2")));
    assertThrows(java.sql.SQLException.class, () -> OracleTypes.interval("not an interval"));
  }

  // ----- literals, parameters and guards -----

  @Test
  void postgresLiteralsParametersAndGuards() {
    SqlScript s = new SqlScript();
    assertEquals("'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid", postgres.literal(ValueKind.BYTES, UUID_BYTES, "uuid", s));
    assertEquals("'\\xa0eebc999c0b4ef8bb6d6bb9bd380a11'::bytea", postgres.literal(ValueKind.BYTES, UUID_BYTES, "bytea", s));
    assertEquals("'NaN'::numeric", postgres.literal(ValueKind.NUMBER, SpecialNumber.NAN, "numeric", s));
    assertEquals("'-Infinity'::numeric", postgres.literal(ValueKind.NUMBER, SpecialNumber.NEGATIVE_INFINITY, "numeric", s));
    assertEquals("TIMESTAMP 'infinity'", postgres.literal(ValueKind.DATETIME, LocalDateTime.MAX, "timestamp", s));
    assertEquals("DATE '-infinity'", postgres.literal(ValueKind.DATETIME, LocalDateTime.MIN, "date", s));
    assertEquals("TIMESTAMPTZ 'infinity'", postgres.literal(ValueKind.DATETIME_TZ, OffsetDateTime.MAX, "timestamptz", s));
    assertEquals("INTERVAL 'P14M-3DT129600.5S'", postgres.literal(ValueKind.INTERVAL, iv(14, -3, "129600.5"), "interval", s));
    assertEquals("'{\"a\": 1}'", postgres.literal(ValueKind.TEXT, "{\"a\": 1}", "jsonb", s));

    assertEquals(new BoundValue("?", List.of(new Bind(Bind.Binding.UUID,
        java.util.UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")))), postgres.boundValue(ValueKind.BYTES,
        UUID_BYTES, "uuid"));
    assertEquals(new BoundValue("CAST(? AS numeric)", List.of(new Bind(Bind.Binding.STRING, "NaN"))),
        postgres.boundValue(ValueKind.NUMBER, SpecialNumber.NAN, "numeric"));
    assertEquals(BoundValue.literal("TIMESTAMP 'infinity'"), postgres.boundValue(ValueKind.DATETIME, LocalDateTime.MAX,
        "timestamp"));
    assertEquals(new BoundValue("CAST(? AS interval)", List.of(new Bind(Bind.Binding.STRING, "P0M1DT0S"))),
        postgres.boundValue(ValueKind.INTERVAL, iv(0, 1, "0"), "interval"));
    assertEquals(new BoundValue("?", List.of(new Bind(Bind.Binding.UNTYPED_STRING, "10.0.0.1"))),
        postgres.boundValue(ValueKind.TEXT, "10.0.0.1", "inet"));
    assertEquals(new BoundValue("?", List.of(new Bind(Bind.Binding.STRING, "x"))),
        postgres.boundValue(ValueKind.TEXT, "x", "varchar"));

    // guards compare the printed text where the type's own equality is looser ('1 day' = '24:00:00')
    assertEquals("\"iv\"::text = (INTERVAL 'P0M1DT0S')::text", postgres.guardCondition("\"iv\"", ValueKind.INTERVAL,
        "interval", "INTERVAL 'P0M1DT0S'", false));
    assertEquals("\"j\" IS NOT NULL AND CASE WHEN \"j\" IS NOT NULL THEN format('%s', \"j\") END = '{}'",
        postgres.guardCondition("\"j\"", ValueKind.TEXT, "jsonb", "'{}'", false));
    assertEquals("\"v\" = 'x'", postgres.guardCondition("\"v\"", ValueKind.TEXT, "varchar", "'x'", false));
    assertEquals("\"u\" = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid", postgres.guardCondition("\"u\"",
        ValueKind.BYTES, "uuid", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid", false));
    assertEquals("CAST(encode(?, 'hex') AS uuid)", postgres.keyPlaceholder(ValueKind.BYTES, "uuid",
        io.dbcompare.compare.KeyColumnOrder.Rendering.PLAIN, UUID_BYTES));
    assertEquals("CAST(? AS numeric)", postgres.keyPlaceholder(ValueKind.NUMBER, "numeric",
        io.dbcompare.compare.KeyColumnOrder.Rendering.PLAIN, SpecialNumber.NAN));
    CompareException e = assertThrows(CompareException.class, () -> postgres.literal(ValueKind.BYTES, new byte[15],
        "uuid", s));
    assertTrue(e.getMessage().contains("15 bytes cannot be written to a uuid column"), e.getMessage());
  }

  /** Oracle's literals, parameters and guards as golden text (no Oracle runs here; the Oracle suite runs them). */
  @Test
  void oracleLiteralsParametersAndGuards() {
    SqlScript s = new SqlScript();
    assertEquals("TO_DSINTERVAL('-1 12:00:00.500000000')", oracle.literal(ValueKind.INTERVAL, iv(0, -1, "-43200.5"),
        "INTERVAL DAY(2) TO SECOND(6)", s));
    assertEquals("TO_YMINTERVAL('1-2')", oracle.literal(ValueKind.INTERVAL, iv(14, 0, "0"), "INTERVAL YEAR(2) TO MONTH", s));
    assertEquals("XMLTYPE(TO_CLOB('<a>x</a>'))", oracle.literal(ValueKind.TEXT, "<a>x</a>", "XMLTYPE", s));
    assertEquals("JSON(TO_CLOB('{\"a\":1}'))", oracle.literal(ValueKind.TEXT, "{\"a\":1}", "JSON", s));
    assertEquals("'AAAR3sAAEAAAACXAAA'", oracle.literal(ValueKind.TEXT, "AAAR3sAAEAAAACXAAA", "ROWID", s));
    assertEquals("'long text'", oracle.literal(ValueKind.TEXT, "long text", "LONG", s));
    assertEquals("HEXTORAW('0aff')", oracle.literal(ValueKind.BYTES, new byte[] {10, -1}, "LONG RAW", s));
    assertEquals("HEXTORAW('a0eebc999c0b4ef8bb6d6bb9bd380a11')", oracle.literal(ValueKind.BYTES, UUID_BYTES, "RAW", s));
    assertEquals("TO_TIMESTAMP_TZ('2024-02-29 23:59:59.500000000 +00:00', 'YYYY-MM-DD HH24:MI:SS.FF9 TZH:TZM')",
        oracle.literal(ValueKind.DATETIME_TZ, OffsetDateTime.parse("2024-02-29T23:59:59.5Z"),
            "TIMESTAMP(6) WITH LOCAL TIME ZONE", s));

    assertEquals(new BoundValue("TO_DSINTERVAL(?)", List.of(new Bind(Bind.Binding.STRING, "0 00:00:01.000000000"))),
        oracle.boundValue(ValueKind.INTERVAL, iv(0, 0, "1"), "INTERVAL DAY(2) TO SECOND(6)"));
    assertEquals(new BoundValue("XMLTYPE(?)", List.of(new Bind(Bind.Binding.CLOB, "<a/>"))),
        oracle.boundValue(ValueKind.TEXT, "<a/>", "XMLTYPE"));
    assertEquals(new BoundValue("JSON(?)", List.of(new Bind(Bind.Binding.CLOB, "[]"))),
        oracle.boundValue(ValueKind.TEXT, "[]", "JSON"));

    assertEquals("DBMS_LOB.COMPARE(XMLSERIALIZE(CONTENT \"X\" AS CLOB NO INDENT), TO_CLOB('<a/>')) = 0",
        oracle.guardCondition("\"X\"", ValueKind.TEXT, "XMLTYPE", "XMLTYPE(TO_CLOB('<a/>'))", false));
    assertEquals("DBMS_LOB.COMPARE(JSON_SERIALIZE(\"J\" RETURNING CLOB), ?) = 0",
        oracle.boundGuard("\"J\"", ValueKind.TEXT, "JSON", "[]", false).sql());
    assertEquals("CAST(\"R\" AS VARCHAR2(4000)) = 'AAAR3sAAEAAAACXAAA'",
        oracle.guardCondition("\"R\"", ValueKind.TEXT, "UROWID", "'AAAR3sAAEAAAACXAAA'", false));
    assertEquals("CAST(\"T\" AS TIMESTAMP(9) WITH TIME ZONE) = ?",
        oracle.boundGuard("\"T\"", ValueKind.DATETIME_TZ, "TIMESTAMP(6) WITH LOCAL TIME ZONE",
            OffsetDateTime.parse("2024-02-29T23:59:59.5Z"), false).sql());
    assertEquals("\"I\" = TO_YMINTERVAL('1-2')", oracle.guardCondition("\"I\"", ValueKind.INTERVAL,
        "INTERVAL YEAR(2) TO MONTH", "TO_YMINTERVAL('1-2')", false));
    assertFalse(oracle.canGuard(ValueKind.TEXT, "LONG"));
    assertFalse(oracle.canGuard(ValueKind.BYTES, "LONG RAW"));
    assertTrue(oracle.canGuard(ValueKind.TEXT, "CLOB"));

    assertEquals("XMLSERIALIZE(CONTENT \"X\" AS CLOB NO INDENT)", oracle.selectExpression("\"X\"", ValueKind.TEXT, "XMLTYPE"));
    assertEquals("JSON_SERIALIZE(\"J\" RETURNING CLOB)", oracle.selectExpression("\"J\"", ValueKind.TEXT, "JSON"));
    assertEquals("CAST(\"R\" AS VARCHAR2(4000))", oracle.selectExpression("\"R\"", ValueKind.TEXT, "ROWID"));
    assertEquals("CAST(\"T\" AS TIMESTAMP(9) WITH TIME ZONE)", oracle.selectExpression("\"T\"", ValueKind.DATETIME_TZ,
        "TIMESTAMP(6) WITH LOCAL TIME ZONE"));
    assertEquals("\"L\"", oracle.selectExpression("\"L\"", ValueKind.TEXT, "LONG"));
  }

  @Test
  void h2LiteralsAndParameters() {
    SqlScript s = new SqlScript();
    assertEquals("UUID 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", h2.literal(ValueKind.BYTES, UUID_BYTES, "UUID", s));
    assertEquals("INTERVAL '-1 12:00:00.500000000' DAY TO SECOND", h2.literal(ValueKind.INTERVAL, iv(0, -1, "-43200.5"),
        "INTERVAL DAY TO SECOND", s));
    assertEquals("INTERVAL '1-2' YEAR TO MONTH", h2.literal(ValueKind.INTERVAL, iv(14, 0, "0"), "INTERVAL YEAR TO MONTH", s));
    assertEquals(new BoundValue("CAST(? AS INTERVAL YEAR(18) TO MONTH)", List.of(new Bind(Bind.Binding.STRING, "1-2"))),
        h2.boundValue(ValueKind.INTERVAL, iv(14, 0, "0"), "INTERVAL YEAR TO MONTH"));
  }

  /** PostgreSQL-only values have no literal or parameter elsewhere: the sync fails naming them. */
  @Test
  void valuesOnlyPostgresHoldsAreRefusedElsewhere() {
    for (Dialect d : List.of(oracle, h2)) {
      for (Object[] kv : List.<Object[]>of(new Object[] {ValueKind.NUMBER, SpecialNumber.NAN, "NUMBER"},
          new Object[] {ValueKind.DATETIME, LocalDateTime.MAX, "TIMESTAMP"},
          new Object[] {ValueKind.DATETIME_TZ, OffsetDateTime.MIN, "TIMESTAMP WITH TIME ZONE"})) {
        CompareException e = assertThrows(CompareException.class,
            () -> d.literal((ValueKind) kv[0], kv[1], (String) kv[2], new SqlScript()));
        assertTrue(e.getMessage().contains("has no equal in this target database"), e.getMessage());
        assertThrows(CompareException.class, () -> d.boundValue((ValueKind) kv[0], kv[1], (String) kv[2]));
      }
    }
    CompareException e = assertThrows(CompareException.class, () -> oracle.literal(ValueKind.INTERVAL,
        iv(1, 2, "0"), "INTERVAL DAY(2) TO SECOND(6)", new SqlScript()));
    assertTrue(e.getMessage().contains("P1M2DT0S cannot be written"), e.getMessage());
  }
}
