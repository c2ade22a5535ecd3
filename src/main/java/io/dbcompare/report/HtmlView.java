package io.dbcompare.report;

import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.ScriptRecord;
import io.dbcompare.compare.TableSnapshot;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the HTML template shows, already formatted for people (local times, separators, durations).
 * The template escapes every value it inserts; nothing here builds HTML.
 */
final class HtmlView {
  private HtmlView() {}

  record Fact(String name, String value) {}

  record Link(String label, String href) {}

  record TableLine(String name, String key, String anchor, boolean hasRows, String result, String resultText,
      long sourceRows, String sourceRowsText, long targetRows, String targetRowsText, long missingInTarget,
      long missingInSource, long differentRows, String mitText, String misText, String diffText, long seconds,
      String durationText, String rateText, String error, List<String> structure, List<Link> links) {}

  /** A value cell: the common start, the part that differs (highlighted), the common end. */
  record Value(boolean absent, boolean isNull, boolean present, String pre, String mark, String post, String note) {}

  record Line(boolean first, int span, String key, String kind, String column, Value source, Value target) {}

  record RowView(List<Line> lines) {}

  record DiffTable(String name, String anchor, String counts, String shownText, String unavailable,
      List<RowView> rows) {
    public boolean hasRows() {
      return !rows.isEmpty();
    }
  }

  record Page(String title, String verdict, String verdictClass, List<Fact> facts, List<Fact> settings,
      List<TableLine> tables, int tableCount, List<DiffTable> diffTables, List<Link> sessionScripts,
      String generated) {
    public boolean hasSessionScripts() {
      return !sessionScripts.isEmpty();
    }

    public boolean hasDiffTables() {
      return !diffTables.isEmpty();
    }
  }

  static Page of(RunReport r, Path outputDir, ZoneId zone) {
    RunSnapshot s = r.session();
    SessionReport.RunTotals t = r.totals();
    List<Fact> facts = List.of(
        new Fact("Session", s.sessionId() + " (" + SessionReport.text(s) + ")"),
        new Fact("Configuration", s.configPath()),
        new Fact("Source", s.source()),
        new Fact("Target", s.target()),
        new Fact("This run", r.mode().replace('_', ' ') + ", " + Human.time(r.startedAt(), zone) + " to "
            + Human.time(r.endedAt(), zone) + " (" + Human.duration(r.duration()) + ")"),
        new Fact("Session started", Human.time(s.startTime(), zone)),
        new Fact("Rows read this run", Human.count(r.rowsThisRun()) + " (" + Human.rate(r.rowsPerSecond())
            + " rows/s)"),
        new Fact("Tables", t.tables() + ": " + t.identical() + " identical, " + t.withDifferences()
            + " with differences, " + t.failed() + " failed, " + t.unfinished() + " not finished"
            + (t.missingTables() == 0 ? "" : ", " + t.missingTables() + " missing in target")),
        new Fact("Differences", Human.count(t.missingInTarget()) + " missing in target, "
            + Human.count(t.missingInSource()) + " missing in source, " + Human.count(t.different()) + " different"),
        new Fact("Exit status", r.exitCode() + ": " + r.exitMeaning()));
    if (!s.targetOnlyTables().isEmpty()) {
      facts = new ArrayList<>(facts);
      facts.add(new Fact("Only in target", s.targetOnlyTables().size() + " table(s) not in the source schema, not"
          + " compared: " + String.join(", ", s.targetOnlyTables())));
    }
    List<Fact> settings = new ArrayList<>();
    for (Map.Entry<String, Object> e : r.settings().entrySet()) {
      settings.add(new Fact(e.getKey(), String.valueOf(e.getValue())));
    }
    List<TableLine> lines = new ArrayList<>();
    List<DiffTable> diffs = new ArrayList<>();
    int n = 0;
    for (RunReport.TableReport tr : r.tables()) {
      String anchor = "t" + (++n);
      lines.add(line(tr, anchor, outputDir));
      if (tr.sample() != null) {
        diffs.add(diffTable(tr, anchor));
      }
    }
    List<Link> sessionScripts = new ArrayList<>();
    for (ScriptRecord sr : s.sessionScripts()) {
      sessionScripts.add(new Link(sr.kind() + ": " + Path.of(sr.path()).getFileName(), href(outputDir, sr.path())));
    }
    String verdict = switch (r.exitCode()) {
      case 0 -> "All " + t.tables() + " tables are identical";
      case 1 -> "Differences found in " + t.withDifferences() + " of " + t.tables() + " tables";
      default -> "Not finished: " + t.failed() + " failed, " + t.unfinished() + " not finished of " + t.tables()
          + " tables (resume the session)";
    };
    String verdictClass = r.exitCode() == 0 ? "ok" : r.exitCode() == 1 ? "diff" : "fail";
    return new Page("Comparison report " + s.shortId(), verdict, verdictClass, facts, settings, lines, lines.size(),
        diffs, sessionScripts, Human.time(r.endedAt(), zone));
  }

  private static TableLine line(RunReport.TableReport tr, String anchor, Path outputDir) {
    TableSnapshot t = tr.table();
    Duration took = SessionStatusText.took(t, null);
    OptionalDouble rate = SessionStatusText.rate(t, took);
    List<Link> links = new ArrayList<>();
    if (t.syncScript() != null) {
      links.add(new Link("sync", href(outputDir, t.syncScript())));
    }
    if (t.undoScript() != null) {
      links.add(new Link("undo", href(outputDir, t.undoScript())));
    }
    if (t.summaryFile() != null) {
      links.add(new Link("summary", href(outputDir, t.summaryFile())));
    }
    String result = RunReport.result(t);
    return new TableLine(t.displayName(), t.key(), anchor, tr.sample() != null, result, result.replace('_', ' '),
        t.sourceRows(), Human.count(t.sourceRows()), t.targetRows(), Human.count(t.targetRows()),
        t.missingInTarget(), t.missingInSource(), t.differentRows(), Human.count(t.missingInTarget()),
        Human.count(t.missingInSource()), Human.count(t.differentRows()), took == null ? -1 : took.getSeconds(),
        took == null ? "-" : Human.duration(took), rate.isPresent() ? Human.rate(rate.getAsDouble()) : "-",
        t.error(), t.structure().stream().map(d -> "structure: " + d.text()).toList(), links);
  }

  private static DiffTable diffTable(RunReport.TableReport tr, String anchor) {
    TableSnapshot t = tr.table();
    DifferingRows.Sample sample = tr.sample();
    List<RowView> rows = new ArrayList<>();
    for (DifferingRows.Row row : sample.rows()) {
      rows.add(rowView(row));
    }
    String counts = Human.count(t.missingInTarget()) + " missing in target, " + Human.count(t.missingInSource())
        + " missing in source, " + Human.count(t.differentRows()) + " different"
        + (t.inFlightRows() + t.changingRows() == 0 ? "" : "; rechecked: " + Human.count(t.inFlightRows())
            + " in flight, " + Human.count(t.changingRows()) + " changing (not differences)");
    String shown = sample.unavailable() != null ? "" : rows.size() < t.differences()
        ? "the first " + Human.count(rows.size()) + " of " + Human.count(t.differences()) + " differing rows, in key order"
        : "all " + Human.count(rows.size()) + " differing rows, in key order";
    return new DiffTable(t.displayName(), anchor, counts, shown, sample.unavailable(), rows);
  }

  private static RowView rowView(DifferingRows.Row row) {
    StringBuilder key = new StringBuilder();
    for (DifferingRows.KeyPart k : row.key()) {
      key.append(key.length() > 0 ? ", " : "").append(k.column()).append('=').append(k.value() == null ? "NULL" : k.value());
    }
    String kind = switch (row.kind()) {
      case DIFFERENT -> "different";
      case MISSING_IN_TARGET -> "missing in target";
      case MISSING_IN_SOURCE -> "missing in source";
    };
    List<Line> lines = new ArrayList<>();
    int span = Math.max(1, row.columns().size());
    if (row.columns().isEmpty()) {
      lines.add(new Line(true, 1, key.toString(), kind, "", null, null));
    }
    boolean first = true;
    for (DifferingRows.Cell c : row.columns()) {
      Value[] v = values(row.kind(), c.source(), c.target());
      lines.add(new Line(first, span, key.toString(), kind, c.column(), v[0], v[1]));
      first = false;
    }
    return new RowView(lines);
  }

  /** Both sides of a cell, the differing middle marked when both have a value. */
  static Value[] values(DiffKind kind, ShownValue s, ShownValue t) {
    Value absent = new Value(true, false, false, null, null, null, null);
    if (kind == DiffKind.MISSING_IN_SOURCE) {
      return new Value[] {absent, plain(t)};
    }
    if (kind == DiffKind.MISSING_IN_TARGET) {
      return new Value[] {plain(s), absent};
    }
    if (s == null || t == null) {
      return new Value[] {plain(s), plain(t)};
    }
    String a = s.text();
    String b = t.text();
    int pre = 0;
    while (pre < a.length() && pre < b.length() && a.charAt(pre) == b.charAt(pre)) {
      pre++;
    }
    if (pre > 0 && Character.isHighSurrogate(a.charAt(pre - 1))) {
      pre--;
    }
    int post = 0;
    while (post < a.length() - pre && post < b.length() - pre
        && a.charAt(a.length() - 1 - post) == b.charAt(b.length() - 1 - post)) {
      post++;
    }
    if (post > 0 && Character.isLowSurrogate(a.charAt(a.length() - post))) {
      post--;
    }
    return new Value[] {marked(s, pre, post), marked(t, pre, post)};
  }

  private static Value plain(ShownValue v) {
    return v == null ? new Value(false, true, false, null, null, null, null)
        : new Value(false, false, true, v.text(), "", "", note(v));
  }

  private static Value marked(ShownValue v, int pre, int post) {
    String x = v.text();
    return new Value(false, false, true, x.substring(0, pre), x.substring(pre, x.length() - post),
        x.substring(x.length() - post), note(v));
  }

  private static String note(ShownValue v) {
    return v.shortened() ? "... (" + Human.count(v.length()) + " " + v.lengthUnit() + ", SHA-256 " + v.sha256() + ")"
        : null;
  }

  /** A link relative to the report's folder (where the scripts and summaries are), percent-encoded. */
  static String href(Path outputDir, String file) {
    Path p = Path.of(file);
    String rel;
    try {
      rel = outputDir.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize()).toString();
    } catch (IllegalArgumentException e) {
      rel = p.toAbsolutePath().toString(); // another drive (Windows)
    }
    try {
      return new URI(null, null, rel.replace('\\', '/'), null).toASCIIString();
    } catch (URISyntaxException e) {
      return "";
    }
  }
}
