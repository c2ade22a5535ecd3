package io.dbcompare.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbcompare.checkpoint.KryoCheckpointStore;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.sync.StatementFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {
  private static final Instant NOW = Instant.parse("2024-03-01T10:00:00Z");

  private static final String ID_A = "aaaaaaaa-0000-4000-8000-000000000001";
  private static final String ID_AB = "aaaabbbb-0000-4000-8000-000000000002";
  private static final String ID_B = "bbbbbbbb-0000-4000-8000-000000000003";

  @TempDir Path root;
  private Path state;
  private Path checkpoints;
  private SessionStore store;

  @BeforeEach
  void setUp() {
    state = root.resolve("state");
    checkpoints = root.resolve("checkpoints");
    store = at(NOW);
  }

  private SessionStore at(Instant instant) {
    return new SessionStore(state, checkpoints, Clock.fixed(instant, ZoneOffset.UTC));
  }

  /** Creates and saves a session with a chosen id, as the store would at the given clock. */
  private static Session saveWithId(SessionStore st, String id) {
    Session s = st.create("/etc/compare.yaml", "hash-1", "jdbc:oracle:thin:@//db:1521/X user app",
        "jdbc:postgresql://pg/x user app");
    s.sessionId = id;
    st.save(s);
    return s;
  }

  private List<String> names(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static TableProgress tableWithChunks() {
    TableProgress tp = new TableProgress();
    tp.schema = "APP";
    tp.table = "ORDERS";
    tp.targetSchema = "app";
    tp.targetTable = "orders";
    tp.status = SessionStatus.IN_PROGRESS;
    tp.keyColumns = List.of("REGION", "ID");
    ChunkProgress c0 = new ChunkProgress(0, null, List.of("S:EU", "N:100"));
    c0.status = SessionStatus.COMPLETED;
    c0.sourceRows = 100;
    c0.targetRows = 99;
    c0.missingInTarget = 1;
    c0.differentRows = 2;
    ChunkProgress c1 = new ChunkProgress(1, List.of("S:EU", "N:100"), null);
    c1.status = SessionStatus.FAILED;
    c1.error = "ORA-01555: snapshot too old";
    tp.chunks.add(c0);
    tp.chunks.add(c1);
    tp.recount();
    return tp;
  }

  // ---- create / save / load ------------------------------------------------------------------

  @Test
  void createUsesTheClockAndARandomId() {
    Session s = store.create("c.yaml", "h", "src", "tgt");
    assertEquals(NOW.toString(), s.startTime);
    assertEquals(NOW.toString(), s.lastUpdate);
    assertEquals(s.sessionId, UUID.fromString(s.sessionId).toString());
    assertEquals(s.sessionId.substring(0, 8), s.shortId());
    assertEquals(SessionStatus.RUNNING, s.status);
    assertNotEquals(s.sessionId, store.create("c.yaml", "h", "src", "tgt").sessionId);
    assertFalse(Files.exists(store.sessionFile(s.sessionId)), "create does not write");
  }

  @Test
  void saveAndLoadRoundTripWithSnakeCaseKeys() throws IOException {
    Session s = store.create("/etc/compare.yaml", "abc123", "src-url", "tgt-url");
    s.tableProgress.put("APP_ORDERS", tableWithChunks());
    SessionStore later = at(NOW.plusSeconds(90));
    later.save(s);

    Path f = store.sessionFile(s.sessionId);
    assertEquals(state.resolve("oracle_session_" + s.sessionId + ".json"), f);
    assertTrue(Files.isRegularFile(f));

    JsonNode json = new ObjectMapper().readTree(f.toFile());
    assertEquals(s.sessionId, json.get("session_id").asText());
    assertEquals(1, json.get("format_version").asInt());
    assertEquals("/etc/compare.yaml", json.get("config_path").asText());
    assertEquals("abc123", json.get("config_hash").asText());
    assertEquals(NOW.toString(), json.get("start_time").asText());
    assertEquals(NOW.plusSeconds(90).toString(), json.get("last_update").asText(), "save stamps last_update");
    JsonNode totals = json.get("totals");
    assertEquals(1, totals.get("missing_in_target").asLong());
    assertEquals(100, totals.get("source_rows").asLong());
    assertEquals(1, totals.get("tables_pending").asInt());
    JsonNode table = json.get("table_progress").get("APP_ORDERS");
    assertNotNull(table, json.toString());
    assertEquals("orders", table.get("target_table").asText());
    assertEquals(1, table.get("missing_in_target").asLong());
    assertEquals(2, table.get("different_rows").asLong());
    assertEquals(2, table.get("total_chunks").asInt());
    assertEquals(1, table.get("completed_chunks").asInt());
    JsonNode chunk0 = table.get("chunks").get(0);
    assertTrue(chunk0.get("lower").isNull());
    assertEquals("N:100", chunk0.get("upper").get(1).asText());
    assertEquals(0, chunk0.get("missing_in_source").asLong());
    assertEquals("ORA-01555: snapshot too old", table.get("chunks").get(1).get("error").asText());
    // no camelCase spelling leaks into the file, and no derived values are written
    String text = Files.readString(f);
    for (String camel : List.of("sessionId", "tableProgress", "missingInTarget", "lastUpdate", "shortId",
        "differences", "planned")) {
      assertFalse(text.contains(camel), camel + " in " + text);
    }

    Session back = store.load(f);
    assertEquals(s.sessionId, back.sessionId);
    assertEquals("/etc/compare.yaml", back.configPath);
    assertEquals("abc123", back.configHash);
    assertEquals("src-url", back.source);
    assertEquals("tgt-url", back.target);
    assertEquals(NOW.toString(), back.startTime);
    assertEquals(NOW.plusSeconds(90).toString(), back.lastUpdate);
    assertEquals(SessionStatus.RUNNING, back.status);
    assertEquals(List.of("APP_ORDERS"), new ArrayList<>(back.tableProgress.keySet()));
    TableProgress tp = back.tableProgress.get("APP_ORDERS");
    assertEquals("APP", tp.schema);
    assertEquals("ORDERS", tp.table);
    assertEquals(SessionStatus.IN_PROGRESS, tp.status);
    assertEquals(List.of("REGION", "ID"), tp.keyColumns);
    assertEquals(2, tp.chunks.size());
    assertNull(tp.chunks.get(0).lower);
    assertEquals(List.of("S:EU", "N:100"), tp.chunks.get(0).upper);
    assertEquals(List.of("S:EU", "N:100"), tp.chunks.get(1).lower);
    assertNull(tp.chunks.get(1).upper);
    assertEquals(SessionStatus.FAILED, tp.chunks.get(1).status);
    assertEquals(99, tp.chunks.get(0).targetRows);
    assertEquals(1, back.totals.tables);
    assertEquals(99, back.totals.targetRows);
    assertEquals(2, back.totals.differentRows);
  }

  @Test
  void tableOrderIsKept() {
    Session s = store.create("c", "h", "s", "t");
    for (String k : List.of("Z_LAST", "A_FIRST", "M_MIDDLE")) {
      s.tableProgress.put(k, new TableProgress());
    }
    store.save(s);
    assertEquals(List.of("Z_LAST", "A_FIRST", "M_MIDDLE"),
        new ArrayList<>(store.find(s.sessionId).tableProgress.keySet()));
  }

  @Test
  void atomicWriteLeavesNoTemporaryFile() throws IOException {
    Session s = store.create("c", "h", "s", "t");
    // a temporary file left by a crash during an earlier write
    Files.createDirectories(state);
    Path tmp = state.resolve(store.sessionFile(s.sessionId).getFileName() + ".tmp");
    Files.writeString(tmp, "{\"session_id\": \"torn");
    store.save(s);
    s.status = SessionStatus.COMPLETED;
    store.save(s);
    assertEquals(List.of("oracle_session_" + s.sessionId + ".json"), names(state));
    assertEquals(SessionStatus.COMPLETED, store.find(s.sessionId).status);
  }

  // ---- find ----------------------------------------------------------------------------------

  @Test
  void findByFullIdOrUniquePrefix() {
    saveWithId(store, ID_A);
    saveWithId(store, ID_AB);
    saveWithId(store, ID_B);
    assertEquals(ID_A, store.find(ID_A).sessionId);
    assertEquals(ID_A, store.find("aaaaa").sessionId);
    assertEquals(ID_A, store.find("aaaaaaaa-0").sessionId);
    assertEquals(ID_AB, store.find("AAAAB").sessionId, "prefix is case-insensitive");
    assertEquals(ID_B, store.find(" b ").sessionId, "surrounding blanks are ignored");
    assertEquals(store.sessionFile(ID_B), store.resolve("bbbbbbbb"));
  }

  @Test
  void ambiguousPrefixIsSessionNotFound() {
    saveWithId(store, ID_A);
    saveWithId(store, ID_AB);
    CompareException e = assertThrows(CompareException.class, () -> store.find("aaaa"));
    assertEquals(ErrorCode.SESSION_NOT_FOUND, e.code());
    assertTrue(e.getMessage().contains("ambiguous"), e.getMessage());
    assertTrue(e.getMessage().contains("2 sessions"), e.getMessage());
  }

  @Test
  void unknownIdIsSessionNotFound() {
    CompareException none = assertThrows(CompareException.class, () -> store.find("abc"));
    assertEquals(ErrorCode.SESSION_NOT_FOUND, none.code(), "the state folder does not even exist yet");
    saveWithId(store, ID_A);
    CompareException e = assertThrows(CompareException.class, () -> store.find("abc"));
    assertEquals(ErrorCode.SESSION_NOT_FOUND, e.code());
    assertTrue(e.getMessage().contains("'abc'"), e.getMessage());
    CompareException longer = assertThrows(CompareException.class, () -> store.find(ID_A.replace('1', '2')));
    assertEquals(ErrorCode.SESSION_NOT_FOUND, longer.code());
  }

  @Test
  void nonHexIdIsSessionNotFound() {
    saveWithId(store, ID_A);
    for (String bad : Arrays.asList("xyz", "aaaa*", "../aaaaaaaa", "aaaa aaaa", "", "   ", null,
        ID_A + "0", "a".repeat(37))) {
      CompareException e = assertThrows(CompareException.class, () -> store.find(bad), "id " + bad);
      assertEquals(ErrorCode.SESSION_NOT_FOUND, e.code(), "id " + bad);
    }
  }

  // ---- damaged files -------------------------------------------------------------------------

  @Test
  void truncatedSessionFileIsDamagedAndLeftUntouched() throws IOException {
    Session s = saveWithId(store, ID_A);
    s.tableProgress.put("APP_ORDERS", tableWithChunks());
    store.save(s);
    Path f = store.sessionFile(ID_A);
    byte[] full = Files.readAllBytes(f);
    byte[] half = Arrays.copyOf(full, full.length / 2);
    Files.write(f, half);
    FileTime mtime = Files.getLastModifiedTime(f);
    List<String> before = names(state);

    CompareException e = assertThrows(CompareException.class, () -> store.find("aaaaaaaa"));
    assertEquals(ErrorCode.SESSION_DAMAGED, e.code());
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("was not changed"), e.getMessage());

    assertArrayEquals(half, Files.readAllBytes(f), "the damaged file is left as it was");
    assertEquals(mtime, Files.getLastModifiedTime(f));
    assertEquals(before, names(state), "nothing was created or removed");
  }

  @Test
  void otherDamageIsSessionDamaged() throws IOException {
    Path f = store.sessionFile(ID_A);
    Files.createDirectories(state);
    for (String content : List.of("", "null", "{}", "[]", "\u0000\u0000\u0000\u0000", "{\"session_id\": 42",
        "{\"session_id\": \"" + ID_A + "\", \"table_progress\": null}", "{\"table_progress\": {}}")) {
      Files.writeString(f, content, StandardCharsets.UTF_8);
      CompareException e = assertThrows(CompareException.class, () -> store.load(f), "content " + content);
      assertEquals(ErrorCode.SESSION_DAMAGED, e.code(), "content " + content);
      assertEquals(content, Files.readString(f, StandardCharsets.UTF_8));
    }
  }

  @Test
  void sessionOfAnotherFormatVersionIsRefused() throws IOException {
    saveWithId(store, ID_A);
    Path f = store.sessionFile(ID_A);
    Files.writeString(f, Files.readString(f).replace("\"format_version\" : 1", "\"format_version\" : 2"));
    CompareException e = assertThrows(CompareException.class, () -> store.find(ID_A));
    assertEquals(ErrorCode.SESSION_DAMAGED, e.code());
    assertTrue(e.getMessage().contains("session format 2"), e.getMessage());
  }

  @Test
  void unknownKeysAreIgnored() throws IOException {
    saveWithId(store, ID_A);
    Path f = store.sessionFile(ID_A);
    Files.writeString(f, Files.readString(f).replaceFirst("\\{", "{\"added_by_a_newer_tool\": [1, 2],"));
    assertEquals(ID_A, store.find(ID_A).sessionId);
  }

  // ---- list ----------------------------------------------------------------------------------

  @Test
  void listReportsDamagedFilesAsRows() throws IOException {
    saveWithId(at(NOW.minusSeconds(60)), ID_A);
    saveWithId(store, ID_B);
    Path damaged = store.sessionFile(ID_AB);
    Files.writeString(damaged, "{\"session_id\": \"" + ID_AB + "\", \"table_pro");
    // valid JSON but without a start time
    String noStartId = "cccccccc-0000-4000-8000-000000000004";
    Files.writeString(store.sessionFile(noStartId), "{\"session_id\": \"" + noStartId + "\", \"table_progress\": {}}");
    // files that are not sessions are not listed
    Files.writeString(state.resolve("oracle_session_not-a-uuid.json"), "{}");
    Files.writeString(state.resolve("oracle_session_" + ID_A + ".json.tmp"), "{}");
    Files.writeString(state.resolve("notes.txt"), "hello");

    List<SessionStore.Listed> listed = store.list();
    assertEquals(4, listed.size(), listed.toString());
    Map<String, SessionStore.Listed> byId = new java.util.HashMap<>();
    for (SessionStore.Listed l : listed) {
      byId.put(SessionStore.idOf(l.file()), l);
    }
    assertEquals(ID_A, byId.get(ID_A).session().sessionId);
    assertNull(byId.get(ID_A).problem());
    assertEquals(ID_B, byId.get(ID_B).session().sessionId);
    assertNull(byId.get(ID_B).problem());
    assertNull(byId.get(noStartId).problem());

    SessionStore.Listed bad = byId.get(ID_AB);
    assertEquals(damaged, bad.file());
    assertNull(bad.session());
    assertNotNull(bad.problem());
    assertTrue(bad.problem().contains(damaged.toString()), bad.problem());
    assertTrue(bad.problem().contains("damaged"), bad.problem());
  }

  @Test
  void listOfAMissingFolderIsEmpty() {
    assertTrue(store.list().isEmpty());
    assertTrue(store.sessionFiles().isEmpty());
  }

  @Test
  void idOfFileNames() {
    assertEquals(ID_A, SessionStore.idOf(store.sessionFile(ID_A)));
    assertEquals("", SessionStore.idOf(store.lockFile(ID_A)));
    assertEquals("", SessionStore.idOf(state.resolve("oracle_session_xyz.json")));
  }

  // ---- cleanup -------------------------------------------------------------------------------

  private void checkpoint(String id, String name) throws IOException {
    Files.createDirectories(checkpoints);
    Files.write(checkpoints.resolve(id.substring(0, 8) + "_" + name), new byte[] {1});
  }

  private void lockAndLog(String id) throws IOException {
    Files.writeString(store.logFile(id), "log of " + id);
    try (SessionLock l = SessionLock.acquire(store.lockFile(id), id)) {
      assertNotNull(l); // leaves the lock file behind, as a finished run does
    }
  }

  @Test
  void cleanupRemovesOnlyOldSessionsWithTheirFiles() throws IOException {
    Instant old = NOW.minus(Duration.ofDays(45));
    saveWithId(at(old), ID_A);
    saveWithId(at(NOW.minus(Duration.ofDays(2))), ID_B);
    lockAndLog(ID_A);
    lockAndLog(ID_B);
    checkpoint(ID_A, "APP_ORDERS_chunk_0.kryo");
    checkpoint(ID_A, "APP_ORDERS_chunk_1.kryo");
    checkpoint(ID_A, "APP_ITEMS_chunk_0.kryo");
    checkpoint(ID_B, "APP_ORDERS_chunk_0.kryo");
    Files.writeString(checkpoints.resolve("unrelated.txt"), "keep");
    Files.writeString(state.resolve("oracle_session_" + ID_A + ".json.tmp"), "{");

    SessionStore.CleanupResult r = store.cleanup(30);

    assertEquals(List.of(ID_A), r.removed());
    assertTrue(r.skippedInUse().isEmpty());
    assertEquals(3, r.checkpointsRemoved());
    assertEquals(List.of("oracle_session_" + ID_B + ".json", "oracle_session_" + ID_B + ".lock",
        "oracle_session_" + ID_B + ".log"), names(state));
    assertEquals(List.of("bbbbbbbb_APP_ORDERS_chunk_0.kryo", "unrelated.txt"), names(checkpoints));
    assertEquals(ID_B, store.find(ID_B).sessionId);

    // nothing left to remove: a second run is a no-op
    SessionStore.CleanupResult again = store.cleanup(30);
    assertTrue(again.removed().isEmpty());
    assertEquals(0, again.checkpointsRemoved());

    // with days = 0 the two-day-old session goes too
    SessionStore.CleanupResult all = store.cleanup(0);
    assertEquals(List.of(ID_B), all.removed());
    assertEquals(List.of(), names(state));
    assertEquals(List.of("unrelated.txt"), names(checkpoints));
  }

  @Test
  void cleanupKeepsASessionExactlyAtTheCutoff() {
    saveWithId(at(NOW.minus(Duration.ofDays(30))), ID_A);
    saveWithId(at(NOW.minus(Duration.ofDays(30)).minusMillis(1)), ID_B);
    SessionStore.CleanupResult r = store.cleanup(30);
    assertEquals(List.of(ID_B), r.removed());
    assertTrue(Files.exists(store.sessionFile(ID_A)));
    assertFalse(Files.exists(store.sessionFile(ID_B)));
  }

  @Test
  void cleanupNeverRemovesALockedSession() throws IOException {
    saveWithId(at(NOW.minus(Duration.ofDays(100))), ID_A);
    saveWithId(at(NOW.minus(Duration.ofDays(100))), ID_B);
    checkpoint(ID_A, "APP_T_chunk_0.kryo");
    checkpoint(ID_B, "APP_T_chunk_0.kryo");

    try (SessionLock held = SessionLock.acquire(store.lockFile(ID_A), ID_A)) {
      SessionStore.CleanupResult r = store.cleanup(1);
      assertEquals(List.of(ID_A), r.skippedInUse());
      assertEquals(List.of(ID_B), r.removed());
      assertEquals(1, r.checkpointsRemoved());
      assertTrue(Files.exists(store.sessionFile(ID_A)));
      assertTrue(Files.exists(store.lockFile(ID_A)));
      assertEquals(List.of("aaaaaaaa_APP_T_chunk_0.kryo"), names(checkpoints));
    }

    // once the run is over, the session can be cleaned up
    SessionStore.CleanupResult later = store.cleanup(1);
    assertEquals(List.of(ID_A), later.removed());
    assertTrue(later.skippedInUse().isEmpty());
    assertEquals(List.of(), names(state));
    assertEquals(List.of(), names(checkpoints));
  }

  @Test
  void cleanupLeavesCheckpointsOfASessionSharingThePrefix() throws IOException {
    String twin = "aaaaaaaa-ffff-4000-8000-00000000000f";
    saveWithId(at(NOW.minus(Duration.ofDays(100))), ID_A);
    saveWithId(store, twin);
    checkpoint(twin, "APP_T_chunk_0.kryo");
    SessionStore.CleanupResult r = store.cleanup(30);
    assertEquals(List.of(ID_A), r.removed());
    assertEquals(0, r.checkpointsRemoved());
    assertEquals(List.of("aaaaaaaa_APP_T_chunk_0.kryo"), names(checkpoints));
    assertTrue(Files.exists(store.sessionFile(twin)));
  }

  /**
   * Table stages' files ({@code stages/<stage>/<session8>_*}) and the statement files beside the
   * session's scripts go with the session; the scripts, another session's files and a stage file of a
   * session sharing nothing stay. Paths come from the writers themselves, so the names cannot drift.
   */
  @Test
  void cleanupRemovesTheSessionsStageFilesAndStatementFiles() throws IOException {
    Session old = saveWithId(at(NOW.minus(Duration.ofDays(40))), ID_A);
    saveWithId(store, ID_B);
    KryoCheckpointStore kryo = new KryoCheckpointStore(checkpoints);
    List<Path> oldStages = List.of(kryo.stageFile(ID_A, "recheck", "APP_ORDERS", 0),
        kryo.stageFile(ID_A, "recheck", "APP_ORDERS", 1), kryo.stageFile(ID_A, "repair", "APP_ITEMS", 0));
    Path newStage = kryo.stageFile(ID_B, "recheck", "APP_ORDERS", 0);
    for (Path p : List.of(oldStages.get(0), oldStages.get(1), oldStages.get(2), newStage)) {
      Files.createDirectories(p.getParent());
      Files.write(p, new byte[] {1});
    }
    Path output = root.resolve("output");
    Path script = output.resolve("sync_target_APP_ORDERS_20240101_000000_aaaaaaaa.sql");
    Path part = output.resolve("sync_target_APP_ORDERS_20240101_000000_aaaaaaaa_parts/p001_delete.sql");
    Path master = output.resolve("sync_session_20240101_000000_aaaaaaaa.sql");
    Path otherScript = output.resolve("sync_target_APP_ORDERS_20240301_000000_bbbbbbbb.sql");
    for (Path p : List.of(script, part, master, otherScript)) {
      Files.createDirectories(p.getParent());
      Files.writeString(p, "-- script");
    }
    for (Path p : List.of(script, part, otherScript)) {
      Files.write(StatementFile.of(p), new byte[] {2}); // a master holds no statements: it has none
    }
    TableProgress tp = new TableProgress();
    tp.schema = "APP";
    tp.table = "ORDERS";
    tp.scripts.add(new ScriptFile("sync", null, 0, script.toString(), "x", 1));
    tp.scripts.add(new ScriptFile("sync", "delete", 1, part.toString(), "x", 1));
    old.tableProgress.put("APP_ORDERS", tp);
    old.sessionScripts.add(new ScriptFile("sync", null, 0, master.toString(), "x", 1));
    at(NOW.minus(Duration.ofDays(40))).save(old);

    SessionStore.CleanupResult r = store.cleanup(30);

    assertEquals(List.of(ID_A), r.removed());
    assertEquals(3, r.checkpointsRemoved(), "the three stage files");
    assertEquals(2, r.statementFilesRemoved());
    for (Path p : oldStages) {
      assertFalse(Files.exists(p), p.toString());
    }
    assertTrue(Files.exists(newStage));
    assertFalse(Files.exists(StatementFile.of(script)));
    assertFalse(Files.exists(StatementFile.of(part)));
    assertTrue(Files.exists(StatementFile.of(otherScript)), "another session's statement file stays");
    for (Path p : List.of(script, part, master, otherScript)) {
      assertTrue(Files.exists(p), "the scripts are the DBA's: " + p);
    }
  }

  @Test
  void cleanupJudgesADamagedSessionByItsFileTime() throws IOException {
    Files.createDirectories(state);
    Path oldDamaged = store.sessionFile(ID_A);
    Path newDamaged = store.sessionFile(ID_B);
    Files.writeString(oldDamaged, "{\"session_id\": ");
    Files.writeString(newDamaged, "{\"session_id\": ");
    Files.setLastModifiedTime(oldDamaged, FileTime.from(NOW.minus(Duration.ofDays(60))));
    Files.setLastModifiedTime(newDamaged, FileTime.from(NOW.minus(Duration.ofDays(1))));

    SessionStore.CleanupResult r = store.cleanup(30);
    assertEquals(List.of(ID_A), r.removed());
    assertFalse(Files.exists(oldDamaged));
    assertTrue(Files.exists(newDamaged));
  }

  /** A session file whose time cannot be read (here a link to nothing) is named with the reason and left. */
  @Test
  void cleanupReportsASessionWhoseTimeCannotBeReadAndLeavesIt() throws IOException {
    Files.createDirectories(state);
    Path dangling = store.sessionFile(ID_A);
    Files.createSymbolicLink(dangling, state.resolve("gone.json"));
    saveWithId(at(NOW.minus(Duration.ofDays(100))), ID_B);

    SessionStore.CleanupResult r = store.cleanup(30);
    assertEquals(List.of(ID_B), r.removed(), "the others are still cleaned up");
    assertEquals(1, r.unreadable().size(), r.unreadable().toString());
    String line = r.unreadable().get(0);
    assertTrue(line.startsWith(dangling + ": left in place: neither its last update nor the file's time can be read"
        + " (NoSuchFileException: "), line);
    assertFalse(line.contains("\n"), line);
    assertTrue(Files.isSymbolicLink(dangling), "left in place");
  }

  @Test
  void cleanupWithoutAnyFoldersDoesNothing() {
    SessionStore.CleanupResult r = store.cleanup(0);
    assertTrue(r.removed().isEmpty());
    assertTrue(r.skippedInUse().isEmpty());
    assertTrue(r.unreadable().isEmpty());
    assertEquals(0, r.checkpointsRemoved());
  }

  @Test
  void negativeDaysIsRejected() {
    saveWithId(at(NOW.minus(Duration.ofDays(100))), ID_A);
    CompareException e = assertThrows(CompareException.class, () -> store.cleanup(-1));
    assertEquals(ErrorCode.USAGE, e.code());
    assertTrue(Files.exists(store.sessionFile(ID_A)));
  }

  @Test
  void listedSessionsCarryTheirFile() {
    saveWithId(store, ID_A);
    Iterator<SessionStore.Listed> it = store.list().iterator();
    SessionStore.Listed only = it.next();
    assertFalse(it.hasNext());
    assertEquals(store.sessionFile(ID_A), only.file());
    assertEquals(NOW.toString(), only.session().lastUpdate);
  }
}
