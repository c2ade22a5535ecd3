package io.dbcompare.compare;

import io.dbcompare.config.TableConfig;

/**
 * Finds a configured table on both sides and matches its columns. Throws a
 * {@link io.dbcompare.error.CompareException} with code TABLE_FAILED when the table cannot be compared.
 */
public interface TableResolver {
  TableSpec resolve(TableConfig table);
}
