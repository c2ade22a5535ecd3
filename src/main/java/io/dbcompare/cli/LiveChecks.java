package io.dbcompare.cli;

import io.dbcompare.compare.FetchStats;
import io.dbcompare.compare.LagReading;
import io.dbcompare.compare.ProgressEvent;
import io.dbcompare.compare.ProgressListener;
import io.dbcompare.compare.recheck.RecheckStage;
import io.dbcompare.compare.recheck.Sleeper;
import io.dbcompare.config.CompareConfig;
import io.dbcompare.config.RecheckSettings;
import io.dbcompare.config.TableConfig;
import io.dbcompare.jdbc.JdbcRowLookup;
import io.dbcompare.jdbc.Pools;
import io.dbcompare.jdbc.ReplicaLags;
import io.dbcompare.session.SessionBook;
import io.dbcompare.vendor.ReplicaLag;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run does for a live pair: the recheck of differing rows (a table stage), and the target's
 * replication lag read at the start and the end of the run, printed (as an event), stored in the session,
 * and, when it exceeds the recheck delay, used with a margin as the delay.
 */
final class LiveChecks {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LiveChecks.class);
  /** The margin on a lag used as the recheck delay: a fifth of the lag, at least a second. */
  static final Duration MIN_MARGIN = Duration.ofSeconds(1);

  private final CompareConfig cfg;
  private final Pools pools;
  private final Clock clock;
  private final List<ProgressListener> listeners;
  private final RecheckStage stage;
  /** The run's recheck as this pair gets it (off with snapshot: scn). */
  private final RecheckSettings runRecheck;

  LiveChecks(CompareConfig cfg, Pools pools, FetchStats fetched, Clock clock, List<ProgressListener> listeners,
      long retryBackoffMillis) {
    this.cfg = cfg;
    this.pools = pools;
    this.clock = clock;
    this.listeners = List.copyOf(listeners);
    Map<String, RecheckSettings> perTable = new HashMap<>();
    for (TableConfig t : cfg.tables()) {
      perTable.put(t.key(), recheckOf(cfg, t));
    }
    RecheckSettings run = cfg.snapshot().effectiveRecheck(cfg.settings().recheck());
    this.runRecheck = run;
    this.stage = new RecheckStage(new JdbcRowLookup(pools, cfg.settings().fetchSize(), fetched),
        key -> perTable.getOrDefault(key, run), clock, Sleeper.REAL,
        new RecheckStage.Settings(cfg.settings().maxRetries(), retryBackoffMillis,
            cfg.settings().threads()), listeners);
  }

  RecheckStage stage() {
    return stage;
  }

  /**
   * A table's recheck: its own settings or the run's, and off for the whole pair where the snapshot mode
   * makes it unneeded ({@code snapshot: scn}: both sides read at one SCN, nothing can be in flight).
   */
  static RecheckSettings recheckOf(CompareConfig cfg, TableConfig t) {
    return cfg.snapshot().effectiveRecheck(t.recheckOr(cfg.settings().recheck()));
  }

  /** Reads the target's lag at the start of a run; a lag beyond the recheck delay becomes the delay. */
  void atStart(SessionBook book) {
    Duration delay = runRecheck.delay();
    LagReading reading = read("start");
    Duration effective = delay;
    if (reading.known() && runRecheck.on() && reading.lag().compareTo(delay) > 0) {
      effective = withMargin(reading.lag());
      stage.useDelayOfAtLeast(effective);
    }
    book.lagRecorded(reading);
    emit(new ProgressEvent.ReplicationLag(clock.instant(), reading, delay, effective));
  }

  /** Reads the target's lag at the end of a run (information only). */
  void atEnd(SessionBook book) {
    LagReading reading = read("end");
    book.lagRecorded(reading);
    Duration delay = runRecheck.delay();
    emit(new ProgressEvent.ReplicationLag(clock.instant(), reading, delay, delay));
  }

  static Duration withMargin(Duration lag) {
    Duration margin = lag.dividedBy(5);
    return lag.plus(margin.compareTo(MIN_MARGIN) < 0 ? MIN_MARGIN : margin);
  }

  private LagReading read(String when) {
    ReplicaLag lag = ReplicaLags.read(pools.target());
    return new LagReading(when, clock.instant().toString(), lag.known() ? lag.lag().toMillis() : null,
        lag.unknownReason());
  }

  private void emit(ProgressEvent e) {
    for (ProgressListener l : listeners) {
      try {
        l.on(e);
      } catch (RuntimeException ex) {
        // a listener only reports: its bug must not fail the run, but it is never hidden
        log.warn("progress listener {} failed on {}: {}", l.getClass().getName(), e.getClass().getSimpleName(),
            ex.toString(), ex);
      }
    }
  }
}
