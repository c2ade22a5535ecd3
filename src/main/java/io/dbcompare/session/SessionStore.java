package io.dbcompare.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.files.AtomicFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Session files in the state folder: {@code oracle_session_<uuid>.json}, written atomically
 * ({@link AtomicFile}: temporary file, flush to disk, rename), with a lock file and a log file beside each.
 */
public final class SessionStore {
  private static final Pattern FILE = Pattern.compile("oracle_session_([0-9a-f\\-]{36})\\.json");
  /** The folder of the table stages' files in the checkpoint folder (see checkpoint.KryoCheckpointStore). */
  private static final String STAGES = "stages";
  private static final Pattern ID_PREFIX = Pattern.compile("[0-9a-fA-F\\-]{1,36}");

  private final Path stateDir;
  private final Path checkpointDir;
  private final Clock clock;
  private final ObjectMapper json;

  public SessionStore(Path stateDir, Path checkpointDir, Clock clock) {
    this.stateDir = stateDir;
    this.checkpointDir = checkpointDir;
    this.clock = clock;
    this.json = new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .setSerializationInclusion(JsonInclude.Include.ALWAYS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  public Path stateDir() {
    return stateDir;
  }

  public Path sessionFile(String id) {
    return stateDir.resolve("oracle_session_" + id + ".json");
  }

  public Path lockFile(String id) {
    return stateDir.resolve("oracle_session_" + id + ".lock");
  }

  public Path logFile(String id) {
    return stateDir.resolve("oracle_session_" + id + ".log");
  }

  public Session create(String configPath, String configHash, String source, String target) {
    Session s = new Session();
    s.sessionId = UUID.randomUUID().toString();
    s.configPath = configPath;
    s.configHash = configHash;
    s.source = source;
    s.target = target;
    s.startTime = now();
    s.lastUpdate = s.startTime;
    return s;
  }

  public String now() {
    return Instant.now(clock).toString();
  }

  /** Writes the session atomically. Callers hold the session's monitor while it is mutated and saved. */
  public void save(Session s) {
    synchronized (s) {
      s.lastUpdate = now();
      s.recomputeTotals();
      byte[] bytes;
      try {
        bytes = json.writeValueAsBytes(s);
      } catch (JsonProcessingException e) {
        throw new CompareException(ErrorCode.INTERNAL, "cannot serialize session " + s.sessionId, e);
      }
      write(sessionFile(s.sessionId), bytes);
    }
  }

  /** Writes the session file whole or not at all ({@link AtomicFile}). */
  private static void write(Path file, byte[] bytes) {
    try {
      AtomicFile.write(file, bytes);
    } catch (IOException e) {
      throw new CompareException(ErrorCode.IO, file + ": cannot write: " + e.getMessage()
          + "; check free space and permissions of " + file.getParent(), e);
    }
  }

  public Session load(Path file) {
    try {
      Session s = json.readValue(file.toFile(), Session.class);
      if (s == null || s.sessionId == null || s.tableProgress == null) {
        throw new IOException("required fields session_id/table_progress are missing");
      }
      if (s.formatVersion != 1) {
        throw new CompareException(ErrorCode.SESSION_DAMAGED, file + ": session format " + s.formatVersion
            + " is not supported by this version of the tool; use the version that created it");
      }
      return s;
    } catch (IOException e) {
      throw new CompareException(ErrorCode.SESSION_DAMAGED, file + ": session file is damaged ("
          + e.getClass().getSimpleName() + "); it was not changed. Restore it from "
          + file.getFileName() + ".tmp if present, or start a new session", e);
    }
  }

  /** Finds a session by full id or unique prefix. */
  public Session find(String idOrPrefix) {
    return load(resolve(idOrPrefix));
  }

  public Path resolve(String idOrPrefix) {
    String p = idOrPrefix == null ? "" : idOrPrefix.strip().toLowerCase(java.util.Locale.ROOT);
    if (!ID_PREFIX.matcher(p).matches()) {
      throw new CompareException(ErrorCode.SESSION_NOT_FOUND, "'" + idOrPrefix
          + "' is not a session id; run --list-sessions to see the ids in " + stateDir);
    }
    List<Path> matches = new ArrayList<>();
    for (Path f : sessionFiles()) {
      if (idOf(f).startsWith(p)) {
        matches.add(f);
      }
    }
    if (matches.isEmpty()) {
      throw new CompareException(ErrorCode.SESSION_NOT_FOUND, "no session '" + idOrPrefix + "' in " + stateDir
          + "; run --list-sessions to see the sessions there");
    }
    if (matches.size() > 1) {
      throw new CompareException(ErrorCode.SESSION_NOT_FOUND, "session prefix '" + idOrPrefix + "' is ambiguous ("
          + matches.size() + " sessions match); give more characters of the id");
    }
    return matches.get(0);
  }

  public List<Path> sessionFiles() {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(stateDir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(stateDir, "oracle_session_*.json")) {
      for (Path f : ds) {
        if (FILE.matcher(f.getFileName().toString()).matches()) {
          out.add(f);
        }
      }
    } catch (IOException e) {
      throw new CompareException(ErrorCode.IO, stateDir + ": cannot list sessions: " + e.getMessage(), e);
    }
    out.sort(Comparator.comparing(Path::toString));
    return out;
  }

  public static String idOf(Path sessionFile) {
    Matcher m = FILE.matcher(sessionFile.getFileName().toString());
    return m.matches() ? m.group(1) : "";
  }

  /** A session loaded for listing, or the reason it could not be read. */
  public record Listed(Path file, Session session, String problem) {}

  public List<Listed> list() {
    List<Listed> out = new ArrayList<>();
    for (Path f : sessionFiles()) {
      try {
        out.add(new Listed(f, load(f), null));
      } catch (CompareException e) {
        out.add(new Listed(f, null, e.getMessage()));
      }
    }
    out.sort(Comparator.comparing((Listed l) -> l.session() == null || l.session().startTime == null
        ? "" : l.session().startTime));
    return out;
  }

  /**
   * What {@link #cleanup} did.
   *
   * @param unreadable one line per session left in place because its age cannot be told: the file and why
   * @param checkpointsRemoved chunk checkpoints and table stages' files removed
   * @param statementFilesRemoved statement files (the row values beside the scripts) removed
   */
  public record CleanupResult(List<String> removed, List<String> skippedInUse, List<String> unreadable,
      int checkpointsRemoved, int statementFilesRemoved) {}

  /**
   * Removes sessions whose last update is older than {@code days}, with their checkpoints (chunks and
   * table stages), lock and log files, and the statement files beside their scripts: those hold row
   * values for {@code --apply}, which needs the session. The scripts and summaries stay: they are the
   * DBA's. A session another process holds is never removed. A damaged session file is judged by the
   * file's modification time (its statement files cannot be found then and stay); one whose time cannot
   * be read either is left and reported.
   */
  public CleanupResult cleanup(int days) {
    if (days < 0) {
      throw new CompareException(ErrorCode.USAGE, "--cleanup takes a number of days >= 0, not " + days);
    }
    Instant cutoff = Instant.now(clock).minus(Duration.ofDays(days));
    List<String> removed = new ArrayList<>();
    List<String> inUse = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    int checkpoints = 0;
    int statementFiles = 0;
    for (Path f : sessionFiles()) {
      String id = idOf(f);
      Instant last;
      Session s = null;
      try {
        s = load(f);
        last = Instant.parse(s.lastUpdate);
      } catch (RuntimeException e) {
        try {
          last = Files.getLastModifiedTime(f).toInstant();
        } catch (IOException io) {
          unreadable.add(f + ": left in place: neither its last update nor the file's time can be read ("
              + io.getClass().getSimpleName() + ": " + io.getMessage() + ")");
          continue;
        }
      }
      if (!last.isBefore(cutoff)) {
        continue;
      }
      try (SessionLock lock = SessionLock.tryAcquire(lockFile(id))) {
        if (lock == null) {
          inUse.add(id);
          continue;
        }
        checkpoints += deleteCheckpoints(id);
        statementFiles += s == null ? 0 : deleteStatementFiles(s);
        deleteIfExists(f);
        deleteIfExists(f.resolveSibling(f.getFileName() + ".tmp"));
        deleteIfExists(logFile(id));
        deleteIfExists(lockFile(id));
        removed.add(id);
      }
    }
    return new CleanupResult(removed, inUse, unreadable, checkpoints, statementFiles);
  }

  /**
   * Removes a session's chunk checkpoints ({@code <session8>_*}) and its table stages' files
   * ({@code stages/<stage>/<session8>_*}), unless another session shares the eight characters.
   */
  private int deleteCheckpoints(String id) {
    if (!Files.isDirectory(checkpointDir)) {
      return 0;
    }
    boolean shared = sessionFiles().stream().map(SessionStore::idOf)
        .anyMatch(other -> !other.equals(id) && other.startsWith(id.substring(0, 8)));
    if (shared) {
      return 0; // another session shares the 8-character prefix: leave its checkpoints alone
    }
    String glob = id.substring(0, 8) + "_*";
    int n = deleteMatching(checkpointDir, glob);
    Path stages = checkpointDir.resolve(STAGES);
    if (Files.isDirectory(stages)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(stages, Files::isDirectory)) {
        for (Path stage : ds) {
          n += deleteMatching(stage, glob);
        }
      } catch (IOException e) {
        throw new CompareException(ErrorCode.IO, stages + ": cannot remove stage files: " + e.getMessage(), e);
      }
    }
    return n;
  }

  private static int deleteMatching(Path dir, String glob) {
    int n = 0;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
      for (Path p : ds) {
        deleteIfExists(p);
        n++;
      }
    } catch (IOException e) {
      throw new CompareException(ErrorCode.IO, dir + ": cannot remove checkpoints: " + e.getMessage(), e);
    }
    return n;
  }

  /**
   * Removes the statement files of the scripts the session recorded (tables' scripts and parts, and the
   * session's masters): {@code <script>.kryo}, as {@code sync.ScriptNames.statementFile} names them
   * (session cannot depend on sync, which stores values with checkpoint's codec).
   */
  private static int deleteStatementFiles(Session s) {
    List<ScriptFile> scripts = new ArrayList<>(s.sessionScripts == null ? List.of() : s.sessionScripts);
    for (TableProgress t : s.tableProgress.values()) {
      if (t.scripts != null) {
        scripts.addAll(t.scripts);
      }
    }
    int n = 0;
    for (ScriptFile f : scripts) {
      if (f.path == null) {
        continue;
      }
      Path values = Path.of(f.path + ".kryo");
      if (Files.exists(values)) {
        deleteIfExists(values);
        n++;
      }
    }
    return n;
  }

  private static void deleteIfExists(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (NoSuchFileException ignored) {
      // already gone
    } catch (IOException e) {
      throw new CompareException(ErrorCode.IO, p + ": cannot delete: " + e.getMessage(), e);
    }
  }
}
