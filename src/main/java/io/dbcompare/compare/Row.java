package io.dbcompare.compare;

import java.util.Arrays;

/** One row as read: all compared values (key columns first) and the hash of their canonical encoding. */
public record Row(Object[] values, RowHasher.RowHash hash, int keyCount) {

  public Object[] key() {
    return Arrays.copyOf(values, keyCount);
  }
}
