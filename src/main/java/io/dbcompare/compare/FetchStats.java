package io.dbcompare.compare;

import java.util.concurrent.atomic.LongAdder;

/**
 * What crossed the network, per side: checksum rows (aggregates), key + hash rows, and full rows, and
 * an estimate of their bytes. Reported at the end of a run and by the benchmark.
 */
public final class FetchStats {
  /** Kinds of rows read. */
  public enum Kind {
    AGGREGATE,
    HASH,
    FULL
  }

  private final LongAdder[][] rows = new LongAdder[2][3];
  private final LongAdder[] bytes = {new LongAdder(), new LongAdder()};

  public FetchStats() {
    for (LongAdder[] side : rows) {
      for (int k = 0; k < side.length; k++) {
        side[k] = new LongAdder();
      }
    }
  }

  public void add(Side side, Kind kind, long rowCount, long byteCount) {
    rows[side.ordinal()][kind.ordinal()].add(rowCount);
    bytes[side.ordinal()].add(byteCount);
  }

  public long rows(Side side, Kind kind) {
    return rows[side.ordinal()][kind.ordinal()].sum();
  }

  public long bytes(Side side) {
    return bytes[side.ordinal()].sum();
  }

  /** {@code source 12 aggregate + 0 hash + 0 full rows (1.2 KB)}. */
  public String describe(Side side) {
    return side.label() + " " + rows(side, Kind.AGGREGATE) + " aggregate + " + rows(side, Kind.HASH) + " hash + "
        + rows(side, Kind.FULL) + " full rows (" + bytes(side) + " bytes)";
  }

  /** Approximate size of a value on the wire (for the report, not for decisions). */
  public static long sizeOf(Object v) {
    if (v == null) {
      return 1;
    }
    if (v instanceof String s) {
      return s.length() + 4L;
    }
    if (v instanceof byte[] b) {
      return b.length + 4L;
    }
    if (v instanceof java.math.BigDecimal d) {
      return d.unscaledValue().bitLength() / 8 + 6L;
    }
    return 8;
  }
}
