package io.dbcompare.compare;

/**
 * A primary-key range: rows with {@code lowerExclusive < key <= upperInclusive}. A null bound is open,
 * so the first and last chunks also catch target rows outside the source's key range.
 */
public record ChunkBounds(int index, Object[] lowerExclusive, Object[] upperInclusive) {

  public boolean openBelow() {
    return lowerExclusive == null;
  }

  public boolean openAbove() {
    return upperInclusive == null;
  }
}
