package io.dbcompare.compare;

/**
 * Runs when every chunk of a table is finished and its stages ran: writes the sync script and the
 * summary from the merged chunk results. Results are handed over as a re-iterable sequence read from
 * the checkpoint store, so memory holds one chunk's differences at a time.
 */
public interface TableFinisher {
  /** Writes the outputs and says what it wrote (recorded in the session by the engine). */
  TableOutputs finish(TableSpec table, Iterable<ChunkResult> results, TableSnapshot progress);
}
