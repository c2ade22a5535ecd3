package io.dbcompare.repair;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.CheckpointStore;
import io.dbcompare.compare.CrashPoints;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.RepairSettings;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.jdbc.ConnectionPool;
import io.dbcompare.jdbc.RowReads;
import io.dbcompare.jdbc.SqlErrors;
import io.dbcompare.repair.RepairPlan.ChunkPlan;
import io.dbcompare.repair.RepairPlan.Method;
import io.dbcompare.repair.RepairPlan.TablePlan;
import io.dbcompare.session.RepairBook;
import io.dbcompare.session.RepairProgress;
import io.dbcompare.sync.StatementBinder;
import io.dbcompare.vendor.BulkLoad;
import io.dbcompare.vendor.DatabaseType;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs the tables of a {@link RepairPlan} on the repair's own writable connection, chunk by chunk in
 * the plan's order, each chunk one transaction recorded in the session ({@link RepairBook}) once
 * committed; a killed repair resumes after the last committed chunk.
 *
 * <p>Per chunk the values written are read from the source now; the comparison's checkpoint only says
 * which keys differ and what the target held (the guards). A chunk whose target range was empty
 * ({@link Method#COPY_RANGE}) and still is streams the source range straight into the target; any
 * other chunk reads the differing rows (the whole range once when most of it differs, else by key) and
 * writes its {@link RowChanges} through the {@link ChunkWriter}.
 *
 * <p>Before each COMMIT the chunk is marked in doubt, and the mark is cleared once the commit is
 * recorded. A run that died between the two reads the chunk's rows back from the target first: a row
 * already as the repair leaves it is not written again, so the chunk is neither lost nor applied twice.
 */
public final class Repairer {
  /** Crash point (tests): a chunk's rows are written in the target, not committed. */
  public static final String CRASH_CHUNK_WRITTEN = "repair-chunk-written";
  /** Crash point (tests): a chunk is committed in the target, the session does not record it yet. */
  public static final String CRASH_AFTER_COMMIT = "repair-chunk-committed";
  /** Crash point (tests): a chunk is committed and recorded. */
  public static final String CRASH_CHUNK_RECORDED = "repair-chunk-recorded";
  private static final Logger progress = LoggerFactory.getLogger("progress");
  /** Rows per hand-over between the reading thread and the writing one, and hand-overs in flight. */
  private static final int PUMP_BATCH = 1000;
  private static final int PUMP_DEPTH = 4;

  /** How the repair ended. */
  public record Result(long deleted, long updated, long inserted, long skipped, int chunks, Conflict stoppedAt,
      boolean interrupted) {}

  private final Connection c;
  private final DatabaseConfig target;
  private final Dialect dialect;
  private final DatabaseType type;
  private final ConnectionPool source;
  private final CheckpointStore checkpoints;
  private final String sessionId;
  private final RepairSettings settings;
  private final int fetchSize;
  private final boolean skipConflicts;
  private final PrintWriter out;
  private final ChunkWriter writer;
  private volatile boolean stop;

  public Repairer(Connection c, DatabaseConfig target, DatabaseType type, ConnectionPool source,
      CheckpointStore checkpoints, String sessionId, RepairSettings settings, int fetchSize, boolean skipConflicts,
      PrintWriter out) {
    this.c = c;
    this.target = target;
    this.type = type;
    this.dialect = type.dialect();
    this.source = source;
    this.checkpoints = checkpoints;
    this.sessionId = sessionId;
    this.settings = settings;
    this.fetchSize = fetchSize;
    this.skipConflicts = skipConflicts;
    this.out = out;
    this.writer = new ChunkWriter(c, target, new StatementBinder(dialect), settings.batchSize(), skipConflicts);
  }

  /** Stops after the chunk in flight (Ctrl-C). */
  public void requestStop() {
    stop = true;
  }

  /** How the table's rows are inserted, for the console before anything is written. */
  public String insertPath(TableSpec t) {
    return insertPath(type, settings, t);
  }

  /** How a table's rows are inserted into a database of {@code type}. */
  public static String insertPath(DatabaseType type, RepairSettings settings, TableSpec t) {
    if (type.bulkLoad() == BulkLoad.COPY_BINARY) {
      return PgBinaryRows.unsupported(t)
          .map(col -> "batched INSERTs of " + settings.batchSize() + " (COPY: no binary encoder for column " + col + ")")
          .orElse("COPY FROM STDIN (binary): into the target where its key range is empty, else through a"
              + " staging table");
    }
    String hint = settings.directPath() ? type.directPathHint() : null;
    return "batched INSERTs of " + settings.batchSize() + " (executeBatch)"
        + (hint != null ? " with " + hint + " (repair.direct_path: direct-path, locks the table per chunk)"
            : settings.directPath() ? " (repair.direct_path is set, but " + type.displayName()
                + " has no direct-path INSERT: conventional INSERTs)" : "");
  }

  /**
   * Repairs the planned tables; {@code specs} resolves each table as the comparison did (both catalogs
   * read again, with the session's key).
   */
  public Result run(RepairPlan plan, RepairBook book, Function<TablePlan, TableSpec> specs) {
    long[] totals = new long[4];
    int chunks = 0;
    for (TablePlan tp : plan.tables()) {
      String key = tp.table().key();
      RepairProgress.TableView view = book.table(key);
      if (view.completed()) {
        out.println("  " + tp.table().displayName() + ": already repaired (" + view.chunksDone() + " chunks)");
        continue;
      }
      TableSpec t = specs.apply(tp);
      List<ChunkPlan> todo = tp.chunks().stream().filter(ch -> ch.index() > view.lastChunk()).toList();
      out.println("  " + t.displayName() + ": " + todo.size() + " of " + tp.chunks().size() + " chunks to repair"
          + (view.lastChunk() >= 0 ? ", resuming after chunk " + (view.lastChunk() + 1) : "") + "; inserts: "
          + insertPath(t));
      out.flush();
      int done = 0;
      for (ChunkPlan ch : todo) {
        if (stop) {
          return new Result(totals[0], totals[1], totals[2], totals[3], chunks, null, true);
        }
        String name = "chunk " + (ch.index() + 1) + "/" + tp.table().totalChunks();
        boolean inDoubt = view.inDoubt(ch.index());
        ChunkWriter.Outcome o = chunk(t, ch, inDoubt, name, tp.table().totalChunks());
        if (o.stop() != null) {
          book.stopped(o.stop().describe());
          progress.warn("REPAIR: {} | CHUNK: {} | STOPPED | conflict {}", t.displayName(), name, o.stop().describe());
          return new Result(totals[0], totals[1], totals[2], totals[3], chunks, o.stop(), false);
        }
        commit(book, key, ch.index(), name);
        List<String> skipped = o.skipped().stream().map(Conflict::describe).toList();
        book.committed(key, ch.index(), o.deleted(), o.updated(), o.inserted(), skipped);
        CrashPoints.hit(CRASH_CHUNK_RECORDED);
        for (Conflict k : o.skipped()) {
          out.println("    skipped conflict: " + k.describe());
          progress.warn("REPAIR: {} | CHUNK: {} | CONFLICT SKIPPED | {}", t.displayName(), name, k.describe());
        }
        progress.info("REPAIR: {} | CHUNK: {} | COMMITTED | deleted {} | updated {} | inserted {} | skipped {}",
            t.displayName(), name, o.deleted(), o.updated(), o.inserted(), o.skipped().size());
        totals[0] += o.deleted();
        totals[1] += o.updated();
        totals[2] += o.inserted();
        totals[3] += o.skipped().size();
        chunks++;
        done++;
        if (todo.size() <= 20 || done == todo.size() || done * 20 / todo.size() != (done - 1) * 20 / todo.size()) {
          out.printf("    %s committed (%d/%d): deleted %d, updated %d, inserted %d%s%n", name, done, todo.size(),
              o.deleted(), o.updated(), o.inserted(), o.skipped().isEmpty() ? "" : ", " + o.skipped().size()
                  + " conflicts skipped");
          out.flush();
        }
      }
      book.tableCompleted(key);
    }
    book.finished();
    return new Result(totals[0], totals[1], totals[2], totals[3], chunks, null, false);
  }

  private void commit(RepairBook book, String key, int index, String name) {
    CrashPoints.hit(CRASH_CHUNK_WRITTEN);
    book.aboutToCommit(key, index);
    try {
      c.commit();
    } catch (SQLException e) {
      try {
        c.rollback();
      } catch (SQLException ignored) {
        // the error below says what failed
      }
      throw SqlErrors.translate(e, "committing " + name + " of " + key, target);
    }
    CrashPoints.hit(CRASH_AFTER_COMMIT);
  }

  /** Writes one chunk (not committed). */
  private ChunkWriter.Outcome chunk(TableSpec t, ChunkPlan ch, boolean inDoubt, String name, int chunkCount) {
    ChunkBounds b = ch.chunk().range().bounds();
    if (ch.method() == Method.COPY_RANGE && !inDoubt) {
      ChunkWriter.Outcome o = copyRange(t, b, name);
      if (o != null) {
        return o;
      }
    }
    ChunkResult stored = checkpoints.load(sessionId, t, ch.index(), chunkCount)
        .orElseThrow(() -> new CompareException(ErrorCode.CHECKPOINT_CORRUPT, t.displayName() + " " + name
            + ": the comparison's checkpoint is missing or damaged (see the log), so the differing keys are"
            + " unknown; compare the table again and repair the new session"));
    List<RowDiff> diffs = stored.diffs();
    KeyIndex fresh = read(t, b, diffs, ch.method() != Method.READ_KEYS, Side.SOURCE);
    RowChanges changes = RowChanges.of(t, diffs, fresh);
    if (inDoubt) {
      KeyIndex now = read(t, b, diffs, ch.method() != Method.READ_KEYS, Side.TARGET);
      int before = changes.statements();
      changes = changes.without(t, key -> {
        Object[] s = fresh.get(key);
        Object[] current = now.get(key);
        return s == null ? current == null : current != null && RowChanges.sameRow(t, s, current);
      });
      out.println("    " + name + " was in doubt after an interruption: its rows were read back; "
          + (changes.isEmpty() && before > 0 ? "it had committed, nothing is written again"
              : (before - changes.statements()) + " of " + before + " rows were already repaired, "
                  + changes.statements() + " are written now"));
    }
    return writer.write(t, changes, table -> sink(table, false), name);
  }

  /**
   * The whole source range loaded into a target range that is empty (checked in the transaction): no
   * checkpoint needed, every row the source has now. Null when the target range is not empty any more,
   * or a row appeared while loading: the chunk is then repaired by its differing keys.
   */
  private ChunkWriter.Outcome copyRange(TableSpec t, ChunkBounds b, String name) {
    try {
      if (RowReads.anyRow(c, dialect, t, Side.TARGET, b)) {
        out.println("    " + name + ": the target has rows in this range now; repairing it by key");
        return null;
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "reading " + t.displayName() + " " + name + " in the target", target);
    }
    InsertSink sink;
    try {
      sink = sink(t, true);
    } catch (SQLException e) {
      rollback();
      throw SqlErrors.translate(e, "starting the load of " + t.displayName() + " " + name, target);
    }
    Connection src = source.borrow();
    // the source is read on a thread of its own while this one encodes and sends
    try (RowPump pump = new RowPump(rows -> RowReads.range(src, source.dialect(), t, Side.SOURCE, b, fetchSize, rows),
        PUMP_BATCH, PUMP_DEPTH, "repair-reader")) {
      for (List<Object[]> rows; (rows = pump.next()) != null; ) {
        for (Object[] row : rows) {
          sink.add(row);
        }
      }
      long n = sink.finish();
      return new ChunkWriter.Outcome(0, 0, n, List.of(), null, false);
    } catch (SQLException e) {
      sink.abort();
      rollback();
      if (Anomaly.isConflict(e)) {
        out.println("    " + name + ": a row appeared in the target while loading; repairing it by key");
        return null;
      }
      throw SqlErrors.translate(e, "loading " + t.displayName() + " " + name + " (rolled back)", target);
    } catch (RuntimeException e) {
      sink.abort();
      rollback();
      throw e;
    } finally {
      ConnectionPool.release(src);
    }
  }

  /** The rows of the diff keys on one side: the whole range streamed once, or by key. */
  private KeyIndex read(TableSpec t, ChunkBounds b, List<RowDiff> diffs, boolean wholeRange, Side side) {
    KeyIndex wanted = new KeyIndex(t);
    List<Object[]> keys = new ArrayList<>(diffs.size());
    for (RowDiff d : diffs) {
      wanted.put(d.key());
      keys.add(d.key());
    }
    KeyIndex rows = new KeyIndex(t);
    boolean onSource = side == Side.SOURCE;
    Connection conn = onSource ? source.borrow() : c;
    Dialect d = onSource ? source.dialect() : dialect;
    try {
      if (wholeRange) {
        RowReads.range(conn, d, t, side, b, fetchSize, row -> {
          if (wanted.contains(row)) {
            rows.put(row);
          }
        });
      } else {
        for (Object[] row : RowReads.byKeys(conn, d, t, side, b, keys, fetchSize)) {
          rows.put(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "reading the differing rows of " + t.displayName() + " from the " + side.label(),
          onSource ? source.database() : target);
    } finally {
      if (onSource) {
        ConnectionPool.release(conn);
      }
    }
  }

  private InsertSink sink(TableSpec t, boolean emptyRange) throws SQLException {
    if (type.bulkLoad() == BulkLoad.COPY_BINARY && PgBinaryRows.unsupported(t).isEmpty()) {
      return new CopyInsertSink(c, t, dialect, !emptyRange, settings.batchSize());
    }
    return new BatchInsertSink(c, t, new StatementBinder(dialect), settings.batchSize(),
        settings.directPath() ? type.directPathHint() : null);
  }

  private void rollback() {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is closed by the caller; the transaction dies with it
    }
  }
}
