package io.dbcompare.config;

/**
 * The {@code sync:} section: how sync scripts are written.
 *
 * @param batchSize statements between COMMITs
 * @param guarded UPDATE and DELETE also match the target values seen during the comparison, and a
 *     statement that touches no row stops the script
 * @param maxStatementsPerFile a larger script is split into parts run by a master script
 * @param undo write an undo script beside each sync script
 * @param merge write MERGE statements instead of UPDATE/INSERT where the target supports it
 * @param maxScriptRows a table with more differing rows gets no sync (nor undo) script: gigabytes of
 *     statements nobody reviews; {@code --repair} writes such tables directly
 */
public record SyncSettings(int batchSize, boolean guarded, int maxStatementsPerFile, boolean undo, boolean merge,
    long maxScriptRows) {
  public static final int DEFAULT_BATCH_SIZE = 1_000;
  public static final int DEFAULT_MAX_STATEMENTS_PER_FILE = 100_000;
  public static final long DEFAULT_MAX_SCRIPT_ROWS = 1_000_000;

  /** Settings with the default limit of differing rows per script. */
  public SyncSettings(int batchSize, boolean guarded, int maxStatementsPerFile, boolean undo, boolean merge) {
    this(batchSize, guarded, maxStatementsPerFile, undo, merge, DEFAULT_MAX_SCRIPT_ROWS);
  }
}
