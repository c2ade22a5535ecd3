package io.dbcompare.report;

import io.dbcompare.compare.ProgressEvent;
import io.dbcompare.compare.ProgressEvent.ChunkCompleted;
import io.dbcompare.compare.ProgressEvent.RunStarted;
import io.dbcompare.compare.ProgressEvent.TableFacts;
import io.dbcompare.compare.ProgressEvent.TableFailed;
import io.dbcompare.compare.ProgressEvent.TableFinished;
import io.dbcompare.compare.ProgressEvent.TableMode;
import io.dbcompare.compare.ProgressEvent.TablePlanned;
import io.dbcompare.compare.ProgressEvent.TableSkipped;
import io.dbcompare.compare.ProgressEvent.TableStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A run's progress as the console shows it, kept from the events alone (never from live state): the
 * tables being compared with their rows done and planned, rate and differences, and the run's counts,
 * rate and time left. Rows are source rows; rates count only rows compared in this run (chunks read
 * back from checkpoints are done but were not compared now).
 */
final class RunProgress {
  static final Duration WINDOW = Duration.ofSeconds(60);

  private final Map<String, Active> active = new LinkedHashMap<>();
  private final RateMeter runRate = new RateMeter(WINDOW);
  private long rowsThisRun;
  private int tables;
  private int identical;
  private int withDifferences;
  private int failed;
  private int skipped;
  /** Planned rows of every table planned in this run, to estimate the tables not started yet. */
  private long plannedSum;
  private int plannedTables;

  /** A table being compared. */
  static final class Active {
    final String name;
    final int position;
    final Instant startedAt;
    final RateMeter rate = new RateMeter(WINDOW);
    Long plannedRows;
    long rowsDone;
    long differences;
    int chunksDone;
    int chunksTotal;
    String mode;
    Instant lastLine;

    Active(String name, int position, Instant startedAt) {
      this.name = name;
      this.position = position;
      this.startedAt = startedAt;
      this.lastLine = startedAt;
    }
  }

  /** What the console shows of one active table at a moment. */
  record TableView(String name, int position, long rowsDone, Long plannedRows, OptionalDouble perSecond,
      long differences, Optional<Duration> eta, String mode) {}

  /** The run at a moment. */
  record RunView(int tables, int done, int identical, int withDifferences, int failed, int skipped,
      OptionalDouble perSecond, Optional<Duration> eta, List<TableView> active) {}

  synchronized void on(ProgressEvent event) {
    if (event instanceof RunStarted e) {
      tables = e.tables();
      runRate.record(e.at(), 0);
    } else if (event instanceof TableStarted e) {
      active.put(e.table(), new Active(e.table(), e.position(), e.at()));
      tables = Math.max(tables, e.count());
    } else if (event instanceof TableMode e) {
      Active a = active.get(e.table());
      if (a != null) {
        a.mode = e.pushdown() ? "push-down" : "Java";
      }
    } else if (event instanceof TablePlanned e) {
      Active a = active.get(e.table());
      if (a != null) {
        facts(a, e.facts());
        // rows read back from checkpoints are done, not compared now: the rate starts after them
        a.rate.record(e.at(), a.rowsDone);
        if (a.plannedRows != null) {
          plannedSum += a.plannedRows;
          plannedTables++;
        }
      }
    } else if (event instanceof ChunkCompleted e) {
      Active a = active.get(e.table());
      if (a != null) {
        long before = a.rowsDone;
        facts(a, e.facts());
        rowsThisRun += Math.max(0, a.rowsDone - before);
        a.rate.record(e.at(), a.rowsDone);
        runRate.record(e.at(), rowsThisRun);
      }
    } else if (event instanceof TableFinished e) {
      active.remove(e.table());
      if (e.result().differences() == 0) {
        identical++;
      } else {
        withDifferences++;
      }
    } else if (event instanceof TableFailed e) {
      active.remove(e.table());
      failed++;
    } else if (event instanceof TableSkipped) {
      skipped++;
    }
  }

  private static void facts(Active a, TableFacts f) {
    // facts of concurrent chunks may arrive out of order: counts only grow
    a.rowsDone = Math.max(a.rowsDone, f.rowsDone());
    a.differences = Math.max(a.differences, f.differences());
    a.chunksDone = Math.max(a.chunksDone, f.chunksDone());
    a.chunksTotal = f.chunksTotal();
    a.plannedRows = f.plannedRows();
  }

  /** Tables finished (identical, with differences or failed) in this run. */
  synchronized int finished() {
    return identical + withDifferences + failed;
  }

  synchronized Active active(String table) {
    return active.get(table);
  }

  synchronized RunView view(Instant now) {
    List<TableView> views = new ArrayList<>();
    long remaining = 0;
    boolean known = true;
    for (Active a : active.values()) {
      OptionalDouble r = a.rate.perSecond(now);
      Optional<Duration> eta = a.plannedRows == null ? Optional.empty()
          : RateMeter.eta(a.plannedRows - a.rowsDone, r);
      views.add(new TableView(a.name, a.position, a.rowsDone, a.plannedRows, r, a.differences, eta, a.mode));
      if (a.plannedRows == null) {
        known = false;
      } else {
        remaining += Math.max(0, a.plannedRows - a.rowsDone);
      }
    }
    int notStarted = Math.max(0, tables - finished() - skipped - active.size());
    if (notStarted > 0) {
      if (plannedTables == 0) {
        known = false;
      } else {
        // tables not planned yet: as many rows as the average table planned so far (an estimate)
        remaining += notStarted * (plannedSum / plannedTables);
      }
    }
    OptionalDouble rate = runRate.perSecond(now);
    Optional<Duration> eta = known ? RateMeter.eta(remaining, rate) : Optional.empty();
    return new RunView(tables, finished() + skipped, identical, withDifferences, failed, skipped, rate, eta, views);
  }
}
