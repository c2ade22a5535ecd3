package io.dbcompare.report;

import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.RunStatus;
import io.dbcompare.compare.ScriptRecord;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.TableStatus;
import io.dbcompare.compare.ValueKind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reports built in memory: a session of many tables, one with differences whose values try to inject markup. */
final class ReportFixture {
  static final String SESSION = "0123abcd-0000-4000-8000-000000000001";
  static final Instant START = Instant.parse("2026-12-01T07:00:00Z");
  /** Values that must stay text wherever a report shows them. */
  static final String SCRIPT_BREAK = "</script><script>document.title='pwned-script'</script>";
  static final String IMG_ONERROR = "\"><img src=x onerror=\"document.title='pwned-img'\">";
  static final String LONG = "x".repeat(300) + "<b>end</b>";

  private ReportFixture() {}

  static TableSpec spec() {
    return new TableSpec("APP_DIFFS", "APP.DIFFS", new TableRef("APP", "DIFFS"), new TableRef("APP", "DIFFS"), List.of(
        new ColumnSpec("ID", "ID", ValueKind.NUMBER, "NUMBER", "NUMBER", true),
        new ColumnSpec("NAME", "NAME", ValueKind.TEXT, "VARCHAR2", "VARCHAR2", false),
        new ColumnSpec("NOTE", "NOTE", ValueKind.TEXT, "CLOB", "CLOB", false),
        new ColumnSpec("AMOUNT", "AMOUNT", ValueKind.NUMBER, "NUMBER", "NUMBER", false)),
        1, Optional.empty(), false);
  }

  static Object[] row(long id, String name, String note, String amount) {
    return new Object[] {BigDecimal.valueOf(id), name, note, amount == null ? null : new BigDecimal(amount)};
  }

  /** Rows of APP.DIFFS: a changed name with markup, a long changed note, a missing row, an extra row. */
  static List<RowDiff> diffs() {
    return List.of(
        new RowDiff(DiffKind.DIFFERENT, new Object[] {BigDecimal.valueOf(1)}, row(1, "plain", SCRIPT_BREAK, "10.50"),
            row(1, "plain", IMG_ONERROR, "10.5")),
        new RowDiff(DiffKind.DIFFERENT, new Object[] {BigDecimal.valueOf(2)}, row(2, "a < b & c", LONG, "1"),
            row(2, "a > b & c", LONG + "!", "1")),
        new RowDiff(DiffKind.MISSING_IN_TARGET, new Object[] {BigDecimal.valueOf(3)}, row(3, "only <here>", null, "3"),
            null),
        new RowDiff(DiffKind.MISSING_IN_SOURCE, new Object[] {BigDecimal.valueOf(4)}, null,
            row(4, "extra", "'quoted'", null)));
  }

  static TableSnapshot table(String schema, String name, TableStatus status, long rows, long mit, long mis, long diff,
      String error, Path out) {
    boolean differs = mit + mis + diff > 0;
    String key = schema + "_" + name;
    List<ScriptRecord> scripts = differs ? List.of(new ScriptRecord("sync", null, 0,
        out.resolve("sync_target_" + key + ".sql").toString(), "ab".repeat(32), mit + mis + diff)) : List.of();
    return new TableSnapshot(key, schema, name, schema, name, status, 4, status == TableStatus.COMPLETED ? 4 : 2,
        rows, rows - mit + mis, mit, mis, diff, error, START.toString(),
        status == TableStatus.COMPLETED || status == TableStatus.FAILED ? START.plusSeconds(rows / 1000).toString()
            : null,
        List.of("ID"), 1000, differs ? out.resolve("sync_target_" + key + ".sql").toString() : null,
        differs ? out.resolve("undo_target_" + key + ".sql").toString() : null, scripts, schema, name,
        status == TableStatus.COMPLETED ? out.resolve("comparison_summary_" + key + ".txt").toString() : null,
        differs ? 4 : 0, differs ? 1 : 0, List.of()); // a table with differences also had rows in flight
  }

  /**
   * A session of {@code count} tables: APP.DIFFS with the rows of {@link #diffs()}, a failed table whose
   * error has markup, and identical tables of different sizes (T003 the largest).
   */
  static RunReport report(int count, Path out) {
    List<RunReport.TableReport> tables = new ArrayList<>();
    List<DifferingRows.Row> rows = new ArrayList<>();
    for (RowDiff d : diffs()) {
      rows.add(DifferingRows.row(spec(), d));
    }
    tables.add(new RunReport.TableReport(table("APP", "DIFFS", TableStatus.COMPLETED, 5_000, 1, 1, 2, null, out),
        new DifferingRows.Sample(rows, 100, null)));
    tables.add(new RunReport.TableReport(table("APP", "BROKEN", TableStatus.FAILED, 0, 0, 0, 0,
        "APP.BROKEN: no such table <script>alert(1)</script>", out), null));
    for (int i = 3; i <= count; i++) {
      long size = i == 3 ? 9_000_000 : 1_000L * ((i * 7919) % 997);
      tables.add(new RunReport.TableReport(table("APP", String.format("T%03d", i), TableStatus.COMPLETED, size, 0, 0,
          0, null, out), null));
    }
    RunSnapshot session = new RunSnapshot(SESSION, "/cfg/config.yaml", "hash", "user @ jdbc:h2:mem:src",
        "user @ jdbc:postgresql://db:5432/dr?password=****", START.toString(), START.plusSeconds(3600).toString(),
        RunStatus.FAILED, tables.stream().map(RunReport.TableReport::table).toList(), List.of());
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("chunk_size", 1000);
    settings.put("threads", 4);
    settings.put("pushdown", true);
    settings.put("empty_string", "auto");
    settings.put("report_rows", 100);
    return new RunReport("test", session, "resumed", START.plusSeconds(60), START.plusSeconds(3660), 12_345_678L, 2,
        settings, tables);
  }
}
