package io.dbcompare.compare;

import static io.dbcompare.compare.EngineFixture.RESOLVER;
import static io.dbcompare.compare.EngineFixture.config;
import static io.dbcompare.compare.EngineFixture.db;
import static io.dbcompare.compare.EngineFixture.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.EngineFixture.MemoryDb;
import io.dbcompare.compare.EngineFixture.RecordingFinisher;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The runner with push-down over an in-memory database: checksums of several chunks per query, each
 * chunk still checkpointed on its own; differences clustered in a few chunks are bisected, differences
 * spread over every chunk switch the table to bucket passes.
 */
class BatchedChecksumsTest {
  private static final int ROWS = 20_000;
  private static final int CHUNK = 1_000;

  /** Rows 1..20000, two changes in chunk 3 (keys 3001..4000) and one row missing in chunk 13. */
  private static MemoryDb clustered() {
    return db(ROWS, r -> {
      int k = ((BigDecimal) r[0]).intValue();
      if (k == 12_500) {
        return null;
      }
      return k == 3_010 || k == 3_011 ? new Object[] {r[0], "changed"} : r;
    });
  }

  private static EngineFixture run(MemoryDb db, HashPushdown pushdown, EngineFixture f) throws InterruptedException {
    f.engine(db, pushdown, RESOLVER, new RecordingFinisher(), options(1, CHUNK), ComparisonEngine.Hooks.NONE)
        .run(List.of(config("S.T")), ComparisonEngine.Mode.NEW);
    return f;
  }

  /** Per chunk index: rows per side and the differences, as checkpointed. */
  private static Map<Integer, String> checkpoints(EngineFixture f) {
    Map<Integer, String> out = new TreeMap<>();
    for (ChunkResult r : f.checkpoints.chunks.values()) {
      List<String> diffs = new ArrayList<>();
      for (RowDiff d : r.diffs()) {
        diffs.add(d.kind() + " " + d.key()[0]);
      }
      out.put(r.chunkIndex(), r.sourceRows() + "/" + r.targetRows() + " " + diffs);
    }
    return out;
  }

  @Test
  void batchedChecksumsGiveEveryChunkTheSameResultAndCheckpointAsSingleChunkQueries() throws Exception {
    MemoryDb db = clustered();
    EngineFixture batched = run(db, db, new EngineFixture("S.T"));
    EngineFixture java = run(clustered(), null, new EngineFixture("S.T"));
    assertEquals(20, checkpoints(batched).size(), "each chunk checkpointed on its own");
    assertEquals(checkpoints(java), checkpoints(batched));
    assertEquals(TableStatus.COMPLETED, batched.book.table("S_T").status());
    assertEquals(3, batched.book.table("S_T").differentRows() + batched.book.table("S_T").missingInTarget());
    // batches of 1, 2, 4, 8 and the 5 chunks left: the first chunk alone, four batched queries per side
    assertEquals(2 * 4, db.batchedQueries);
    assertEquals(2 * 19, db.batchedChunks.size());
    // clustered differences are bisected (sub-range checksums), never bucketed
    assertEquals(0, db.bucketQueries);
    assertTrue(db.checksums > 0, "the two differing chunks were bisected");
    assertTrue(db.hashRows <= 2 * 2 * CHUNK / 4, "only the differing chunks' sub-ranges are merged: " + db.hashRows);
  }

  /**
   * One worker (one lane), 20 chunks: groups [0], [1, 2], [3..6], [7..14], [15..19]. When the worker
   * starts on a group whose chunks all matched, the next group's query is already started on a reader
   * thread, so the databases work while the worker checkpoints; after a group with a difference the next
   * one waits for the worker to ask (a table with differences everywhere must not read checksums ahead).
   */
  @Test
  void theNextGroupIsQueriedAheadOnlyAfterAGroupThatMatched() throws Exception {
    MemoryDb identical = db(ROWS, r -> r);
    EngineFixture f = run(identical, identical, new EngineFixture("S.T"));
    assertEquals(TableStatus.COMPLETED, f.book.table("S_T").status());
    assertEquals(List.of("reader", "reader", "reader", "reader"), identical.batchedSourceThreads);
    assertEquals(2 * 4, identical.batchedQueries, "each group queried once");

    MemoryDb clustered = clustered(); // chunk 3 differs: group [3..6] did not match
    EngineFixture g = run(clustered, clustered, new EngineFixture("S.T"));
    assertEquals(2, g.book.table("S_T").differentRows());
    // chunk 12 (a row missing) is in group [7..14] too: [15..19] waits for the worker as well
    assertEquals(List.of("reader", "reader", "chunk", "chunk"), clustered.batchedSourceThreads);
    assertEquals(checkpoints(run(clustered(), null, new EngineFixture("S.T"))), checkpoints(g),
        "the same results as without push-down");
  }

  /**
   * A read-ahead that fails (a lost connection here) leaves no chunk empty or matching: a chunk that was
   * already waiting for it retries, the others query on their own; every chunk ends compared, as without
   * read-ahead.
   */
  @Test
  void aFailedReadAheadLeavesItsChunksToQueryOnTheirOwn() throws Exception {
    MemoryDb db = clustered();
    db.failNextBatched = new CompareException(ErrorCode.DATABASE, "source database: connection reset", null, true);
    EngineFixture f = run(db, db, new EngineFixture("S.T"));
    TableSnapshot t = f.book.table("S_T");
    assertEquals(TableStatus.COMPLETED, t.status(), t.error());
    assertEquals(20, t.completedChunks());
    assertEquals(checkpoints(run(clustered(), null, new EngineFixture("S.T"))), checkpoints(f));
    assertEquals(null, db.failNextBatched, "the read-ahead did fail");
  }

  @Test
  void aFailedBatchedQueryFailsItsChunksNeverLeavingThemEmptyOrMatching() throws Exception {
    MemoryDb db = clustered();
    db.checksumFailure = new CompareException(ErrorCode.DATABASE, "target database: ORA-00600 (SQLState 60000, code 600)",
        null, false);
    EngineFixture f = run(db, db, new EngineFixture("S.T"));
    TableSnapshot t = f.book.table("S_T");
    assertEquals(TableStatus.FAILED, t.status());
    assertEquals(0, t.completedChunks(), "no chunk passes as compared");
    assertTrue(f.book.chunks("S_T").stream().allMatch(c -> c.status() == TableStatus.FAILED));
    assertTrue(f.checkpoints.chunks.isEmpty(), "no checkpoint for a failed chunk");
  }

  @Test
  void aBatchThatCannotEncodeARowSwitchesTheTableToJavaHashingForEveryChunkThatWaitedForIt() throws Exception {
    MemoryDb db = clustered();
    db.checksumFailure = new CompareException(ErrorCode.CANNOT_ENCODE, "source database: ORA-01489: result of string"
        + " concatenation is too long (SQLState 72000, code 1489)", null, false);
    EngineFixture f = new EngineFixture("S.T");
    f.engine(db, db, RESOLVER, new RecordingFinisher(), options(2, CHUNK), ComparisonEngine.Hooks.NONE)
        .run(List.of(config("S.T")), ComparisonEngine.Mode.NEW);
    TableSnapshot t = f.book.table("S_T");
    assertEquals(TableStatus.COMPLETED, t.status(), t.error());
    assertEquals(20, t.completedChunks());
    assertEquals(2, t.differentRows());
    assertEquals(1, t.missingInTarget());
    assertEquals(1, f.events(ProgressEvent.TableMode.class).stream().filter(m -> !m.pushdown()).count(),
        "the table switches once");
  }

  @Test
  void aResumeAfterPartOfABatchWasCheckpointedComparesOnlyTheRest() throws Exception {
    EngineFixture first = run(clustered(), null, new EngineFixture("S.T"));
    Map<Integer, String> expected = checkpoints(first);
    EngineFixture again = new EngineFixture("S.T");
    first.checkpoints.chunks.forEach((id, r) -> {
      if (r.chunkIndex() < 2 || r.chunkIndex() > 5) {
        again.checkpoints.chunks.put(id, r);
      }
    });
    MemoryDb db = clustered();
    run(db, db, again);
    assertEquals(expected, checkpoints(again));
    // only chunks 2 to 5 are compared: 2 alone, then 3 and 4 in one batched query per side, then 5
    assertEquals(List.of(3, 3, 4, 4), db.batchedChunks.stream().sorted().toList());
    assertEquals(2, db.batchedQueries);
    assertEquals(TableStatus.COMPLETED, again.book.table("S_T").status());
  }

  @Test
  void differencesSpreadOverEveryChunkSwitchTheTableToBucketPasses() throws Exception {
    // one changed row in every chunk of 1,000 rows
    MemoryDb db = db(20_000, r -> ((BigDecimal) r[0]).intValue() % 1_000 == 437 ? new Object[] {r[0], "x"} : r);
    EngineFixture f = new EngineFixture("S.T");
    f.engine(db, db, RESOLVER, new RecordingFinisher(), options(1, 1_000), ComparisonEngine.Hooks.NONE)
        .run(List.of(config("S.T")), ComparisonEngine.Mode.NEW);
    assertEquals(20, f.book.table("S_T").differentRows());
    // the first SPREAD_STREAK chunks are bisected; from then on one bucket query per side and chunk
    assertEquals(2 * (20 - ChunkRunner.SPREAD_STREAK), db.bucketQueries);
    assertTrue(db.hashRows <= 0.05 * 2 * 20_000, "key + hash rows: " + db.hashRows);
    assertEquals(2 * 20, db.fullRows, "full rows only for the differing keys");
  }
}
