package io.dbcompare.repair;

import io.dbcompare.apply.BoundExecutor;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.error.CompareException;
import io.dbcompare.jdbc.SqlErrors;
import io.dbcompare.sync.BoundStatement;
import io.dbcompare.sync.RowStatement;
import io.dbcompare.sync.StatementBinder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one chunk's {@link RowChanges} in the current transaction of the repair's connection: DELETEs,
 * then UPDATEs (both bound from their statement values, in JDBC batches per statement text, each count
 * checked to be 1), then INSERTs through the chunk's {@link InsertSink}. Nothing is committed here.
 *
 * <p>Conflicts are apply's: a statement that changes no row (its guard found the row changed since the
 * comparison, or the row gone) or an integrity error (an INSERT whose key exists). Batches cannot say
 * which row it was, so on the first sign of one the chunk is rolled back and replayed a statement at a
 * time: the first conflict stops the chunk (rolled back, reported with table, key and the database's
 * message), or with {@code skipConflicts} that statement alone is rolled back (savepoint), logged and
 * skipped.
 */
final class ChunkWriter {
  /** What a chunk's writes did (not committed yet), or where they stopped. */
  record Outcome(long deleted, long updated, long inserted, List<Conflict> skipped, Conflict stop, boolean replayed) {}

  /** Opens the insert sink of a chunk (bulk where the database has it). */
  interface Sinks {
    InsertSink open(TableSpec t) throws SQLException;
  }

  private final Connection c;
  private final DatabaseConfig db;
  private final StatementBinder binder;
  private final int batchSize;
  private final boolean skipConflicts;

  ChunkWriter(Connection c, DatabaseConfig db, StatementBinder binder, int batchSize, boolean skipConflicts) {
    this.c = c;
    this.db = db;
    this.binder = binder;
    this.batchSize = batchSize;
    this.skipConflicts = skipConflicts;
  }

  Outcome write(TableSpec t, RowChanges ch, Sinks sinks, String chunk) {
    try {
      long deleted = batched(ch.deletes());
      long updated = batched(ch.updates());
      long inserted = 0;
      if (!ch.inserts().isEmpty()) {
        InsertSink sink = sinks.open(t);
        try {
          for (Object[] row : ch.inserts()) {
            sink.add(row);
          }
          inserted = sink.finish();
        } catch (SQLException | RuntimeException e) {
          sink.abort();
          throw e;
        }
      }
      return new Outcome(deleted, updated, inserted, List.of(), null, false);
    } catch (SQLException e) {
      rollback();
      if (!Anomaly.isConflict(e)) {
        throw SqlErrors.translate(e, "repairing " + t.displayName() + " " + chunk + " (rolled back)", db);
      }
      return oneByOne(t, ch, chunk);
    } catch (RuntimeException e) {
      rollback();
      throw e;
    }
  }

  /** Runs statements in batches of one statement text each; the number of rows changed (each exactly one). */
  private long batched(List<RowStatement> statements) throws SQLException {
    Map<String, List<BoundStatement>> bySql = new LinkedHashMap<>();
    for (RowStatement s : statements) {
      BoundStatement b = binder.bind(s);
      bySql.computeIfAbsent(b.sql(), k -> new ArrayList<>()).add(b);
    }
    long n = 0;
    for (Map.Entry<String, List<BoundStatement>> e : bySql.entrySet()) {
      try (PreparedStatement ps = c.prepareStatement(e.getKey())) {
        List<BoundStatement> all = e.getValue();
        for (int from = 0; from < all.size(); from += batchSize) {
          List<Object> lobs = new ArrayList<>();
          try {
            List<BoundStatement> batch = all.subList(from, Math.min(all.size(), from + batchSize));
            for (BoundStatement b : batch) {
              BoundExecutor.bindAll(c, ps, b, lobs);
              ps.addBatch();
            }
            for (int count : ps.executeBatch()) {
              if (count != 1) { // 0: a guard found the row changed; SUCCESS_NO_INFO: cannot tell
                throw new Anomaly("a statement of the batch changed " + count + " rows");
              }
            }
            n += batch.size();
          } finally {
            BoundExecutor.freeLobs(lobs);
          }
        }
      }
    }
    return n;
  }

  /** The chunk again, a statement at a time: finds the conflicting rows, stops or skips them. */
  private Outcome oneByOne(TableSpec t, RowChanges ch, String chunk) {
    List<RowStatement> all = new ArrayList<>(ch.deletes());
    all.addAll(ch.updates());
    for (Object[] row : ch.inserts()) {
      all.add(InsertSink.insertOf(t, row));
    }
    long[] done = new long[3];
    List<Conflict> skipped = new ArrayList<>();
    for (RowStatement s : all) {
      BoundStatement b = binder.bind(s);
      Savepoint sp = null;
      String reason = null;
      try {
        if (skipConflicts) {
          sp = c.setSavepoint();
        }
        int count = BoundExecutor.executeUpdate(c, b);
        if (count != 1) {
          // the scripts' stop message, without the script's "sync stopped: " (the repair says it stopped)
          reason = b.noRowReason(count).replaceFirst("^sync stopped: ", "");
        }
      } catch (SQLException e) {
        if (!Anomaly.isConflict(e)) {
          rollback();
          throw SqlErrors.translate(e, "repairing " + t.displayName() + " " + chunk + ": " + s.kind().verb() + " "
              + s.keyText() + " (rolled back)", db);
        }
        CompareException ce = SqlErrors.translate(e, s.kind().verb() + " of a row the comparison found "
            + (s.kind() == RowStatement.Kind.INSERT ? "missing" : "different"), db);
        reason = ce.getMessage();
      }
      if (reason == null) {
        done[s.kind() == RowStatement.Kind.DELETE ? 0 : s.kind() == RowStatement.Kind.UPDATE ? 1 : 2]++;
        continue;
      }
      Conflict k = new Conflict(t.displayName(), s.keyText(), chunk, reason);
      if (!skipConflicts) {
        rollback();
        return new Outcome(0, 0, 0, List.of(), k, true);
      }
      try {
        c.rollback(sp);
      } catch (SQLException e) {
        rollback();
        throw SqlErrors.translate(e, "rolling back a conflicting statement of " + t.displayName(), db);
      }
      skipped.add(k);
    }
    return new Outcome(done[0], done[1], done[2], skipped, null, true);
  }

  private void rollback() {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is closed by the caller; the transaction dies with it
    }
  }
}
