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
 * @param recheck this table's own recheck settings; empty: the run's
 */
public record TableConfig(
    TableName source,
    TableName target,
    List<Identifier> primaryKey,
    Optional<Integer> chunkSize,
    List<Identifier> columns,
    List<Identifier> excludeColumns,
    Optional<String> where,
    Optional<RecheckSettings> recheck) {

  /** A table that takes the run's recheck settings. */
  public TableConfig(TableName source, TableName target, List<Identifier> primaryKey, Optional<Integer> chunkSize,
      List<Identifier> columns, List<Identifier> excludeColumns, Optional<String> where) {
    this(source, target, primaryKey, chunkSize, columns, excludeColumns, where, Optional.empty());
  }

  public TableConfig {
    recheck = recheck == null ? Optional.empty() : recheck;
    primaryKey = List.copyOf(primaryKey);
    columns = List.copyOf(columns);
    excludeColumns = List.copyOf(excludeColumns);
  }

  public String key() {
    return source.key();
  }

  /** The recheck settings of this table: its own, or else the run's. */
  public RecheckSettings recheckOr(RecheckSettings run) {
    return recheck.orElse(run);
  }
}
