package io.dbcompare.checkpoint;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import com.google.common.hash.Hashing;
import io.dbcompare.compare.CheckpointStore;
import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.files.AtomicFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kryo file per finished chunk: {@code <session8>_<SCHEMA_TABLE>_chunk_<n>.kryo}, and one per chunk
 * and table stage that stored its result, of the same name in {@code stages/<stage>/} (removed whenever
 * the chunk's own checkpoint is written again: they belong to its earlier result).
 *
 * <p>Layout: magic {@code TCCK}, format version (int), payload length (int), CRC-32C of the payload
 * (int), then the payload: session id and the {@link ChunkResult} (which names its table key and chunk
 * index). Files of format 1 (before read times and recheck rounds) and 2 are still read, except for a
 * table without key: its buckets were chosen by an earlier row hash (SHA-256 before format 3), so a bucket
 * of an earlier format holds other rows than the same bucket now, and mixing them would count rows twice
 * or never; such a file is refused, and on resume the bucket is compared again. A file from another version, a truncated or bit-flipped file, one that belongs to another
 * session, table or chunk, or whose rows do not fit the table's columns is refused with a warning naming
 * it; the caller decides what follows (see {@link CheckpointStore#load}). The chunk count is not stored:
 * it only numbers the chunk in the warning. Files are written atomically.
 */
public final class KryoCheckpointStore implements CheckpointStore {
  /**
   * The version written: 2 adds the read time and the recheck rounds ({@link ChunkResultSerializer}); 3
   * has the layout of 2, and says that the buckets of a table without key are by the MurmurHash3 row
   * hash ({@link io.dbcompare.compare.RowHasher}).
   */
  public static final int FORMAT_VERSION = 3;
  /** The first version whose buckets of a table without key are those of this version's row hash. */
  static final int ROW_HASH_VERSION = 3;
  /** The oldest version still read (a session of an earlier version resumes with its checkpoints). */
  static final int OLDEST_READ_VERSION = 1;
  private static final byte[] MAGIC = "TCCK".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = 16;
  private static final Logger log = LoggerFactory.getLogger(KryoCheckpointStore.class);
  private static final String STAGES = "stages";
  private static final Pattern STAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private final Path dir;
  private final Pool<Kryo> kryos = new Pool<>(true, false, 16) {
    @Override
    protected Kryo create() {
      Kryo k = new Kryo();
      k.setRegistrationRequired(true);
      k.register(ChunkResult.class, new ChunkResultSerializer(), 10);
      return k;
    }
  };

  public KryoCheckpointStore(Path dir) {
    this.dir = dir;
  }

  public Path file(String sessionId, String tableKey, int chunkIndex) {
    return dir.resolve(sessionId.substring(0, 8) + "_" + tableKey + "_chunk_" + chunkIndex + ".kryo");
  }

  /** The file of a table stage's result for one chunk, in the stage's own folder. */
  public Path stageFile(String sessionId, String stage, String tableKey, int chunkIndex) {
    if (!STAGE_NAME.matcher(stage).matches()) {
      throw new IllegalArgumentException("stage name '" + stage + "': lower case letters, digits and '-' only");
    }
    return dir.resolve(STAGES).resolve(stage).resolve(file(sessionId, tableKey, chunkIndex).getFileName());
  }

  @Override
  public void save(String sessionId, ChunkResult result) {
    removeStageFiles(sessionId, result.tableKey(), result.chunkIndex());
    write(file(sessionId, result.tableKey(), result.chunkIndex()), sessionId, result);
  }

  @Override
  public void saveStage(String sessionId, String stage, ChunkResult result) {
    write(stageFile(sessionId, stage, result.tableKey(), result.chunkIndex()), sessionId, result);
  }

  @Override
  public Optional<ChunkResult> load(String sessionId, TableSpec table, int chunkIndex, int chunkCount) {
    return read(file(sessionId, table.key(), chunkIndex), sessionId, table, chunkIndex, chunkCount);
  }

  @Override
  public Optional<ChunkResult> loadStage(String sessionId, String stage, TableSpec table, int chunkIndex,
      int chunkCount) {
    return read(stageFile(sessionId, stage, table.key(), chunkIndex), sessionId, table, chunkIndex, chunkCount);
  }

  /**
   * A chunk compared again: what stages stored for its earlier result no longer applies. Without stages
   * (the usual case) this is one look-up, not a listing of the checkpoint folder per chunk.
   */
  private void removeStageFiles(String sessionId, String tableKey, int chunkIndex) {
    Path stages = dir.resolve(STAGES);
    if (!Files.isDirectory(stages)) {
      return;
    }
    Path name = file(sessionId, tableKey, chunkIndex).getFileName();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(stages, Files::isDirectory)) {
      for (Path stage : ds) {
        Files.deleteIfExists(stage.resolve(name));
      }
    } catch (IOException e) {
      throw new CompareException(ErrorCode.IO, stages + ": cannot remove the stage files of chunk " + (chunkIndex + 1)
          + " of " + tableKey + ": " + e.getMessage(), e);
    }
  }

  private void write(Path target, String sessionId, ChunkResult result) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(4096);
    Kryo kryo = kryos.obtain();
    try (Output out = new Output(buf)) {
      out.writeString(sessionId);
      kryo.writeObject(out, result);
    } finally {
      kryos.free(kryo);
    }
    byte[] payload = buf.toByteArray();
    ByteBuffer file = ByteBuffer.allocate(HEADER + payload.length);
    file.put(MAGIC).putInt(FORMAT_VERSION).putInt(payload.length)
        .putInt(Hashing.crc32c().hashBytes(payload).asInt()).put(payload);
    try {
      AtomicFile.writeContent(target, file.array()); // its rename is not forced: a lost one is compared again
    } catch (IOException e) {
      throw new CompareException(ErrorCode.IO, target + ": cannot write the checkpoint: " + e.getMessage()
          + "; check free space and permissions of " + target.getParent(), e);
    }
  }

  private Optional<ChunkResult> read(Path f, String sessionId, TableSpec table, int chunkIndex, int chunkCount) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(f);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      warn(f, table, chunkIndex, chunkCount, "cannot be read: " + e.getMessage());
      return Optional.empty();
    }
    String problem = check(bytes);
    if (problem != null) {
      warn(f, table, chunkIndex, chunkCount, problem);
      return Optional.empty();
    }
    ChunkResult r;
    String storedSession;
    int version = ByteBuffer.wrap(bytes, 4, 4).getInt();
    try (Input in = new Input(bytes, HEADER, bytes.length - HEADER)) {
      storedSession = in.readString();
      r = ChunkResultSerializer.read(in, version);
      if (in.position() != bytes.length) {
        throw new IllegalStateException((bytes.length - in.position()) + " bytes left after the result");
      }
    } catch (RuntimeException e) {
      warn(f, table, chunkIndex, chunkCount, "cannot be decoded (" + e.getMessage() + ")");
      return Optional.empty();
    }
    if (!sessionId.equals(storedSession) || !table.key().equals(r.tableKey()) || r.chunkIndex() != chunkIndex) {
      warn(f, table, chunkIndex, chunkCount, "belongs to another session, table or chunk");
      return Optional.empty();
    }
    if (table.keyless() && version < ROW_HASH_VERSION) {
      warn(f, table, chunkIndex, chunkCount, "has format version " + version + ", whose buckets of a table without"
          + " key were chosen by an earlier row hash");
      return Optional.empty();
    }
    String shape = checkShape(r, table);
    if (shape != null) {
      warn(f, table, chunkIndex, chunkCount, shape);
      return Optional.empty();
    }
    return Optional.of(r);
  }

  /** Null when the header and checksum are sound, else what is wrong. */
  static String check(byte[] bytes) {
    if (bytes.length == 0) {
      return "is empty (zero length)";
    }
    if (bytes.length < HEADER || !Arrays.equals(Arrays.copyOf(bytes, 4), MAGIC)) {
      return "is not a checkpoint file (bad header)";
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    b.position(4);
    int version = b.getInt();
    int length = b.getInt();
    int crc = b.getInt();
    if (version < OLDEST_READ_VERSION || version > FORMAT_VERSION) {
      return "has format version " + version + ", this tool reads versions " + OLDEST_READ_VERSION + " to "
          + FORMAT_VERSION;
    }
    if (length != bytes.length - HEADER) {
      return "is truncated or has trailing bytes (" + (bytes.length - HEADER) + " of " + length + " payload bytes)";
    }
    if (Hashing.crc32c().hashBytes(bytes, HEADER, length).asInt() != crc) {
      return "fails its checksum (damaged)";
    }
    return null;
  }

  private static String checkShape(ChunkResult r, TableSpec table) {
    int cols = table.columns().size();
    for (RowDiff d : r.diffs()) {
      if (d.key() == null || d.key().length != table.keyCount()
          || (d.sourceValues() != null && d.sourceValues().length != cols)
          || (d.targetValues() != null && d.targetValues().length != cols)) {
        return "does not match the table's columns (the table definition changed?)";
      }
    }
    return null;
  }

  private static void warn(Path f, TableSpec table, int chunk, int count, String problem) {
    // on resume the engine compares the chunk again; while a finished table is read back it fails the table
    log.warn("checkpoint {} {}; chunk {}/{} of {} cannot be reused", f, problem, chunk + 1, count,
        table.displayName());
  }
}
