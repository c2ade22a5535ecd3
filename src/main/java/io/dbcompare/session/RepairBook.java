package io.dbcompare.session;

import java.util.List;

/**
 * The one owner of a session's {@link RepairProgress}: each named operation changes it under the
 * session's monitor and saves the session at once, so the file always says which chunks committed.
 * The order of a chunk's operations is: {@link #aboutToCommit} (the chunk is in doubt), the database
 * COMMIT, {@link #committed}. A run that dies between the two finds the chunk in doubt and reads its
 * rows back before it writes anything.
 */
public final class RepairBook {
  private final Session session;
  private final SessionStore store;
  private final RepairProgress progress;

  private RepairBook(Session session, SessionStore store, RepairProgress progress) {
    this.session = session;
    this.store = store;
    this.progress = progress;
  }

  /** Starts (or resumes) the repair of the session: its progress is created on the first repair and kept later. */
  public static RepairBook start(Session session, SessionStore store) {
    synchronized (session) {
      RepairProgress p = session.repairProgress;
      if (p == null) {
        p = new RepairProgress();
        session.repairProgress = p;
      }
      p.started(store.now());
      store.save(session);
      return new RepairBook(session, store, p);
    }
  }

  /** The table's progress, created on first use. */
  public RepairProgress.TableView table(String key) {
    synchronized (session) {
      progress.tableStarted(key);
      return progress.table(key);
    }
  }

  /** Chunk {@code chunk} of table {@code key} is about to COMMIT: in doubt until {@link #committed}. */
  public void aboutToCommit(String key, int chunk) {
    synchronized (session) {
      progress.aboutToCommit(key, chunk);
      store.save(session);
    }
  }

  /**
   * Chunk {@code chunk} of table {@code key} committed (or was found committed earlier): the rows it
   * deleted, updated and inserted now, and the conflicts it skipped.
   */
  public void committed(String key, int chunk, long deleted, long updated, long inserted, List<String> skipped) {
    synchronized (session) {
      progress.committed(key, chunk, deleted, updated, inserted, skipped);
      store.save(session);
    }
  }

  /** Every chunk of the table that needed it is repaired. */
  public void tableCompleted(String key) {
    synchronized (session) {
      progress.tableCompleted(key);
      store.save(session);
    }
  }

  /** The repair stopped on a conflict; an in-doubt mark stays (whether that chunk committed is still unknown). */
  public void stopped(String conflict) {
    synchronized (session) {
      progress.stopped(conflict);
      store.save(session);
    }
  }

  /** Every table of the repair is done. */
  public void finished() {
    synchronized (session) {
      progress.finished(store.now());
      store.save(session);
    }
  }

  /** A read-only view of the progress. */
  public RepairProgress progress() {
    return progress;
  }
}
