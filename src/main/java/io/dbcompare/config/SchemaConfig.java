package io.dbcompare.config;

import io.dbcompare.config.TableName.Identifier;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code schemas:}: every table of a source schema whose name an include pattern matches
 * and no exclude pattern does, compared with the table of the same name in the target schema. The
 * tables themselves are read from the source catalog when a run starts (see {@code discovery}).
 *
 * @param name the source schema
 * @param targetName the target schema ({@code target_name}; the same as {@code name} when not given)
 * @param include glob patterns on table names ({@code ["*"]} when not given)
 * @param exclude glob patterns on table names
 * @param includeViews compare views too ({@code include_views}); tables only by default
 * @param chunkSize the chunk size of its tables, unless a {@code tables:} entry names one
 * @param strictColumns whether a column on one side only fails its tables ({@code strict_columns})
 * @param path where the entry is in the file ({@code schemas[0]}), for messages
 */
public record SchemaConfig(
    Identifier name,
    Identifier targetName,
    List<TablePattern> include,
    List<TablePattern> exclude,
    boolean includeViews,
    Optional<Integer> chunkSize,
    Optional<Boolean> strictColumns,
    String path) {

  public SchemaConfig {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  /** Everything that decides which tables are compared and how (for the comparison hash). */
  String describe() {
    return name.display() + "->" + targetName.display() + " include " + include + " exclude " + exclude
        + (includeViews ? " views" : "");
  }
}
