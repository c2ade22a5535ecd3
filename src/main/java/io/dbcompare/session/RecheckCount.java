package io.dbcompare.session;

/** One recheck round's counts, of a chunk or summed over a table (changed only by {@link SessionBook}). */
public class RecheckCount {
  public int round;
  public long rechecked;
  public long inFlight;
  public long changing;

  public RecheckCount() {}

  RecheckCount(int round, long rechecked, long inFlight, long changing) {
    this.round = round;
    this.rechecked = rechecked;
    this.inFlight = inFlight;
    this.changing = changing;
  }
}
