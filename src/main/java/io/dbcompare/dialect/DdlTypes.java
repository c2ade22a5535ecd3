package io.dbcompare.dialect;

import java.util.Optional;

/**
 * The column types of one database for CREATE TABLE scripts: what a catalog type holds, and which type
 * this database declares to hold it. A mapping is exact or absent: a type is declared only when it
 * holds every value of the portable type unchanged (no rounding, no lost fraction digits or time zone
 * offsets beyond what the comparison itself compares); otherwise the script names the column and
 * refuses it.
 */
public interface DdlTypes {
  /** What a column of this database's type holds, or empty when no portable type says it exactly. */
  Optional<PortableType> read(ColumnType type);

  /** The type this database declares for {@code type}, or empty when none holds every value exactly. */
  Optional<String> declare(PortableType type);

  /** Why {@link #declare} has no type for {@code type}: one short clause for the script's comment. */
  default String whyNot(PortableType type) {
    return "no type of this database holds every value of " + type + " exactly";
  }

  /** Digits of precision of an exact decimal with {@code precision} and {@code scale} that holds all its values. */
  static int[] nonNegativeScale(int precision, int scale) {
    if (scale < 0) {
      return new int[] {precision - scale, 0}; // NUMBER(5,-2) holds integers up to 9,999,900
    }
    if (scale > precision) {
      return new int[] {scale, scale}; // NUMBER(3,5) holds 0.00001 .. 0.00999
    }
    return new int[] {precision, scale};
  }
}
