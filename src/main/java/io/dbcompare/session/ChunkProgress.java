package io.dbcompare.session;

import java.util.ArrayList;
import java.util.List;

/** One chunk of a table's plan: its key range (typed text, see ValueText) and its progress. */
public class ChunkProgress {
  public int index;
  /** Exclusive lower bound; null for the first chunk. */
  public List<String> lower;
  /** Inclusive upper bound; null for the last chunk. */
  public List<String> upper;
  public SessionStatus status = SessionStatus.PENDING;
  public long sourceRows;
  public long targetRows;
  public long missingInTarget;
  public long missingInSource;
  public long differentRows;
  /** What each recheck round found in this chunk (empty: not rechecked). */
  public List<RecheckCount> recheckRounds = new ArrayList<>();
  public String error;

  public ChunkProgress() {}

  public ChunkProgress(int index, List<String> lower, List<String> upper) {
    this.index = index;
    this.lower = lower;
    this.upper = upper;
  }
}
