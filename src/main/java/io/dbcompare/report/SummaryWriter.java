package io.dbcompare.report;

import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueText;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.files.AtomicFile;
import java.io.IOException;
import io.dbcompare.compare.Canonical;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The per-table summary a DBA reads first: counts, and a sample of differing keys of each kind. */
public final class SummaryWriter {
  private static final int SAMPLE = 20;

  private SummaryWriter() {}

  public static void write(Path file, TableSpec t, TableSnapshot p, Iterable<ChunkResult> results, List<String> header,
      String syncScript) {
    StringBuilder sb = new StringBuilder();
    sb.append("Comparison summary: ").append(t.displayName()).append('\n');
    sb.append("=".repeat(20 + t.displayName().length())).append('\n');
    for (String h : header) {
      sb.append(h).append('\n');
    }
    sb.append("Key:                 ").append(String.join(", ", t.keyNames())).append('\n');
    sb.append("Compared columns:    ").append(t.columns().size()).append(" (").append(String.join(", ", t.columnNames()))
        .append(")\n");
    t.where().ifPresent(w -> sb.append("Filter (both sides): ").append(w).append('\n'));
    sb.append("Chunks:              ").append(p.totalChunks()).append('\n');
    sb.append("Rows in source:      ").append(p.sourceRows()).append('\n');
    sb.append("Rows in target:      ").append(p.targetRows()).append('\n');
    sb.append("Missing in target:   ").append(p.missingInTarget()).append("  (sync script INSERTs them)\n");
    sb.append("Missing in source:   ").append(p.missingInSource()).append("  (sync script DELETEs them)\n");
    sb.append("Different rows:      ").append(p.differentRows()).append("  (sync script UPDATEs them)\n");
    sb.append("Result:              ").append(p.differences() == 0 ? "IDENTICAL" : "DIFFERENCES FOUND").append('\n');
    sb.append("Sync script:         ").append(syncScript == null ? "none (no differences)" : syncScript).append('\n');
    if (!t.structure().isEmpty()) {
      // what the catalogs say differs, found before any row was read (columns on one side were not compared)
      sb.append('\n').append("Structure differences (").append(t.structure().size()).append("):\n");
      t.structure().forEach(d -> sb.append("  ").append(d.text()).append('\n'));
    }

    Map<DiffKind, List<String>> samples = new EnumMap<>(DiffKind.class);
    for (DiffKind k : DiffKind.values()) {
      samples.put(k, new ArrayList<>());
    }
    for (ChunkResult r : results) {
      for (RowDiff d : r.diffs()) {
        List<String> s = samples.get(d.kind());
        if (s.size() < SAMPLE) {
          String key = ValueText.display(t.keyNames(), t.keyKinds(), d.key());
          if (d.kind() == DiffKind.DIFFERENT) {
            key += " columns: " + String.join(", ", differingColumns(t, d));
          }
          s.add(key);
        }
      }
    }
    for (DiffKind k : DiffKind.values()) {
      if (!samples.get(k).isEmpty()) {
        sb.append('\n').append(label(k)).append(" (first ").append(samples.get(k).size()).append("):\n");
        for (String s : samples.get(k)) {
          sb.append("  ").append(s).append('\n');
        }
      }
    }
    try {
      AtomicFile.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CompareException(ErrorCode.IO, file + ": cannot write the summary: " + e.getMessage()
          + "; check free space and permissions of " + file.getParent(), e);
    }
  }

  static List<String> differingColumns(TableSpec t, RowDiff d) {
    List<String> cols = new ArrayList<>();
    for (int i = t.keyCount(); i < t.columns().size(); i++) {
      ColumnSpec c = t.columns().get(i);
      if (!Canonical.sameValue(c.kind(), d.sourceValues()[i], d.targetValues()[i])) {
        cols.add(c.name());
      }
    }
    return cols;
  }

  private static String label(DiffKind k) {
    return switch (k) {
      case MISSING_IN_TARGET -> "Missing in target";
      case MISSING_IN_SOURCE -> "Missing in source";
      case DIFFERENT -> "Different";
    };
  }
}
