package io.dbcompare.config;

import io.dbcompare.config.TableName.Identifier;
import java.util.List;
import java.util.Optional;

/**
 * One table to compare, as configured. Empty lists mean "not given": the primary key is then read
 * from the catalog, and all common columns are compared.
 *
 * @param where a filter applied to both sides. It is the one piece of raw SQL the user supplies; it
 *     is placed in parentheses and must be valid on both platforms.
 * @param strictColumns {@code strict_columns} of the entry: whether a column on one side only fails the
 *     table (true) or is left out of the comparison with a warning (false); empty: the run's setting
 */
public record TableConfig(
    TableName source,
    TableName target,
    List<Identifier> primaryKey,
    Optional<Integer> chunkSize,
    List<Identifier> columns,
    List<Identifier> excludeColumns,
    Optional<String> where,
    Optional<Boolean> strictColumns) {

  public TableConfig {
    primaryKey = List.copyOf(primaryKey);
    columns = List.copyOf(columns);
    excludeColumns = List.copyOf(excludeColumns);
    strictColumns = strictColumns == null ? Optional.empty() : strictColumns;
  }

  /** An entry without its own {@code strict_columns}. */
  public TableConfig(TableName source, TableName target, List<Identifier> primaryKey, Optional<Integer> chunkSize,
      List<Identifier> columns, List<Identifier> excludeColumns, Optional<String> where) {
    this(source, target, primaryKey, chunkSize, columns, excludeColumns, where, Optional.empty());
  }

  /** The same entry for the tables its names resolve to (bare names get their default schema). */
  public TableConfig withNames(TableName resolvedSource, TableName resolvedTarget) {
    return new TableConfig(resolvedSource, resolvedTarget, primaryKey, chunkSize, columns, excludeColumns, where,
        strictColumns);
  }

  public String key() {
    return source.key();
  }
}
