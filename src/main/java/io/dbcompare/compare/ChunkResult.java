package io.dbcompare.compare;

import java.time.Instant;
import java.util.List;

/**
 * What one chunk found: counts, and only the rows that differ.
 *
 * @param readAt when the differing rows' values were read (the chunk's comparison, or the last recheck
 *     round); null when unknown (checkpoints of earlier versions): a recheck then reads them at once
 * @param rechecks what each recheck round of this chunk found, in order; empty before the recheck
 */
public record ChunkResult(
    String tableKey,
    int chunkIndex,
    long sourceRows,
    long targetRows,
    long missingInTarget,
    long missingInSource,
    long different,
    List<RowDiff> diffs,
    Instant readAt,
    List<RecheckRound> rechecks) {

  public ChunkResult {
    diffs = List.copyOf(diffs);
    rechecks = rechecks == null ? List.of() : List.copyOf(rechecks);
  }

  /** A chunk result not rechecked, of unknown read time. */
  public ChunkResult(String tableKey, int chunkIndex, long sourceRows, long targetRows, long missingInTarget,
      long missingInSource, long different, List<RowDiff> diffs) {
    this(tableKey, chunkIndex, sourceRows, targetRows, missingInTarget, missingInSource, different, diffs, null,
        List.of());
  }

  /** The same result, its rows read at {@code at}. */
  public ChunkResult withReadAt(Instant at) {
    return new ChunkResult(tableKey, chunkIndex, sourceRows, targetRows, missingInTarget, missingInSource, different,
        diffs, at, rechecks);
  }

  public long differences() {
    return missingInTarget + missingInSource + different;
  }

  /** Rows the recheck found equal again (in flight), over all rounds. */
  public long inFlight() {
    return rechecks.stream().mapToLong(RecheckRound::inFlight).sum();
  }

  /** Rows whose target changed between two reads (followed by the target), over all rounds. */
  public long changing() {
    return rechecks.stream().mapToLong(RecheckRound::changing).sum();
  }
}
