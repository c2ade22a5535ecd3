package io.dbcompare.discovery;

import io.dbcompare.config.TableConfig;
import java.util.List;
import java.util.Map;

/**
 * The tables a configuration names once the catalogs were read: its {@code tables:} entries first (bare
 * names with their default schema), then each {@code schemas:} entry's tables by name, an explicit entry
 * taking the place of the discovered one for the same table.
 *
 * @param tables in comparison order, every name qualified
 * @param missingInTarget keys of discovered tables that the target schema does not have, with why
 * @param discoveredBy key of each discovered table -> the schema entry it came from, as the user wrote it
 * @param targetOnly tables of the target schemas that no source table of the entry matches
 *     ({@code SCHEMA.TABLE}, catalog spelling)
 */
public record ResolvedTables(List<TableConfig> tables, Map<String, String> missingInTarget,
    Map<String, String> discoveredBy, List<String> targetOnly) {

  public ResolvedTables {
    tables = List.copyOf(tables);
    missingInTarget = Map.copyOf(missingInTarget);
    discoveredBy = Map.copyOf(discoveredBy);
    targetOnly = List.copyOf(targetOnly);
  }
}
