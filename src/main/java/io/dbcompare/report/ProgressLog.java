package io.dbcompare.report;

import io.dbcompare.compare.ProgressEvent;
import io.dbcompare.compare.ProgressEvent.ChunkCompleted;
import io.dbcompare.compare.ProgressEvent.ChunkFailed;
import io.dbcompare.compare.ProgressEvent.ChunkRetry;
import io.dbcompare.compare.ProgressEvent.RecheckRoundDone;
import io.dbcompare.compare.ProgressEvent.ReplicationLag;
import io.dbcompare.compare.ProgressEvent.TableFailed;
import io.dbcompare.compare.ProgressEvent.TableFinished;
import io.dbcompare.compare.ProgressEvent.TableKey;
import io.dbcompare.compare.ProgressEvent.TableMode;
import io.dbcompare.compare.ProgressEvent.TablePlanned;
import io.dbcompare.compare.ProgressEvent.TableRetry;
import io.dbcompare.compare.ProgressEvent.TableSkipped;
import io.dbcompare.compare.ProgressEvent.TableStarted;
import io.dbcompare.compare.ProgressListener;
import io.dbcompare.compare.TableSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One grep-able line per event in the session log (logger {@code progress}, see {@link SessionLog}):
 * {@code TABLE: HR.EMPLOYEES | CHUNK: 3/8 | STATUS: COMPLETED | rows 10000/10000 | diffs 2}.
 */
public final class ProgressLog implements ProgressListener {
  private static final Logger progressLog = LoggerFactory.getLogger("progress");

  @Override
  public void on(ProgressEvent event) {
    if (event instanceof TableStarted e) {
      progressLog.info("TABLE: {} | STATUS: STARTED", e.table());
    } else if (event instanceof TablePlanned e) {
      progressLog.info("TABLE: {} | PLAN: {} chunks | already done {}", e.table(), e.chunks(), e.alreadyDone());
    } else if (event instanceof TableKey e) {
      progressLog.info("TABLE: {} | KEY: {}", e.table(), e.key().describe());
    } else if (event instanceof TableMode e) {
      progressLog.info("TABLE: {} | MODE: {}", e.table(), e.mode());
    } else if (event instanceof ChunkCompleted e) {
      progressLog.info("TABLE: {} | CHUNK: {}/{} | STATUS: COMPLETED | rows {}/{} | diffs {}", e.table(),
          e.chunkIndex() + 1, e.facts().chunksTotal(), e.sourceRows(), e.targetRows(), e.differences());
    } else if (event instanceof ChunkRetry e) {
      progressLog.warn("TABLE: {} | CHUNK: {}/{} | STATUS: RETRY {} | {}", e.table(), e.chunkIndex() + 1,
          e.chunkCount(), e.attempt(), e.error());
    } else if (event instanceof TableRetry e) {
      progressLog.warn("TABLE: {} | STATUS: RETRY {} | {}", e.table(), e.attempt(), e.error());
    } else if (event instanceof ChunkFailed e) {
      progressLog.error("TABLE: {} | CHUNK: {}/{} | STATUS: FAILED | {}", e.table(), e.chunkIndex() + 1,
          e.chunkCount(), e.error());
    } else if (event instanceof TableFinished e) {
      TableSnapshot p = e.result();
      progressLog.info("TABLE: {} | STATUS: COMPLETED | rows {}/{} | missing_in_target {} | missing_in_source {}"
          + " | different {} | in_flight {} | changing {}", e.table(), p.sourceRows(), p.targetRows(),
          p.missingInTarget(), p.missingInSource(), p.differentRows(), p.inFlightRows(), p.changingRows());
    } else if (event instanceof RecheckRoundDone e) {
      progressLog.info("TABLE: {} | RECHECK: {}/{} | rechecked {} | in_flight {} | changing {} | still_different {}",
          e.table(), e.counts().round(), e.rounds(), e.counts().rechecked(), e.counts().inFlight(),
          e.counts().changing(), e.counts().remaining());
    } else if (event instanceof ReplicationLag e) {
      progressLog.info("REPLICATION LAG: {} | {}", e.reading().when(), e.reading().known()
          ? e.reading().lagMillis() + " ms" : "unknown: " + e.reading().note());
    } else if (event instanceof TableFailed e) {
      progressLog.error("TABLE: {} | STATUS: FAILED | {}", e.table(), e.error());
    } else if (event instanceof ProgressEvent.TableStructure e) {
      for (var d : e.differences()) {
        progressLog.warn("TABLE: {} | STRUCTURE: {}", e.table(), d.text());
      }
    } else if (event instanceof TableSkipped e) {
      progressLog.info("TABLE: {} | STATUS: SKIPPED | {}", e.table(), e.reason());
    }
  }
}
