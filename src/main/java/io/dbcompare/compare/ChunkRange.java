package io.dbcompare.compare;

import java.util.List;

/**
 * One chunk of a table's plan, its bounds as typed key text ({@link ValueText#encodeKey}) as the
 * session stores them: rows with {@code lower < key <= upper}; a null bound is open.
 */
public record ChunkRange(int index, List<String> lower, List<String> upper) {
  public ChunkRange {
    lower = lower == null ? null : List.copyOf(lower);
    upper = upper == null ? null : List.copyOf(upper);
  }

  /** The bounds as key values, for the readers. */
  public ChunkBounds bounds() {
    return new ChunkBounds(index, lower == null ? null : ValueText.decodeKey(lower),
        upper == null ? null : ValueText.decodeKey(upper));
  }
}
