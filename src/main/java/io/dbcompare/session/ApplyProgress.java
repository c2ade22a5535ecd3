package io.dbcompare.session;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code --apply} did with the session's sync scripts, saved after every committed batch, so a
 * killed apply resumes after the last committed batch. Keyed by the absolute path of each script file
 * that holds statements (a whole script or a part).
 *
 * <p>Only {@link ApplyBook} changes it, through its named operations (the mutators here are
 * package-private); everyone else reads it through the views below. The fields are private and written
 * to the session file as they are.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public final class ApplyProgress {
  public static final String RUNNING = "running";
  public static final String STOPPED = "stopped";
  public static final String COMPLETED = "completed";

  private String status;
  /** The script run: the session master, or the tables' scripts. */
  private List<String> scripts = new ArrayList<>();
  private String startedAt;
  private String finishedAt;
  private long statementsApplied;
  private long statementsSkipped;
  private Map<String, FileProgress> files = new LinkedHashMap<>();
  /** Conflicts: skipped with --skip-conflicts, or the one that stopped the apply. */
  private List<String> conflicts = new ArrayList<>();

  /** Progress through one script file. */
  @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
      isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
  public static final class FileProgress {
    private int batches;
    /** Batches committed, in order: the next run starts with batch {@code batchesDone + 1}. */
    private int batchesDone;
    private long statementsDone;
    /**
     * Set (to {@code batchesDone}) just before a batch's COMMIT and cleared once the session records
     * it: when a run dies in between, the next run cannot know whether the batch committed and checks.
     */
    private Integer inDoubtBatch;

    FileProgress() {}
  }

  /** A snapshot of one file's progress. */
  public record FileView(int batches, int batchesDone, long statementsDone, Integer inDoubtBatch) {
    /** Whether batch {@code index} (0-based) may have committed in a run that died before recording it. */
    public boolean inDoubt(int index) {
      return inDoubtBatch != null && inDoubtBatch == index;
    }

    public boolean done() {
      return batchesDone >= batches;
    }
  }

  ApplyProgress() {}

  // ------------------------------------------------------------------ views

  public String status() {
    return status;
  }

  public List<String> scripts() {
    return Collections.unmodifiableList(scripts);
  }

  public String startedAt() {
    return startedAt;
  }

  public String finishedAt() {
    return finishedAt;
  }

  public long statementsApplied() {
    return statementsApplied;
  }

  public long statementsSkipped() {
    return statementsSkipped;
  }

  public List<String> conflicts() {
    return Collections.unmodifiableList(conflicts);
  }

  /** The progress of a file, or null when the apply never reached it. */
  public FileView file(String file) {
    FileProgress f = files.get(file);
    return f == null ? null : new FileView(f.batches, f.batchesDone, f.statementsDone, f.inDoubtBatch);
  }

  // ------------------------------------------------------------------ changes (ApplyBook only)

  void started(List<String> runScripts, String now) {
    if (startedAt == null) {
      startedAt = now;
    }
    status = RUNNING;
    finishedAt = null;
    scripts = new ArrayList<>(runScripts);
  }

  void fileHas(String file, int batches) {
    files.computeIfAbsent(file, k -> new FileProgress()).batches = batches;
  }

  void aboutToCommit(String file, int batch) {
    FileProgress f = existing(file);
    if (batch != f.batchesDone) {
      throw new IllegalStateException(file + ": batch " + (batch + 1) + " commits out of order (done: " + f.batchesDone + ")");
    }
    f.inDoubtBatch = batch;
  }

  void committed(String file, int batch, int statements, long applied, List<String> skipped) {
    FileProgress f = existing(file);
    if (batch != f.batchesDone) {
      throw new IllegalStateException(file + ": batch " + (batch + 1) + " recorded out of order (done: " + f.batchesDone + ")");
    }
    f.batchesDone = batch + 1;
    f.inDoubtBatch = null;
    f.statementsDone += statements;
    statementsApplied += applied;
    statementsSkipped += skipped.size();
    for (String k : skipped) {
      conflicts.add("skipped: " + k);
    }
  }

  void stopped(String conflict) {
    status = STOPPED;
    conflicts.add("stopped: " + conflict);
  }

  void finished(String now) {
    status = COMPLETED;
    finishedAt = now;
  }

  private FileProgress existing(String file) {
    FileProgress f = files.get(file);
    if (f == null) {
      throw new IllegalStateException(file + " was not started");
    }
    return f;
  }
}
