package io.dbcompare.compare;

import java.util.List;

/**
 * What the target table has that a sync script must not break silently, read from its catalog.
 *
 * @param generatedColumns computed (virtual or stored generated) columns: compared nowhere and never
 *     written, their values follow from the other columns
 * @param identityAlways identity columns that refuse explicit values (GENERATED ALWAYS)
 * @param triggers the table's triggers, which fire on the script's statements
 */
public record TargetTraits(List<String> generatedColumns, List<String> identityAlways, List<String> triggers) {
  public static final TargetTraits NONE = new TargetTraits(List.of(), List.of(), List.of());

  public TargetTraits {
    generatedColumns = List.copyOf(generatedColumns);
    identityAlways = List.copyOf(identityAlways);
    triggers = List.copyOf(triggers);
  }

  public boolean isEmpty() {
    return generatedColumns.isEmpty() && identityAlways.isEmpty() && triggers.isEmpty();
  }
}
