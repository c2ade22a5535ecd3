package io.dbcompare.dialect;

import io.dbcompare.compare.ValueKind;
import java.util.Locale;
import java.util.Optional;

/**
 * What a dialect knows about a column type beyond its {@link ValueKind}: the family of values it holds
 * and whether it can be a comparison key.
 *
 * <p>Two columns are compared only when their kinds are equal and their families fit ({@link TypePairs}):
 * a kind's plain family ({@code text}, {@code bytes}...) is shared by every type whose values are
 * exactly that (VARCHAR2, CLOB, PostgreSQL json as stored, an enum's label, a uuid's 16 bytes); a type
 * whose text is one of several spellings of a value (jsonb's normalized text, inet, Oracle's serialized
 * XML) has a family of its own, so that it is never compared with text that may spell the same value
 * otherwise.
 *
 * @param kind the canonical kind its values are read as
 * @param family the family of values (see {@link TypePairs})
 * @param notAKey why it cannot be a key column, or null when it can
 */
public record ColumnKind(ValueKind kind, String family, String notAKey) {

  /** A type of a kind's plain family that can be a key. */
  public static ColumnKind plain(ValueKind kind) {
    return new ColumnKind(kind, plainFamily(kind), null);
  }

  /** The family every plain type of {@code kind} has: its name in lower case. */
  public static String plainFamily(ValueKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /** Of a kind's plain family, but never a key, because {@code why}. */
  public static ColumnKind plainNoKey(ValueKind kind, String why) {
    return new ColumnKind(kind, plainFamily(kind), why);
  }

  /** Of a family of its own, never a key, because {@code why}. */
  public static ColumnKind own(ValueKind kind, String family, String why) {
    return new ColumnKind(kind, family, why);
  }

  public Optional<String> keyRefusal() {
    return Optional.ofNullable(notAKey);
  }
}
