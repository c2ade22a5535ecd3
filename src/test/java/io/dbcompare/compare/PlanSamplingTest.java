package io.dbcompare.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PlanSamplingTest {

  @Test
  void samplesOnlyAboveTheThresholdAndWithStatistics() {
    assertTrue(PlanSampling.choose(100_000_000, 442_478, 100_000, 0).isEmpty(), "0: never");
    assertTrue(PlanSampling.choose(100_000_000, 442_478, 100_000, 200_000_000).isEmpty(), "below the threshold");
    assertTrue(PlanSampling.choose(-1, 0, 100_000, 1).isEmpty(), "never analysed");
    assertTrue(PlanSampling.choose(100_000_000, 0, 100_000, 1).isEmpty(), "no block count");
    assertTrue(PlanSampling.choose(100_000_000, 442_478, 100_000, 100_000_000).isPresent(), "at the threshold");
  }

  /** About 32 sampled blocks per chunk: 10^8 narrow rows in 442,478 pages, chunks of 100,000. */
  @Test
  void samplesAboutThirtyTwoBlocksPerChunk() {
    PlanSampling s = PlanSampling.choose(100_000_000, 442_478, 100_000, 50_000_000).orElseThrow();
    double rowsPerBlock = 100_000_000 / 442_478.0;
    assertEquals(Math.round(32 * rowsPerBlock), s.step());
    assertEquals(0, new BigDecimal("7.231998").compareTo(s.percent()), s.percent().toString());
    assertTrue(s.percent().scale() <= 6, "Oracle takes percent down to .000001");
  }

  /** Sampling a large share of the blocks saves little: small chunks are planned exactly. */
  @Test
  void smallChunksArePlannedExactly() {
    assertTrue(PlanSampling.choose(100_000_000, 442_478, 10_000, 1).isEmpty());
  }
}
