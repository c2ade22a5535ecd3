package io.dbcompare.compare;

import io.dbcompare.session.TableProgress;

/** What the engine tells the console and the log as it goes. */
public interface ProgressListener {
  void tableStarted(int position, int count, String table);

  void tablePlanned(String table, int chunks, int alreadyDone, boolean resumedPlan);

  /** How the table's rows are compared (hash push-down or hashing in Java, and why). */
  void tableMode(String table, String mode);

  void chunkFinished(String table, int chunkIndex, int chunkCount, ChunkResult result, TableProgress progress);

  void chunkRetry(String table, int chunkIndex, int chunkCount, int attempt, String error);

  /** Preparing the table (catalog, plan, push-down check) lost its connection and is tried again. */
  void tableRetry(String table, int attempt, String error);

  void chunkFailed(String table, int chunkIndex, int chunkCount, String error);

  void tableFinished(String table, TableProgress progress);

  void tableFailed(String table, String error);

  void tableSkipped(String table, String reason);
}
