package io.dbcompare.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dbcompare.compare.RunSnapshot;
import io.dbcompare.compare.ScriptRecord;
import io.dbcompare.compare.TableSnapshot;
import io.dbcompare.report.DifferingRows.Cell;
import io.dbcompare.report.DifferingRows.KeyPart;
import io.dbcompare.report.DifferingRows.Row;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The run for machines: {@code comparison_report_<stamp>_<session8>.json}, version 1 of the schema in
 * {@code io/dbcompare/report/comparison_report.schema.json} (README: "JSON report"). Key names are
 * stable snake_case; counts are numbers; times are ISO-8601 UTC instants at full precision; values are
 * their canonical text. A key's meaning never changes within a schema version; new keys may be added.
 */
public final class JsonReport {
  public static final int SCHEMA_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static void write(Path file, RunReport r) {
    try {
      OutputFile.write(file, JSON.writeValueAsString(tree(r)).getBytes(StandardCharsets.UTF_8), "JSON report");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static ObjectNode tree(RunReport r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema_version", SCHEMA_VERSION);
    root.put("tool_version", r.toolVersion());
    RunSnapshot s = r.session();
    ObjectNode session = root.putObject("session");
    session.put("id", s.sessionId());
    session.put("config", s.configPath());
    session.put("source", s.source());
    session.put("target", s.target());
    session.put("started_at", iso(s.startTime()));
    session.put("status", s.status().name().toLowerCase(Locale.ROOT));

    ObjectNode run = root.putObject("run");
    run.put("mode", r.mode());
    run.put("started_at", r.startedAt().toString());
    run.put("ended_at", r.endedAt().toString());
    run.put("duration_seconds", seconds(r.duration()));
    run.put("rows_read", r.rowsThisRun());
    run.put("rows_per_second", Math.round(r.rowsPerSecond() * 10) / 10.0);
    run.put("exit_code", r.exitCode());
    run.put("exit_meaning", r.exitMeaning());

    ObjectNode settings = root.putObject("settings");
    for (Map.Entry<String, Object> e : r.settings().entrySet()) {
      settings.putPOJO(e.getKey(), e.getValue());
    }

    SessionReport.RunTotals t = r.totals();
    ObjectNode totals = root.putObject("totals");
    totals.put("tables", t.tables());
    totals.put("identical", t.identical());
    totals.put("with_differences", t.withDifferences());
    totals.put("failed", t.failed());
    totals.put("not_finished", t.unfinished());
    totals.put("source_rows", t.sourceRows());
    totals.put("target_rows", t.targetRows());
    totals.put("missing_in_target", t.missingInTarget());
    totals.put("missing_in_source", t.missingInSource());
    totals.put("different_rows", t.different());
    totals.put("in_flight_rows", t.inFlight());
    totals.put("changing_rows", t.changing());

    ArrayNode tables = root.putArray("tables");
    for (RunReport.TableReport tr : r.tables()) {
      table(tables.addObject(), tr);
    }
    ArrayNode targetOnly = root.putArray("target_only_tables");
    s.targetOnlyTables().forEach(targetOnly::add);
    ArrayNode scripts = root.putArray("session_scripts");
    for (ScriptRecord sr : s.sessionScripts()) {
      script(scripts.addObject(), sr);
    }
    return root;
  }

  private static void table(ObjectNode o, RunReport.TableReport tr) {
    TableSnapshot t = tr.table();
    o.put("key", t.key());
    o.put("source_table", t.schema() + "." + t.table());
    o.put("target_table", t.targetSchema() + "." + t.targetTable());
    o.put("status", t.status().name().toLowerCase(Locale.ROOT));
    o.put("result", RunReport.result(t));
    o.put("chunks_total", t.totalChunks());
    o.put("chunks_completed", t.completedChunks());
    o.put("source_rows", t.sourceRows());
    o.put("target_rows", t.targetRows());
    o.put("missing_in_target", t.missingInTarget());
    o.put("missing_in_source", t.missingInSource());
    o.put("different_rows", t.differentRows());
    o.put("in_flight_rows", t.inFlightRows());
    o.put("changing_rows", t.changingRows());
    o.put("started_at", iso(t.startedAt()));
    o.put("finished_at", iso(t.finishedAt()));
    Duration took = SessionStatusText.took(t, null);
    if (took == null || t.finishedAt() == null) {
      o.putNull("duration_seconds");
      o.putNull("rows_per_second");
    } else {
      o.put("duration_seconds", seconds(took));
      var rate = SessionStatusText.rate(t, took);
      if (rate.isPresent()) {
        o.put("rows_per_second", Math.round(rate.getAsDouble() * 10) / 10.0);
      } else {
        o.putNull("rows_per_second");
      }
    }
    o.put("error", t.error());
    o.put("sync_script", t.syncScript());
    o.put("undo_script", t.undoScript());
    o.put("summary", t.summaryFile());
    ArrayNode keys = o.putArray("key_columns");
    if (t.keyColumns() != null) {
      t.keyColumns().forEach(keys::add);
    }
    ArrayNode structure = o.putArray("structure");
    t.structure().forEach(d -> structure.addObject().put("kind", d.kind().json()).put("column", d.column())
        .put("source", d.source()).put("target", d.target()).put("text", d.text()));
    ArrayNode scripts = o.putArray("scripts");
    t.scripts().forEach(sr -> script(scripts.addObject(), sr));
    DifferingRows.Sample sample = tr.sample();
    if (sample == null) {
      o.putNull("differing_rows");
      return;
    }
    ObjectNode d = o.putObject("differing_rows");
    d.put("limit", sample.limit());
    d.put("shown", sample.rows().size());
    d.put("unavailable", sample.unavailable());
    ArrayNode rows = d.putArray("rows");
    for (Row row : sample.rows()) {
      ObjectNode ro = rows.addObject();
      ro.put("kind", row.kind().name().toLowerCase(Locale.ROOT));
      ArrayNode key = ro.putArray("key");
      for (KeyPart k : row.key()) {
        key.addObject().put("column", k.column()).put("value", k.value());
      }
      ArrayNode cols = ro.putArray("columns");
      for (Cell c : row.columns()) {
        ObjectNode co = cols.addObject();
        co.put("column", c.column());
        value(co, "source", c.source());
        value(co, "target", c.target());
      }
    }
  }

  /** null (SQL NULL, or the side the row is missing from), or the value's text with its shortening. */
  private static void value(ObjectNode o, String name, ShownValue v) {
    if (v == null) {
      o.putNull(name);
      return;
    }
    ObjectNode n = o.putObject(name);
    n.put("text", v.text());
    n.put("truncated", v.shortened());
    if (v.shortened()) {
      n.put("length", v.length());
      n.put("length_unit", v.lengthUnit());
      n.put("sha256", v.sha256());
    }
  }

  private static void script(ObjectNode o, ScriptRecord sr) {
    o.put("kind", sr.kind());
    o.put("phase", sr.phase());
    o.put("part", sr.part());
    o.put("path", sr.path());
    o.put("sha256", sr.sha256());
    o.put("statements", sr.statements());
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  /** A session file's time as an ISO-8601 instant, or null. */
  private static String iso(String t) {
    Instant at = Human.instant(t);
    return at == null ? null : at.toString();
  }
}
