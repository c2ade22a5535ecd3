package io.dbcompare.compare;

/**
 * Runs on the chunk worker after a chunk was compared and before its result is checkpointed: it may
 * return a revised result (e.g. rows read again at once), which is what the checkpoint, the session and
 * every later step see. A {@link io.dbcompare.error.CompareException} it throws is handled like the
 * comparison's own (a retryable one retries the chunk, any other fails it); the chunk is never
 * recorded without its stages.
 */
@FunctionalInterface
public interface ChunkStage {
  ChunkResult afterChunk(TableSpec table, ChunkResult result) throws InterruptedException;
}
