package io.dbcompare.config;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole configuration, immutable and validated once by {@link ConfigLoader}.
 *
 * @param tables the {@code tables:} entries as written (bare names not resolved yet)
 * @param snapshot {@code comparison.snapshot}: the point in time the pair is read at
 * @param schemas the {@code schemas:} entries, whose tables are read from the catalog when a run starts
 * @param strictColumns {@code comparison.strict_columns}: a column on one side only fails its table
 */
public record CompareConfig(
    Path file, DatabaseConfig source, DatabaseConfig target, ComparisonSettings settings, SyncSettings sync,
    List<TableConfig> tables, RepairSettings repair, SnapshotSettings snapshot, List<SchemaConfig> schemas,
    boolean strictColumns) {

  public CompareConfig {
    tables = List.copyOf(tables);
    repair = repair == null ? RepairSettings.DEFAULTS : repair;
    snapshot = snapshot == null ? SnapshotSettings.NONE : snapshot;
    schemas = schemas == null ? List.of() : List.copyOf(schemas);
  }

  /** A configuration with the default {@code repair:} settings that reads the current data. */
  public CompareConfig(Path file, DatabaseConfig source, DatabaseConfig target, ComparisonSettings settings,
      SyncSettings sync, List<TableConfig> tables) {
    this(file, source, target, settings, sync, tables, RepairSettings.DEFAULTS, SnapshotSettings.NONE);
  }

  /** A configuration that reads the current data ({@code snapshot: none}). */
  public CompareConfig(Path file, DatabaseConfig source, DatabaseConfig target, ComparisonSettings settings,
      SyncSettings sync, List<TableConfig> tables, RepairSettings repair) {
    this(file, source, target, settings, sync, tables, repair, SnapshotSettings.NONE);
  }

  /** A configuration that lists its tables only ({@code tables:}, no {@code schemas:}). */
  public CompareConfig(Path file, DatabaseConfig source, DatabaseConfig target, ComparisonSettings settings,
      SyncSettings sync, List<TableConfig> tables, RepairSettings repair, SnapshotSettings snapshot) {
    this(file, source, target, settings, sync, tables, repair, snapshot, List.of(), false);
  }

  /** The same configuration with other {@code tables:} entries (the resolved list of a run). */
  public CompareConfig withTables(List<TableConfig> resolved) {
    return new CompareConfig(file, source, target, settings, sync, resolved, repair, snapshot, schemas, strictColumns);
  }

  /** The same configuration with other comparison settings (the command line's --no-pushdown). */
  public CompareConfig withSettings(ComparisonSettings other) {
    return new CompareConfig(file, source, target, other, sync, tables, repair, snapshot, schemas, strictColumns);
  }

  /**
   * A hash of everything that decides what a comparison means: both databases (URL without secrets,
   * user), the tables with their keys, columns and filters, and the empty-string policy. Threads, folders
   * and chunk size are left out: changing them does not change the result, and a resumed table keeps
   * its recorded chunk plan anyway. Passwords are never part of it. A snapshot mode other than none is
   * part of it (a session read at one SCN must not be resumed reading the current data, nor the other
   * way round); without one the hash is what it was before the setting existed, so older sessions resume.
   */
  public String comparisonHash() {
    Hasher h = Hashing.sha256().newHasher();
    put(h, source.displayUrl());
    put(h, source.username());
    put(h, target.displayUrl());
    put(h, target.username());
    put(h, settings.emptyStrings().name());
    for (TableConfig t : tables) {
      put(h, t.source().display());
      put(h, t.target().display());
      put(h, t.primaryKey().toString());
      if (!t.keyColumns().isEmpty()) {
        put(h, "key_columns " + t.keyColumns()); // only when given: hashes of earlier sessions stay as they were
      }
      put(h, t.columns().toString());
      put(h, t.excludeColumns().toString());
      put(h, t.where().orElse("\u0000"));
    }
    if (snapshot.mode() != SnapshotMode.NONE) {
      put(h, "snapshot=" + snapshot.mode().configName());
    }
    // only when given, so that sessions of configurations without schemas keep their hash
    for (SchemaConfig sc : schemas) {
      put(h, sc.describe());
    }
    return h.hash().toString().substring(0, 16);
  }

  private static void put(Hasher h, String s) {
    String v = s == null ? "\u0000null" : s;
    h.putInt(v.length()).putString(v, StandardCharsets.UTF_8);
  }

  /** A human-readable dump with every secret masked (for --verbose and the session log). */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("config: ").append(file).append('\n');
    sb.append("source: ").append(source).append('\n');
    sb.append("target: ").append(target).append('\n');
    sb.append("comparison: ").append(settings).append('\n');
    sb.append("snapshot: ").append(snapshot.mode().configName()).append('\n');
    sb.append("sync: ").append(sync).append('\n');
    sb.append("repair: ").append(repair).append('\n');
    sb.append("tables: ").append(tables.size());
    if (!schemas.isEmpty()) {
      sb.append("\nschemas: ").append(schemas.stream().map(SchemaConfig::describe).toList());
    }
    return sb.toString();
  }
}
