package io.dbcompare.vendor;

import java.time.Duration;

/**
 * How far a replica's data is behind its primary, as the database reports it, or why that cannot be
 * known. Unknown is never 0: a primary, a logical subscriber or a missing privilege says nothing about
 * how far the target is behind.
 *
 * @param lag the lag, or null when unknown
 * @param unknownReason why it is unknown (null when known)
 */
public record ReplicaLag(Duration lag, String unknownReason) {

  public ReplicaLag {
    if ((lag == null) == (unknownReason == null)) {
      throw new IllegalArgumentException("a lag is either known or unknown with a reason");
    }
    if (lag != null && lag.isNegative()) {
      throw new IllegalArgumentException("negative lag " + lag);
    }
  }

  public static ReplicaLag of(Duration lag) {
    return new ReplicaLag(lag, null);
  }

  public static ReplicaLag unknown(String reason) {
    return new ReplicaLag(null, reason);
  }

  public boolean known() {
    return lag != null;
  }
}
