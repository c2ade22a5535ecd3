package io.dbcompare.dialect;

import java.util.List;

/**
 * A piece of SQL that stands for a value (or a condition on one) in a bound statement, and the values
 * bound to its {@code ?}s, in order: {@code ?} with one bind, {@code CAST(? AS DATE)}, or a literal
 * such as {@code NULL} with none.
 */
public record BoundValue(String sql, List<Bind> binds) {
  public BoundValue {
    binds = List.copyOf(binds);
  }

  /** SQL without parameters. */
  public static BoundValue literal(String sql) {
    return new BoundValue(sql, List.of());
  }

  /** One parameter, written as {@code sql} (which holds one {@code ?}). */
  public static BoundValue of(String sql, Bind bind) {
    return new BoundValue(sql, List.of(bind));
  }
}
