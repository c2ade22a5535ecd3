package io.dbcompare.compare;

/**
 * How many buckets a bucket pass uses ({@link BisectingComparer#compareByBuckets}), from what the
 * table's chunks showed so far. A differing key makes its bucket differ, and every row of a differing
 * bucket is read as key + hash: with d differing keys among n rows and B buckets, about d/B of the
 * rows are read, against B aggregate rows. B is the power of two at or above 32 d (so that at most
 * about 3 % of the buckets, and of the rows, are read), between {@link #MIN} and {@link #MAX}, and at
 * most an eighth of the chunk's rows (a bucket of fewer rows saves nothing).
 */
final class BucketCount {
  static final int MIN = 16;
  static final int MAX = 8192;
  /** Buckets per expected differing key. */
  static final int PER_DIFFERENCE = 32;

  private BucketCount() {}

  /**
   * @param rows source rows of the table's chunks compared so far in this run
   * @param differences their differences
   * @param chunks how many chunks that was
   */
  static int choose(long rows, long differences, long chunks) {
    if (rows <= 0 || chunks <= 0) {
      return MIN;
    }
    double perChunk = (double) rows / chunks;
    double expected = Math.max(1, differences * perChunk / rows);
    long wanted = (long) Math.ceil(expected * PER_DIFFERENCE);
    long cap = Math.max(MIN, Long.highestOneBit(Math.max(1, (long) (perChunk / 8))));
    long b = Long.highestOneBit(Math.max(1, wanted - 1)) << 1; // the power of two at or above
    return (int) Math.max(MIN, Math.min(Math.min(MAX, cap), b));
  }
}
