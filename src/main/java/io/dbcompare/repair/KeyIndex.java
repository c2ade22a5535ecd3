package io.dbcompare.repair;

import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.compare.ValueText;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows by key: the canonical text of a key is its identity (1 and 1.0 are one NUMBER key, as in the
 * comparison's merge), so rows read from the two databases meet here.
 */
final class KeyIndex {
  private final List<ValueKind> kinds;
  private final int keyCount;
  private final Map<List<String>, Object[]> rows = new HashMap<>();

  KeyIndex(TableSpec t) {
    this.kinds = t.keyKinds();
    this.keyCount = t.keyCount();
  }

  List<String> keyOf(Object[] keyOrRow) {
    return ValueText.encodeKey(kinds, keyOrRow.length == keyCount ? keyOrRow : Arrays.copyOf(keyOrRow, keyCount));
  }

  void put(Object[] row) {
    rows.put(keyOf(row), row);
  }

  /** The row with {@code key}, or null. */
  Object[] get(Object[] key) {
    return rows.get(keyOf(key));
  }

  boolean contains(Object[] keyOrRow) {
    return rows.containsKey(keyOf(keyOrRow));
  }

  int size() {
    return rows.size();
  }
}
