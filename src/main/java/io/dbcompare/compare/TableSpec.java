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
 */
public record TableSpec(
    String key,
    String displayName,
    TableRef source,
    TableRef target,
    List<ColumnSpec> columns,
    int keyCount,
    Optional<String> where,
    boolean emptyStringIsNull) {

  public TableSpec {
    columns = List.copyOf(columns);
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
