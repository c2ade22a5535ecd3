package io.dbcompare.sync;

import io.dbcompare.compare.TableRef;

/**
 * A foreign key of the target database: rows of {@code child} reference rows of {@code parent}
 * (the same table for a self-reference).
 */
public record ForeignKey(TableRef child, TableRef parent, String name) {
  public boolean selfReference() {
    return child.equals(parent);
  }
}
