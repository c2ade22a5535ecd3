package io.dbcompare.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code --apply} did with the session's sync scripts, saved after every committed batch, so a
 * killed apply resumes after the last committed batch. Keyed by the absolute path of each script file
 * that holds statements (a whole script or a part).
 */
public class ApplyProgress {
  public static final String RUNNING = "running";
  public static final String STOPPED = "stopped";
  public static final String COMPLETED = "completed";

  public String status;
  /** The script run: the session master, or the tables' scripts. */
  public List<String> scripts = new ArrayList<>();
  public String startedAt;
  public String finishedAt;
  public long statementsApplied;
  public long statementsSkipped;
  public Map<String, FileProgress> files = new LinkedHashMap<>();
  /** Conflicts: skipped with --skip-conflicts, or the one that stopped the apply. */
  public List<String> conflicts = new ArrayList<>();

  /** Progress through one script file. */
  public static class FileProgress {
    public int batches;
    /** Batches committed, in order: the next run starts with batch {@code batchesDone + 1}. */
    public int batchesDone;
    public long statementsDone;
    /**
     * Set (to {@code batchesDone}) just before a batch's COMMIT and cleared once the session records
     * it: when a run dies in between, the next run cannot know whether the batch committed and checks.
     */
    public Integer inDoubtBatch;
  }
}
