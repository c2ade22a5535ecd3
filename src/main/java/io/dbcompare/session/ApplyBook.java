package io.dbcompare.session;

import java.util.List;

/**
 * The one owner of a session's {@link ApplyProgress}: each named operation changes it under the
 * session's monitor and saves the session at once, so the file always says which batches committed.
 * The order of a batch's operations is: {@link #aboutToCommit} (the batch is in doubt), the database
 * COMMIT, {@link #committed}. A run that dies between the two finds the batch in doubt and checks it.
 */
public final class ApplyBook {
  private final Session session;
  private final SessionStore store;
  private final ApplyProgress progress;

  private ApplyBook(Session session, SessionStore store, ApplyProgress progress) {
    this.session = session;
    this.store = store;
    this.progress = progress;
  }

  /**
   * Starts (or resumes) the apply of {@code scripts} in the session: its progress is created on the
   * first apply and kept by later ones.
   */
  public static ApplyBook start(Session session, SessionStore store, List<String> scripts) {
    synchronized (session) {
      ApplyProgress p = session.applyProgress;
      if (p == null) {
        p = new ApplyProgress();
        session.applyProgress = p;
      }
      p.started(scripts, store.now());
      store.save(session);
      return new ApplyBook(session, store, p);
    }
  }

  /** A read-only view of the progress (its views copy what they return). */
  public ApplyProgress progress() {
    return progress;
  }

  /** The file's progress, creating it with its number of batches on first use. */
  public ApplyProgress.FileView file(String file, int batches) {
    synchronized (session) {
      progress.fileHas(file, batches);
      return progress.file(file);
    }
  }

  /** Batch {@code batch} of {@code file} is about to COMMIT: in doubt until {@link #committed}. */
  public void aboutToCommit(String file, int batch) {
    synchronized (session) {
      progress.aboutToCommit(file, batch);
      store.save(session);
    }
  }

  /**
   * Batch {@code batch} of {@code file} committed (or was found committed earlier): its
   * {@code statements}, of which {@code applied} changed their row now and {@code skipped} conflicts
   * were skipped.
   */
  public void committed(String file, int batch, int statements, long applied, List<String> skipped) {
    synchronized (session) {
      progress.committed(file, batch, statements, applied, skipped);
      store.save(session);
    }
  }

  /** The apply stopped on a conflict; an in-doubt mark stays (whether that batch committed is still unknown). */
  public void stopped(String conflict) {
    synchronized (session) {
      progress.stopped(conflict);
      store.save(session);
    }
  }

  /** Every batch of every file is committed. */
  public void finished() {
    synchronized (session) {
      progress.finished(store.now());
      store.save(session);
    }
  }
}
