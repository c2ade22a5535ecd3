package io.dbcompare.compare;

import java.util.List;
import java.util.Objects;

/**
 * Where a table's comparison key came from, so the console, the summary and the session can say it,
 * and so a message about a duplicate or NULL key can name what to fix.
 *
 * @param kind how the key was chosen
 * @param name the unique index or constraint the key was taken from ({@link Kind#UNIQUE_INDEX}); else null
 * @param columns the key's source column names (empty for {@link Kind#NONE})
 */
public record KeySource(Kind kind, String name, List<String> columns) {

  /** How a key is chosen, in the order they are tried. */
  public enum Kind {
    /** {@code primary_key} in the configuration: trusted as the DBA states it. */
    CONFIGURED,
    /** {@code key_columns} in the configuration: a logical key, checked for NULLs and duplicates. */
    KEY_COLUMNS,
    /** The source table's declared primary key. */
    PRIMARY_KEY,
    /** The narrowest unique index or constraint whose columns are NOT NULL on both sides. */
    UNIQUE_INDEX,
    /** No key: the table is compared as a multiset of whole rows. */
    NONE
  }

  /** A key of a table spec built without saying where it came from (tests, older callers). */
  public static final KeySource UNSPECIFIED = new KeySource(Kind.PRIMARY_KEY, null, List.of());

  public KeySource {
    Objects.requireNonNull(kind, "kind");
    columns = List.copyOf(columns);
    if (kind == Kind.NONE && !columns.isEmpty()) {
      throw new IllegalArgumentException("a table without key has no key columns: " + columns);
    }
  }

  public static KeySource none() {
    return new KeySource(Kind.NONE, null, List.of());
  }

  public static KeySource of(Kind kind, List<String> columns) {
    return new KeySource(kind, null, columns);
  }

  public static KeySource uniqueIndex(String name, List<String> columns) {
    return new KeySource(Kind.UNIQUE_INDEX, name, columns);
  }

  /** Whether the console says which key was used: only when it is not the declared or configured primary key. */
  public boolean worthSaying() {
    return kind == Kind.UNIQUE_INDEX || kind == Kind.KEY_COLUMNS || kind == Kind.NONE;
  }

  /** One line for the console, the summary and the session: {@code unique index UQ_ORDERS_NO (ORDER_NO)}. */
  public String describe() {
    String cols = "(" + String.join(", ", columns) + ")";
    return switch (kind) {
      case CONFIGURED -> "primary_key " + cols + " (configured)";
      case KEY_COLUMNS -> "key_columns " + cols + " (configured; checked for NULLs and duplicates)";
      case PRIMARY_KEY -> "primary key " + cols;
      case UNIQUE_INDEX -> "unique index " + name + " " + cols + " (no primary key; its columns are NOT NULL on both"
          + " sides)";
      case NONE -> "none: no primary key and no unique index on NOT NULL columns; compared as a multiset of whole rows";
    };
  }

  /** What a DBA changes when the key turns out not unique or holds NULLs. */
  public String fixHint() {
    return switch (kind) {
      case KEY_COLUMNS -> "key_columns " + "(" + String.join(", ", columns) + ") must be NOT NULL and unique: name other"
          + " key_columns, or remove them to compare the table as a multiset of whole rows";
      case UNIQUE_INDEX -> "the key of unique index " + name + " must be unique and NOT NULL: set key_columns";
      default -> "the comparison key must be unique and NOT NULL: set primary_key (or key_columns) to unique NOT NULL"
          + " columns";
    };
  }
}
