package io.dbcompare.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dbcompare.compare.ChunkComparer;
import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.RecheckRound;
import io.dbcompare.compare.Row;
import io.dbcompare.compare.RowCursor;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.compare.RowHasher;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class KryoCheckpointStoreTest {
  private static final String SESSION = "0123abcd-1111-4222-8333-444455556666";
  /** Shares the first 8 characters (and so the file names) with {@link #SESSION}. */
  private static final String SESSION_TWIN = "0123abcd-9999-4222-8333-444455556666";

  /** Key (K_NUM, K_TXT), then one column of every kind. */
  private static final TableSpec TABLE = new TableSpec("APP_ALL_KINDS", "APP.ALL_KINDS",
      new TableRef("APP", "ALL_KINDS"), new TableRef("app", "all_kinds"),
      List.of(
          new ColumnSpec("K_NUM", "k_num", ValueKind.NUMBER, "NUMBER", "numeric", true),
          new ColumnSpec("K_TXT", "k_txt", ValueKind.TEXT, "VARCHAR2", "text", true),
          new ColumnSpec("NUM", "num", ValueKind.NUMBER, "NUMBER", "numeric", false),
          new ColumnSpec("FLT", "flt", ValueKind.FLOAT, "BINARY_DOUBLE", "float8", false),
          new ColumnSpec("TXT", "txt", ValueKind.TEXT, "CLOB", "text", false),
          new ColumnSpec("BYT", "byt", ValueKind.BYTES, "BLOB", "bytea", false),
          new ColumnSpec("DT", "dt", ValueKind.DATETIME, "TIMESTAMP", "timestamp", false),
          new ColumnSpec("DTZ", "dtz", ValueKind.DATETIME_TZ, "TIMESTAMP WITH TIME ZONE", "timestamptz", false),
          new ColumnSpec("BOOL", "bool", ValueKind.BOOLEAN, "BOOLEAN", "boolean", false)),
      2, Optional.empty(), false);

  @TempDir Path dir;
  private KryoCheckpointStore store;
  private ListAppender<ILoggingEvent> logged;
  private Logger storeLogger;

  @BeforeEach
  void setUp() {
    store = new KryoCheckpointStore(dir);
    storeLogger = (Logger) LoggerFactory.getLogger(KryoCheckpointStore.class);
    logged = new ListAppender<>();
    logged.start();
    storeLogger.addAppender(logged);
  }

  @AfterEach
  void tearDown() {
    storeLogger.detachAppender(logged);
  }

  // ---- sample data ---------------------------------------------------------------------------

  private static String bigUnicodeText() {
    StringBuilder sb = new StringBuilder();
    String piece = "h\u00e9llo w\u00f6rld \uD83D\uDE00 \u4e2d\u6587 \u20ac\u0000 ";
    while (sb.length() < 100 * 1024) {
      sb.append(piece);
    }
    return sb.toString();
  }

  private static byte[] bigBytes() {
    byte[] b = new byte[100 * 1024];
    new Random(99).nextBytes(b);
    return b;
  }

  private static Object[] fullRow() {
    return new Object[] {
        new BigDecimal("12345678901234567890123456789012345678"),
        "key \uD83D\uDE00",
        new BigDecimal("-1234567890123456789012345678.9012345000"), // 38 digits, scale 10, trailing zeros
        Double.NaN,
        bigUnicodeText(),
        bigBytes(),
        LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_789),
        OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 987_654_321, ZoneOffset.ofHoursMinutes(5, 30)),
        Boolean.TRUE};
  }

  private static Object[] otherRow() {
    return new Object[] {
        new BigDecimal("12345678901234567890123456789012345678"),
        "key \uD83D\uDE00",
        new BigDecimal("1.00"),
        Double.NEGATIVE_INFINITY,
        "",
        new byte[0],
        LocalDateTime.of(1, 1, 1, 0, 0, 0, 1),
        OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-12)),
        Boolean.FALSE};
  }

  private static Object[] rowWithNulls() {
    return new Object[] {new BigDecimal("-5E+3"), "", null, -0.0, null, null, null, null, null};
  }

  private static Object[] key(Object[] row) {
    return Arrays.copyOf(row, 2);
  }

  private static ChunkResult sample(int chunk) {
    Object[] full = fullRow();
    Object[] other = otherRow();
    Object[] nulls = rowWithNulls();
    return new ChunkResult(TABLE.key(), chunk, 10_000, 9_999, 1, 2, 1, List.of(
        new RowDiff(DiffKind.DIFFERENT, key(full), full, other),
        new RowDiff(DiffKind.MISSING_IN_TARGET, key(nulls), nulls, null),
        new RowDiff(DiffKind.MISSING_IN_SOURCE, key(full), null, full),
        new RowDiff(DiffKind.MISSING_IN_SOURCE, key(other), null, nulls)));
  }

  private static void assertSameValues(Object[] expected, Object[] actual) {
    if (expected == null) {
      assertNull(actual);
      return;
    }
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      Object e = expected[i];
      Object a = actual[i];
      if (e == null) {
        assertNull(a, "column " + i);
      } else if (e instanceof byte[] eb) {
        assertArrayEquals(eb, (byte[]) a, "column " + i);
      } else if (e instanceof BigDecimal ed) {
        BigDecimal ad = assertInstanceOf(BigDecimal.class, a);
        assertEquals(ed.unscaledValue(), ad.unscaledValue(), "column " + i);
        assertEquals(ed.scale(), ad.scale(), "scale of column " + i);
      } else if (e instanceof Double ed) {
        // raw bits: NaN stays NaN, -0.0 stays -0.0
        assertEquals(Double.doubleToRawLongBits(ed), Double.doubleToRawLongBits(assertInstanceOf(Double.class, a)));
      } else if (e instanceof OffsetDateTime eo) {
        OffsetDateTime ao = assertInstanceOf(OffsetDateTime.class, a);
        assertEquals(eo.toLocalDateTime(), ao.toLocalDateTime(), "column " + i);
        assertEquals(eo.getNano(), ao.getNano());
        assertEquals(eo.getOffset(), ao.getOffset(), "offset of column " + i);
      } else if (e instanceof LocalDateTime el) {
        assertEquals(el, assertInstanceOf(LocalDateTime.class, a));
        assertEquals(el.getNano(), ((LocalDateTime) a).getNano());
      } else {
        assertEquals(e.getClass(), a.getClass(), "column " + i);
        assertEquals(e, a, "column " + i);
      }
    }
  }

  private static void assertSameResult(ChunkResult expected, ChunkResult actual) {
    assertEquals(expected.tableKey(), actual.tableKey());
    assertEquals(expected.chunkIndex(), actual.chunkIndex());
    assertEquals(expected.sourceRows(), actual.sourceRows());
    assertEquals(expected.targetRows(), actual.targetRows());
    assertEquals(expected.missingInTarget(), actual.missingInTarget());
    assertEquals(expected.missingInSource(), actual.missingInSource());
    assertEquals(expected.different(), actual.different());
    assertEquals(expected.diffs().size(), actual.diffs().size());
    for (int i = 0; i < expected.diffs().size(); i++) {
      RowDiff e = expected.diffs().get(i);
      RowDiff a = actual.diffs().get(i);
      assertEquals(e.kind(), a.kind(), "diff " + i);
      assertSameValues(e.key(), a.key());
      assertSameValues(e.sourceValues(), a.sourceValues());
      assertSameValues(e.targetValues(), a.targetValues());
    }
  }

  private ChunkResult load(int chunk) {
    return store.load(SESSION, TABLE, chunk, 10).orElseThrow();
  }

  private Optional<ChunkResult> tryLoad(int chunk) {
    return store.load(SESSION, TABLE, chunk, 10);
  }

  private List<String> filesInDir() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private void assertWarnedAbout(Path file, String problem) {
    List<ILoggingEvent> warnings = logged.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    assertEquals(1, warnings.size(), "one warning expected, got " + warnings);
    String msg = warnings.get(0).getFormattedMessage();
    assertTrue(msg.contains(file.toString()), msg);
    assertTrue(msg.contains(problem), msg);
    assertTrue(msg.contains("APP.ALL_KINDS"), msg);
  }

  // ---- round trip ----------------------------------------------------------------------------

  @Test
  void roundTripKeepsEveryValueExactly() {
    ChunkResult r = sample(4);
    store.save(SESSION, r);
    ChunkResult back = load(4);
    assertSameResult(r, back);

    // spot checks of what the field-by-field comparison covers
    Object[] src = back.diffs().get(0).sourceValues();
    BigDecimal num = (BigDecimal) src[2];
    assertEquals(10, num.scale());
    assertEquals("-1234567890123456789012345678.9012345000", num.toString());
    assertEquals(new BigDecimal("12345678901234567890123456789012345678"), src[0]);
    assertTrue(Double.isNaN((Double) src[3]));
    assertEquals(bigUnicodeText(), src[4]);
    assertEquals(100 * 1024, ((byte[]) src[5]).length);
    assertEquals(123_456_789, ((LocalDateTime) src[6]).getNano());
    OffsetDateTime tz = (OffsetDateTime) src[7];
    assertEquals(ZoneOffset.ofHoursMinutes(5, 30), tz.getOffset());
    assertEquals(987_654_321, tz.getNano());
    assertEquals(OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 987_654_321, ZoneOffset.ofHoursMinutes(5, 30)), tz);
    assertEquals(Boolean.TRUE, src[8]);
    Object[] nulls = back.diffs().get(1).sourceValues();
    assertNull(nulls[2]);
    assertEquals(-3, ((BigDecimal) nulls[0]).scale());
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) nulls[3]));
    assertNull(back.diffs().get(1).targetValues());
    assertNull(back.diffs().get(2).sourceValues());
    assertTrue(logged.list.isEmpty(), "no warning for a good file");
  }

  /**
   * A checkpoint's content is forced before its rename, but the rename is not (no folder sync per chunk):
   * a chunk whose rename a power cut undid has no checkpoint and is compared again.
   */
  @Test
  void savingACheckpointDoesNotForceItsFolder() {
    long before = io.dbcompare.files.AtomicFile.folderForces();
    store.save(SESSION, sample(5));
    store.saveStage(SESSION, "recheck", sample(5));
    assertEquals(before, io.dbcompare.files.AtomicFile.folderForces());
    assertSameResult(sample(5), load(5));
  }

  @Test
  void roundTripKeepsTheReadTimeAndTheRecheckRounds() {
    ChunkResult plain = sample(3);
    java.time.Instant at = java.time.Instant.parse("2026-02-01T08:00:00.123456789Z");
    ChunkResult r = new ChunkResult(plain.tableKey(), 3, plain.sourceRows(), plain.targetRows(), plain.missingInTarget(),
        plain.missingInSource(), plain.different(), plain.diffs(), at,
        List.of(new RecheckRound(1, 9, 4, 1), new RecheckRound(2, 4, 0, 0)));
    store.save(SESSION, r);
    ChunkResult back = load(3);
    assertSameResult(r, back);
    assertEquals(at, back.readAt(), "to the nanosecond");
    assertEquals(r.rechecks(), back.rechecks());
    store.save(SESSION, plain);
    assertNull(load(3).readAt(), "an unknown read time stays unknown");
    assertTrue(load(3).rechecks().isEmpty());
  }

  /** A checkpoint written before read times and recheck rounds (format 1) still resumes its chunk. */
  @Test
  void formatOneCheckpointsOfEarlierVersionsAreStillRead() throws IOException {
    ChunkResult r = sample(2);
    Path f = saved(2);
    byte[] v2 = Files.readAllBytes(f);
    // format 2 appends "no read time" (false) and "no recheck rounds" (0) to the payload of format 1
    assertEquals(0, v2[v2.length - 2]);
    assertEquals(0, v2[v2.length - 1]);
    byte[] payload = Arrays.copyOfRange(v2, 16, v2.length - 2);
    ByteBuffer v1 = ByteBuffer.allocate(16 + payload.length);
    v1.put(Arrays.copyOf(v2, 4)).putInt(1).putInt(payload.length)
        .putInt(com.google.common.hash.Hashing.crc32c().hashBytes(payload).asInt()).put(payload);
    Files.write(f, v1.array());
    ChunkResult back = load(2);
    assertSameResult(r, back);
    assertNull(back.readAt());
    assertTrue(back.rechecks().isEmpty());
    assertTrue(logged.list.isEmpty(), "no warning: " + logged.list);
  }

  /** Rewrites a saved file's format version (formats 2 and 3 share the layout; the CRC covers the payload). */
  private static void setVersion(Path f, int version) throws IOException {
    byte[] bytes = Files.readAllBytes(f);
    ByteBuffer.wrap(bytes).putInt(4, version);
    Files.write(f, bytes);
  }

  /** A table without key (buckets by row hash): one text column. */
  private static final TableSpec KEYLESS = new TableSpec("APP_LOG", "APP.LOG", new TableRef("APP", "LOG"),
      new TableRef("app", "log"), List.of(new ColumnSpec("EVENT", "event", ValueKind.TEXT, "VARCHAR2", "text", false)),
      0, Optional.empty(), false, List.of(), io.dbcompare.compare.TargetTraits.NONE, List.of(), null, null,
      io.dbcompare.compare.KeySource.none());

  private static ChunkResult bucket(int index) {
    return new ChunkResult(KEYLESS.key(), index, 3, 2, 1, 0, 0,
        List.of(new RowDiff(DiffKind.MISSING_IN_TARGET, new Object[0], new Object[] {"started"}, null)));
  }

  /** Format 2 differs from 3 only in the row hash of keyless buckets: a keyed chunk of format 2 resumes. */
  @Test
  void formatTwoCheckpointsOfATableWithKeyAreStillRead() throws IOException {
    ChunkResult r = sample(5);
    Path f = saved(5);
    setVersion(f, 2);
    assertSameResult(r, load(5));
    assertTrue(logged.list.isEmpty(), "no warning: " + logged.list);
  }

  /**
   * A bucket of a table without key from format 2 holds the rows SHA-256 put there: refused (the bucket
   * is compared again), so that buckets of two row hashes are never added up; format 3 is read.
   */
  @Test
  void formatTwoBucketsOfATableWithoutKeyAreRefused() throws IOException {
    store.save(SESSION, bucket(1));
    assertSameResult(bucket(1), store.load(SESSION, KEYLESS, 1, 4).orElseThrow());
    Path f = store.file(SESSION, KEYLESS.key(), 1);
    setVersion(f, 2);
    assertTrue(store.load(SESSION, KEYLESS, 1, 4).isEmpty());
    List<ILoggingEvent> warnings = logged.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    assertEquals(1, warnings.size(), warnings.toString());
    String msg = warnings.get(0).getFormattedMessage();
    assertTrue(msg.contains("format version 2") && msg.contains("earlier row hash") && msg.contains("APP.LOG"), msg);
  }

  @Test
  void resultWithoutDiffsRoundTrips() {
    ChunkResult r = new ChunkResult(TABLE.key(), 0, 0, 0, 0, 0, 0, List.of());
    store.save(SESSION, r);
    assertSameResult(r, load(0));
  }

  @Test
  void savingAgainReplacesTheCheckpoint() {
    store.save(SESSION, sample(1));
    ChunkResult second = new ChunkResult(TABLE.key(), 1, 5, 5, 0, 0, 0, List.of());
    store.save(SESSION, second);
    assertSameResult(second, load(1));
  }

  @Test
  void missingFileIsEmptyWithoutWarning() {
    assertTrue(tryLoad(7).isEmpty());
    assertTrue(logged.list.isEmpty());
  }

  // ---- file naming and atomicity --------------------------------------------------------------

  @Test
  void fileNameFormat() throws IOException {
    assertEquals(dir.resolve("0123abcd_APP_ALL_KINDS_chunk_12.kryo"), store.file(SESSION, "APP_ALL_KINDS", 12));
    store.save(SESSION, sample(12));
    store.save(SESSION, new ChunkResult(TABLE.key(), 0, 1, 1, 0, 0, 0, List.of()));
    assertEquals(List.of("0123abcd_APP_ALL_KINDS_chunk_0.kryo", "0123abcd_APP_ALL_KINDS_chunk_12.kryo"), filesInDir());
  }

  @Test
  void noTemporaryFileIsLeftBehind() throws IOException {
    for (int i = 0; i < 3; i++) {
      store.save(SESSION, sample(i));
      store.save(SESSION, sample(i)); // overwrite as well
    }
    List<String> files = filesInDir();
    assertEquals(3, files.size(), files.toString());
    assertTrue(files.stream().allMatch(f -> f.endsWith(".kryo")), files.toString());
  }

  @Test
  void saveCreatesTheFolder() {
    KryoCheckpointStore nested = new KryoCheckpointStore(dir.resolve("a/b"));
    nested.save(SESSION, sample(0));
    assertTrue(Files.isRegularFile(dir.resolve("a/b/0123abcd_APP_ALL_KINDS_chunk_0.kryo")));
  }

  // ---- damaged and foreign files -------------------------------------------------------------

  private Path saved(int chunk) {
    store.save(SESSION, sample(chunk));
    return store.file(SESSION, TABLE.key(), chunk);
  }

  @Test
  void zeroLengthFileIsRefused() throws IOException {
    Path f = saved(0);
    Files.write(f, new byte[0]);
    assertTrue(tryLoad(0).isEmpty());
    assertWarnedAbout(f, "zero length");
  }

  @Test
  void truncatedFileIsRefused() throws IOException {
    Path f = saved(0);
    byte[] bytes = Files.readAllBytes(f);
    Files.write(f, Arrays.copyOf(bytes, bytes.length / 2));
    assertTrue(tryLoad(0).isEmpty());
    assertWarnedAbout(f, "truncated");
  }

  @Test
  void fileTruncatedInsideTheHeaderIsRefused() throws IOException {
    Path f = saved(0);
    Files.write(f, Arrays.copyOf(Files.readAllBytes(f), 10));
    assertTrue(tryLoad(0).isEmpty());
    assertWarnedAbout(f, "bad header");
  }

  @Test
  void fileWithTrailingBytesIsRefused() throws IOException {
    Path f = saved(0);
    byte[] bytes = Files.readAllBytes(f);
    Files.write(f, Arrays.copyOf(bytes, bytes.length + 1));
    assertTrue(tryLoad(0).isEmpty());
    assertWarnedAbout(f, "trailing bytes");
  }

  @Test
  void bitFlippedPayloadIsRefused() throws IOException {
    Path f = saved(0);
    byte[] good = Files.readAllBytes(f);
    // flip single bits at several payload positions (header is 16 bytes); each must be detected
    int[] positions = {16, 17, 40, good.length / 2, good.length - 1};
    for (int pos : positions) {
      for (int bit : new int[] {0, 7}) {
        byte[] bad = good.clone();
        bad[pos] ^= (byte) (1 << bit);
        Files.write(f, bad);
        logged.list.clear();
        assertTrue(tryLoad(0).isEmpty(), "flip at " + pos + " bit " + bit);
        assertWarnedAbout(f, "checksum");
      }
    }
    Files.write(f, good);
    assertTrue(tryLoad(0).isPresent(), "the unflipped file is fine");
  }

  @Test
  void otherFormatVersionIsRefused() throws IOException {
    Path f = saved(0);
    byte[] bytes = Files.readAllBytes(f);
    assertEquals(KryoCheckpointStore.FORMAT_VERSION, ByteBuffer.wrap(bytes, 4, 4).getInt());
    ByteBuffer.wrap(bytes).putInt(4, KryoCheckpointStore.FORMAT_VERSION + 1);
    Files.write(f, bytes);
    assertTrue(tryLoad(0).isEmpty());
    assertWarnedAbout(f, "format version " + (KryoCheckpointStore.FORMAT_VERSION + 1));
  }

  @Test
  void notACheckpointFileIsRefused() throws IOException {
    Path f = saved(0);
    Files.writeString(f, "this is not a checkpoint, but it is longer than a header");
    assertTrue(tryLoad(0).isEmpty());
    assertWarnedAbout(f, "not a checkpoint");
  }

  @Test
  void fileOfAnotherSessionWithTheSamePrefixIsRefused() {
    store.save(SESSION_TWIN, sample(0));
    Path f = store.file(SESSION, TABLE.key(), 0);
    assertEquals(store.file(SESSION_TWIN, TABLE.key(), 0), f);
    assertTrue(tryLoad(0).isEmpty());
    assertWarnedAbout(f, "belongs to another session");
    // the owner still reads it
    assertTrue(store.load(SESSION_TWIN, TABLE, 0, 10).isPresent());
  }

  @Test
  void fileOfAnotherChunkIsRefused() throws IOException {
    Path f3 = saved(3);
    Path f5 = store.file(SESSION, TABLE.key(), 5);
    Files.copy(f3, f5);
    assertTrue(tryLoad(5).isEmpty());
    assertWarnedAbout(f5, "belongs to another session, table or chunk");
  }

  @Test
  void fileOfAnotherTableIsRefused() throws IOException {
    Path f = saved(0);
    TableSpec other = new TableSpec("APP_OTHER", "APP.OTHER", new TableRef("APP", "OTHER"),
        new TableRef("APP", "OTHER"), TABLE.columns(), 2, Optional.empty(), false);
    Path g = store.file(SESSION, other.key(), 0);
    Files.copy(f, g);
    assertTrue(store.load(SESSION, other, 0, 1).isEmpty());
    List<ILoggingEvent> warnings = logged.list;
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).getFormattedMessage().contains(g.toString()));
  }

  @Test
  void fileThatNoLongerMatchesTheColumnsIsRefused() {
    Path f = saved(0);
    TableSpec fewerColumns = new TableSpec(TABLE.key(), TABLE.displayName(), TABLE.source(), TABLE.target(),
        TABLE.columns().subList(0, 8), 2, Optional.empty(), false);
    assertTrue(store.load(SESSION, fewerColumns, 0, 10).isEmpty());
    assertWarnedAbout(f, "does not match the table's columns");
  }

  // ---- only differences are stored -----------------------------------------------------------

  private static final class ListCursor implements RowCursor {
    private final Iterator<Row> it;

    ListCursor(List<Row> rows) {
      it = rows.iterator();
    }

    @Override
    public Row next() {
      return it.hasNext() ? it.next() : null;
    }

    @Override
    public void close() {}
  }

  @Test
  void checkpointHoldsOnlyTheDifferingRows() throws Exception {
    RowHasher hasher = new RowHasher(TABLE.kinds());
    List<Row> source = new ArrayList<>();
    List<Row> target = new ArrayList<>();
    String padding = "x".repeat(200); // 10 000 matching rows would take over 2 MB if they were stored
    for (int i = 0; i < 10_000; i++) {
      Object[] s = {BigDecimal.valueOf(i), "k", BigDecimal.valueOf(i), 1.5, padding + i, new byte[] {1},
          LocalDateTime.of(2024, 1, 1, 0, 0), OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), true};
      Object[] t = s.clone();
      if (i == 4321) {
        t[4] = "changed";
      }
      source.add(new Row(s, hasher.hash(s), 2));
      target.add(new Row(t, hasher.hash(t), 2));
    }
    ChunkResult r = ChunkComparer.compare(TABLE, 2, new ListCursor(source), new ListCursor(target));
    assertEquals(10_000, r.sourceRows());
    assertEquals(10_000, r.targetRows());
    assertEquals(1, r.different());
    assertEquals(1, r.diffs().size());

    store.save(SESSION, r);
    long size = Files.size(store.file(SESSION, TABLE.key(), 2));
    assertTrue(size < 1024, "checkpoint of 10000 rows with 1 difference is " + size + " bytes");

    ChunkResult back = load(2);
    assertEquals(10_000, back.sourceRows());
    assertEquals(10_000, back.targetRows());
    assertEquals(1, back.diffs().size());
    assertEquals("changed", back.diffs().get(0).targetValues()[4]);
    assertEquals(padding + 4321, back.diffs().get(0).sourceValues()[4]);
  }
}
