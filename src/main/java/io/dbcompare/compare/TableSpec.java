package io.dbcompare.compare;

import java.util.Collections;
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
 * @param keyOrders per key column, the order both sides deliver it in and how each side's SQL gets it
 *     (decided at resolve time from both databases); empty: code point order on plain columns
 * @param sourceReadPoint the point in time every query of the source reads ({@link ReadPoint#NONE}: now)
 * @param targetReadPoint the same for the target
 * @param keySource where the key came from; {@link KeySource.Kind#NONE} for a table without key, whose
 *     {@code keyCount} is 0 and whose rows are compared as a multiset of whole rows ({@link #keyless()})
 * @param structure how the two tables' structures differ (columns on one side only, types, lengths,
 *     nullability, keys), found when the table was resolved; columns on one side only are not in
 *     {@link #columns()}
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
    TargetTraits targetTraits,
    List<KeyColumnOrder> keyOrders,
    ReadPoint sourceReadPoint,
    ReadPoint targetReadPoint,
    KeySource keySource,
    List<StructureDifference> structure) {

  public TableSpec {
    columns = List.copyOf(columns);
    uniqueKeys = uniqueKeys.stream().map(List::copyOf).toList();
    targetTraits = targetTraits == null ? TargetTraits.NONE : targetTraits;
    keyOrders = keyOrders == null || keyOrders.isEmpty()
        ? Collections.nCopies(keyCount, KeyColumnOrder.DEFAULT) : List.copyOf(keyOrders);
    if (keyOrders.size() != keyCount) {
      throw new IllegalArgumentException(keyOrders.size() + " key orders for " + keyCount + " key columns");
    }
    sourceReadPoint = sourceReadPoint == null ? ReadPoint.NONE : sourceReadPoint;
    targetReadPoint = targetReadPoint == null ? ReadPoint.NONE : targetReadPoint;
    keySource = keySource == null ? KeySource.UNSPECIFIED : keySource;
    if ((keyCount == 0) != (keySource.kind() == KeySource.Kind.NONE)) {
      throw new IllegalArgumentException(displayName + ": " + keyCount + " key columns but key " + keySource.kind());
    }
    structure = structure == null ? List.of() : List.copyOf(structure);
  }

  /** A table without recorded structure differences. */
  public TableSpec(String key, String displayName, TableRef source, TableRef target, List<ColumnSpec> columns,
      int keyCount, Optional<String> where, boolean emptyStringIsNull, List<List<String>> uniqueKeys,
      TargetTraits targetTraits, List<KeyColumnOrder> keyOrders, ReadPoint sourceReadPoint,
      ReadPoint targetReadPoint, KeySource keySource) {
    this(key, displayName, source, target, columns, keyCount, where, emptyStringIsNull, uniqueKeys, targetTraits,
        keyOrders, sourceReadPoint, targetReadPoint, keySource, List.of());
  }

  /** A table whose key's origin is not recorded. */
  public TableSpec(String key, String displayName, TableRef source, TableRef target, List<ColumnSpec> columns,
      int keyCount, Optional<String> where, boolean emptyStringIsNull, List<List<String>> uniqueKeys,
      TargetTraits targetTraits, List<KeyColumnOrder> keyOrders, ReadPoint sourceReadPoint,
      ReadPoint targetReadPoint) {
    this(key, displayName, source, target, columns, keyCount, where, emptyStringIsNull, uniqueKeys, targetTraits,
        keyOrders, sourceReadPoint, targetReadPoint, null, List.of());
  }

  /** A table read now, its text keys in code point order on plain columns. */
  public TableSpec(String key, String displayName, TableRef source, TableRef target, List<ColumnSpec> columns,
      int keyCount, Optional<String> where, boolean emptyStringIsNull, List<List<String>> uniqueKeys,
      TargetTraits targetTraits) {
    this(key, displayName, source, target, columns, keyCount, where, emptyStringIsNull, uniqueKeys, targetTraits,
        List.of(), ReadPoint.NONE, ReadPoint.NONE, null);
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

  /** The same table with the key orders chosen for both databases. */
  public TableSpec withKeyOrders(List<KeyColumnOrder> orders) {
    return new TableSpec(key, displayName, source, target, columns, keyCount, where, emptyStringIsNull, uniqueKeys,
        targetTraits, orders, sourceReadPoint, targetReadPoint, keySource, structure);
  }

  /** The same table read at the given points in time. */
  public TableSpec withReadPoints(ReadPoint sourcePoint, ReadPoint targetPoint) {
    return new TableSpec(key, displayName, source, target, columns, keyCount, where, emptyStringIsNull, uniqueKeys,
        targetTraits, keyOrders, sourcePoint, targetPoint, keySource, structure);
  }

  /** The same table with the given columns (same key count, order, key source and structure). */
  public TableSpec withColumns(List<ColumnSpec> newColumns) {
    return new TableSpec(key, displayName, source, target, newColumns, keyCount, where, emptyStringIsNull, uniqueKeys,
        targetTraits, keyOrders, sourceReadPoint, targetReadPoint, keySource, structure);
  }

  /** The same table with its key's origin recorded. */
  public TableSpec withKeySource(KeySource origin) {
    return new TableSpec(key, displayName, source, target, columns, keyCount, where, emptyStringIsNull, uniqueKeys,
        targetTraits, keyOrders, sourceReadPoint, targetReadPoint, origin, structure);
  }

  /** The same table with the structure differences found when it was resolved. */
  public TableSpec withStructure(List<StructureDifference> differences) {
    return new TableSpec(key, displayName, source, target, columns, keyCount, where, emptyStringIsNull, uniqueKeys,
        targetTraits, keyOrders, sourceReadPoint, targetReadPoint, keySource, differences);
  }

  /**
   * Whether the table has no key: its rows are compared as a multiset of whole rows, in buckets by row
   * hash (see {@link BucketComparer}); differences are only rows missing on one side (never DIFFERENT),
   * and its sync scripts delete and insert whole rows. Stages that work by key (re-reading rows by key,
   * repairing by key) must check this and work on whole rows or skip the table, saying why.
   */
  public boolean keyless() {
    return keySource.kind() == KeySource.Kind.NONE;
  }

  /** The table reduced to its key columns (the shape of a key + hash stream), same orders and read points. */
  public TableSpec keysOnly() {
    return new TableSpec(key, displayName, source, target, keyColumns(), keyCount, where, emptyStringIsNull,
        List.of(), TargetTraits.NONE, keyOrders, sourceReadPoint, targetReadPoint, keySource, structure);
  }

  public ReadPoint readPoint(Side side) {
    return side == Side.SOURCE ? sourceReadPoint : targetReadPoint;
  }

  public TableRef ref(Side side) {
    return side == Side.SOURCE ? source : target;
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
    return new KeyOrder(keyKinds(), keyOrders.stream().map(KeyColumnOrder::text).toList());
  }
}
