package io.dbcompare.config;

import io.dbcompare.config.TableName.Identifier;
import java.util.List;
import java.util.Optional;

/**
 * One table to compare, as configured. Empty lists mean "not given": the primary key is then read
 * from the catalog, and all common columns are compared.
 *
 * @param keyColumns a logical key the DBA names ({@code key_columns}) for a table without a usable
 *     primary key: checked for NULLs and duplicates when the table is compared
 * @param where a filter applied to both sides. It is the one piece of raw SQL the user supplies; it
 *     is placed in parentheses and must be valid on both platforms.
 * @param recheck this table's own recheck settings; empty: the run's
 * @param strictColumns {@code strict_columns} of the entry: whether a column on one side only fails the
 *     table (true) or is left out of the comparison with a warning (false); empty: the run's setting
 */
public record TableConfig(
    TableName source,
    TableName target,
    List<Identifier> primaryKey,
    List<Identifier> keyColumns,
    Optional<Integer> chunkSize,
    List<Identifier> columns,
    List<Identifier> excludeColumns,
    Optional<String> where,
    Optional<RecheckSettings> recheck,
    Optional<Boolean> strictColumns) {

  /** A table without {@code key_columns} that takes the run's recheck settings. */
  public TableConfig(TableName source, TableName target, List<Identifier> primaryKey, Optional<Integer> chunkSize,
      List<Identifier> columns, List<Identifier> excludeColumns, Optional<String> where) {
    this(source, target, primaryKey, List.of(), chunkSize, columns, excludeColumns, where, Optional.empty());
  }

  /** A table without {@code key_columns}. */
  public TableConfig(TableName source, TableName target, List<Identifier> primaryKey, Optional<Integer> chunkSize,
      List<Identifier> columns, List<Identifier> excludeColumns, Optional<String> where,
      Optional<RecheckSettings> recheck) {
    this(source, target, primaryKey, List.of(), chunkSize, columns, excludeColumns, where, recheck);
  }

  /** A table that takes the run's recheck settings. */
  public TableConfig(TableName source, TableName target, List<Identifier> primaryKey, List<Identifier> keyColumns,
      Optional<Integer> chunkSize, List<Identifier> columns, List<Identifier> excludeColumns, Optional<String> where) {
    this(source, target, primaryKey, keyColumns, chunkSize, columns, excludeColumns, where, Optional.empty());
  }

  /** An entry without its own {@code strict_columns}. */
  public TableConfig(TableName source, TableName target, List<Identifier> primaryKey, List<Identifier> keyColumns,
      Optional<Integer> chunkSize, List<Identifier> columns, List<Identifier> excludeColumns, Optional<String> where,
      Optional<RecheckSettings> recheck) {
    this(source, target, primaryKey, keyColumns, chunkSize, columns, excludeColumns, where, recheck, Optional.empty());
  }

  public TableConfig {
    recheck = recheck == null ? Optional.empty() : recheck;
    primaryKey = List.copyOf(primaryKey);
    keyColumns = List.copyOf(keyColumns);
    if (!primaryKey.isEmpty() && !keyColumns.isEmpty()) {
      throw new IllegalArgumentException("primary_key and key_columns both given for " + source.display());
    }
    columns = List.copyOf(columns);
    excludeColumns = List.copyOf(excludeColumns);
    strictColumns = strictColumns == null ? Optional.empty() : strictColumns;
  }

  /** The same entry for the tables its names resolve to (bare names get their default schema). */
  public TableConfig withNames(TableName resolvedSource, TableName resolvedTarget) {
    return new TableConfig(resolvedSource, resolvedTarget, primaryKey, keyColumns, chunkSize, columns, excludeColumns,
        where, recheck, strictColumns);
  }

  public String key() {
    return source.key();
  }

  /** The recheck settings of this table: its own, or else the run's. */
  public RecheckSettings recheckOr(RecheckSettings run) {
    return recheck.orElse(run);
  }
}
