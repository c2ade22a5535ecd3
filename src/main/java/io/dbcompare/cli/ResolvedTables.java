package io.dbcompare.cli;

import io.dbcompare.compare.TableResolver;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.config.TableConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run's table resolver, keeping what it resolved: the reports read a finished table's differing
 * rows from its checkpoints with the table's columns. A table finished by an earlier run of the session
 * is resolved again (its catalog; its rows are never read again).
 */
final class ResolvedTables implements TableResolver {
  private final TableResolver resolver;
  private final Map<String, TableSpec> specs = new ConcurrentHashMap<>();

  ResolvedTables(TableResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public TableSpec resolve(TableConfig table) {
    TableSpec spec = resolver.resolve(table);
    specs.put(spec.key(), spec);
    return spec;
  }

  /** The table as this run resolved it, or resolved now. */
  TableSpec spec(TableConfig table) {
    TableSpec known = specs.get(table.key());
    return known != null ? known : resolve(table);
  }
}
