package io.dbcompare.compare;

import java.util.List;
import java.util.Optional;

/**
 * A table ready to compare: both sides found, columns matched, key chosen. Key columns come first in
 * {@link #columns()}, so a row's key is the prefix of its values.
 *
 * @param key the session key {@code SCHEMA_TABLE}
 * @param where the user's filter, applied on both sides (raw SQL, by design)
 * @param emptyStringIsNull read {@code ''} as NULL on both sides
 * @param uniqueKeys the target's unique constraints and indexes other than the comparison key, each as
 *     the list of its compared columns' names in {@link #columns()} (sync scripts must not update a
 *     unique value in place: two rows swapping it would collide)
 * @param targetTraits generated and identity columns and triggers of the target (reported in scripts)
 */
public record TableSpec(
    String key,
    String displayName,
    TableRef source,
    TableRef target,
    List<ColumnSpec> columns,
    int keyCount,
    Optional<String> where,
    boolean emptyStringIsNull,
    List<List<String>> uniqueKeys,
    TargetTraits targetTraits) {

  public TableSpec {
    columns = List.copyOf(columns);
    uniqueKeys = uniqueKeys.stream().map(List::copyOf).toList();
    targetTraits = targetTraits == null ? TargetTraits.NONE : targetTraits;
  }

  /** A table whose target has nothing special (see {@link TargetTraits}). */
  public TableSpec(String key, String displayName, TableRef source, TableRef target, List<ColumnSpec> columns,
      int keyCount, Optional<String> where, boolean emptyStringIsNull, List<List<String>> uniqueKeys) {
    this(key, displayName, source, target, columns, keyCount, where, emptyStringIsNull, uniqueKeys,
        TargetTraits.NONE);
  }

  /** A table without unique constraints besides its key. */
  public TableSpec(String key, String displayName, TableRef source, TableRef target, List<ColumnSpec> columns,
      int keyCount, Optional<String> where, boolean emptyStringIsNull) {
    this(key, displayName, source, target, columns, keyCount, where, emptyStringIsNull, List.of());
  }

  public List<ColumnSpec> keyColumns() {
    return columns.subList(0, keyCount);
  }

  public List<ValueKind> kinds() {
    return columns.stream().map(ColumnSpec::kind).toList();
  }

  public List<ValueKind> keyKinds() {
    return keyColumns().stream().map(ColumnSpec::kind).toList();
  }

  public List<String> keyNames() {
    return keyColumns().stream().map(ColumnSpec::name).toList();
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
  }

  public KeyOrder keyOrder() {
    return new KeyOrder(keyKinds());
  }
}
