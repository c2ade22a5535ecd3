package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dbcompare.cli.Cli;
import io.dbcompare.report.ReportChecks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports of a real comparison, per pair of databases (H2, PostgreSQL, H2 to PostgreSQL, Oracle): the
 * JSON report against its schema, the HTML report parsed with jsoup (every differing value present, as
 * text; markup in the data stays text), the summary's values side by side, and the report written again,
 * from the checkpoints, by a resumed run.
 */
public abstract class AbstractReportSuite extends AbstractPairSuite {
  private static final String SCRIPT_BREAK = "</script><script>document.title='x'</script>";
  private static final String IMG_ONERROR = "\"><img src=x onerror=\"document.title='x'\">";
  private static final String LONG = "long ".repeat(120);

  @TempDir Path dir;
  private String out;
  private String err;

  private int run(Instant at, String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = new Cli(new PrintWriter(o, true), new PrintWriter(e, true), k -> null,
        Clock.fixed(at, ZoneOffset.UTC), false).run(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  private static Object[] row(int id) {
    return new Object[] {id, "name " + id, id % 4 == 0 ? null : "note " + id, BigDecimal.valueOf(id * 125L, 2)};
  }

  /** The source's values of the rows the target changes, by id and column (upper case). */
  private final Map<String, String> sourceValues = new HashMap<>();

  private void scenario() throws Exception {
    String cols = "ID {NUMBER(10)} PRIMARY KEY, NAME {VARCHAR2(200)}, NOTE {BIGTEXT}, AMOUNT {NUMBER(12,2)}";
    for (TestDb db : List.of(source(), target())) {
      Tables.create(db, "RPT", cols);
      Tables.create(db, "RPT_SAME", cols);
      List<Object[]> rows = new ArrayList<>();
      for (int i = 1; i <= 60; i++) {
        rows.add(row(i));
      }
      rows.get(6)[2] = LONG + "source";
      Tables.insert(db, "RPT", rows);
      Tables.insert(db, "RPT_SAME", rows);
    }
    String t = target().schema() + ".RPT";
    target().exec(
        "UPDATE " + t + " SET NAME = '" + SCRIPT_BREAK.replace("'", "''") + "' WHERE ID = 5",
        "UPDATE " + t + " SET NAME = '" + IMG_ONERROR.replace("'", "''") + "' WHERE ID = 6",
        "UPDATE " + t + " SET NOTE = '" + LONG + "target' WHERE ID = 7",
        "DELETE FROM " + t + " WHERE ID = 8",
        "UPDATE " + t + " SET AMOUNT = 99.5 WHERE ID = 9",
        "INSERT INTO " + t + " VALUES (100, 'extra <b>row</b>', NULL, 1)");
  }

  private Path config() throws Exception {
    return Tables.config(dir, Tables.database(source()), Tables.database(target()),
        "  chunk_size: 20\n  threads: 2\n  max_retries: 1\n",
        Tables.entry(source(), target(), "RPT", "") + Tables.entry(source(), target(), "RPT_SAME", ""));
  }

  private List<Path> reports(String ext) throws Exception {
    return Tables.files(dir.resolve("output"), "comparison_report_*." + ext);
  }

  private static JsonNode table(JsonNode report, String name) {
    for (JsonNode t : report.get("tables")) {
      if (t.get("source_table").asText().toUpperCase(Locale.ROOT).endsWith("." + name)) {
        return t;
      }
    }
    throw new AssertionError("no table " + name + " in " + report);
  }

  /** A differing row's column (upper case) to its source and target texts, from the JSON report. */
  private static Map<String, List<String>> columns(JsonNode row) {
    Map<String, List<String>> m = new HashMap<>();
    for (JsonNode c : row.get("columns")) {
      List<String> v = new ArrayList<>();
      v.add(c.get("source").isNull() ? null : c.at("/source/text").asText());
      v.add(c.get("target").isNull() ? null : c.at("/target/text").asText());
      m.put(c.get("column").asText().toUpperCase(Locale.ROOT), v);
    }
    return m;
  }

  @Test
  void reportsShowEveryDifferingValueAsTextAndAreWrittenAgainByAResumedRun() throws Exception {
    scenario();
    Path cfg = config();
    assertEquals(1, run(Instant.parse("2026-03-01T09:00:00Z"), cfg.toString()), out + err);
    assertEquals(1, reports("json").size());
    assertEquals(1, reports("html").size());
    assertTrue(reports("html").get(0).getFileName().toString().matches("comparison_report_20260301_090000_\\w{8}\\.html"));

    JsonNode json = ReportChecks.validJson(Files.readString(reports("json").get(0)));
    assertEquals(1, json.at("/run/exit_code").asInt());
    assertEquals("new", json.at("/run/mode").asText());
    assertEquals(2, json.at("/totals/tables").asInt());
    JsonNode rpt = table(json, "RPT");
    assertEquals(1, rpt.get("missing_in_target").asLong());
    assertEquals(1, rpt.get("missing_in_source").asLong());
    assertEquals(4, rpt.get("different_rows").asLong());
    JsonNode rows = rpt.at("/differing_rows/rows");
    assertEquals(6, rows.size(), "every differing row (fewer than report_rows)");
    List<String> keys = new ArrayList<>();
    rows.forEach(r -> keys.add(r.at("/key/0/value").asText() + " " + r.get("kind").asText()));
    assertEquals(List.of("5 different", "6 different", "7 different", "8 missing_in_target", "9 different",
        "100 missing_in_source"), keys, "in key order");
    assertEquals(List.of("name 5", SCRIPT_BREAK), columns(rows.get(0)).get("NAME"));
    assertEquals(1, columns(rows.get(0)).size(), "only the differing column");
    assertEquals(List.of("name 6", IMG_ONERROR), columns(rows.get(1)).get("NAME"));
    JsonNode longNote = rows.get(2).get("columns").get(0);
    assertTrue(longNote.at("/source/truncated").asBoolean(), longNote.toString());
    assertEquals((LONG + "source").length(), longNote.at("/source/length").asLong());
    assertEquals(List.of("11.25", "99.5"), columns(rows.get(4)).get("AMOUNT"), "canonical numbers");
    assertEquals(java.util.Arrays.asList("name 8", null), columns(rows.get(3)).get("NAME"), "missing in the target");
    assertEquals(java.util.Arrays.asList(null, "extra <b>row</b>"), columns(rows.get(5)).get("NAME"));
    JsonNode same = table(json, "RPT_SAME");
    assertEquals("identical", same.get("result").asText());
    assertTrue(same.get("differing_rows").isNull());

    Document page = Jsoup.parse(reports("html").get(0).toFile());
    ReportChecks.onlyItsOwnScript(page);
    String raw = Files.readString(reports("html").get(0));
    assertFalse(raw.contains("<img") || raw.contains("<b>row"), "data never becomes markup");
    String name = rpt.get("source_table").asText();
    List<List<String>> lines = new ArrayList<>();
    for (Element tr : ReportChecks.valueRows(page, name)) {
      lines.add(tr.select("td").eachText());
    }
    assertTrue(lines.contains(List.of(col("ID") + "=5", "different", col("NAME"), "name 5", SCRIPT_BREAK)), lines.toString());
    assertTrue(lines.contains(List.of(col("ID") + "=6", "different", col("NAME"), "name 6", IMG_ONERROR)), lines.toString());
    assertTrue(lines.contains(List.of(col("ID") + "=9", "different", col("AMOUNT"), "11.25", "99.5")), lines.toString());
    assertTrue(lines.contains(List.of(col("ID") + "=8", "missing in target", col("NAME"), "name 8", "no row")), lines.toString());
    assertTrue(lines.contains(List.of(col("ID") + "=100", "missing in source", col("NAME"), "no row", "extra <b>row</b>")),
        lines.toString());
    Element tableRow = page.selectFirst("#tables tbody tr[data-result=differences]");
    assertNotNull(tableRow);
    assertEquals(List.of("sync", "undo", "summary"), tableRow.select("td").last().select("a").eachText());
    for (Element a : tableRow.select("td").last().select("a")) {
      assertTrue(Files.exists(dir.resolve("output").resolve(a.attr("href"))), "a link to a file beside it: " + a);
    }

    String summary = Files.readString(Tables.files(dir.resolve("output"), "comparison_summary_*_RPT_*.txt").get(0));
    assertTrue(summary.contains("Differing values, first 6 rows (source | target):"), summary);
    assertTrue(summary.matches("(?s).*\\(" + col("ID") + "=5\\) different\n +" + col("NAME") + "  'name 5'  \\|  '"
        + java.util.regex.Pattern.quote(SCRIPT_BREAK) + "'\n.*"), summary);

    // the session is complete; resuming it compares nothing and writes the report again from the checkpoints,
    // in place of the first (it is named by the session's start)
    String session = json.at("/session/id").asText();
    assertEquals(1, run(Instant.parse("2026-03-01T10:00:00Z"), cfg.toString(), "--resume", session.substring(0, 8)),
        out + err);
    assertEquals(1, reports("json").size(), "one report per session, replaced by each run");
    assertEquals(1, reports("html").size());
    JsonNode again = ReportChecks.validJson(Files.readString(reports("json").get(0)));
    assertEquals("resumed", again.at("/run/mode").asText());
    assertEquals(0, again.at("/run/rows_read").asLong(), "nothing read from the databases");
    assertEquals(rows, table(again, "RPT").at("/differing_rows/rows"), "the same rows, read back");
  }

  /** A column name as the source's catalog spells it. */
  private String col(String upper) {
    return source().url().startsWith("jdbc:postgresql:") ? upper.toLowerCase(Locale.ROOT) : upper;
  }
}
