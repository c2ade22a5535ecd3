package io.dbcompare.config;

/**
 * The {@code repair:} section: how {@code --repair} writes rows into the target.
 *
 * @param batchSize rows per JDBC batch (and per COPY stream flush); statements of one chunk still
 *     commit together, one transaction per chunk
 * @param directPath Oracle only: INSERTs with the {@code APPEND_VALUES} hint (direct-path). It locks
 *     the whole table for the transaction and writes above the high-water mark, so the DBA must ask
 *     for it; elsewhere it is ignored
 */
public record RepairSettings(int batchSize, boolean directPath) {
  public static final int DEFAULT_BATCH_SIZE = 5_000;
  public static final RepairSettings DEFAULTS = new RepairSettings(DEFAULT_BATCH_SIZE, false);
}
