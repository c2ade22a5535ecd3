package io.dbcompare.jdbc;

import io.dbcompare.compare.Side;

/** The two connection pools of a comparison. */
public record Pools(ConnectionPool source, ConnectionPool target) implements AutoCloseable {

  public ConnectionPool of(Side side) {
    return side == Side.SOURCE ? source : target;
  }

  @Override
  public void close() {
    source.close();
    target.close();
  }
}
