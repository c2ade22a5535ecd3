package io.dbcompare.compare;

/**
 * How many buckets a bucket pass uses ({@link BisectingComparer#compareByBuckets}), from what the
 * table's chunks showed so far. A differing key makes its bucket differ; where differing buckets hold
 * many rows a second level divides them into finer buckets ({@link BisectingComparer#subBuckets}) and
 * only the differing fine buckets' rows are read as key + hash. With d differing keys expected among n
 * rows of a chunk, B buckets and about sqrt(n / B) fine buckets per differing one, a chunk reads about
 * B + 2 d sqrt(n / B) rows, least at B = (d sqrt(n))^(2/3): B is the power of two at or above that,
 * between {@link #MIN} and {@link #MAX}, and at most an eighth of the chunk's rows (a bucket of fewer
 * rows saves nothing). At a 0.1 % rate in chunks of 10,000 rows: 128 buckets, about 3 % of the rows
 * read (one level: 512 buckets and 7 %).
 */
final class BucketCount {
  static final int MIN = 16;
  static final int MAX = 8192;

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
    long wanted = (long) Math.ceil(Math.pow(expected * Math.sqrt(perChunk), 2.0 / 3.0));
    long cap = Math.max(MIN, Long.highestOneBit(Math.max(1, (long) (perChunk / 8))));
    long b = Long.highestOneBit(Math.max(1, wanted - 1)) << 1; // the power of two at or above
    return (int) Math.max(MIN, Math.min(Math.min(MAX, cap), b));
  }
}
