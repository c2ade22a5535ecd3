package io.dbcompare.compare;

import java.time.Duration;
import java.time.Instant;

/**
 * What happened in a run, with the facts a listener needs (times from the run's clock, counts taken
 * under the progress book's lock), so that the console, the session log and reports never read live
 * state. Table names are display names ({@code SCHEMA.TABLE}).
 */
public sealed interface ProgressEvent {
  /** When it happened (the run's injected clock). */
  Instant at();

  /** The engine starts on the given tables of a session. */
  record RunStarted(Instant at, String sessionId, int tables) implements ProgressEvent {}

  /** A stop was requested (Ctrl-C): chunks in flight finish, no new ones start. */
  record StopRequested(Instant at) implements ProgressEvent {}

  /** Every table ended or was left for a resume; the session's status is saved. */
  record RunEnded(Instant at, RunStatus status) implements ProgressEvent {}

  /** @param position 1-based position among the run's tables */
  record TableStarted(Instant at, String table, int position, int count) implements ProgressEvent {}

  record TableSkipped(Instant at, String table, String reason) implements ProgressEvent {}

  /**
   * @param alreadyDone chunks read back from checkpoints
   * @param resumedPlan the plan was saved by an earlier run
   */
  record TablePlanned(Instant at, String table, int chunks, int alreadyDone, boolean resumedPlan, TableFacts facts)
      implements ProgressEvent {}

  /** The table's comparison key and where it came from (the console names it when it is not the primary key). */
  record TableKey(Instant at, String table, KeySource key) implements ProgressEvent {}

  /**
   * How the two tables' structures differ (found when the table was resolved, before any row is read):
   * columns on one side only are left out of the row comparison; the rest is reported.
   */
  record TableStructure(Instant at, String table, java.util.List<StructureDifference> differences)
      implements ProgressEvent {
    public TableStructure {
      differences = java.util.List.copyOf(differences);
    }
  }

  /** How the table's rows are compared: hash push-down or hashing in Java, and why. */
  record TableMode(Instant at, String table, boolean pushdown, String mode) implements ProgressEvent {}

  /** Preparing the table (catalog, plan, push-down check) lost its connection and is tried again. */
  record TableRetry(Instant at, String table, int attempt, String error) implements ProgressEvent {}

  /** @param chunkIndex 0-based */
  record ChunkRetry(Instant at, String table, int chunkIndex, int chunkCount, int attempt, String error)
      implements ProgressEvent {}

  /**
   * A chunk was compared and checkpointed.
   *
   * @param sourceRows the chunk's source rows
   * @param differences the chunk's differing rows
   */
  record ChunkCompleted(Instant at, String table, int chunkIndex, long sourceRows, long targetRows,
      long differences, TableFacts facts) implements ProgressEvent {}

  record ChunkFailed(Instant at, String table, int chunkIndex, int chunkCount, String error)
      implements ProgressEvent {}

  /** The table's outputs are written and it is completed. */
  record TableFinished(Instant at, String table, TableSnapshot result, TableFacts facts) implements ProgressEvent {}

  record TableFailed(Instant at, String table, String error) implements ProgressEvent {}

  /**
   * A recheck round of a table ended: the rows its chunks found different were read again on both sides.
   *
   * @param round 1-based, of {@code rounds}
   * @param counts summed over the table's chunks (rows read again, in flight, changing, still different)
   */
  record RecheckRoundDone(Instant at, String table, int rounds, RecheckRound counts) implements ProgressEvent {}

  /**
   * A recheck round of a table waits until its rows were read at least the recheck delay ago (said once
   * per round, at its first wait).
   */
  record RecheckWaiting(Instant at, String table, int round, int rounds, Duration waiting) implements ProgressEvent {}

  /**
   * The target's replication lag, read at the start or the end of a run.
   *
   * @param reading the lag, or why it is unknown
   * @param delay the recheck delay configured for the run
   * @param effectiveDelay the delay the recheck uses: the configured one, or the lag plus a margin when
   *     the lag exceeds it (then different from {@code delay})
   */
  record ReplicationLag(Instant at, LagReading reading, Duration delay, Duration effectiveDelay)
      implements ProgressEvent {}

  /**
   * A table's progress in this run.
   *
   * @param startedAt when this run took the table up
   * @param plannedRows estimated source rows from the plan (see {@link TableSnapshot#plannedRows()}), or
   *     null when unknown
   * @param rowsDone source rows of the completed chunks (including those read back from checkpoints)
   * @param differences differing rows found so far
   */
  record TableFacts(Instant startedAt, int chunksDone, int chunksTotal, Long plannedRows, long rowsDone,
      long differences) {

    static TableFacts of(Instant startedAt, TableSnapshot t) {
      return new TableFacts(startedAt, t.completedChunks(), t.totalChunks(), t.plannedRows(), t.sourceRows(),
          t.differences());
    }
  }
}
