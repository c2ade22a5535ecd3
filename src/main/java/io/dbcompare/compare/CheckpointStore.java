package io.dbcompare.compare;

import java.util.Optional;

/** Persists finished chunks so that a resumed run does not read them again. */
public interface CheckpointStore {
  /** Saves a chunk's result; what table stages stored for an earlier result of that chunk is removed. */
  void save(String sessionId, ChunkResult result);

  /**
   * The stored result, or empty when there is none or it cannot be trusted (damaged, from another
   * format version, session, table or chunk). When a table is prepared, an empty result means the chunk
   * is compared again; when a finished table's results are read back, it fails the table
   * ({@code CHECKPOINT_CORRUPT}). {@code chunkCount} only numbers the chunk in messages.
   */
  Optional<ChunkResult> load(String sessionId, TableSpec table, int chunkIndex, int chunkCount);

  /** Saves a table stage's result for one chunk (see {@link TableStage}). */
  void saveStage(String sessionId, String stage, ChunkResult result);

  /** A table stage's stored result for one chunk, or empty (none, or not to be trusted). */
  Optional<ChunkResult> loadStage(String sessionId, String stage, TableSpec table, int chunkIndex, int chunkCount);
}
