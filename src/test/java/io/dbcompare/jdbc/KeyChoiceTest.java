package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dbcompare.compare.KeySource;
import io.dbcompare.compare.KeySource.Kind;
import io.dbcompare.jdbc.KeyChoice.UniqueIndex;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The order in which a table's key is chosen, and which unique index may be one. */
class KeyChoiceTest {
  private static final List<UniqueIndex> INDEXES = List.of(
      new UniqueIndex("UQ_WIDE", List.of("CODE", "REGION"), false),
      new UniqueIndex("UQ_B_NARROW", List.of("CODE"), false),
      new UniqueIndex("UQ_A_NARROW", List.of("NO"), false),
      new UniqueIndex("UQ_NULLABLE", List.of("NOTE_ID"), false),
      new UniqueIndex("UQ_PARTIAL", List.of("ALT"), true));
  private static final Predicate<String> NOT_NULL = Set.of("CODE", "REGION", "NO", "ALT")::contains;

  @Test
  void configuredKeysComeFirstThenThePrimaryKey() {
    assertEquals(KeySource.of(Kind.CONFIGURED, List.of("X")),
        KeyChoice.choose(List.of("X"), List.of(), List.of("ID"), INDEXES, NOT_NULL));
    assertEquals(KeySource.of(Kind.KEY_COLUMNS, List.of("Y", "Z")),
        KeyChoice.choose(List.of(), List.of("Y", "Z"), List.of("ID"), INDEXES, NOT_NULL));
    assertEquals(KeySource.of(Kind.PRIMARY_KEY, List.of("ID")),
        KeyChoice.choose(List.of(), List.of(), List.of("ID"), INDEXES, NOT_NULL));
  }

  @Test
  void theNarrowestUsableUniqueIndexFirstByName() {
    assertEquals(KeySource.uniqueIndex("UQ_A_NARROW", List.of("NO")),
        KeyChoice.choose(List.of(), List.of(), List.of(), INDEXES, NOT_NULL));
    // NO nullable on a side: the other one-column index
    assertEquals(KeySource.uniqueIndex("UQ_B_NARROW", List.of("CODE")),
        KeyChoice.choose(List.of(), List.of(), List.of(), INDEXES, c -> !c.equals("NO") && NOT_NULL.test(c)));
    // only the wide one is usable
    assertEquals(KeySource.uniqueIndex("UQ_WIDE", List.of("CODE", "REGION")),
        KeyChoice.choose(List.of(), List.of(), List.of(), INDEXES.subList(0, 1), NOT_NULL));
  }

  @Test
  void nullableAndPartialIndexesAreNeverKeys() {
    List<UniqueIndex> unusable = INDEXES.subList(3, 5);
    assertEquals(KeySource.none(), KeyChoice.choose(List.of(), List.of(), List.of(), unusable, NOT_NULL));
    assertEquals(KeySource.none(), KeyChoice.choose(List.of(), List.of(), List.of(), List.of(), NOT_NULL));
  }
}
