package io.dbcompare.compare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * When and how much to sample for planning a very large table. Numbering every key of a 10^8-row table
 * ({@code ROW_NUMBER}) reads the whole key and may sort it (temp space; on a busy Oracle source a long
 * read risks ORA-01555). Above a configured row estimate the keys are numbered in a random sample of
 * the table's blocks instead, and every {@code step}-th sampled key becomes a boundary. Block sampling
 * takes whole blocks, whose keys are often neighbours: a chunk spans about {@link #BLOCKS_PER_CHUNK}
 * sampled blocks, so its size is right to within some tens of per cent. Exact counts still come from
 * the chunks themselves; only their sizes become approximate.
 *
 * @param percent the share of blocks to sample
 * @param step every {@code step}-th sampled key is a boundary
 */
public record PlanSampling(BigDecimal percent, int step) {
  /** Sampled blocks per chunk: chunk sizes vary by about 1/sqrt(32), under 20 per cent, around the chunk size. */
  public static final int BLOCKS_PER_CHUNK = 32;
  /** Sampling more than this share saves too little to give up exact chunk sizes. */
  static final double MAX_FRACTION = 0.25;

  /**
   * The sampling for a table, or empty for exact planning.
   *
   * @param estimatedRows the database's row estimate (statistics); negative when unknown
   * @param blocks the database's block (page) count estimate; non-positive when unknown
   * @param sampleAboveRows sample tables estimated above this many rows; 0 never
   */
  public static Optional<PlanSampling> choose(long estimatedRows, long blocks, int chunkSize, long sampleAboveRows) {
    if (sampleAboveRows <= 0 || estimatedRows < sampleAboveRows || blocks <= 0 || estimatedRows <= 0) {
      return Optional.empty();
    }
    double rowsPerBlock = Math.max(1.0, (double) estimatedRows / blocks);
    double sampledRowsPerChunk = BLOCKS_PER_CHUNK * rowsPerBlock;
    double fraction = sampledRowsPerChunk / chunkSize;
    if (fraction > MAX_FRACTION) {
      return Optional.empty();
    }
    BigDecimal percent = BigDecimal.valueOf(fraction * 100).setScale(6, RoundingMode.UP).stripTrailingZeros();
    int step = (int) Math.max(1, Math.round(sampledRowsPerChunk));
    return Optional.of(new PlanSampling(percent, step));
  }
}
