package io.dbcompare.compare;

import io.dbcompare.config.TableConfig;

/**
 * Resolves tables as another resolver does, read at fixed points in time ({@code snapshot: scn}): the
 * read points travel in the {@link TableSpec} to every query shape (planning, checksums, key and hash
 * streams, full rows, splits, lookups), each rendering its FROM through the dialect's table reference.
 * A resumed run resolves its tables again through this, with the session's SCN.
 */
public final class ReadAtResolver implements TableResolver {
  private final TableResolver base;
  private final ReadPoint source;
  private final ReadPoint target;

  public ReadAtResolver(TableResolver base, ReadPoint source, ReadPoint target) {
    this.base = base;
    this.source = source;
    this.target = target;
  }

  @Override
  public TableSpec resolve(TableConfig table) {
    return base.resolve(table).withReadPoints(source, target);
  }
}
