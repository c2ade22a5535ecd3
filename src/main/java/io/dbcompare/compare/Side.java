package io.dbcompare.compare;

/** Which database a value or a stream comes from. */
public enum Side {
  SOURCE,
  TARGET;

  public String label() {
    return this == SOURCE ? "source" : "target";
  }
}
