package io.dbcompare.sync;

import java.util.List;

/**
 * A foreign key of the target table to itself: the values of {@code columns} in a row name the row
 * whose {@code referencedColumns} hold them (column names as the target's catalog spells them, in key
 * sequence). The sync script inserts the referenced rows first and deletes the referencing rows first.
 */
public record SelfReference(String name, List<String> columns, List<String> referencedColumns) {
  public SelfReference {
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
  }
}
