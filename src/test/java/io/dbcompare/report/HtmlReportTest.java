package io.dbcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report parsed back with a real HTML parser. */
class HtmlReportTest {
  @TempDir Path dir;

  private Document page(int tables) throws Exception {
    Path file = dir.resolve("report.html");
    HtmlReport.write(file, ReportFixture.report(tables, dir), ZoneId.of("Europe/Berlin"));
    return Jsoup.parse(Files.readString(file));
  }

  @Test
  void differingValuesSideBySideAsTextWithTheDifferenceMarked() throws Exception {
    Document page = page(5);
    Elements lines = ReportChecks.valueRows(page, "APP.DIFFS");
    // row 1: NOTE; row 2: NAME and NOTE; row 3 (missing in target): 3 columns; row 4 (missing in source): 3
    assertEquals(1 + 2 + 3 + 3, lines.size(), lines.toString());
    Element note = lines.get(0);
    assertEquals(List.of("ID=1", "different", "NOTE", ReportFixture.SCRIPT_BREAK, ReportFixture.IMG_ONERROR),
        note.select("td").eachText());
    Element name = lines.get(1);
    assertEquals("a < b & c", name.select("td").get(3).text());
    assertEquals("<", name.select("td").get(3).selectFirst("mark").text(), "the differing part is highlighted");
    assertEquals(">", name.select("td").get(4).selectFirst("mark").text());
    Element lob = lines.get(2);
    assertTrue(lob.select("td").get(1).text().startsWith("x".repeat(120)), lob.toString());
    assertTrue(lob.text().contains("... (310 characters, SHA-256 "), lob.text());
    assertFalse(lob.text().contains("<b>end</b>"), "a long value is shortened");
    Element missing = lines.get(3);
    assertEquals(List.of("ID=3", "missing in target", "NAME", "only <here>", "no row"), missing.select("td").eachText());
    assertEquals("NULL", lines.get(4).select("td").get(1).text(), "NOTE is NULL in the source");
    ReportChecks.onlyItsOwnScript(page);
  }

  @Test
  void everyValueIsEscapedInTheFileItself() throws Exception {
    Path file = dir.resolve("raw.html");
    HtmlReport.write(file, ReportFixture.report(3, dir), ZoneId.of("UTC"));
    String raw = Files.readString(file);
    assertFalse(raw.contains("<img"), "no image tag from the data");
    assertFalse(raw.contains("document.title='pwned"), "quotes escaped: " + raw.indexOf("pwned"));
    assertTrue(raw.contains("&lt;/script&gt;&lt;script&gt;"), "a script break is text");
    assertEquals(1, raw.split("<script>", -1).length - 1, "one script tag, the page's own");
    assertTrue(raw.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "an error message is text too");
  }

  @Test
  void headerTableOfTablesAndLinks() throws Exception {
    Document page = page(300);
    assertEquals("Comparison report 0123abcd", page.title());
    assertEquals("Not finished: 1 failed, 0 not finished of 300 tables (resume the session)",
        page.getElementById("verdict").text());
    String facts = page.select("table.facts").first().text();
    assertTrue(facts.contains("user @ jdbc:postgresql://db:5432/dr?password=****"), facts);
    assertTrue(facts.contains("resumed, 2026-12-01 08:01:00 to 2026-12-01 09:01:00 (1 h 00 min)"), "local time: " + facts);
    assertTrue(facts.contains("12,345,678 (3,429 rows/s)"), facts);
    assertTrue(facts.contains("2: a table or the run failed"), facts);
    Elements rows = page.select("#tables tbody tr");
    assertEquals(300, rows.size());
    Element diffs = rows.get(0);
    assertEquals("differences", diffs.attr("data-result"));
    assertEquals("#t1", diffs.selectFirst("td a").attr("href"), "links to its differing rows");
    assertEquals(List.of("sync", "undo", "summary"), diffs.select("td").last().select("a").eachText());
    assertEquals("sync_target_APP_DIFFS.sql", diffs.select("td").last().selectFirst("a").attr("href"),
        "relative to the report's folder");
    assertEquals("5,000", diffs.select("td").get(2).text());
    assertEquals("5000", diffs.select("td").get(2).attr("data-sort"), "sorted by the number");
    assertEquals("5 s", diffs.select("td").get(7).text());
    assertEquals("failed", rows.get(1).attr("data-result"));
    assertTrue(rows.get(1).text().contains("no such table <script>alert(1)</script>"));
    assertEquals(1, page.select("section.diff").size(), "only tables with differences get a section");
  }

  @Test
  void aTableSaysHowManyRowsTheRecheckFoundInFlight() throws Exception {
    Document page = page(3);
    assertTrue(page.text().contains("1 missing in target, 1 missing in source, 2 different; rechecked: 4 in flight,"
        + " 1 changing (not differences)"), page.text());
  }
}
