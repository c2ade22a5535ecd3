package io.dbcompare.compare;

import io.dbcompare.compare.KeyColumnOrder.Rendering;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;

/**
 * Chooses one order for a text key column from what each side's database does with it. Both sides
 * must deliver rows, and place chunk bounds, in the same order, or a key falls in different chunks on
 * the two sides (a false difference) and the merge fails; a column whose sides cannot agree fails its
 * table with one line naming the column.
 */
public final class KeyOrders {
  private KeyOrders() {}

  /**
   * What one side's database does with one text key column.
   *
   * @param order its binary order with the tool's session settings; null when unknown (then the column
   *     cannot be a key)
   * @param what the column's type and encoding, for messages ({@code Oracle NVARCHAR2 in AL16UTF16})
   * @param nonBinaryCollation the column is declared with a non-binary collation: its SQL must say
   *     {@code COLLATE BINARY} to get {@code order}
   * @param utf8Rendering the database can also deliver code point order with {@link Rendering#UTF8_BYTES}
   */
  public record SideText(TextOrder order, String what, boolean nonBinaryCollation, boolean utf8Rendering) {
    public static SideText of(TextOrder order, String what) {
      return new SideText(order, what, false, false);
    }
  }

  public static KeyColumnOrder choose(String table, String column, SideText source, SideText target) {
    if (source.order() == null || target.order() == null) {
      SideText unknown = source.order() == null ? source : target;
      throw refuse(table + ": key column " + column + " (" + unknown.what() + ") has a binary order this tool does"
          + " not know; choose other key columns with primary_key");
    }
    Rendering s = source.nonBinaryCollation() ? Rendering.BINARY_COLLATION : Rendering.PLAIN;
    Rendering t = target.nonBinaryCollation() ? Rendering.BINARY_COLLATION : Rendering.PLAIN;
    if (source.order().equals(target.order())) {
      return new KeyColumnOrder(source.order(), s, t);
    }
    if (source.order().equals(TextOrder.CODE_POINT) && target.utf8Rendering() && !target.nonBinaryCollation()) {
      return new KeyColumnOrder(TextOrder.CODE_POINT, s, Rendering.UTF8_BYTES);
    }
    if (target.order().equals(TextOrder.CODE_POINT) && source.utf8Rendering() && !source.nonBinaryCollation()) {
      return new KeyColumnOrder(TextOrder.CODE_POINT, Rendering.UTF8_BYTES, t);
    }
    throw refuse(table + ": key column " + column + " sorts in different binary orders on the two sides (source "
        + source.what() + ": " + source.order() + "; target " + target.what() + ": " + target.order()
        + "), so the sides cannot be merged in one order; choose other key columns with primary_key");
  }

  private static CompareException refuse(String message) {
    return new CompareException(ErrorCode.TABLE_FAILED, message);
  }
}
