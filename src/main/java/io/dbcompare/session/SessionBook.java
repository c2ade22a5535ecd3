package io.dbcompare.session;

import io.dbcompare.compare.KeySource;
import io.dbcompare.compare.ChunkRange;
import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.ChunkSnapshot;
import io.dbcompare.compare.ChosenScn;
import io.dbcompare.compare.CrashPoints;
import io.dbcompare.compare.LagReading;
import io.dbcompare.compare.ProgressBook;
import io.dbcompare.compare.RecheckRound;
import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.RunStatus;
import io.dbcompare.compare.ScriptRecord;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.StructureDifference;
import io.dbcompare.compare.TableOutputs;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The one owner of a session during a run: every change to the {@link Session}, its tables and chunks
 * is one of these operations, done under the session's monitor, followed by a recount, and saved
 * through the {@link SessionStore} when the operation says so. Readers get immutable snapshots.
 *
 * <p>Saves after chunks are throttled to one a second (the checkpoint files are the record of finished
 * chunks); table transitions and the run's status are always saved at once.
 */
public final class SessionBook implements ProgressBook {
  private static final long SAVE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Session session;
  private final SessionStore store;
  private final LongSupplier nanoTime;
  /** When chunks were last saved (guarded by the session's monitor). */
  private long lastSave;
  /**
   * Tables whose new plan was saved and that changed since only by chunks (guarded by the session's
   * monitor): their {@link #tablePrepared} needs no save of its own (see there).
   */
  private final java.util.Set<String> planJustSaved = new java.util.HashSet<>();
  /** When such a table's preparation was last saved, if ever (guarded by the session's monitor). */
  private long lastPreparedSave;
  private boolean preparedSaved;

  SessionBook(Session session, SessionStore store, LongSupplier nanoTime) {
    this.session = session;
    this.store = store;
    this.nanoTime = nanoTime;
  }

  /** The book of a session read from its file (a resumed run). */
  public static SessionBook open(SessionStore store, Session loaded) {
    return new SessionBook(loaded, store, System::nanoTime);
  }

  /** A table of a new session, as configured (the run fills in the rest). */
  public record NewTable(String key, String schema, String table, String targetSchema, String targetTable) {}

  /** A new session with its tables, not saved yet (see {@link #runStatus}). */
  public static SessionBook create(SessionStore store, String configPath, String configHash, String source,
      String target, List<NewTable> tables) {
    return create(store, configPath, configHash, source, target, tables, List.of());
  }

  /**
   * A new session with its resolved tables (a resumed run compares exactly these, whatever the catalog
   * says by then) and the tables found only in the compared target schemas, not saved yet.
   */
  public static SessionBook create(SessionStore store, String configPath, String configHash, String source,
      String target, List<NewTable> tables, List<String> targetOnlyTables) {
    Session s = store.create(configPath, configHash, source, target);
    s.targetOnlyTables = new ArrayList<>(targetOnlyTables);
    for (NewTable t : tables) {
      TableProgress tp = new TableProgress();
      tp.schema = t.schema();
      tp.table = t.table();
      tp.targetSchema = t.targetSchema();
      tp.targetTable = t.targetTable();
      s.tableProgress.put(t.key(), tp);
    }
    return new SessionBook(s, store, System::nanoTime);
  }

  /** A read-only copy of a session loaded from its file (--status, --list-sessions). */
  public static RunSnapshot snapshotOf(Session s) {
    synchronized (s) {
      List<TableSnapshot> tables = new ArrayList<>();
      s.tableProgress.forEach((key, tp) -> tables.add(table(key, tp)));
      List<LagReading> lag = new ArrayList<>();
      if (s.replicationLag != null) {
        for (LagRecord l : s.replicationLag) {
          lag.add(new LagReading(l.when, l.at, l.lagMillis, l.note));
        }
      }
      return new RunSnapshot(s.sessionId, s.configPath, s.configHash, s.source, s.target, s.startTime, s.lastUpdate,
          s.status.run(), tables, records(s.sessionScripts), s.sessionScriptError, lag, s.targetOnlyTables);
    }
  }

  @Override
  public String sessionId() {
    return session.sessionId;
  }

  @Override
  public RunSnapshot snapshot() {
    return snapshotOf(session);
  }

  @Override
  public TableSnapshot table(String key) {
    synchronized (session) {
      return table(key, progress(key));
    }
  }

  @Override
  public List<ChunkSnapshot> chunks(String key) {
    synchronized (session) {
      List<ChunkSnapshot> out = new ArrayList<>();
      for (ChunkProgress c : progress(key).chunks) {
        out.add(new ChunkSnapshot(c.index, c.lower, c.upper, c.status.table(), c.sourceRows, c.targetRows,
            c.missingInTarget, c.missingInSource, c.differentRows, c.error));
      }
      return out;
    }
  }

  @Override
  public TableSnapshot tableStarted(String key, TableSpec spec) {
    synchronized (session) {
      TableProgress tp = progress(key);
      tp.status = SessionStatus.IN_PROGRESS;
      tp.error = null;
      if (tp.startedAt == null) {
        tp.startedAt = store.now();
      }
      tp.schema = spec.source().schema();
      tp.table = spec.source().table();
      tp.targetSchema = spec.target().schema();
      tp.targetTable = spec.target().table();
      tp.keyColumns = spec.keyNames();
      tp.keySource = KeySource.UNSPECIFIED.equals(spec.keySource()) ? null : spec.keySource().describe();
      tp.structure = notes(spec.structure());
      return table(key, tp);
    }
  }

  /**
   * A table of a schema that the target schema does not have: never compared, counted as a difference,
   * skipped by a resumed run; saved.
   */
  public TableSnapshot tableMissingInTarget(String key, String detail) {
    return endedWith(key, SessionStatus.MISSING_IN_TARGET, detail);
  }

  /** Ends a table with this status and its reason (kept as the table's error); saved. */
  private TableSnapshot endedWith(String key, SessionStatus status, String reason) {
    synchronized (session) {
      TableProgress tp = progress(key);
      tp.status = status;
      tp.error = reason;
      tp.finishedAt = store.now();
      tp.recount();
      store.save(session);
      return table(key, tp);
    }
  }

  @Override
  public TableSnapshot planRecorded(String key, List<ChunkRange> chunks, int chunkSize) {
    synchronized (session) {
      TableProgress tp = progress(key);
      List<ChunkProgress> plan = new ArrayList<>();
      for (ChunkRange r : chunks) {
        plan.add(new ChunkProgress(r.index(), r.lower(), r.upper()));
      }
      tp.chunks = plan;
      tp.chunkSize = chunkSize;
      tp.recount();
      store.save(session); // the plan is on disk before any chunk of it runs
      planJustSaved.add(key);
      return table(key, tp);
    }
  }

  @Override
  public void chunkRestored(String key, ChunkResult stored) {
    synchronized (session) {
      record(chunk(key, stored.chunkIndex()), stored);
    }
  }

  @Override
  public void chunkPending(String key, int index) {
    synchronized (session) {
      ChunkProgress cp = chunk(key, index);
      cp.status = SessionStatus.PENDING;
      cp.error = null;
    }
  }

  /**
   * Saved, unless the table's new plan was just saved: then everything a resume needs of the table (its
   * status, names, key, structure and plan) is on disk already, and only chunks read back from their
   * checkpoints changed, which the checkpoints record; the save then waits for the next one (at most a
   * second, like a chunk's). A whole schema of small tables saves its ever larger session file a third
   * less often so.
   */
  @Override
  public TableSnapshot tablePrepared(String key) {
    synchronized (session) {
      if (!planJustSaved.remove(key)) {
        return recountAndSave(key);
      }
      TableProgress tp = progress(key);
      tp.recount();
      long now = nanoTime.getAsLong();
      if (!preparedSaved || now - lastPreparedSave >= SAVE_INTERVAL_NANOS) {
        preparedSaved = true;
        lastPreparedSave = now; // apart from the chunks' clock: a chunk's save is never put off by this one
        store.save(session);
      }
      return table(key, tp);
    }
  }

  @Override
  public void chunkStarted(String key, int index) {
    synchronized (session) {
      chunk(key, index).status = SessionStatus.IN_PROGRESS;
    }
  }

  @Override
  public TableSnapshot chunkCompleted(String key, ChunkResult result) {
    boolean saved;
    TableSnapshot t;
    synchronized (session) {
      TableProgress tp = progress(key);
      record(chunk(key, result.chunkIndex()), result);
      tp.recount();
      long now = nanoTime.getAsLong();
      saved = now - lastSave >= SAVE_INTERVAL_NANOS;
      if (saved) {
        lastSave = now;
        store.save(session);
        CrashPoints.hit(CrashPoints.CHUNK_SESSION_SAVED);
      }
      t = table(key, tp);
    }
    return t;
  }

  @Override
  public TableSnapshot chunkFailed(String key, int index, String error) {
    synchronized (session) {
      ChunkProgress cp = chunk(key, index);
      cp.status = SessionStatus.FAILED;
      cp.error = error;
      return table(key, progress(key));
    }
  }

  @Override
  public TableSnapshot chunkRevised(String key, ChunkResult revised) {
    synchronized (session) {
      TableProgress tp = progress(key);
      ChunkProgress cp = chunk(key, revised.chunkIndex());
      if (cp.status != SessionStatus.COMPLETED) {
        throw new CompareException(ErrorCode.INTERNAL, key + ": chunk " + (revised.chunkIndex() + 1)
            + " was revised by a table stage but is " + cp.status + ", not completed");
      }
      record(cp, revised);
      tp.recount();
      return table(key, tp);
    }
  }

  @Override
  public TableSnapshot tableSuspended(String key) {
    return recountAndSave(key);
  }

  /** The table's counts from its chunks, saved: a table whose chunks were (re)loaded or that stopped early. */
  private TableSnapshot recountAndSave(String key) {
    synchronized (session) {
      TableProgress tp = progress(key);
      tp.recount();
      store.save(session);
      return table(key, tp);
    }
  }

  @Override
  public TableSnapshot tableFailed(String key, String error) {
    return endedWith(key, SessionStatus.FAILED, error);
  }

  @Override
  public void outputsRecorded(String key, TableOutputs o) {
    synchronized (session) {
      TableProgress tp = progress(key);
      tp.syncScript = o.syncScript();
      tp.undoScript = o.undoScript();
      tp.scripts = files(o.scripts());
      tp.catalogTargetSchema = o.catalogTargetSchema();
      tp.catalogTargetTable = o.catalogTargetTable();
      tp.summaryFile = o.summaryFile();
    }
  }

  @Override
  public TableSnapshot tableCompleted(String key) {
    synchronized (session) {
      TableProgress tp = progress(key);
      tp.status = SessionStatus.COMPLETED;
      tp.finishedAt = store.now();
      tp.recount();
      store.save(session);
      return table(key, tp);
    }
  }

  @Override
  public void sessionScriptsRecorded(List<ScriptRecord> scripts) {
    synchronized (session) {
      session.sessionScripts = files(scripts);
      session.sessionScriptError = null;
      store.save(session);
    }
  }

  /**
   * The session's master scripts could not be written: the session keeps none and the reason, and
   * fails (saved), so that {@code --apply} refuses it and a {@code --resume} writes them.
   */
  public void sessionScriptsFailed(String error) {
    synchronized (session) {
      session.sessionScripts = new ArrayList<>();
      session.sessionScriptError = error;
      session.status = SessionStatus.FAILED;
      store.save(session);
    }
  }

  /**
   * The SCN this session reads both sides at ({@code snapshot: scn}), recorded before anything is read;
   * saved. Recorded once: a session keeps its SCN for every resume, so a second, other SCN is a bug.
   */
  public void scnChosen(ChosenScn chosen) {
    synchronized (session) {
      if (session.scn != null && !new BigInteger(session.scn.scn).equals(chosen.scn())) {
        throw new CompareException(ErrorCode.INTERNAL, "session " + session.sessionId + " reads at SCN "
            + session.scn.scn + "; it cannot change to SCN " + chosen.scn());
      }
      session.scn = new ScnRecord(chosen.scn().toString(), chosen.side().label(), chosen.why(), store.now());
      store.save(session);
    }
  }

  /** The target's replication lag as read at the start or the end of a run; saved. */
  public void lagRecorded(LagReading reading) {
    synchronized (session) {
      if (session.replicationLag == null) {
        session.replicationLag = new ArrayList<>();
      }
      session.replicationLag.add(new LagRecord(reading.when(), reading.at(), reading.lagMillis(), reading.note()));
      store.save(session);
    }
  }

  /** The SCN recorded by {@link #scnChosen}; empty when none was (another snapshot mode). */
  public Optional<ChosenScn> chosenScn() {
    synchronized (session) {
      ScnRecord r = session.scn;
      if (r == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(new ChosenScn(new BigInteger(r.scn), Side.valueOf(r.side.toUpperCase(Locale.ROOT)),
            r.why));
      } catch (RuntimeException e) {
        // an edited or damaged file: reading at some other SCN would compare another point in time
        throw new CompareException(ErrorCode.SESSION_DAMAGED, "session " + session.sessionId + ": the recorded"
            + " SCN (scn '" + r.scn + "', side '" + r.side + "') cannot be read; start a new session");
      }
    }
  }

  @Override
  public void runStatus(RunStatus status) {
    synchronized (session) {
      session.status = SessionStatus.of(status);
      store.save(session);
    }
  }

  private TableProgress progress(String key) {
    TableProgress tp = session.tableProgress.get(key);
    if (tp == null) {
      throw new CompareException(ErrorCode.INTERNAL, "table " + key + " is not part of session " + session.sessionId);
    }
    return tp;
  }

  private ChunkProgress chunk(String key, int index) {
    List<ChunkProgress> chunks = progress(key).chunks;
    if (index < 0 || index >= chunks.size() || chunks.get(index).index != index) {
      throw new CompareException(ErrorCode.INTERNAL, key + ": no chunk " + index + " in a plan of " + chunks.size());
    }
    return chunks.get(index);
  }

  private static void record(ChunkProgress cp, ChunkResult r) {
    cp.status = SessionStatus.COMPLETED;
    cp.error = null;
    cp.sourceRows = r.sourceRows();
    cp.targetRows = r.targetRows();
    cp.missingInTarget = r.missingInTarget();
    cp.missingInSource = r.missingInSource();
    cp.differentRows = r.different();
    cp.recheckRounds = new ArrayList<>();
    for (RecheckRound round : r.rechecks()) {
      cp.recheckRounds.add(new RecheckCount(round.round(), round.rechecked(), round.inFlight(), round.changing()));
    }
  }

  private static List<ScriptFile> files(List<ScriptRecord> records) {
    List<ScriptFile> out = new ArrayList<>();
    for (ScriptRecord r : records) {
      out.add(new ScriptFile(r.kind(), r.phase(), r.part(), r.path(), r.sha256(), r.statements()));
    }
    return out;
  }

  private static List<ScriptRecord> records(List<ScriptFile> files) {
    List<ScriptRecord> out = new ArrayList<>();
    if (files != null) {
      for (ScriptFile f : files) {
        out.add(new ScriptRecord(f.kind, f.phase, f.part, f.path, f.sha256, f.statements));
      }
    }
    return out;
  }

  private static List<StructureNote> notes(List<StructureDifference> differences) {
    List<StructureNote> out = new ArrayList<>();
    for (StructureDifference d : differences) {
      out.add(new StructureNote(d.kind().json(), d.column(), d.source(), d.target()));
    }
    return out;
  }

  private static List<StructureDifference> differences(List<StructureNote> notes) {
    List<StructureDifference> out = new ArrayList<>();
    if (notes != null) {
      for (StructureNote n : notes) {
        out.add(new StructureDifference(StructureDifference.Kind.ofJson(n.kind), n.column, n.source, n.target));
      }
    }
    return out;
  }

  /** Caller holds the session's monitor. */
  private static TableSnapshot table(String key, TableProgress tp) {
    return new TableSnapshot(key, tp.schema, tp.table, tp.targetSchema, tp.targetTable, tp.status.table(),
        tp.totalChunks, tp.completedChunks, tp.sourceRows, tp.targetRows, tp.missingInTarget, tp.missingInSource,
        tp.differentRows, tp.error, tp.startedAt, tp.finishedAt, tp.keyColumns, tp.chunkSize, tp.syncScript,
        tp.undoScript, records(tp.scripts), tp.catalogTargetSchema, tp.catalogTargetTable, tp.summaryFile,
        tp.inFlightRows, tp.changingRows, rounds(tp.recheckRounds), differences(tp.structure));
  }

  private static List<RecheckRound> rounds(List<RecheckCount> counts) {
    List<RecheckRound> out = new ArrayList<>();
    if (counts != null) {
      for (RecheckCount c : counts) {
        out.add(new RecheckRound(c.round, c.rechecked, c.inFlight, c.changing));
      }
    }
    return out;
  }
}
