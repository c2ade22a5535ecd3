package io.dbcompare.compare;

import java.util.List;
import java.util.Optional;

/**
 * What a {@link TableStage} may use: the session, the table, its progress and plan, and a place for
 * its own state.
 *
 * @param progress the table's counts before this stage
 * @param chunks the plan with each chunk's stored counts
 */
public record TableStageContext(String sessionId, TableSpec table, TableSnapshot progress, List<ChunkSnapshot> chunks,
    StageState state) {

  public TableStageContext {
    chunks = List.copyOf(chunks);
  }

  /** A stage's persisted result per chunk (same format, checksum and atomic write as the chunk checkpoints). */
  public interface StageState {
    void save(ChunkResult result);

    /** Empty when the stage has not finished the chunk, or its file cannot be trusted. */
    Optional<ChunkResult> load(int chunkIndex);
  }
}
