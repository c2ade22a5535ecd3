package io.dbcompare.report;

import io.dbcompare.compare.ProgressEvent;
import io.dbcompare.compare.ProgressEvent.ChunkCompleted;
import io.dbcompare.compare.ProgressEvent.ChunkFailed;
import io.dbcompare.compare.ProgressEvent.ChunkRetry;
import io.dbcompare.compare.ProgressEvent.RunEnded;
import io.dbcompare.compare.ProgressEvent.RunStarted;
import io.dbcompare.compare.ProgressEvent.RecheckRoundDone;
import io.dbcompare.compare.ProgressEvent.RecheckWaiting;
import io.dbcompare.compare.ProgressEvent.ReplicationLag;
import io.dbcompare.compare.ProgressEvent.StopRequested;
import io.dbcompare.compare.ProgressEvent.TableFailed;
import io.dbcompare.compare.ProgressEvent.TableFinished;
import io.dbcompare.compare.ProgressEvent.TableKey;
import io.dbcompare.compare.ProgressEvent.TableMode;
import io.dbcompare.compare.ProgressEvent.TablePlanned;
import io.dbcompare.compare.ProgressEvent.TableRetry;
import io.dbcompare.compare.ProgressEvent.TableStarted;
import io.dbcompare.compare.ProgressListener;
import io.dbcompare.compare.RecheckRound;
import java.util.Locale;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;

/**
 * The console while a run is live, from the events alone; nothing else writes to the console between
 * the start and the end of a run. Three ways:
 * <ul>
 *   <li>{@link Mode#LIVE} (a terminal): a status block redrawn in place at most a few times a second
 *       (each active table's rows compared and planned, rate, differences and time left; the run's
 *       counts, rate and time left), with finished tables scrolling above it, one line each;
 *   <li>{@link Mode#PLAIN} (a pipe, a file, CI): a line when a table starts, one when it ends, and one
 *       per table every progress interval; never one per chunk (those are in the session log);
 *   <li>{@link Mode#QUIET}: errors only (the final summary is printed after the run).
 * </ul>
 * Every 10 finished tables a one-line running summary follows (live and plain).
 */
public final class ConsoleReporter implements ProgressListener, AutoCloseable {
  public enum Mode { LIVE, PLAIN, QUIET }
  /** "lag unknown" is said once per run. */
  private boolean lagUnknownSaid;

  /** Redraws of the live block are at least this far apart (unless a table starts or ends). */
  static final Duration REDRAW = Duration.ofMillis(250);
  static final int SUMMARY_EVERY = 10;
  /** The live block lists at most this many active tables (the rest are counted). */
  static final int MAX_TABLES = 20;

  private final ConsoleSink sink;
  private final PrintWriter err;
  private final Mode mode;
  private final Duration interval;
  private final Clock clock;
  private final Duration tick;
  private final RunProgress progress = new RunProgress();
  /** Start lines held until the table's plan is known, so that a table starts with one line. */
  private final Map<String, String> pendingStart = new HashMap<>();
  /** Each table's position in the run, from its start event. */
  private final Map<String, Integer> positions = new HashMap<>();
  private int count;
  private Instant lastDraw;
  private ScheduledExecutorService ticker;

  /** Plain lines, a progress line per table every 30 s of the run's clock. */
  public ConsoleReporter(PrintWriter out, PrintWriter err) {
    this(out, err, null, Mode.PLAIN, Duration.ofSeconds(30), Clock.systemUTC(), null);
  }

  /**
   * @param terminal the terminal of {@link Mode#LIVE} (ignored otherwise)
   * @param interval plain mode: a table's progress line at most this often
   * @param clock the run's clock ("now" for rates and redraws; events carry their own times)
   * @param tick live mode: redraw this often even without events (null: only on events)
   */
  public ConsoleReporter(PrintWriter out, PrintWriter err, Terminal terminal, Mode mode, Duration interval,
      Clock clock, Duration tick) {
    this(mode == Mode.LIVE && terminal == null ? Mode.PLAIN : mode,
        mode == Mode.LIVE && terminal != null ? new LiveBlock(terminal) : plain(out), err, interval, clock, tick);
  }

  /** With a sink of the caller's (tests look at the lines and blocks a terminal would get). */
  ConsoleReporter(Mode mode, ConsoleSink sink, PrintWriter err, Duration interval, Clock clock, Duration tick) {
    this.mode = mode;
    this.sink = sink;
    this.err = err;
    this.interval = interval;
    this.clock = clock;
    this.tick = tick;
  }

  /** Plain lines on a writer: no block. */
  private static ConsoleSink plain(PrintWriter out) {
    return new ConsoleSink() {
      @Override
      public void line(String text) {
        out.println(text);
        out.flush();
      }

      @Override
      public void block(java.util.List<String> lines) {}

      @Override
      public void close() {
        out.flush();
      }
    };
  }

  public Mode mode() {
    return mode;
  }

  @Override
  public synchronized void on(ProgressEvent event) {
    progress.on(event);
    if (event instanceof RunStarted e) {
      count = e.tables();
      startTicker();
    } else if (event instanceof TableStarted e) {
      count = e.count();
      positions.put(e.table(), e.position());
      pendingStart.put(e.table(), "[" + e.position() + "/" + e.count() + "] Processing: " + e.table());
      draw(true);
    } else if (event instanceof TableKey e) {
      if (e.key().worthSaying()) { // the primary key, declared or configured, goes without saying
        String start = pendingStart.get(e.table());
        if (start != null) {
          pendingStart.put(e.table(), start + "; key: " + e.key().describe()); // the start line says it
        } else {
          line("  key: " + e.key().describe());
        }
      }
    } else if (event instanceof ProgressEvent.TableStructure e) {
      for (var d : e.differences()) { // a line each, naming the table: found before any row is read
        line("  " + e.table() + ": structure: " + d.text());
      }
    } else if (event instanceof TableMode e) {
      String start = pendingStart.get(e.table());
      if (start != null) {
        pendingStart.put(e.table(), start + "; " + e.mode());
      } else if (!e.pushdown()) {
        line("  " + e.table() + ": " + e.mode()); // switched to hashing in Java mid-table: say why
      }
      if (start != null && mode == Mode.LIVE && !e.pushdown() && e.mode().contains(":")) {
        line("  " + e.table() + ": " + e.mode()); // the block shows the mode; the reason needs a line
      }
    } else if (event instanceof TablePlanned e) {
      String start = pendingStart.remove(e.table());
      String plan = e.chunks() + " chunk" + (e.chunks() == 1 ? "" : "s")
          + (e.facts().plannedRows() == null ? "" : ", up to " + Human.count(e.facts().plannedRows()) + " rows")
          + (e.resumedPlan() ? " (saved plan; " + e.alreadyDone() + " already done, loaded from checkpoints)" : "");
      if (mode == Mode.PLAIN && start != null) {
        int cut = start.indexOf("; ");
        line(cut < 0 ? start + ": " + plan : start.substring(0, cut) + ": " + plan + start.substring(cut));
      }
      draw(true);
    } else if (event instanceof ChunkCompleted e) {
      chunkCompleted(e);
    } else if (event instanceof ChunkRetry e) {
      line("  " + e.table() + " chunk " + (e.chunkIndex() + 1) + "/" + e.chunkCount() + ": retry " + e.attempt()
          + " after: " + e.error());
    } else if (event instanceof TableRetry e) {
      flushStart(e.table());
      line("  " + e.table() + ": retry " + e.attempt() + " after: " + e.error());
    } else if (event instanceof ChunkFailed e) {
      error("  " + e.table() + " chunk " + (e.chunkIndex() + 1) + "/" + e.chunkCount() + " FAILED: " + e.error());
    } else if (event instanceof TableFinished e) {
      line(ProgressText.finished(position(e.table()), count, e.table(), e.result(),
          Duration.between(e.facts().startedAt(), e.at())));
      if (e.result().inFlightRows() + e.result().changingRows() > 0) {
        line("    rechecked:   " + Human.count(e.result().inFlightRows()) + " in flight, "
            + Human.count(e.result().changingRows()) + " changing (followed by the target): not differences");
      }
      tableEnded(e.table());
    } else if (event instanceof RecheckWaiting e) {
      line(String.format(Locale.ROOT, "  %s: recheck round %d/%d in %s (rows are read again a while after they"
          + " were read)", e.table(), e.round(), e.rounds(), seconds(e.waiting())));
    } else if (event instanceof RecheckRoundDone e) {
      RecheckRound r = e.counts();
      line(String.format(Locale.ROOT, "  %s: recheck round %d/%d: %d rows read again: %d in flight, %d changing, %d"
          + " still different", e.table(), r.round(), e.rounds(), r.rechecked(), r.inFlight(), r.changing(),
          r.remaining()));
    } else if (event instanceof ReplicationLag e) {
      lag(e);
    } else if (event instanceof TableFailed e) {
      flushStart(e.table());
      error(ProgressText.failed(position(e.table()), count, e.table(), e.error()));
      tableEnded(e.table());
    } else if (event instanceof StopRequested) {
      String notice = "Interrupted: finishing the chunks in flight, then saving the session (Ctrl-C again to abort now).";
      if (mode == Mode.LIVE) {
        sink.line(notice);
      } else {
        err.println();
        err.println(notice);
        err.flush();
      }
    } else if (event instanceof RunEnded) {
      close();
    }
  }

  private Integer position(String table) {
    return positions.get(table);
  }

  private void chunkCompleted(ChunkCompleted e) {
    RunProgress.Active a = progress.active(e.table());
    if (mode == Mode.PLAIN && a != null && !Duration.between(a.lastLine, e.at()).minus(interval).isNegative()) {
      a.lastLine = e.at();
      for (RunProgress.TableView v : progress.view(clock.instant()).active()) {
        if (v.name().equals(e.table())) {
          line(ProgressText.progress(v));
        }
      }
    }
    draw(false);
  }

  private void tableEnded(String table) {
    positions.remove(table);
    if (mode != Mode.QUIET && progress.finished() % SUMMARY_EVERY == 0) {
      line(ProgressText.run(progress.view(clock.instant())));
    }
    draw(true);
  }

  /** A start line not printed yet (the table failed or is retried before its plan was known). */
  private void flushStart(String table) {
    String start = pendingStart.remove(table);
    if (start != null && mode == Mode.PLAIN) {
      line(start);
    }
  }

  private void line(String text) {
    if (mode != Mode.QUIET) {
      sink.line(text);
    }
  }

  private void error(String text) {
    sink.line(text);
  }

  private void draw(boolean now) {
    if (mode != Mode.LIVE) {
      return;
    }
    Instant at = clock.instant();
    if (!now && lastDraw != null && Duration.between(lastDraw, at).compareTo(REDRAW) < 0) {
      return;
    }
    lastDraw = at;
    sink.block(ProgressText.block(progress.view(at), Math.min(MAX_TABLES, sink.maxLines() - 1)));
  }

  private void startTicker() {
    if (mode != Mode.LIVE || tick == null || ticker != null) {
      return;
    }
    ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "console-refresh");
      t.setDaemon(true);
      return t;
    });
    long ms = tick.toMillis();
    // the rate and time left change while a long chunk runs: redraw without waiting for an event
    ticker.scheduleAtFixedRate(() -> {
      synchronized (this) {
        draw(false);
      }
    }, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Stops redrawing and removes the block (the run's summary follows below it). Idempotent. */
  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      ticker = null;
    }
    sink.close();
  }

  private void lag(ReplicationLag e) {
    if (!e.reading().known()) {
      if (!lagUnknownSaid) {
        lagUnknownSaid = true;
        line("Replication lag: unknown (" + e.reading().note() + ")");
      }
      return;
    }
    line("Replication lag (" + e.reading().when() + " of run): " + seconds(e.reading().lag()));
    if (!e.effectiveDelay().equals(e.delay())) {
      line("Replication lag " + seconds(e.reading().lag()) + " exceeds the recheck delay of " + seconds(e.delay())
          + ": rows are read again " + seconds(e.effectiveDelay()) + " after they were read");
    }
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
