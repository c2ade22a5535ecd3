package io.dbcompare.dialect;

import java.math.BigDecimal;

/**
 * A random sample of a table's blocks, for planning chunks of a very large table from a fraction of
 * its keys (never for comparing: two databases never sample the same rows).
 *
 * @param percent the share of the table's blocks to read, in (0, 100)
 * @param seed makes the sample repeatable while the table does not change
 */
public record TableSample(BigDecimal percent, long seed) {
  public TableSample {
    if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
      throw new IllegalArgumentException("sample percent must be in (0, 100): " + percent);
    }
    if (seed < 0 || seed > 4_294_967_295L) {
      throw new IllegalArgumentException("sample seed must be in 0..4294967295: " + seed);
    }
  }
}
