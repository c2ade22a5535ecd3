package io.dbcompare.compare;

/**
 * How one key column is ordered: the binary text order both sides deliver (and the Java merge uses),
 * and what each side's SQL does to its column so that its database sorts and compares in that order.
 * Decided at resolve time from both databases ({@link KeyOrders#choose}).
 *
 * @param text the order of a text key column (ignored for other kinds)
 * @param source what the source's SQL does to the column
 * @param target what the target's SQL does to the column
 */
public record KeyColumnOrder(TextOrder text, Rendering source, Rendering target) {

  /** What a side's SQL does to a key column to sort and compare it in the chosen order. */
  public enum Rendering {
    /** The column as it is (with the platform's usual binary collation, e.g. PostgreSQL's "C"). */
    PLAIN,
    /**
     * Oracle: {@code "K" COLLATE BINARY}, for a column declared with a non-binary collation (12.2+),
     * which would otherwise override the session's binary {@code NLS_SORT}. No index serves it.
     */
    BINARY_COLLATION,
    /** H2: {@code STRINGTOUTF8("K")}, whose unsigned bytes are code point order (H2 itself sorts by UTF-16 unit). */
    UTF8_BYTES
  }

  /** Code point order on plain columns: what a UTF-8 database delivers without help. */
  public static final KeyColumnOrder DEFAULT = new KeyColumnOrder(TextOrder.CODE_POINT, Rendering.PLAIN, Rendering.PLAIN);

  public Rendering rendering(Side side) {
    return side == Side.SOURCE ? source : target;
  }
}
