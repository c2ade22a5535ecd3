package io.dbcompare.config;

import java.util.Locale;

/**
 * How a comparison pins its reads to a point in time ({@code comparison.snapshot.mode}).
 *
 * <ul>
 *   <li>{@link #NONE}: every query reads the data as it is when it runs (the default).
 *   <li>{@link #SCN}: Oracle only, both sides one database lineage (a primary and its physical standby,
 *       or one database): the run chooses one system change number and every query of both sides is a
 *       flashback query {@code AS OF SCN}, so the differences are exact at that SCN.
 *   <li>{@link #EXPORTED}: PostgreSQL only: within one uninterrupted run, every read of a side shares one
 *       exported snapshot, so each side is consistent with itself (not with the other side).
 * </ul>
 */
public enum SnapshotMode {
  NONE,
  SCN,
  EXPORTED;

  /** The name in the configuration file. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether a recheck of differing rows can find nothing in this mode, so that it is switched off: with
   * {@link #SCN} both sides are read at one SCN and no row can be in flight. {@link #EXPORTED} keeps the
   * recheck: the two sides' snapshots are taken at different moments, so a row may be in flight between
   * them.
   */
  public boolean makesRecheckUnneeded() {
    return this == SCN;
  }
}
