package io.dbcompare.compare;

import java.math.BigInteger;
import java.util.List;

/**
 * A range's checksum on one side: the row count and, per 64-bit slice of the row hash, the sum of the
 * slices as unsigned numbers. Sums (never XOR) keep two identical rows from cancelling out; equal counts
 * and sums mean the range matches, with a probability of a missed difference of about 2^-64 per slice
 * for a random change.
 */
public record Checksum(long count, List<BigInteger> sums) {
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  public Checksum {
    sums = List.copyOf(sums);
  }

  /** The checksum of a range without rows. */
  public static Checksum empty(int slices) {
    return new Checksum(0, java.util.Collections.nCopies(slices, BigInteger.ZERO));
  }

  /** Builds the unsigned sum from a database's signed sum and the number of negative slices. */
  public static BigInteger unsigned(BigInteger signedSum, long negatives) {
    return signedSum.add(TWO_64.multiply(BigInteger.valueOf(negatives)));
  }
}
