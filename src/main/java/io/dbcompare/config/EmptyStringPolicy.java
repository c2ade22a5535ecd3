package io.dbcompare.config;

/**
 * How an empty string compares with NULL. Oracle stores {@code ''} as NULL; PostgreSQL keeps them
 * apart. A comparison involving Oracle would otherwise report every empty PostgreSQL string as a
 * difference that can never be synced.
 */
public enum EmptyStringPolicy {
  /** {@code ''} equals NULL when either side is Oracle, and differs from NULL otherwise. */
  AUTO,
  /** {@code ''} is always read as NULL. */
  NULL,
  /** {@code ''} and NULL always differ. */
  DISTINCT;

  public boolean emptyIsNull(Platform source, Platform target) {
    return switch (this) {
      case NULL -> true;
      case DISTINCT -> false;
      case AUTO -> Platforms.of(source).storesEmptyStringAsNull() || Platforms.of(target).storesEmptyStringAsNull();
    };
  }
}
