package io.dbcompare.compare;

/**
 * What one recheck round found, for one chunk or summed over a table: of the rows read again, how many
 * were equal again or gone from both sides (in flight), how many still differed but with a target that
 * changed since the previous read (changing: being carried by replication), and the rest (still
 * different: checked again in the next round, or persistent after the last).
 *
 * @param round 1-based
 */
public record RecheckRound(int round, long rechecked, long inFlight, long changing) {

  public RecheckRound {
    if (round < 1 || rechecked < 0 || inFlight < 0 || changing < 0 || inFlight + changing > rechecked) {
      throw new IllegalArgumentException("recheck round " + round + ": " + rechecked + " rows rechecked, "
          + inFlight + " in flight, " + changing + " changing");
    }
  }

  /** Rows that still differed with a target unchanged since the previous read. */
  public long remaining() {
    return rechecked - inFlight - changing;
  }

  public RecheckRound plus(RecheckRound other) {
    return new RecheckRound(round, rechecked + other.rechecked, inFlight + other.inFlight,
        changing + other.changing);
  }
}
