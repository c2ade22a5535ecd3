package io.dbcompare.cli;

import io.dbcompare.compare.ChosenScn;
import io.dbcompare.compare.ReadAtResolver;
import io.dbcompare.compare.ReadPoint;
import io.dbcompare.compare.TableResolver;
import io.dbcompare.config.SnapshotMode;
import io.dbcompare.config.SnapshotSettings;
import io.dbcompare.jdbc.ConnectionPool;
import io.dbcompare.jdbc.ExportedSnapshot;
import io.dbcompare.jdbc.Pools;
import io.dbcompare.session.SessionBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The point in time a run reads ({@code comparison.snapshot}). With {@code scn}: the SCN is chosen once,
 * before the session exists (a pair that cannot be read at one SCN is refused with exit 3 and leaves no
 * session), recorded in the session, and every resume reads at the recorded one; both pools and every
 * table are read at it. With {@code exported}: each side's reads share a snapshot exported when the run
 * starts and ended when it ends; a resume cannot reuse the earlier run's and says so.
 */
final class PointInTime implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PointInTime.class);
  private final SnapshotMode mode;
  private final ChosenScn scn;
  private final boolean scnIsNew;
  private final List<ExportedSnapshot> exporters = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();

  private PointInTime(SnapshotMode mode, ChosenScn scn, boolean scnIsNew) {
    this.mode = mode;
    this.scn = scn;
    this.scnIsNew = scnIsNew;
  }

  /**
   * Before the session is created or opened for the run.
   *
   * @param recorded the SCN the resumed session recorded (empty for a new session)
   * @param chooser reads both databases and chooses a new SCN (only when none is recorded)
   */
  static PointInTime choose(SnapshotSettings settings, Optional<ChosenScn> recorded, Supplier<ChosenScn> chooser) {
    if (settings.mode() != SnapshotMode.SCN) {
      return new PointInTime(settings.mode(), null, false);
    }
    return recorded.map(r -> new PointInTime(SnapshotMode.SCN, r, false))
        .orElseGet(() -> new PointInTime(SnapshotMode.SCN, chooser.get(), true));
  }

  /** Records a newly chosen SCN in the session (saved before any table is read). */
  void record(SessionBook book) {
    if (scn != null && scnIsNew) {
      book.scnChosen(scn);
    }
  }

  /** The SCN both sides are read at; empty in the other modes. */
  Optional<ChosenScn> scn() {
    return Optional.ofNullable(scn);
  }

  /** The tables as {@code base} resolves them, read at the run's SCN when there is one. */
  TableResolver resolver(TableResolver base) {
    return scn == null ? base : new ReadAtResolver(base, scn.readPoint(), scn.readPoint());
  }

  /**
   * Pins the pools' reads for this run: at the SCN, or to one exported snapshot per side (exported now,
   * held until {@link #close()}).
   *
   * @param resumed the session ran before (its snapshots, if any, ended with that run)
   */
  void pin(Pools pools, boolean resumed) {
    if (scn != null) {
      ReadPoint point = scn.readPoint();
      pools.source().readAt(point);
      pools.target().readAt(point);
      lines.add("Read point:  " + point + " on both sides (flashback queries AS OF SCN; " + scn.why()
          + (scnIsNew ? ")" : ", chosen when the session started)") + "; no recheck: nothing can be in flight");
      log.info("reading both sides at {} ({})", point, scn.why());
    } else if (mode == SnapshotMode.EXPORTED) {
      for (ConnectionPool pool : List.of(pools.source(), pools.target())) {
        exporters.add(ExportedSnapshot.open(pool));
      }
      lines.add("Read point:  one exported snapshot per side for this run (source " + exporters.get(0).id()
          + ", target " + exporters.get(1).id() + "); each side is consistent with itself");
      if (resumed) {
        lines.add("Snapshots:   the earlier run's exported snapshots ended with it and cannot be reused: the chunks"
            + " compared now read new ones");
      }
    }
  }

  /** What the console says about the read point, after the session header. */
  List<String> lines() {
    return List.copyOf(lines);
  }

  /** Ends the exported snapshots (their pools stop importing them). */
  @Override
  public void close() {
    for (ExportedSnapshot e : exporters) {
      e.close();
    }
    exporters.clear();
  }
}
