package io.dbcompare.compare;

import java.util.Locale;

/**
 * One way the two tables' structures differ, found before any row is read. Columns on one side only
 * are left out of the row comparison (unless {@code strict_columns}); the others are reported and do
 * not change how rows are compared (incompatible types fail the table instead, naming both types).
 *
 * @param column the column (source spelling where it has one); null for {@link Kind#KEY}
 * @param source what the source has ("VARCHAR2(50)", "NOT NULL", "primary key (ID)", "-" for nothing)
 * @param target what the target has, likewise
 */
public record StructureDifference(Kind kind, String column, String source, String target) {

  /** What differs. */
  public enum Kind {
    /** The column exists in the source table only: not compared. */
    COLUMN_ONLY_IN_SOURCE,
    /** The column exists in the target table only: not compared. */
    COLUMN_ONLY_IN_TARGET,
    /** Same kind of value, another family of type: fixed-length and varying text, a date and a date-time. */
    TYPE,
    /** Declared length of text or bytes. */
    LENGTH,
    /** Declared precision and scale of a decimal number. */
    PRECISION_SCALE,
    /** NULL allowed on one side only. */
    NULLABILITY,
    /** The primary keys name other columns, or one side has none. */
    KEY;

    /** As the session file and reports spell it ({@code column_only_in_source}). */
    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind ofJson(String s) {
      return valueOf(s.toUpperCase(Locale.ROOT));
    }
  }

  /** One line for the console, the summary and the session log. */
  public String text() {
    return switch (kind) {
      case COLUMN_ONLY_IN_SOURCE -> "column " + column + " only in the source (" + source + "): not compared";
      case COLUMN_ONLY_IN_TARGET -> "column " + column + " only in the target (" + target + "): not compared";
      case TYPE -> "column " + column + " type: source " + source + ", target " + target;
      case LENGTH -> "column " + column + " length: source " + source + ", target " + target;
      case PRECISION_SCALE -> "column " + column + " precision/scale: source " + source + ", target " + target;
      case NULLABILITY -> "column " + column + " nullability: source " + source + ", target " + target;
      case KEY -> "key: source " + source + ", target " + target;
    };
  }

  /** Whether the column is left out of the row comparison. */
  public boolean columnLeftOut() {
    return kind == Kind.COLUMN_ONLY_IN_SOURCE || kind == Kind.COLUMN_ONLY_IN_TARGET;
  }
}
