package io.dbcompare.session;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code --repair} did, saved after every committed chunk so a killed repair resumes after the
 * last committed chunk. Chunks are repaired in the plan's order, so per table the index of the last
 * committed chunk says what is done.
 *
 * <p>Only {@link RepairBook} changes it, through its named operations (the mutators here are
 * package-private); everyone else reads it through the views below.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public final class RepairProgress {
  public static final String RUNNING = "running";
  public static final String STOPPED = "stopped";
  public static final String COMPLETED = "completed";

  private String status;
  private String startedAt;
  private String finishedAt;
  private long rowsDeleted;
  private long rowsUpdated;
  private long rowsInserted;
  private long rowsSkipped;
  /** Per table key {@code SCHEMA_TABLE}. */
  private Map<String, TableRepair> tables = new LinkedHashMap<>();
  /** Conflicts: skipped with --skip-conflicts, or the one that stopped the repair. */
  private List<String> conflicts = new ArrayList<>();

  /** Progress through one table's chunks. */
  @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
      isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
  public static final class TableRepair {
    private String status = RUNNING;
    /** The chunk index (of the comparison's plan) last committed; -1 before the first. */
    private int lastChunk = -1;
    /**
     * Set just before a chunk's COMMIT and cleared once the session records it: a run that died in
     * between cannot know whether the chunk committed, and the next run reads its rows back.
     */
    private Integer inDoubtChunk;
    private int chunksDone;
    private long deleted;
    private long updated;
    private long inserted;
    private long skipped;

    TableRepair() {}
  }

  /** A snapshot of one table's repair. */
  public record TableView(String status, int lastChunk, Integer inDoubtChunk, int chunksDone, long deleted,
      long updated, long inserted, long skipped) {
    public boolean completed() {
      return COMPLETED.equals(status);
    }

    /** Whether chunk {@code index} may have committed in a run that died before recording it. */
    public boolean inDoubt(int index) {
      return inDoubtChunk != null && inDoubtChunk == index;
    }
  }

  RepairProgress() {}

  // ------------------------------------------------------------------ views

  public String status() {
    return status;
  }

  public String startedAt() {
    return startedAt;
  }

  public String finishedAt() {
    return finishedAt;
  }

  public long rowsDeleted() {
    return rowsDeleted;
  }

  public long rowsUpdated() {
    return rowsUpdated;
  }

  public long rowsInserted() {
    return rowsInserted;
  }

  public long rowsSkipped() {
    return rowsSkipped;
  }

  public List<String> conflicts() {
    return Collections.unmodifiableList(conflicts);
  }

  /** The table's progress, or null when no repair reached it. */
  public TableView table(String key) {
    TableRepair t = tables.get(key);
    return t == null ? null : new TableView(t.status, t.lastChunk, t.inDoubtChunk, t.chunksDone, t.deleted, t.updated,
        t.inserted, t.skipped);
  }

  // ------------------------------------------------------------------ changes (RepairBook only)

  void started(String now) {
    if (startedAt == null) {
      startedAt = now;
    }
    status = RUNNING;
    finishedAt = null;
  }

  void tableStarted(String key) {
    tables.computeIfAbsent(key, k -> new TableRepair());
  }

  void aboutToCommit(String key, int chunk) {
    TableRepair t = existing(key);
    if (chunk <= t.lastChunk) {
      throw new IllegalStateException(key + ": chunk " + (chunk + 1) + " commits out of order (last: "
          + (t.lastChunk + 1) + ")");
    }
    t.inDoubtChunk = chunk;
  }

  void committed(String key, int chunk, long deleted, long updated, long inserted, List<String> skipped) {
    TableRepair t = existing(key);
    if (chunk <= t.lastChunk) {
      throw new IllegalStateException(key + ": chunk " + (chunk + 1) + " recorded out of order (last: "
          + (t.lastChunk + 1) + ")");
    }
    t.lastChunk = chunk;
    t.inDoubtChunk = null;
    t.chunksDone++;
    t.deleted += deleted;
    t.updated += updated;
    t.inserted += inserted;
    t.skipped += skipped.size();
    rowsDeleted += deleted;
    rowsUpdated += updated;
    rowsInserted += inserted;
    rowsSkipped += skipped.size();
    for (String k : skipped) {
      conflicts.add("skipped: " + k);
    }
  }

  void tableCompleted(String key) {
    existing(key).status = COMPLETED;
  }

  void stopped(String conflict) {
    status = STOPPED;
    conflicts.add("stopped: " + conflict);
  }

  void finished(String now) {
    status = COMPLETED;
    finishedAt = now;
  }

  private TableRepair existing(String key) {
    TableRepair t = tables.get(key);
    if (t == null) {
      throw new IllegalStateException(key + " was not started");
    }
    return t;
  }
}
