package io.dbcompare.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ArrayValue;
import io.dbcompare.compare.SpecialNumber;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.error.CompareException;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL arrays, H2 arrays and H2 JSON in the dialects: kinds, families and key refusals, pairs, the
 * exact text of literals, parameters and guards, and the reading of PostgreSQL's array output.
 */
class ArrayAndH2JsonDialectTest {
  final PostgresDialect postgres = new PostgresDialect();
  final H2Dialect h2 = new H2Dialect();
  final OracleDialect oracle = new OracleDialect();

  private static final byte[] UUID_BYTES = {(byte) 0xa0, (byte) 0xee, (byte) 0xbc, (byte) 0x99, (byte) 0x9c, 0x0b, 0x4e,
      (byte) 0xf8, (byte) 0xbb, 0x6d, 0x6b, (byte) 0xb9, (byte) 0xbd, 0x38, 0x0a, 0x11};

  private static Optional<ColumnKind> kind(Dialect d, int jdbc, String name) {
    return d.columnKind(new ColumnType(jdbc, name, 0, 0));
  }

  private static ArrayValue arr(ValueKind kind, Object... elements) {
    return ArrayValue.of(kind, Arrays.asList(elements));
  }

  private static final ArrayValue TEXTS = arr(ValueKind.TEXT, "a,b", "q\"x", "back\\slash", "{br}", "NULL", null,
      " sp ", "", "it's", "é😀");

  // ----- kinds, families, keys, pairs -----

  @Test
  void arraysOfSupportedElementsAreArraysAndNeverKeys() {
    for (String t : List.of("_int2", "_int4", "_int8", "_numeric", "_text", "_varchar", "_bpchar", "_bool", "_date",
        "_timestamp", "_timestamptz", "_uuid", "_bytea")) {
      ColumnKind k = kind(postgres, Types.ARRAY, t).orElseThrow(() -> new AssertionError(t));
      assertEquals(ValueKind.ARRAY, k.kind(), t);
      assertTrue(k.notAKey().contains("never a key"), t);
    }
    for (String t : List.of("_float8", "_json", "_interval", "_mood", "_inet")) {
      assertEquals(Optional.empty(), kind(postgres, Types.ARRAY, t), t);
    }
    // a domain over an array is reported with its base type's name
    assertEquals(ValueKind.ARRAY, kind(postgres, Types.OTHER, "_int4").orElseThrow().kind());
    for (String t : List.of("INTEGER ARRAY", "CHARACTER VARYING(10) ARRAY", "NUMERIC(10, 2) ARRAY",
        "TIMESTAMP(9) WITH TIME ZONE ARRAY", "UUID ARRAY", "BINARY VARYING(4) ARRAY[3]", "DATE ARRAY")) {
      ColumnKind k = kind(h2, Types.ARRAY, t).orElseThrow(() -> new AssertionError(t));
      assertEquals(ValueKind.ARRAY, k.kind(), t);
      assertTrue(k.keyRefusal().isPresent(), t);
    }
    assertEquals(Optional.empty(), kind(h2, Types.ARRAY, "INTEGER ARRAY ARRAY"));
    assertEquals(Optional.empty(), kind(h2, Types.ARRAY, "JSON ARRAY"));
  }

  @Test
  void arraysPairByTheirElementsFamily() {
    ColumnKind pgInt = kind(postgres, Types.ARRAY, "_int4").orElseThrow();
    assertEquals(Optional.empty(), TypePairs.refusal(pgInt, kind(h2, Types.ARRAY, "NUMERIC(10, 2) ARRAY").orElseThrow()));
    assertEquals(Optional.empty(), TypePairs.refusal(kind(postgres, Types.ARRAY, "_uuid").orElseThrow(),
        kind(h2, Types.ARRAY, "UUID ARRAY").orElseThrow()));
    assertEquals("values of array of number and of array of text have no exact equivalence",
        TypePairs.refusal(pgInt, kind(postgres, Types.ARRAY, "_text").orElseThrow()).orElseThrow());
    assertTrue(TypePairs.refusal(kind(postgres, Types.ARRAY, "_timestamp").orElseThrow(),
        kind(postgres, Types.ARRAY, "_timestamptz").orElseThrow()).isPresent());
    // Oracle has no array type: nothing of Oracle's is of the ARRAY kind, so the resolver refuses the pair by kind
    for (String t : List.of("NUMBER", "VARCHAR2", "RAW", "BLOB", "CLOB", "JSON")) {
      kind(oracle, Types.OTHER, t).ifPresent(k -> assertTrue(k.kind() != ValueKind.ARRAY, t));
    }
  }

  @Test
  void h2JsonIsComparedOnlyWithH2Json() {
    ColumnKind json = kind(h2, Types.OTHER, "JSON").orElseThrow();
    assertEquals(ValueKind.TEXT, json.kind());
    assertTrue(json.keyRefusal().isPresent());
    assertEquals(Optional.empty(), TypePairs.refusal(json, json));
    for (ColumnKind other : List.of(kind(postgres, Types.OTHER, "json").orElseThrow(),
        kind(postgres, Types.OTHER, "jsonb").orElseThrow(), kind(h2, Types.VARCHAR, "CHARACTER VARYING").orElseThrow())) {
      String why = TypePairs.refusal(json, other).orElseThrow();
      assertTrue(why.contains("H2 stores JSON in its own normalized spelling"), why);
      assertEquals(why, TypePairs.refusal(other, json).orElseThrow());
    }
  }

  // ----- PostgreSQL literals, parameters, guards (golden text) -----

  @Test
  void postgresLiteralsQuoteEveryElement() {
    assertEquals("'{\"a,b\",\"q\\\"x\",\"back\\\\slash\",\"{br}\",\"NULL\",NULL,\" sp \",\"\",\"it''s\",\"é😀\"}'::text[]",
        postgres.literal(ValueKind.ARRAY, TEXTS, "_text", new SqlScript()));
    assertEquals("'{}'::int4[]", postgres.literal(ValueKind.ARRAY, arr(ValueKind.NUMBER), "_int4", new SqlScript()));
    assertEquals("'{NULL}'::int4[]", postgres.literal(ValueKind.ARRAY, arr(ValueKind.NUMBER, (Object) null), "_int4",
        new SqlScript()));
    assertEquals("'[0:1][-1:-1]={{\"1.50\"},{\"NaN\"}}'::numeric[]", postgres.literal(ValueKind.ARRAY,
        new ArrayValue(ValueKind.NUMBER, new int[] {0, -1}, new int[] {2, 1},
            List.of(new BigDecimal("1.50"), SpecialNumber.NAN)), "_numeric", new SqlScript()));
    assertEquals("'{\"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\"}'::uuid[]",
        postgres.literal(ValueKind.ARRAY, arr(ValueKind.BYTES, (Object) UUID_BYTES), "_uuid", new SqlScript()));
    assertEquals("'{\"\\\\x00ff\"}'::bytea[]",
        postgres.literal(ValueKind.ARRAY, arr(ValueKind.BYTES, (Object) new byte[] {0, (byte) 0xff}), "_bytea",
            new SqlScript()));
    assertEquals("'{\"2024-02-29\",\"infinity\"}'::date[]", postgres.literal(ValueKind.ARRAY,
        arr(ValueKind.DATETIME, LocalDateTime.of(2024, 2, 29, 0, 0), LocalDateTime.MAX), "_date", new SqlScript()));
    assertEquals("'{\"2024-01-01 10:00:00.123456000+02:00\"}'::timestamptz[]", postgres.literal(ValueKind.ARRAY,
        arr(ValueKind.DATETIME_TZ, OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 123_456_000, ZoneOffset.ofHours(2))),
        "_timestamptz", new SqlScript()));
    assertEquals("'{\"t\",\"f\",NULL}'::bool[]", postgres.literal(ValueKind.ARRAY,
        arr(ValueKind.BOOLEAN, true, false, null), "_bool", new SqlScript()));
  }

  @Test
  void postgresParametersAndGuardsCastTheArrayText() {
    ArrayValue a = arr(ValueKind.NUMBER, BigDecimal.ONE, null);
    assertEquals(new BoundValue("CAST(? AS int4[])", List.of(new Bind(Bind.Binding.STRING, "{\"1\",NULL}"))),
        postgres.boundValue(ValueKind.ARRAY, a, "_int4"));
    assertEquals("\"c\" = '{\"1\",NULL}'::int4[]", postgres.guardCondition("\"c\"", ValueKind.ARRAY, "_int4",
        postgres.literal(ValueKind.ARRAY, a, "_int4", new SqlScript()), false));
    assertEquals(new BoundValue("\"c\" = CAST(? AS int4[])", List.of(new Bind(Bind.Binding.STRING, "{\"1\",NULL}"))),
        postgres.boundGuard("\"c\"", ValueKind.ARRAY, "_int4", a, false));
    assertEquals("\"c\" IS NULL", postgres.guardCondition("\"c\"", ValueKind.ARRAY, "_int4", null, false));
    assertEquals("\"c\"::text", postgres.selectExpression("\"c\"", ValueKind.ARRAY, "_int4"));
  }

  // ----- H2 literals, parameters, guards -----

  @Test
  void h2ArraysAreArrayConstructorsOfTheElementsLiterals() {
    assertEquals("ARRAY['a,b', 'q\"x', 'back\\slash', '{br}', 'NULL', NULL, ' sp ', '', 'it''s', 'é😀']",
        h2.literal(ValueKind.ARRAY, TEXTS, "CHARACTER VARYING(20) ARRAY", new SqlScript()));
    assertEquals("ARRAY[]", h2.literal(ValueKind.ARRAY, arr(ValueKind.NUMBER), "INTEGER ARRAY", new SqlScript()));
    assertEquals("ARRAY[UUID 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', NULL]", h2.literal(ValueKind.ARRAY,
        arr(ValueKind.BYTES, UUID_BYTES, null), "UUID ARRAY", new SqlScript()));
    assertEquals("ARRAY[X'00ff']", h2.literal(ValueKind.ARRAY, arr(ValueKind.BYTES, (Object) new byte[] {0, (byte) 0xff}),
        "BINARY VARYING(4) ARRAY", new SqlScript()));
    ArrayValue a = arr(ValueKind.NUMBER, BigDecimal.ONE, null);
    assertEquals(BoundValue.literal("ARRAY[1, NULL]"), h2.boundValue(ValueKind.ARRAY, a, "INTEGER ARRAY"));
    assertEquals("\"C\" IS NOT DISTINCT FROM ARRAY[1, NULL]", h2.guardCondition("\"C\"", ValueKind.ARRAY,
        "INTEGER ARRAY", "ARRAY[1, NULL]", false));
    assertEquals("\"C\" IS NULL", h2.guardCondition("\"C\"", ValueKind.ARRAY, "INTEGER ARRAY", null, false));
  }

  @Test
  void h2RefusesArraysItCannotHoldNamingTheValue() {
    ArrayValue twoD = new ArrayValue(ValueKind.NUMBER, new int[] {1, 1}, new int[] {1, 2},
        List.of(BigDecimal.ONE, BigDecimal.TEN));
    ArrayValue fromZero = new ArrayValue(ValueKind.NUMBER, new int[] {0}, new int[] {1}, List.of(BigDecimal.ONE));
    for (ArrayValue a : List.of(twoD, fromZero)) {
      CompareException e = assertThrows(CompareException.class,
          () -> h2.literal(ValueKind.ARRAY, a, "INTEGER ARRAY", new SqlScript()));
      assertTrue(e.getMessage().contains(a.text()) && e.getMessage().contains("H2 array"), e.getMessage());
      assertThrows(CompareException.class, () -> h2.boundValue(ValueKind.ARRAY, a, "INTEGER ARRAY"));
    }
    CompareException nan = assertThrows(CompareException.class, () -> h2.literal(ValueKind.ARRAY,
        arr(ValueKind.NUMBER, SpecialNumber.NAN), "NUMERIC ARRAY", new SqlScript()));
    assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
  }

  @Test
  void h2JsonIsWrittenAsJson() {
    String v = "{\"a\":\"it's\",\"b\":1.0}";
    assertEquals("JSON '{\"a\":\"it''s\",\"b\":1.0}'", h2.literal(ValueKind.TEXT, v, "JSON", new SqlScript()));
    assertEquals(BoundValue.of("? FORMAT JSON", new Bind(Bind.Binding.STRING, v)),
        h2.boundValue(ValueKind.TEXT, v, "JSON"));
    assertEquals("\"J\" = JSON '{\"a\":\"it''s\",\"b\":1.0}'", h2.guardCondition("\"J\"", ValueKind.TEXT, "JSON",
        h2.literal(ValueKind.TEXT, v, "JSON", new SqlScript()), false));
  }

  // ----- reading PostgreSQL's array output -----

  private static ArrayValue parse(String text, String type) {
    String element = PostgresArrays.elementType(type);
    ValueKind kind = PostgresArrays.ELEMENTS.get(element);
    return PostgresArrayText.parse(text, kind, t -> PostgresArrays.element(element, kind, t));
  }

  @Test
  void postgresArrayTextIsReadWithItsShape() {
    assertEquals(TEXTS.text(), parse("{\"a,b\",\"q\\\"x\",\"back\\\\slash\",\"{br}\",\"NULL\",NULL,\" sp \",\"\","
        + "it's,é😀}", "_text").text());
    assertEquals(Arrays.asList("NULL", null, "null", null), parse("{\"NULL\",NULL,\"null\",null}", "_text").elements());
    ArrayValue lb = parse("[-2:-1][5:6]={{1,2},{3,NULL}}", "_int4");
    assertEquals("[-2:-1][5:6]={{1,2},{3,NULL}}", lb.text());
    assertEquals(2, lb.dimensions());
    assertEquals(0, parse("{}", "_int4").dimensions());
    assertEquals("{{{1},{2}}}", parse("{{{1},{2}}}", "_int8").text());
    assertEquals(new BigDecimal("1.50"), parse("{1.50,NaN}", "_numeric").elements().get(0));
    assertEquals(SpecialNumber.NAN, parse("{1.50,NaN}", "_numeric").elements().get(1));
    assertEquals(Arrays.asList(true, false, null), parse("{t,f,NULL}", "_bool").elements());
    assertEquals("{a0eebc999c0b4ef8bb6d6bb9bd380a11}", parse("{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", "_uuid").text());
    assertEquals("{00ff,\"\"}", parse("{\"\\\\x00ff\",\"\\\\x\"}", "_bytea").text());
  }

  @Test
  void postgresDateTimeElementsAreReadExactly() {
    assertEquals(Arrays.asList(LocalDateTime.of(2024, 2, 29, 0, 0), LocalDateTime.of(-43, 3, 15, 0, 0),
        LocalDateTime.MAX, LocalDateTime.MIN), parse("{2024-02-29,\"0044-03-15 BC\",infinity,-infinity}", "_date")
        .elements());
    assertEquals(Arrays.asList(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000), LocalDateTime.of(10000, 1, 1, 0, 0),
        LocalDateTime.of(0, 1, 1, 0, 0, 0, 500_000_000)),
        parse("{\"2024-01-02 03:04:05.123456\",\"10000-01-01 00:00:00\",\"0001-01-01 00:00:00.5 BC\"}", "_timestamp")
            .elements());
    assertEquals(Arrays.asList(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC),
        OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutesSeconds(5, 30, 15)), OffsetDateTime.MAX),
        parse("{\"2024-01-02 03:04:05+00\",\"2024-01-02 03:04:05+05:30:15\",infinity}", "_timestamptz").elements());
  }

  @Test
  void malformedArrayTextFailsNamingIt() {
    for (String bad : List.of("{1,2", "{{1},{2,3}}", "{1,{2}}", "[0:2]={1,2}", "[0:1]{1,2}", "{1,,2}", "{1}x", "1,2")) {
      CompareException e = assertThrows(CompareException.class, () -> parse(bad, "_int4"), bad);
      assertTrue(e.getMessage().contains("array output form"), e.getMessage());
    }
    CompareException e = assertThrows(CompareException.class, () -> parse("{\"2024-01-02T03:04:05\"}", "_timestamp"));
    assertTrue(e.getMessage().contains("timestamp array"), e.getMessage());
    assertThrows(CompareException.class, () -> parse("{\"\\\\001\"}", "_bytea"));
    assertThrows(CompareException.class, () -> parse("{x}", "_bool"));
  }
}
