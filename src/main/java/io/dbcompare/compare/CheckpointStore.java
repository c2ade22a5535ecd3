package io.dbcompare.compare;

import java.util.Optional;

/** Persists finished chunks so that a resumed run does not read them again. */
public interface CheckpointStore {
  void save(String sessionId, ChunkResult result);

  /**
   * The stored result, or empty when there is none or it cannot be trusted (damaged, from another
   * format version, from another chunk plan): the chunk is then computed again.
   */
  Optional<ChunkResult> load(String sessionId, TableSpec table, int chunkIndex, int chunkCount);
}
