package io.dbcompare.compare;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The point in time a side's queries read: the current data ({@link #NONE}), or an Oracle system
 * change number, rendered as a flashback query {@code FROM t AS OF SCN ? alias} in every query of that
 * side so that all its chunks see one consistent state. Only a vendor object that supports it renders
 * it; the others refuse it.
 */
public record ReadPoint(Kind kind, BigInteger scn) {

  public enum Kind {
    NONE,
    ORACLE_SCN
  }

  public static final ReadPoint NONE = new ReadPoint(Kind.NONE, null);

  public ReadPoint {
    Objects.requireNonNull(kind);
    if ((kind == Kind.ORACLE_SCN) != (scn != null) || scn != null && scn.signum() < 0) {
      throw new IllegalArgumentException("a read point is NONE or a non-negative SCN: " + kind + " " + scn);
    }
  }

  public static ReadPoint scn(BigInteger scn) {
    return new ReadPoint(Kind.ORACLE_SCN, scn);
  }

  public boolean isNone() {
    return kind == Kind.NONE;
  }

  @Override
  public String toString() {
    return isNone() ? "current data" : "SCN " + scn;
  }
}
