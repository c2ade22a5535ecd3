package io.dbcompare.compare;

/**
 * A step between a table's last chunk and its outputs (sync script, summary), run in order on the
 * finishing thread: a recheck that reads differing rows again later to drop rows that were in flight,
 * a repair. A stage gets the table's results (read from the checkpoint store one chunk at a time) and
 * returns the results the next stage and the finisher see: the same object to keep them, or a
 * re-iterable replacement whose chunks the session then records with their revised counts.
 *
 * <p>A stage must be resumable: a run can be killed at any point of it. It keeps its own state per
 * chunk through {@link TableStageContext#state()} (checkpoint files beside the chunk's, removed when
 * the chunk is compared again) and, when run again, reuses what it finished.
 *
 * <p>A {@link io.dbcompare.error.CompareException} fails the table with its message (resumable with
 * --retry-failed); the outputs are not written.
 */
public interface TableStage {
  /** A short name, lower case letters, digits and '-', used in its state files. */
  String name();

  Iterable<ChunkResult> run(TableStageContext context, Iterable<ChunkResult> results) throws InterruptedException;
}
