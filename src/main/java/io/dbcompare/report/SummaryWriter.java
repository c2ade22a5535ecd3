package io.dbcompare.report;

import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.RecheckRound;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueText;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.compare.Canonical;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The per-table summary a DBA reads first: counts, and a sample of differing keys of each kind. */
public final class SummaryWriter {
  private static final int SAMPLE = 20;

  private SummaryWriter() {}

  public static void write(Path file, TableSpec t, TableSnapshot p, Iterable<ChunkResult> results, List<String> header,
      String syncScript) {
    write(file, t, p, results, header, syncScript, io.dbcompare.config.ComparisonSettings.DEFAULT_REPORT_ROWS);
  }

  /** @param valueRows how many differing rows get their values side by side (the first, in key order) */
  public static void write(Path file, TableSpec t, TableSnapshot p, Iterable<ChunkResult> results, List<String> header,
      String syncScript, int valueRows) {
    StringBuilder sb = new StringBuilder();
    sb.append("Comparison summary: ").append(t.displayName()).append('\n');
    sb.append("=".repeat(20 + t.displayName().length())).append('\n');
    for (String h : header) {
      sb.append(h).append('\n');
    }
    if (t.keyless()) {
      sb.append("Key:                 ").append(t.keySource().describe()).append('\n');
    } else {
      sb.append("Key:                 ").append(String.join(", ", t.keyNames())).append('\n');
      if (t.keySource().worthSaying()) {
        sb.append("Key from:            ").append(t.keySource().describe()).append('\n');
      }
    }
    sb.append("Compared columns:    ").append(t.columns().size()).append(" (").append(String.join(", ", t.columnNames()))
        .append(")\n");
    t.where().ifPresent(w -> sb.append("Filter (both sides): ").append(w).append('\n'));
    sb.append("Chunks:              ").append(p.totalChunks()).append(t.keyless() ? " (buckets by row hash)" : "")
        .append('\n');
    sb.append("Rows in source:      ").append(p.sourceRows()).append('\n');
    sb.append("Rows in target:      ").append(p.targetRows()).append('\n');
    sb.append("Missing in target:   ").append(p.missingInTarget()).append("  (sync script INSERTs them)\n");
    sb.append("Missing in source:   ").append(p.missingInSource()).append("  (sync script DELETEs them)\n");
    sb.append("Different rows:      ").append(p.differentRows()).append(t.keyless()
        ? "  (none without a key: a changed row is missing on each side)\n" : "  (sync script UPDATEs them)\n");
    if (!p.recheckRounds().isEmpty()) {
      sb.append("In flight:           ").append(p.inFlightRows())
          .append("  (equal again, or gone from both sides, when read again: not differences)\n");
      sb.append("Changing:            ").append(p.changingRows())
          .append("  (changing, followed by the target: its row changed between reads; not differences)\n");
      for (RecheckRound r : p.recheckRounds()) {
        sb.append(String.format(Locale.ROOT, "Recheck round %-6s %d rows read again: %d in flight, %d changing,"
            + " %d still different%n", r.round() + ":", r.rechecked(), r.inFlight(), r.changing(), r.remaining()));
      }
    }
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
    List<DifferingRows.Row> sideBySide = new ArrayList<>();
    for (ChunkResult r : results) {
      for (RowDiff d : r.diffs()) {
        if (sideBySide.size() < valueRows) {
          sideBySide.add(DifferingRows.row(t, d));
        }
        List<String> s = samples.get(d.kind());
        if (t.keyless()) {
          sampleCopy(s, ValueText.display(t.columnNames(), t.kinds(),
              d.kind() == DiffKind.MISSING_IN_TARGET ? d.sourceValues() : d.targetValues()));
        } else if (s.size() < SAMPLE) {
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
    if (!sideBySide.isEmpty()) {
      sb.append("\nDiffering values, first ").append(sideBySide.size()).append(" row")
          .append(sideBySide.size() == 1 ? "" : "s").append(" (source | target):\n");
      for (DifferingRows.Row row : sideBySide) {
        appendValues(sb, t, row);
      }
    }
    OutputFile.write(file, sb.toString().getBytes(StandardCharsets.UTF_8), "summary");
  }

  /** A row's key and kind; for a changed row each differing column with both values, names aligned. */
  private static void appendValues(StringBuilder sb, TableSpec t, DifferingRows.Row row) {
    StringBuilder key = new StringBuilder("(");
    for (DifferingRows.KeyPart k : row.key()) {
      key.append(key.length() > 1 ? ", " : "").append(k.column()).append('=')
          .append(k.value() == null ? "NULL" : k.value());
    }
    sb.append("  ").append(key).append(") ").append(label(row.kind()).toLowerCase(java.util.Locale.ROOT)).append('\n');
    if (row.kind() != DiffKind.DIFFERENT) {
      return; // the whole row is on one side: its values are in the sync script and the HTML report
    }
    int width = row.columns().stream().mapToInt(c -> c.column().length()).max().orElse(0);
    for (DifferingRows.Cell c : row.columns()) {
      sb.append("      ").append(c.column()).append(" ".repeat(width - c.column().length())).append("  ")
          .append(text(c.source())).append("  |  ").append(text(c.target())).append('\n');
    }
  }

  private static String text(ShownValue v) {
    return v == null ? "NULL" : v.quoted();
  }

  /**
   * A surplus copy of a row of a table without key: copies of one row come one after the other (a
   * bucket's differences are in row-hash order), so they are counted on one line: {@code (A=1) x 3}.
   */
  private static void sampleCopy(List<String> sample, String row) {
    if (!sample.isEmpty()) {
      String last = sample.get(sample.size() - 1);
      String bare = last.replaceFirst(" x \\d+$", "");
      if (bare.equals(row)) {
        int copies = last.equals(bare) ? 1 : Integer.parseInt(last.substring(bare.length() + 3));
        sample.set(sample.size() - 1, row + " x " + (copies + 1));
        return;
      }
    }
    if (sample.size() < SAMPLE) {
      sample.add(row);
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
