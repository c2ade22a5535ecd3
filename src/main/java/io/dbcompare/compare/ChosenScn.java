package io.dbcompare.compare;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The system change number a session reads both sides at ({@code snapshot: scn}): chosen once when the
 * session starts, recorded in the session, and used again by every resume.
 *
 * @param scn the SCN every query of both sides reads {@code AS OF}
 * @param side the side whose database gave it (a physical standby gives its applied SCN)
 * @param why how it was chosen, for the console, the log and the session
 */
public record ChosenScn(BigInteger scn, Side side, String why) {
  public ChosenScn {
    Objects.requireNonNull(scn);
    Objects.requireNonNull(side);
    if (scn.signum() <= 0) {
      throw new IllegalArgumentException("an SCN is positive: " + scn);
    }
  }

  /** The read point of both sides. */
  public ReadPoint readPoint() {
    return ReadPoint.scn(scn);
  }
}
