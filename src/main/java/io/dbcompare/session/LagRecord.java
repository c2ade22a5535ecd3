package io.dbcompare.session;

/** The target's replication lag as read at the start or the end of a run (changed only by {@link SessionBook}). */
public class LagRecord {
  /** {@code start} or {@code end}. */
  public String when;
  public String at;
  /** Null when the lag cannot be known (never 0 for that). */
  public Long lagMillis;
  /** Why the lag is unknown, or null. */
  public String note;

  public LagRecord() {}

  LagRecord(String when, String at, Long lagMillis, String note) {
    this.when = when;
    this.at = at;
    this.lagMillis = lagMillis;
    this.note = note;
  }
}
