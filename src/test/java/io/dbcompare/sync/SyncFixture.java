package io.dbcompare.sync;

import io.dbcompare.compare.Canonical;
import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table with every kind of column (the key first: NUMBER "ID", TEXT "Region"), a source state, a
 * target state, and the chunk results a comparison of the two produces. Values are awkward on purpose:
 * quotes, '&amp;', lines SQL*Plus would take for commands, unicode, long text and bytes, nanoseconds,
 * offsets, NaN and infinities, NULLs.
 */
public final class SyncFixture {
  private SyncFixture() {}

  /** A column: name, kind, catalog type name per platform, and its H2 (Oracle mode) DDL type. */
  public record Col(String name, ValueKind kind, String oracle, String postgres, String h2, String h2Ddl) {
    String type(Platform p) {
      return switch (p) {
        case ORACLE -> oracle;
        case POSTGRESQL -> postgres;
        case H2 -> h2;
      };
    }
  }

  public static final List<Col> COLUMNS = List.of(
      new Col("ID", ValueKind.NUMBER, "NUMBER", "numeric", "NUMERIC", "NUMBER(10)"),
      new Col("Region", ValueKind.TEXT, "VARCHAR2", "varchar", "CHARACTER VARYING", "VARCHAR2(100)"),
      new Col("AMOUNT", ValueKind.NUMBER, "NUMBER", "numeric", "NUMERIC", "NUMBER(38,9)"),
      new Col("RATIO", ValueKind.FLOAT, "BINARY_DOUBLE", "float8", "DOUBLE PRECISION", "BINARY_DOUBLE"),
      new Col("NOTE", ValueKind.TEXT, "VARCHAR2", "varchar", "CHARACTER VARYING", "VARCHAR2(32767)"),
      new Col("BODY", ValueKind.TEXT, "CLOB", "text", "CHARACTER LARGE OBJECT", "CLOB"),
      new Col("TAG", ValueKind.BYTES, "RAW", "bytea", "BINARY VARYING", "RAW(2000)"),
      new Col("PAYLOAD", ValueKind.BYTES, "BLOB", "bytea", "BINARY LARGE OBJECT", "BLOB"),
      new Col("BOOKED", ValueKind.DATETIME, "DATE", "timestamp", "TIMESTAMP", "DATE"),
      new Col("VALID_FROM", ValueKind.DATETIME, "DATE", "date", "DATE", "DATE"),
      new Col("CREATED", ValueKind.DATETIME, "TIMESTAMP(9)", "timestamp", "TIMESTAMP", "TIMESTAMP(9)"),
      new Col("CHANGED_AT", ValueKind.DATETIME_TZ, "TIMESTAMP(6) WITH TIME ZONE", "timestamptz",
          "TIMESTAMP WITH TIME ZONE", "TIMESTAMP(6) WITH TIME ZONE"),
      new Col("ACTIVE", ValueKind.BOOLEAN, "BOOLEAN", "bool", "BOOLEAN", "BOOLEAN"),
      new Col("ORDER", ValueKind.TEXT, "VARCHAR2", "varchar", "CHARACTER VARYING", "VARCHAR2(200)"));

  public static final int KEYS = 2;

  public static TableSpec table(Platform target) {
    List<ColumnSpec> cols = new ArrayList<>();
    for (int i = 0; i < COLUMNS.size(); i++) {
      Col c = COLUMNS.get(i);
      cols.add(new ColumnSpec(c.name(), c.name(), c.kind(), c.oracle(), c.type(target), i < KEYS));
    }
    TableRef ref = new TableRef("HR", "Mixed Case");
    return new TableSpec("HR_Mixed Case", "HR.Mixed Case", ref, ref, cols, KEYS, java.util.Optional.empty(), false);
  }

  // ----- awkward values -----

  /** Every line of this would be a SQL*Plus command or a problem if it started a script line. */
  public static final String AWKWARD = "It's R&D: &x && &&y \"quoted\"\n"
      + "\n"
      + "after a blank line\n"
      + "# not a SQL*Plus command\n"
      + "/\n"
      + ".\n"
      + "-- not a comment\n"
      + "ends with a semicolon;\n"
      + "trailing spaces   \n"
      + "\ttab, Ümläüte, ß, 日本語, emoji 😀, nbsp\u00a0end";

  /** Exactly 5,000 characters, some multi-byte, with quotes, no line break. */
  public static final String TEXT_5000 = repeat("Lorem 'ipsum' dolor sit amet, élan € — ", 5000);

  /** 100 KB of text in lines. */
  public static final String CLOB_100K = clob100k();

  private static String clob100k() {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; sb.length() < 100 * 1024; i++) {
      sb.append(String.format(java.util.Locale.ROOT, "Line %05d: the quick brown fox's jump & a ünïcödé run;%n", i)
          .replace(System.lineSeparator(), "\n"));
    }
    sb.setLength(100 * 1024);
    return sb.toString();
  }

  static String repeat(String unit, int length) {
    StringBuilder sb = new StringBuilder();
    while (sb.length() < length) {
      sb.append(unit);
    }
    sb.setLength(length);
    return sb.toString();
  }

  public static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 + seed);
    }
    return b;
  }

  static final byte[] RAW_10 = {0, 1, 0x7f, (byte) 0x80, (byte) 0xff, 0x27, 0x26, 0x0a, 0x2f, 0x23};

  static OffsetDateTime odt(String s) {
    return OffsetDateTime.parse(s);
  }

  static LocalDateTime ldt(String s) {
    return LocalDateTime.parse(s);
  }

  static BigDecimal dec(String s) {
    return new BigDecimal(s);
  }

  /** Rows by column order of {@link #COLUMNS}. */
  static Object[] row(Object... v) {
    if (v.length != COLUMNS.size()) {
      throw new IllegalArgumentException("row has " + v.length + " values");
    }
    return v;
  }

  static Object[] nulls(Object id, String region) {
    Object[] r = new Object[COLUMNS.size()];
    r[0] = id;
    r[1] = region;
    return r;
  }

  // rows present on both sides or one side; the key is the first two values
  static final Object[] S2 = row(dec("2"), "O'Brien & Co", dec("12345678901234567890.123456789"), Double.NaN,
      AWKWARD, CLOB_100K, bytes(2000, 5), bytes(3000, 1), ldt("1999-12-31T00:00:01"),
      ldt("2024-02-29T00:00"), ldt("2024-03-01T12:34:56.123456789"), odt("2024-03-01T10:15:30.123456+05:30"),
      true, "O'Neil; DROP TABLE x; --");
  static final Object[] T2 = row(dec("2"), "O'Brien & Co", dec("1"), 1.5, "old note", "old body", RAW_10,
      bytes(10, 9), ldt("1999-12-31T00:00:02"), ldt("2024-02-28T00:00"), ldt("2024-03-01T12:34:56.123456788"),
      odt("2024-03-01T04:45:31.123456Z"), false, "old");

  static final Object[] S3 = row(dec("3"), "日本 🍣", dec("-0.000000001"), Double.POSITIVE_INFINITY, TEXT_5000,
      TEXT_5000, RAW_10, bytes(3000, 7), ldt("2024-02-29T23:59:58"), ldt("2000-01-01T00:00"),
      ldt("2001-01-01T00:00:00.000000001"), odt("2024-06-30T23:59:59.999999-08:00"), false, "&amp; &x &&y");

  static final Object[] S4 = nulls(dec("4"), "zz");

  /** Differs only in ways the canonical form ignores: no statement. */
  static final Object[] S5 = row(dec("5"), "same", dec("1.0"), -0.0, "x", "y", bytes(3, 1), bytes(3, 2),
      ldt("2020-01-01T10:00"), ldt("2020-01-01T00:00"), ldt("2020-01-01T10:00:00.5"),
      odt("2020-01-01T15:30+05:30"), true, "o");
  static final Object[] T5 = row(dec("5"), "same", dec("1.00"), 0.0, "x", "y", bytes(3, 1), bytes(3, 2),
      ldt("2020-01-01T10:00"), ldt("2020-01-01T00:00"), ldt("2020-01-01T10:00:00.500"),
      odt("2020-01-01T10:00Z"), true, "o");

  /** NULLs replace values and values replace NULLs. */
  static final Object[] S7 = row(dec("7"), "Nulls", null, Double.NEGATIVE_INFINITY, null, "now set", null,
      bytes(1000, 3), null, ldt("1970-01-01T00:00"), null, null, null, null);
  static final Object[] T7 = row(dec("7"), "Nulls", dec("5"), null, "was set", null, RAW_10, null,
      ldt("2001-02-03T04:05:06"), null, ldt("2001-02-03T04:05:06.7"), odt("2001-02-03T04:05:06+01:00"), true,
      "x");

  /** On both sides, equal: never part of the results. */
  static final Object[] S8 = row(dec("8"), "unchanged", dec("0.1"), 0.1, "n", "b", bytes(4, 4), bytes(4, 4),
      ldt("2010-10-10T10:10:10"), ldt("2010-10-10T00:00"), ldt("2010-10-10T10:10:10.101"),
      odt("2010-10-10T10:10:10-03:00"), false, "unchanged");

  static final Object[] T1 = row(dec("1"), "EU", dec("9"), 2.5, "target only", "t", RAW_10, bytes(5, 5),
      ldt("2011-01-01T00:00:00"), ldt("2011-01-01T00:00"), ldt("2011-01-01T00:00:00.1"),
      odt("2011-01-01T00:00+00:00"), true, "t");
  static final Object[] T6 = nulls(dec("6"), "gone");

  /** The source table, in key order. */
  public static List<Object[]> source() {
    return List.of(S2, S3, S4, S5, S7, S8);
  }

  /** The target table before the sync, in key order. */
  public static List<Object[]> target() {
    return List.of(T1, T2, T5, T6, T7, S8);
  }

  /** Two chunks: keys up to (4, 'zz') and the rest. */
  public static List<ChunkResult> results() {
    List<RowDiff> c0 = List.of(
        new RowDiff(DiffKind.MISSING_IN_SOURCE, key(T1), null, T1),
        new RowDiff(DiffKind.DIFFERENT, key(S2), S2, T2),
        new RowDiff(DiffKind.MISSING_IN_TARGET, key(S3), S3, null),
        new RowDiff(DiffKind.MISSING_IN_TARGET, key(S4), S4, null));
    List<RowDiff> c1 = List.of(
        new RowDiff(DiffKind.DIFFERENT, key(S5), S5, T5),
        new RowDiff(DiffKind.MISSING_IN_SOURCE, key(T6), null, T6),
        new RowDiff(DiffKind.DIFFERENT, key(S7), S7, T7));
    return List.of(
        new ChunkResult("HR_Mixed Case", 0, 3, 2, 2, 1, 1, c0),
        new ChunkResult("HR_Mixed Case", 1, 3, 4, 0, 1, 2, c1));
  }

  static Object[] key(Object[] row) {
    return Arrays.copyOf(row, KEYS);
  }

  /** A row as canonical texts (null stays null): what the comparison considers equal. */
  public static List<String> canonical(Object[] row) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < COLUMNS.size(); i++) {
      out.add(row[i] == null ? null : Canonical.text(COLUMNS.get(i).kind(), row[i]));
    }
    return out;
  }

  /** Rows by canonical key text. */
  public static Map<List<String>, List<String>> byKey(List<Object[]> rows) {
    Map<List<String>, List<String>> m = new LinkedHashMap<>();
    for (Object[] r : rows) {
      List<String> c = canonical(r);
      m.put(c.subList(0, KEYS), c);
    }
    return m;
  }
}
