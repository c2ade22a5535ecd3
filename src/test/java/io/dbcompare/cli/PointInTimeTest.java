package io.dbcompare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.checkpoint.KryoCheckpointStore;
import io.dbcompare.compare.ChosenScn;
import io.dbcompare.compare.ChunkPlanner;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.ComparisonEngine;
import io.dbcompare.compare.ReadPoint;
import io.dbcompare.compare.Row;
import io.dbcompare.compare.RowCursor;
import io.dbcompare.compare.RowHasher;
import io.dbcompare.compare.RowSource;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableOutputs;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.TableStatus;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.SnapshotMode;
import io.dbcompare.config.SnapshotSettings;
import io.dbcompare.config.TableConfig;
import io.dbcompare.config.TableName;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.session.SessionBook;
import io.dbcompare.session.SessionStore;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code snapshot: scn} across runs: the SCN is chosen once, recorded in the session file, and a resume
 * reads at the recorded SCN without choosing again. In-memory databases record the read point every
 * query got (planning and both sides' rows).
 */
class PointInTimeTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  private static final SnapshotSettings SCN = new SnapshotSettings(SnapshotMode.SCN);
  private static final ChosenScn CHOSEN = new ChosenScn(new BigInteger("18446744073709551621"), Side.TARGET,
      "the applied SCN of the physical standby PROD_ADG (target, READ ONLY WITH APPLY)");
  private static final TableConfig TABLE = new TableConfig(TableName.parse("APP.T", "test"),
      TableName.parse("APP.T", "test"), List.of(), Optional.empty(), List.of(), List.of(), Optional.empty());

  @TempDir Path dir;

  /** What every query was asked to read at, in order. */
  private final List<String> reads = Collections.synchronizedList(new ArrayList<>());

  private static TableSpec spec(TableConfig tc) {
    return new TableSpec(tc.key(), "APP.T", new TableRef("APP", "T"), new TableRef("APP", "T"),
        List.of(new ColumnSpec("ID", "ID", ValueKind.NUMBER, "NUMBER", "NUMBER", true),
            new ColumnSpec("V", "V", ValueKind.TEXT, "VARCHAR2", "VARCHAR2", false)), 1, Optional.empty(), false);
  }

  /** Ten equal rows per side; the first run's source read fails once the point is recorded. */
  private RowSource rows(AtomicBoolean failSource) {
    return (t, side, b) -> {
      reads.add("rows " + side.label() + " at " + t.readPoint(side));
      if (side == Side.SOURCE && failSource.get()) {
        throw new CompareException(ErrorCode.TABLE_FAILED, "source unreachable for this test");
      }
      List<Object[]> data = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        data.add(new Object[] {BigDecimal.valueOf(i), "v" + i});
      }
      RowHasher hasher = new RowHasher(t.kinds());
      var it = data.iterator();
      return new RowCursor() {
        @Override
        public Row next() {
          if (!it.hasNext()) {
            return null;
          }
          Object[] r = it.next();
          return new Row(r, hasher.hash(r), 1);
        }

        @Override
        public void close() {}
      };
    };
  }

  private final ChunkPlanner planner = (t, size) -> {
    reads.add("planning at " + t.readPoint(Side.SOURCE) + " / " + t.readPoint(Side.TARGET));
    return List.of();
  };

  private void run(SessionBook book, PointInTime point, ComparisonEngine.Mode mode, boolean failSource)
      throws InterruptedException {
    ComparisonEngine engine = new ComparisonEngine(book, new ComparisonEngine.Ports(point.resolver(PointInTimeTest::spec),
        planner, rows(new AtomicBoolean(failSource)), null, new KryoCheckpointStore(dir.resolve("cp")),
        (t, results, progress) -> new TableOutputs(null, null, List.of(), null, "APP", "T")),
        new ComparisonEngine.Options(1, 100, 0, 1, 16, 8, 100), List.of(), CLOCK, ComparisonEngine.Hooks.NONE);
    engine.run(List.of(TABLE), mode);
  }

  @Test
  void theSessionKeepsItsScnAndAResumeReadsAtIt() throws Exception {
    SessionStore store = new SessionStore(dir.resolve("state"), dir.resolve("cp"), CLOCK);
    AtomicInteger chosen = new AtomicInteger();
    Supplier<ChosenScn> chooser = () -> {
      chosen.incrementAndGet();
      return CHOSEN;
    };

    // a new session: chosen once, recorded before anything is read
    PointInTime first = PointInTime.choose(SCN, Optional.empty(), chooser);
    SessionBook book = SessionBook.create(store, "c.yaml", "h", "src", "tgt",
        List.of(new SessionBook.NewTable(TABLE.key(), "APP", "T", "APP", "T")));
    first.record(book);
    String id = book.sessionId();
    String json = Files.readString(store.resolve(id));
    assertTrue(json.contains("\"scn\" : \"18446744073709551621\""), json);
    assertTrue(json.contains("PROD_ADG"), json);
    run(book, first, ComparisonEngine.Mode.NEW, true);
    assertEquals(TableStatus.FAILED, book.table(TABLE.key()).status());

    // the resume: the session file gives the SCN back; nothing is chosen again
    SessionBook reopened = SessionBook.open(store, store.find(id));
    assertEquals(Optional.of(CHOSEN), reopened.chosenScn());
    PointInTime resumed = PointInTime.choose(SCN, reopened.chosenScn(), () -> {
      throw new AssertionError("a resumed session must not choose another SCN");
    });
    resumed.record(reopened);
    run(reopened, resumed, ComparisonEngine.Mode.RETRY_FAILED, false);
    assertEquals(TableStatus.COMPLETED, reopened.table(TABLE.key()).status());

    assertEquals(1, chosen.get());
    String at = ReadPoint.scn(CHOSEN.scn()).toString();
    assertTrue(reads.size() >= 5, reads.toString());
    assertTrue(reads.contains("rows target at " + at) && reads.contains("planning at " + at + " / " + at), reads.toString());
    for (String r : reads) {
      assertTrue(r.endsWith(" at " + at) || r.endsWith(at + " / " + at), "a query read elsewhere: " + r);
    }
  }

  @Test
  void otherModesChooseNothingAndResolveTablesAsTheyAre() {
    for (SnapshotMode mode : List.of(SnapshotMode.NONE, SnapshotMode.EXPORTED)) {
      PointInTime p = PointInTime.choose(new SnapshotSettings(mode), Optional.of(CHOSEN), () -> {
        throw new AssertionError("no SCN for " + mode);
      });
      assertFalse(p.scn().isPresent());
      TableSpec t = p.resolver(PointInTimeTest::spec).resolve(TABLE);
      assertTrue(t.sourceReadPoint().isNone() && t.targetReadPoint().isNone());
    }
  }
}
