package io.dbcompare.compare;

import io.dbcompare.session.TableProgress;

/**
 * Runs when every chunk of a table is finished: writes the sync script and the summary from the
 * merged chunk results. Results are handed over as a re-iterable sequence read from the checkpoint
 * store, so memory holds one chunk's differences at a time.
 */
public interface TableFinisher {
  /** Records the paths it wrote in {@code progress} (syncScript, summaryFile). */
  void finish(TableSpec table, Iterable<ChunkResult> results, TableProgress progress);
}
