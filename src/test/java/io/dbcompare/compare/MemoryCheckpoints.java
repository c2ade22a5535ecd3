package io.dbcompare.compare;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A checkpoint store in memory for engine tests; stage results are dropped when their chunk is saved again. */
final class MemoryCheckpoints implements CheckpointStore {
  final Map<String, ChunkResult> chunks = new ConcurrentHashMap<>();
  final Map<String, ChunkResult> stages = new ConcurrentHashMap<>();

  private static String id(String session, String table, int chunk) {
    return session + "/" + table + "/" + chunk;
  }

  @Override
  public void save(String sessionId, ChunkResult result) {
    String id = id(sessionId, result.tableKey(), result.chunkIndex());
    stages.keySet().removeIf(k -> k.endsWith("|" + id));
    chunks.put(id, result);
  }

  @Override
  public Optional<ChunkResult> load(String sessionId, TableSpec table, int chunkIndex, int chunkCount) {
    return Optional.ofNullable(chunks.get(id(sessionId, table.key(), chunkIndex)));
  }

  @Override
  public void saveStage(String sessionId, String stage, ChunkResult result) {
    stages.put(stage + "|" + id(sessionId, result.tableKey(), result.chunkIndex()), result);
  }

  @Override
  public Optional<ChunkResult> loadStage(String sessionId, String stage, TableSpec table, int chunkIndex,
      int chunkCount) {
    return Optional.ofNullable(stages.get(stage + "|" + id(sessionId, table.key(), chunkIndex)));
  }
}
