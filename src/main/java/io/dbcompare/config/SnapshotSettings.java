package io.dbcompare.config;

import java.util.Objects;

/**
 * The {@code comparison.snapshot:} section: one point in time per database pair. Parsed and checked
 * against both platforms by {@link SnapshotSettingsParser}.
 *
 * @param mode how every read of the run is pinned (see {@link SnapshotMode})
 */
public record SnapshotSettings(SnapshotMode mode) {
  public static final SnapshotSettings NONE = new SnapshotSettings(SnapshotMode.NONE);

  public SnapshotSettings {
    Objects.requireNonNull(mode);
  }

  /**
   * The rule for the recheck of differing rows (issue 10, section 3): off for this pair when the mode
   * makes it unneeded ({@code scn}: nothing can be in flight), whatever {@code recheck:} says.
   */
  public boolean makesRecheckUnneeded() {
    return mode.makesRecheckUnneeded();
  }

  /** The recheck a table of this pair gets: {@code configured}, or off where the mode makes it unneeded. */
  public RecheckSettings effectiveRecheck(RecheckSettings configured) {
    return makesRecheckUnneeded() ? RecheckSettings.OFF : configured;
  }
}
