package io.dbcompare.jdbc;

import io.dbcompare.compare.KeySource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Chooses a table's comparison key from what the configuration and the catalogs say, in this order:
 * the configured {@code primary_key}; the configured {@code key_columns}; the source's primary key; the
 * narrowest unique index or unique constraint of the source whose columns are all usable (NOT NULL on
 * both sides, compared, matched in the target); otherwise none, and the table is compared as a multiset
 * of whole rows. Pure: the catalog reading is the resolver's.
 */
final class KeyChoice {
  private KeyChoice() {}

  /**
   * A unique index or unique constraint as the catalog lists it.
   *
   * @param partial the index has a predicate (PostgreSQL {@code CREATE UNIQUE INDEX ... WHERE}): it
   *     makes only some rows unique, so it can never be the key
   */
  record UniqueIndex(String name, List<String> columns, boolean partial) {
    UniqueIndex {
      columns = List.copyOf(columns);
    }
  }

  /**
   * @param configuredPrimaryKey {@code primary_key} as source column names (empty: not configured)
   * @param keyColumns {@code key_columns} as source column names (empty: not configured)
   * @param primaryKey the source's declared primary key (empty: none)
   * @param uniqueIndexes the source's unique indexes and constraints
   * @param usable whether a source column may be part of a key taken from an index: NOT NULL on both
   *     sides, present in the target, compared and of a supported type
   */
  static KeySource choose(List<String> configuredPrimaryKey, List<String> keyColumns, List<String> primaryKey,
      List<UniqueIndex> uniqueIndexes, Predicate<String> usable) {
    if (!configuredPrimaryKey.isEmpty()) {
      return KeySource.of(KeySource.Kind.CONFIGURED, configuredPrimaryKey);
    }
    if (!keyColumns.isEmpty()) {
      return KeySource.of(KeySource.Kind.KEY_COLUMNS, keyColumns);
    }
    if (!primaryKey.isEmpty()) {
      return KeySource.of(KeySource.Kind.PRIMARY_KEY, primaryKey);
    }
    return narrowestUnique(uniqueIndexes, usable)
        .map(u -> KeySource.uniqueIndex(u.name(), u.columns()))
        .orElseGet(KeySource::none);
  }

  /** The unique index with the fewest columns, all usable; among equals the first by name (stable). */
  static Optional<UniqueIndex> narrowestUnique(List<UniqueIndex> indexes, Predicate<String> usable) {
    List<UniqueIndex> candidates = new ArrayList<>();
    for (UniqueIndex u : indexes) {
      if (!u.partial() && !u.columns().isEmpty() && u.columns().stream().allMatch(usable)) {
        candidates.add(u);
      }
    }
    return candidates.stream().min(Comparator.comparingInt((UniqueIndex u) -> u.columns().size())
        .thenComparing(u -> u.name() == null ? "" : u.name()));
  }
}
