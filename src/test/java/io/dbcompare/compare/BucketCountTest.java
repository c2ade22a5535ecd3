package io.dbcompare.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules that size bucket passes and checksum batches. */
class BucketCountTest {

  @Test
  void bucketsFollowTheDifferencesSeenSoFar() {
    // 0.1 % of 100,000-row chunks: about 100 differing keys per chunk: (100 sqrt(100,000))^(2/3) = 1,000 -> 1,024
    assertEquals(1_024, BucketCount.choose(1_000_000, 1_000, 10));
    // 0.1 % of 10,000-row chunks: 10 keys, (10 x 100)^(2/3) = 100 -> 128 buckets of about 78 rows
    assertEquals(128, BucketCount.choose(100_000, 100, 10));
    // one difference per chunk or none yet: the minimum
    assertEquals(BucketCount.MIN, BucketCount.choose(20_000, 20, 20));
    assertEquals(BucketCount.MIN, BucketCount.choose(0, 0, 0));
    // never more than an eighth of a chunk's rows, nor more than the maximum
    assertEquals(64, BucketCount.choose(1_000, 500, 1));
    assertEquals(BucketCount.MAX, BucketCount.choose(100_000_000, 10_000_000, 100));
  }

  @Test
  void differingBucketsOfManyRowsAreDividedAboutSqrtTimes() {
    assertEquals(0, BisectingComparer.subBuckets(63), "below 64 rows per differing bucket: no second level");
    assertEquals(8, BisectingComparer.subBuckets(64));
    assertEquals(8, BisectingComparer.subBuckets(78));
    assertEquals(16, BisectingComparer.subBuckets(312));
    assertEquals(64, BisectingComparer.subBuckets(5_000));
    assertEquals(64, BisectingComparer.subBuckets(1_000_000));
  }

  @Test
  void settledRangesUseBucketsOfAboutThirtyTwoRows() {
    assertEquals(0, BisectingComparer.bucketsFor(511), "below 512 rows a range is merged");
    assertEquals(16, BisectingComparer.bucketsFor(512));
    assertEquals(16, BisectingComparer.bucketsFor(1_000));
    assertEquals(2_048, BisectingComparer.bucketsFor(100_000));
    assertEquals(BucketCount.MAX, BisectingComparer.bucketsFor(100_000_000));
  }

  @Test
  void batchesCoverAboutHalfAMillionRows() {
    assertEquals(50, ChecksumBatches.width(10_000));
    assertEquals(5, ChecksumBatches.width(100_000));
    assertEquals(1, ChecksumBatches.width(1_000_000));
    assertEquals(ChecksumBatches.MAX_WIDTH, ChecksumBatches.width(100));
  }

  @Test
  void pendingChunksAreGroupedByConsecutiveRunsAndHandedOutOneGroupPerWorker() {
    // one chunk first, then twice as many each time up to the width; a gap ends a group
    List<List<Integer>> groups = ChecksumBatches.group(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11), 3);
    assertEquals(List.of(List.of(0), List.of(1, 2), List.of(3, 4, 5), List.of(6, 7, 8), List.of(10, 11)), groups);
    assertEquals(List.of(0, 1, 2, 3, 6, 4, 7, 5, 8, 10, 11), ChecksumBatches.handOutOrder(groups, 2));
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11), ChecksumBatches.handOutOrder(groups, 1));
  }
}
