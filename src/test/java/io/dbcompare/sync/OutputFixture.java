package io.dbcompare.sync;

import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.RunStatus;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.TableStatus;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import io.dbcompare.config.SyncSettings;
import io.dbcompare.dialect.Dialects;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * In-memory inputs for the output writers: small tables {@code APP.<NAME> (ID, NAME)}, a chunk result
 * with one difference of each kind, the snapshots a finished table has, a fixed clock and session.
 */
public final class OutputFixture {
  public static final String SESSION = "0123abcd-0000-4000-8000-000000000001";
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
  /** The time stamp of files written at {@link #CLOCK}. */
  public static final String STAMP = "20260115_100000";

  private OutputFixture() {}

  public static TableSpec spec(String table) {
    TableRef ref = new TableRef("APP", table);
    return new TableSpec("APP_" + table, "APP." + table, ref, ref, List.of(
        new ColumnSpec("ID", "ID", ValueKind.NUMBER, "NUMBER", "NUMERIC", true),
        new ColumnSpec("NAME", "NAME", ValueKind.TEXT, "VARCHAR2", "CHARACTER VARYING", false)),
        1, Optional.empty(), false);
  }

  private static Object[] row(int id, String name) {
    return new Object[] {BigDecimal.valueOf(id), name};
  }

  /** Id 1 differs in NAME, id 3 is missing in the target, id 4 in the source; 3 rows a side. */
  public static ChunkResult differences(TableSpec t) {
    return new ChunkResult(t.key(), 0, 3, 3, 1, 1, 1, List.of(
        new RowDiff(DiffKind.DIFFERENT, new Object[] {BigDecimal.ONE}, row(1, "source"), row(1, "target")),
        new RowDiff(DiffKind.MISSING_IN_TARGET, new Object[] {BigDecimal.valueOf(3)}, row(3, "three"), null),
        new RowDiff(DiffKind.MISSING_IN_SOURCE, new Object[] {BigDecimal.valueOf(4)}, null, row(4, "four"))));
  }

  public static ChunkResult identical(TableSpec t) {
    return new ChunkResult(t.key(), 0, 3, 3, 0, 0, 0, List.of());
  }

  /** The writer of H2 scripts, guarded, with or without undo scripts. */
  public static SyncScriptWriter writer(boolean undo) {
    return new SyncScriptWriter(Dialects.of(Platform.H2),
        new SyncSettings(100, true, SyncSettings.DEFAULT_MAX_STATEMENTS_PER_FILE, undo, false));
  }

  /** A completed table with the counts of {@code r} and, when written, its scripts as the session records them. */
  public static TableSnapshot completed(TableSpec t, ChunkResult r, ScriptSet.Written scripts) {
    return new TableSnapshot(t.key(), t.source().schema(), t.source().table(), t.target().schema(),
        t.target().table(), TableStatus.COMPLETED, 1, 1, r.sourceRows(), r.targetRows(), r.missingInTarget(),
        r.missingInSource(), r.different(), null, "2026-01-15T09:59:00Z", "2026-01-15T10:00:00Z", List.of("ID"), 1000,
        scripts == null ? null : scripts.sync().toString(),
        scripts == null || scripts.undo() == null ? null : scripts.undo().toString(),
        scripts == null ? List.of() : scripts.records(), t.target().schema(), t.target().table(), null);
  }

  /** A table as a run starts it: pending, nothing counted. */
  public static TableSnapshot pending(TableSpec t) {
    return new TableSnapshot(t.key(), t.source().schema(), t.source().table(), t.target().schema(),
        t.target().table(), TableStatus.PENDING, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, null, null, null,
        List.of(), null, null, null);
  }

  public static RunSnapshot run(List<TableSnapshot> tables) {
    return new RunSnapshot(SESSION, "compare.yaml", "hash", "src @ jdbc:h2:mem:s", "tgt @ jdbc:h2:mem:t",
        "2026-01-15T09:59:00Z", "2026-01-15T10:00:00Z", RunStatus.RUNNING, tables, List.of());
  }
}
