package io.dbcompare.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A progress book in memory for engine tests: the same operations as the session's book, without
 * files. Counts saves and remembers the order chunks started in.
 */
final class MemoryBook implements ProgressBook {
  private final String sessionId;
  private final Map<String, Table> tables = new LinkedHashMap<>();
  private final List<ScriptRecord> sessionScripts = new ArrayList<>();
  private RunStatus status = RunStatus.RUNNING;
  final List<String> started = new ArrayList<>();
  int saves;

  private static final class Table {
    String schema;
    String table;
    TableStatus status = TableStatus.PENDING;
    String error;
    List<String> keyColumns;
    Integer chunkSize;
    TableOutputs outputs;
    List<ChunkSnapshot> chunks = new ArrayList<>();
  }

  MemoryBook(String sessionId, String... keys) {
    this.sessionId = sessionId;
    for (String k : keys) {
      tables.put(k, new Table());
    }
  }

  @Override
  public String sessionId() {
    return sessionId;
  }

  @Override
  public synchronized RunSnapshot snapshot() {
    List<TableSnapshot> out = new ArrayList<>();
    tables.keySet().forEach(k -> out.add(table(k)));
    return new RunSnapshot(sessionId, "c.yaml", "h", "s", "t", "start", "last", status, out, sessionScripts);
  }

  synchronized RunStatus status() {
    return status;
  }

  @Override
  public synchronized TableSnapshot table(String key) {
    Table t = t(key);
    int done = 0;
    long sr = 0, tr = 0, mit = 0, mis = 0, d = 0;
    for (ChunkSnapshot c : t.chunks) {
      if (c.status() == TableStatus.COMPLETED) {
        done++;
        sr += c.sourceRows();
        tr += c.targetRows();
        mit += c.missingInTarget();
        mis += c.missingInSource();
        d += c.differentRows();
      }
    }
    TableOutputs o = t.outputs == null ? new TableOutputs(null, null, List.of(), null, null, null) : t.outputs;
    return new TableSnapshot(key, t.schema, t.table, null, null, t.status, t.chunks.size(), done, sr, tr, mit, mis, d,
        t.error, null, null, t.keyColumns, t.chunkSize, o.syncScript(), o.undoScript(), o.scripts(),
        o.catalogTargetSchema(), o.catalogTargetTable(), o.summaryFile());
  }

  @Override
  public synchronized List<ChunkSnapshot> chunks(String key) {
    return List.copyOf(t(key).chunks);
  }

  @Override
  public synchronized TableSnapshot tableStarted(String key, TableSpec spec) {
    Table t = t(key);
    t.status = TableStatus.IN_PROGRESS;
    t.error = null;
    t.schema = spec.source().schema();
    t.table = spec.source().table();
    t.keyColumns = spec.keyNames();
    return table(key);
  }

  @Override
  public synchronized TableSnapshot planRecorded(String key, List<ChunkRange> chunks, int chunkSize) {
    Table t = t(key);
    t.chunks = new ArrayList<>();
    for (ChunkRange r : chunks) {
      t.chunks.add(new ChunkSnapshot(r.index(), r.lower(), r.upper(), TableStatus.PENDING, 0, 0, 0, 0, 0, null));
    }
    t.chunkSize = chunkSize;
    saves++;
    return table(key);
  }

  @Override
  public synchronized void chunkRestored(String key, ChunkResult r) {
    set(key, r.chunkIndex(), TableStatus.COMPLETED, r, null);
  }

  @Override
  public synchronized void chunkPending(String key, int index) {
    set(key, index, TableStatus.PENDING, null, null);
  }

  @Override
  public synchronized TableSnapshot tablePrepared(String key) {
    saves++;
    return table(key);
  }

  @Override
  public synchronized void chunkStarted(String key, int index) {
    started.add(key + "#" + index);
    set(key, index, TableStatus.IN_PROGRESS, null, null);
  }

  @Override
  public synchronized TableSnapshot chunkCompleted(String key, ChunkResult r) {
    set(key, r.chunkIndex(), TableStatus.COMPLETED, r, null);
    return table(key);
  }

  @Override
  public synchronized TableSnapshot chunkFailed(String key, int index, String error) {
    set(key, index, TableStatus.FAILED, null, error);
    return table(key);
  }

  @Override
  public synchronized TableSnapshot chunkRevised(String key, ChunkResult r) {
    set(key, r.chunkIndex(), TableStatus.COMPLETED, r, null);
    return table(key);
  }

  @Override
  public synchronized TableSnapshot tableSuspended(String key) {
    saves++;
    return table(key);
  }

  @Override
  public synchronized TableSnapshot tableFailed(String key, String error) {
    t(key).status = TableStatus.FAILED;
    t(key).error = error;
    saves++;
    return table(key);
  }

  @Override
  public synchronized void outputsRecorded(String key, TableOutputs outputs) {
    t(key).outputs = outputs;
  }

  @Override
  public synchronized TableSnapshot tableCompleted(String key) {
    t(key).status = TableStatus.COMPLETED;
    saves++;
    return table(key);
  }

  @Override
  public synchronized void sessionScriptsRecorded(List<ScriptRecord> scripts) {
    sessionScripts.clear();
    sessionScripts.addAll(scripts);
    saves++;
  }

  @Override
  public synchronized void runStatus(RunStatus s) {
    status = s;
    saves++;
  }

  private Table t(String key) {
    Table t = tables.get(key);
    if (t == null) {
      throw new IllegalArgumentException("no table " + key);
    }
    return t;
  }

  private void set(String key, int index, TableStatus status, ChunkResult r, String error) {
    ChunkSnapshot c = t(key).chunks.get(index);
    t(key).chunks.set(index, r == null
        ? new ChunkSnapshot(index, c.lower(), c.upper(), status, c.sourceRows(), c.targetRows(), c.missingInTarget(),
            c.missingInSource(), c.differentRows(), error)
        : new ChunkSnapshot(index, c.lower(), c.upper(), status, r.sourceRows(), r.targetRows(), r.missingInTarget(),
            r.missingInSource(), r.different(), error));
  }
}
