package io.dbcompare.jdbc;

import io.dbcompare.compare.StructureDifference;
import io.dbcompare.compare.StructureDifference.Kind;
import io.dbcompare.dialect.ColumnType;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.jdbc.SchemaCatalog.Column;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Compares the structure of a table's two sides before any row is read, collecting what differs:
 * columns on one side only (left out of the row comparison, or the table fails under
 * {@code strict_columns}), a fixed-length against a varying text or a date against a date-time, declared
 * lengths, precision and scale, nullability, and the primary keys. Only what both catalogs state is
 * compared: a length the driver reports as unbounded, or a number without declared precision, is not.
 */
final class StructureCheck {
  private final String display;
  private final String targetTable;
  private final boolean strict;
  private final Dialect source;
  private final Dialect target;
  private final List<StructureDifference> found = new ArrayList<>();

  StructureCheck(String display, String targetTable, boolean strict, Dialect source, Dialect target) {
    this.display = display;
    this.targetTable = targetTable;
    this.strict = strict;
    this.source = source;
    this.target = target;
  }

  List<StructureDifference> differences() {
    return List.copyOf(found);
  }

  /** A source column without a target column: not compared, or the table fails under strict_columns. */
  void onlyInSource(Column c) {
    if (strict) {
      throw fail(display + ": column " + c.name() + " is missing in target table " + targetTable + "; add it there,"
          + " leave it out with exclude_columns, or compare without it (strict_columns: false)");
    }
    found.add(new StructureDifference(Kind.COLUMN_ONLY_IN_SOURCE, c.name(), declared(c.type()), "-"));
  }

  /** A target column without a source column: never written by a sync script, so only reported. */
  void onlyInTarget(Column c) {
    if (strict) {
      throw fail(display + ": column " + c.name() + " exists only in target table " + targetTable + "; add it to"
          + " the source table, or compare without it (strict_columns: false)");
    }
    found.add(new StructureDifference(Kind.COLUMN_ONLY_IN_TARGET, c.name(), "-", declared(c.type())));
  }

  /** The declared shape of a column found on both sides (kinds already matched). */
  void compare(Column s, Column t) {
    if (s == null || t == null) {
      return;
    }
    ColumnType st = s.type();
    ColumnType tt = t.type();
    String sf = family(st, source);
    String tf = family(tt, target);
    if (sf != null && tf != null && !sf.equals(tf)) {
      found.add(new StructureDifference(Kind.TYPE, s.name(), sf + " " + declared(st), tf + " " + declared(tt)));
    } else if (bounded(st) && bounded(tt) && st.size() != tt.size()) {
      found.add(new StructureDifference(Kind.LENGTH, s.name(), declared(st), declared(tt)));
    } else if (decimal(st) && decimal(tt) && (st.size() != tt.size() || st.scale() != tt.scale())) {
      found.add(new StructureDifference(Kind.PRECISION_SCALE, s.name(), declared(st), declared(tt)));
    }
    if (s.nullable() != t.nullable()) {
      found.add(new StructureDifference(Kind.NULLABILITY, s.name(), nulls(s), nulls(t)));
    }
  }

  /** The primary keys, the target's columns named as their source columns ({@code toSource}). */
  void keys(List<String> sourceKey, List<String> targetKey, UnaryOperator<String> sourceToTarget) {
    List<String> mapped = sourceKey.stream().map(sourceToTarget).toList();
    if (!mapped.equals(targetKey)) {
      found.add(new StructureDifference(Kind.KEY, null, key(sourceKey), key(targetKey)));
    }
  }

  private static String key(List<String> columns) {
    return columns.isEmpty() ? "no primary key" : "primary key (" + String.join(", ", columns) + ")";
  }

  private static String nulls(Column c) {
    return c.nullable() ? "NULL allowed" : "NOT NULL";
  }

  /** Families within one kind whose values differ: blank-padded text, a date without its time. */
  private static String family(ColumnType t, Dialect d) {
    return switch (t.jdbcType()) {
      case Types.CHAR, Types.NCHAR -> "fixed-length";
      case Types.VARCHAR, Types.NVARCHAR -> "varying";
      case Types.DATE, Types.TIMESTAMP -> d.isDateOnly(t) ? "date" : "date-time";
      default -> null;
    };
  }

  /** Text and bytes of a declared length (a driver reports unbounded ones as Integer.MAX_VALUE). */
  private static boolean bounded(ColumnType t) {
    boolean lengthType = switch (t.jdbcType()) {
      case Types.CHAR, Types.NCHAR, Types.VARCHAR, Types.NVARCHAR, Types.BINARY, Types.VARBINARY -> true;
      default -> false;
    };
    return lengthType && t.size() > 0 && t.size() < Integer.MAX_VALUE;
  }

  /** A decimal with declared precision (Oracle NUMBER without one reports 0 and scale -127). */
  private static boolean decimal(ColumnType t) {
    return (t.jdbcType() == Types.NUMERIC || t.jdbcType() == Types.DECIMAL) && t.size() > 0 && t.scale() >= 0;
  }

  static String declared(ColumnType t) {
    if (bounded(t)) {
      return t.typeName() + "(" + t.size() + ")";
    }
    if (decimal(t)) {
      return t.typeName() + "(" + t.size() + (t.scale() > 0 ? "," + t.scale() : "") + ")";
    }
    return t.typeName();
  }

  private static CompareException fail(String msg) {
    return new CompareException(ErrorCode.TABLE_FAILED, msg);
  }
}
