package io.dbcompare.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.KeyColumnOrder.Rendering;
import io.dbcompare.compare.ReadPoint;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Table references with a read point and a sample, and key placeholders, per platform. */
class ReadPointAndSamplingTest {
  static final TableRef T = new TableRef("HR", "T");
  static final ReadPoint SCN = ReadPoint.scn(BigInteger.valueOf(987654321));
  static final TableSample SAMPLE = new TableSample(new BigDecimal("0.5"), 42);

  /** Flashback clause after the sample clause and before the alias; the SCN is bound. */
  @Test
  void oracleReadsAtAnScn() {
    Dialect o = Dialects.of(Platform.ORACLE);
    List<Object> binds = new ArrayList<>();
    assertEquals("\"HR\".\"T\" SAMPLE BLOCK (0.5) SEED (42) AS OF SCN ? CMP_T", o.tableReference(T, SAMPLE, SCN, "CMP_T", binds));
    assertEquals(List.of(new BigDecimal(987654321)), binds);
    binds.clear();
    assertEquals("\"HR\".\"T\"", o.tableReference(T, null, ReadPoint.NONE, null, binds));
    assertTrue(binds.isEmpty());
  }

  @Test
  void otherPlatformsRefuseAnScnClearly() {
    for (Platform p : List.of(Platform.POSTGRESQL, Platform.H2)) {
      CompareException e = assertThrows(CompareException.class,
          () -> Dialects.of(p).tableReference(T, null, SCN, null, new ArrayList<>()));
      assertEquals(ErrorCode.CONFIG, e.code());
      assertTrue(e.getMessage().contains("reading at SCN 987654321 needs Oracle flashback query"), e.getMessage());
    }
  }

  @Test
  void postgresSamplesPagesWithTheAliasFirst() {
    Dialect pg = Dialects.of(Platform.POSTGRESQL);
    assertEquals("\"HR\".\"T\" x TABLESAMPLE SYSTEM (0.5) REPEATABLE (42)", pg.tableReference(T, SAMPLE, ReadPoint.NONE, "x",
        new ArrayList<>()));
    assertFalse(Dialects.of(Platform.H2).supportsSampling());
  }

  @Test
  void seedAndPercentStayInOraclesRanges() {
    assertThrows(IllegalArgumentException.class, () -> new TableSample(BigDecimal.valueOf(100), 1));
    assertThrows(IllegalArgumentException.class, () -> new TableSample(BigDecimal.ZERO, 1));
    assertThrows(IllegalArgumentException.class, () -> new TableSample(BigDecimal.ONE, 4_294_967_296L));
    assertThrows(IllegalArgumentException.class, () -> ReadPoint.scn(BigInteger.valueOf(-1)));
  }

  /** Item 1: a whole-second value against a DATE column is cast to DATE; anything else stays a plain bind. */
  @Test
  void oracleCastsWholeSecondBindsForDateColumnsOnly() {
    Dialect o = Dialects.of(Platform.ORACLE);
    LocalDateTime whole = LocalDateTime.of(2024, 1, 2, 3, 4, 5);
    assertEquals("CAST(? AS DATE)", o.keyPlaceholder(ValueKind.DATETIME, "DATE", Rendering.PLAIN, whole));
    assertEquals("CAST(? AS DATE)", o.keyPlaceholder(ValueKind.DATETIME, "date", Rendering.PLAIN, whole));
    assertEquals("?", o.keyPlaceholder(ValueKind.DATETIME, "DATE", Rendering.PLAIN, whole.withNano(1)),
        "a fraction would be rounded or cut by the cast: compared exactly as a TIMESTAMP instead");
    assertEquals("?", o.keyPlaceholder(ValueKind.DATETIME, "TIMESTAMP(6)", Rendering.PLAIN, whole));
    assertEquals("?", o.keyPlaceholder(ValueKind.NUMBER, "NUMBER", Rendering.PLAIN, BigDecimal.ONE));
    assertEquals("?", Dialects.of(Platform.POSTGRESQL).keyPlaceholder(ValueKind.DATETIME, "DATE", Rendering.PLAIN, whole));
    assertEquals("STRINGTOUTF8(?)", Dialects.of(Platform.H2).keyPlaceholder(ValueKind.TEXT, "VARCHAR", Rendering.UTF8_BYTES, "a"));
  }

  @Test
  void keyRenderings() {
    assertEquals("\"K\" COLLATE BINARY", Dialects.of(Platform.ORACLE).keyExpression("\"K\"", ValueKind.TEXT, Rendering.BINARY_COLLATION));
    assertEquals("STRINGTOUTF8(\"K\")", Dialects.of(Platform.H2).keyExpression("\"K\"", ValueKind.TEXT, Rendering.UTF8_BYTES));
    assertEquals("\"k\" COLLATE \"C\"", Dialects.of(Platform.POSTGRESQL).keyExpression("\"k\"", ValueKind.TEXT, Rendering.PLAIN));
    assertThrows(IllegalStateException.class,
        () -> Dialects.of(Platform.POSTGRESQL).keyExpression("\"k\"", ValueKind.TEXT, Rendering.BINARY_COLLATION));
  }
}
