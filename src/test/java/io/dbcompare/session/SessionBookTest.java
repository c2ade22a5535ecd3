package io.dbcompare.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbcompare.compare.ChunkRange;
import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.LagReading;
import io.dbcompare.compare.RecheckRound;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.RunStatus;
import io.dbcompare.compare.ScriptRecord;
import io.dbcompare.compare.TableOutputs;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.TableStatus;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session's progress book: one lock, consistent snapshots, throttled saves, the file format. */
class SessionBookTest {
  private static final Instant NOW = Instant.parse("2026-02-01T08:00:00Z");
  private static final TableSpec SPEC = new TableSpec("APP_ORDERS", "APP.ORDERS", new TableRef("APP", "ORDERS"),
      new TableRef("app", "orders"), List.of(new ColumnSpec("ID", "id", ValueKind.NUMBER, "NUMBER", "numeric", true),
          new ColumnSpec("V", "v", ValueKind.TEXT, "VARCHAR2", "text", false)), 1, Optional.empty(), false);

  @TempDir Path root;
  private SessionStore store;
  private final AtomicLong nanos = new AtomicLong();

  @BeforeEach
  void setUp() {
    store = new SessionStore(root.resolve("state"), root.resolve("cp"), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private SessionBook book() {
    Session s = store.create("c.yaml", "h", "src", "tgt");
    TableProgress tp = new TableProgress();
    tp.schema = "APP";
    tp.table = "ORDERS";
    s.tableProgress.put("APP_ORDERS", tp);
    return new SessionBook(s, store, nanos::get);
  }

  private static List<ChunkRange> plan(int chunks) {
    List<ChunkRange> out = new ArrayList<>();
    for (int i = 0; i < chunks; i++) {
      out.add(new ChunkRange(i, i == 0 ? null : List.of("N:" + i), i == chunks - 1 ? null : List.of("N:" + (i + 1))));
    }
    return out;
  }

  /** A chunk of 10 source rows, 9 target rows: one row missing in the target. */
  private static ChunkResult result(int index) {
    return new ChunkResult("APP_ORDERS", index, 10, 9, 1, 0, 0, List.of());
  }

  private JsonNode file(SessionBook book) throws Exception {
    return new ObjectMapper().readTree(store.sessionFile(book.sessionId()).toFile());
  }

  @Test
  void snapshotsAreConsistentUnderConcurrentChunkCompletions() throws Exception {
    int chunks = 4000;
    SessionBook book = book();
    book.tableStarted("APP_ORDERS", SPEC);
    book.planRecorded("APP_ORDERS", plan(chunks), 10);
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean done = new AtomicBoolean();
    List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(5);
    Future<?> reader = pool.submit(() -> {
      int last = 0;
      while (!done.get()) {
        for (TableSnapshot t : List.of(book.table("APP_ORDERS"), book.snapshot().tables().get(0))) {
          // a reader of live fields saw completed chunks zeroed in the middle of a recount
          if (t.completedChunks() < last || t.sourceRows() != 10L * t.completedChunks()
              || t.differences() != t.completedChunks() || t.totalChunks() != chunks) {
            problems.add(t.toString());
          }
          last = t.completedChunks();
        }
      }
    });
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      writers.add(pool.submit(() -> {
        for (int i; (i = next.getAndIncrement()) < chunks; ) {
          TableSnapshot t = book.chunkCompleted("APP_ORDERS", result(i));
          if (t.completedChunks() < 1 || t.sourceRows() != 10L * t.completedChunks()) {
            problems.add("returned " + t);
          }
        }
      }));
    }
    for (Future<?> w : writers) {
      w.get(60, TimeUnit.SECONDS);
    }
    done.set(true);
    reader.get(10, TimeUnit.SECONDS);
    pool.shutdown();
    assertEquals(List.of(), problems.subList(0, Math.min(3, problems.size())));
    assertEquals(chunks, book.table("APP_ORDERS").completedChunks());
    assertEquals(chunks, book.chunks("APP_ORDERS").stream().filter(c -> c.status() == TableStatus.COMPLETED).count());
  }

  @Test
  void chunksAreSavedAtMostOnceASecondAndTableTransitionsAlways() throws Exception {
    SessionBook book = book();
    nanos.set(TimeUnit.SECONDS.toNanos(5));
    book.tableStarted("APP_ORDERS", SPEC);
    book.planRecorded("APP_ORDERS", plan(4), 10);
    assertEquals(0, file(book).at("/table_progress/APP_ORDERS/completed_chunks").asInt(), "the plan is saved");
    assertEquals(4, file(book).at("/table_progress/APP_ORDERS/chunks").size());
    assertEquals(10, file(book).at("/table_progress/APP_ORDERS/chunk_size").asInt());

    book.chunkCompleted("APP_ORDERS", result(0)); // first save after chunks
    assertEquals(1, file(book).at("/table_progress/APP_ORDERS/completed_chunks").asInt());
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(999));
    book.chunkCompleted("APP_ORDERS", result(1));
    assertEquals(1, file(book).at("/table_progress/APP_ORDERS/completed_chunks").asInt(), "within the second");
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
    book.chunkCompleted("APP_ORDERS", result(2));
    assertEquals(3, file(book).at("/table_progress/APP_ORDERS/completed_chunks").asInt(), "a second later");

    book.chunkFailed("APP_ORDERS", 3, "ORA-01555: snapshot too old");
    book.tableFailed("APP_ORDERS", "APP.ORDERS: chunk 4 failed");
    JsonNode t = file(book).at("/table_progress/APP_ORDERS");
    assertEquals("failed", t.get("status").asText());
    assertEquals("failed", t.get("chunks").get(3).get("status").asText());
    assertEquals("ORA-01555: snapshot too old", t.get("chunks").get(3).get("error").asText());
    assertEquals(NOW.toString(), t.get("finished_at").asText());
  }

  /**
   * A table whose new plan was just saved needs no save of its own when it is prepared (a schema of small
   * tables would otherwise write its whole session file once more per table): such saves come at most
   * once a second; a table prepared from a plan saved by an earlier run is saved at once.
   */
  @Test
  void preparingATableRightAfterItsPlanWasSavedIsSavedAtMostOnceASecond() throws Exception {
    SessionBook book = SessionBook.create(store, "c.yaml", "h", "src", "tgt",
        List.of(new SessionBook.NewTable("APP_A", "APP", "A", "APP", "A"),
            new SessionBook.NewTable("APP_B", "APP", "B", "APP", "B")));
    book = new SessionBook(store.find(saved(book)), store, nanos::get);
    nanos.set(TimeUnit.SECONDS.toNanos(5));
    book.tableStarted("APP_A", SPEC);
    book.planRecorded("APP_A", plan(2), 10);
    book.chunkRestored("APP_A", result(0)); // read back from a checkpoint: not saved by itself
    book.tablePrepared("APP_A");
    assertEquals(1, file(book).at("/table_progress/APP_A/completed_chunks").asInt(), "the first one is saved");

    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
    book.tableStarted("APP_B", SPEC);
    book.planRecorded("APP_B", plan(2), 10);
    assertEquals(2, file(book).at("/table_progress/APP_B/chunks").size(), "the plan is saved at once");
    book.chunkRestored("APP_B", result(0));
    book.tablePrepared("APP_B");
    assertEquals(0, file(book).at("/table_progress/APP_B/completed_chunks").asInt(), "within the second");

    // a plan of an earlier run: what the run changed since (status, key, chunks) is saved at once
    book.chunkRestored("APP_A", result(1));
    book.tablePrepared("APP_A");
    assertEquals(2, file(book).at("/table_progress/APP_A/completed_chunks").asInt(), "saved at once");
    assertEquals(1, file(book).at("/table_progress/APP_B/completed_chunks").asInt(), "with everything else");
  }

  private static String saved(SessionBook book) {
    book.runStatus(io.dbcompare.compare.RunStatus.RUNNING);
    return book.sessionId();
  }

  @Test
  void statusesAreWrittenInLowerCaseAndFilesOfEarlierVersionsStayReadable() throws Exception {
    String id = "cccccccc-0000-4000-8000-000000000001";
    // as version 1 of the tool wrote it (no chunk_size yet)
    String old = """
        {"format_version":1,"session_id":"%s","config_path":"c.yaml","config_hash":"h","source":"s","target":"t",
         "start_time":"2025-01-01T00:00:00Z","last_update":"2025-01-01T00:10:00Z","status":"interrupted",
         "totals":{"tables":2},
         "table_progress":{
          "APP_A":{"schema":"APP","table":"A","status":"in_progress","total_chunks":2,"completed_chunks":1,
            "source_rows":5,"key_columns":["ID"],"chunks":[
              {"index":0,"lower":null,"upper":["N:5"],"status":"completed","source_rows":5},
              {"index":1,"lower":["N:5"],"upper":null,"status":"pending"}]},
          "APP_B":{"schema":"APP","table":"B","status":"failed","error":"no such table","scripts":[
              {"kind":"sync","phase":"delete","part":1,"path":"/o/x.sql","sha256":"ab","statements":3}]}},
         "session_scripts":[]}
        """.formatted(id);
    Path f = store.sessionFile(id);
    Files.createDirectories(f.getParent());
    Files.writeString(f, old);

    SessionBook book = SessionBook.open(store, store.load(f));
    RunSnapshot s = book.snapshot();
    assertEquals(RunStatus.INTERRUPTED, s.status());
    TableSnapshot a = s.table("APP_A");
    assertEquals(TableStatus.IN_PROGRESS, a.status());
    assertEquals(null, a.plannedRows(), "the chunk size of an old plan is unknown");
    assertEquals(List.of(TableStatus.COMPLETED, TableStatus.PENDING),
        book.chunks("APP_A").stream().map(c -> c.status()).toList());
    assertEquals(List.of(new ScriptRecord("sync", "delete", 1, "/o/x.sql", "ab", 3)), s.table("APP_B").scripts());
    assertEquals(TableStatus.FAILED, s.table("APP_B").status());

    book.runStatus(RunStatus.RUNNING);
    String text = Files.readString(f);
    for (String v : List.of("\"status\" : \"running\"", "\"status\" : \"in_progress\"", "\"status\" : \"completed\"",
        "\"status\" : \"pending\"", "\"status\" : \"failed\"")) {
      assertTrue(text.contains(v), v + " in " + text);
    }
    assertTrue(!text.contains("IN_PROGRESS") && !text.contains("RUNNING"), text);
  }

  @Test
  void aTableStageCanReviseACompletedChunkOnly() {
    SessionBook book = book();
    book.tableStarted("APP_ORDERS", SPEC);
    book.planRecorded("APP_ORDERS", plan(2), 10);
    book.chunkCompleted("APP_ORDERS", result(0));
    book.chunkCompleted("APP_ORDERS", result(1));
    TableSnapshot t = book.chunkRevised("APP_ORDERS", new ChunkResult("APP_ORDERS", 1, 10, 10, 0, 0, 0, List.of()));
    assertEquals(1, t.differences(), "the rechecked chunk no longer differs");
    assertEquals(20, t.sourceRows());
    book.chunkPending("APP_ORDERS", 0);
    CompareException e = assertThrows(CompareException.class, () -> book.chunkRevised("APP_ORDERS", result(0)));
    assertEquals(ErrorCode.INTERNAL, e.code());
  }

  /** The recheck's counts per chunk and round add up per table and run, and reach the session file. */
  @Test
  void recheckCountsAndLagReadingsAreRecordedPerTableRoundAndRun() throws Exception {
    SessionBook book = book();
    book.tableStarted("APP_ORDERS", SPEC);
    book.planRecorded("APP_ORDERS", plan(2), 10);
    book.chunkCompleted("APP_ORDERS", result(0));
    book.chunkCompleted("APP_ORDERS", result(1));
    book.chunkRevised("APP_ORDERS", new ChunkResult("APP_ORDERS", 0, 10, 9, 1, 0, 0, List.of(), NOW,
        List.of(new RecheckRound(1, 5, 3, 1), new RecheckRound(2, 1, 0, 0))));
    TableSnapshot t = book.chunkRevised("APP_ORDERS", new ChunkResult("APP_ORDERS", 1, 10, 9, 0, 0, 0, List.of(), NOW,
        List.of(new RecheckRound(1, 2, 2, 0))));
    assertEquals(5, t.inFlightRows());
    assertEquals(1, t.changingRows());
    assertEquals(List.of(new RecheckRound(1, 7, 5, 1), new RecheckRound(2, 1, 0, 0)), t.recheckRounds());
    assertEquals(1, t.differences(), "persistent differences only");
    book.lagRecorded(new LagReading("start", NOW.toString(), null, "the target is not a standby"));
    book.lagRecorded(new LagReading("end", NOW.toString(), 1500L, null));
    book.tableCompleted("APP_ORDERS");

    JsonNode f = file(book);
    JsonNode tp = f.get("table_progress").get("APP_ORDERS");
    assertEquals(5, tp.get("in_flight_rows").asLong());
    assertEquals(1, tp.get("changing_rows").asLong());
    assertEquals(7, tp.get("recheck_rounds").get(0).get("rechecked").asLong());
    assertEquals(1, tp.get("chunks").get(0).get("recheck_rounds").get(1).get("rechecked").asLong());
    assertEquals(5, f.get("totals").get("in_flight_rows").asLong());
    assertTrue(f.get("replication_lag").get(0).get("lag_millis").isNull(), "unknown is never 0");
    assertEquals(1500, f.get("replication_lag").get(1).get("lag_millis").asLong());
    RunSnapshot back = SessionBook.snapshotOf(store.load(store.sessionFile(book.sessionId())));
    assertEquals(t.recheckRounds(), back.table("APP_ORDERS").recheckRounds());
    assertEquals(5, back.totals().inFlightRows());
    assertEquals("the target is not a standby", back.replicationLag().get(0).note());
  }

  @Test
  void outputsAndSessionScriptsAreRecordedWithTheTable() throws Exception {
    SessionBook book = book();
    book.tableStarted("APP_ORDERS", SPEC);
    book.planRecorded("APP_ORDERS", plan(1), 10);
    book.chunkCompleted("APP_ORDERS", result(0));
    ScriptRecord part = new ScriptRecord("sync", "insert", 1, "/o/p1.sql", "cafe", 1);
    book.outputsRecorded("APP_ORDERS", new TableOutputs("/o/sync.sql", "/o/undo.sql", List.of(part), "/o/sum.txt", "app",
        "orders"));
    TableSnapshot done = book.tableCompleted("APP_ORDERS");
    assertEquals("/o/sync.sql", done.syncScript());
    assertEquals(List.of(part), done.scripts());
    assertEquals("orders", done.catalogTargetTable());
    assertEquals("orders", done.targetTable(), "the resolved target name");
    assertEquals(List.of("ID"), done.keyColumns());
    assertEquals(10L, done.plannedRows());
    book.sessionScriptsRecorded(List.of(new ScriptRecord("sync", null, 0, "/o/session.sql", "beef", 1)));

    Session back = store.load(store.sessionFile(book.sessionId()));
    assertEquals(SessionStatus.COMPLETED, back.tableProgress.get("APP_ORDERS").status);
    assertEquals("/o/p1.sql", back.tableProgress.get("APP_ORDERS").scripts.get(0).path);
    assertEquals("/o/session.sql", back.sessionScripts.get(0).path);
    assertEquals(SessionBook.snapshotOf(back).table("APP_ORDERS").scripts(), List.of(part));
    assertThrows(CompareException.class, () -> book.table("NO_SUCH"));
  }

  /**
   * A master that could not be written: the session keeps none and the reason, fails, and says so in
   * the file and in snapshots; writing it later records it and clears the reason.
   */
  @Test
  void aFailedSessionMasterIsRecordedUntilOneIsWritten() throws Exception {
    SessionBook book = book();
    ScriptRecord earlier = new ScriptRecord("sync", null, 0, "/o/sync_session_1.sql", "ab", 3);
    book.sessionScriptsRecorded(List.of(earlier));
    book.runStatus(RunStatus.COMPLETED);

    book.sessionScriptsFailed("/o/sync_session_2.sql: cannot write: disk full");
    JsonNode f = file(book);
    assertEquals("failed", f.get("status").asText());
    assertEquals("/o/sync_session_2.sql: cannot write: disk full", f.get("session_script_error").asText());
    assertEquals(0, f.get("session_scripts").size(), "the earlier master is no longer the session's");
    RunSnapshot snap = SessionBook.snapshotOf(store.find(book.sessionId()));
    assertEquals(RunStatus.FAILED, snap.status());
    assertEquals("/o/sync_session_2.sql: cannot write: disk full", snap.sessionScriptError());
    assertEquals(List.of(), snap.sessionScripts());

    ScriptRecord written = new ScriptRecord("sync", null, 0, "/o/sync_session_3.sql", "cd", 3);
    book.sessionScriptsRecorded(List.of(written));
    f = file(book);
    assertTrue(f.get("session_script_error").isNull(), f.toString());
    assertEquals(List.of(written), book.snapshot().sessionScripts());
    assertEquals(null, book.snapshot().sessionScriptError());
  }
}
