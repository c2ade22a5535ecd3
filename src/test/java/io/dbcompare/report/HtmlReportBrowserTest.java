package io.dbcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opened in a real headless browser (Debian's chromium): it renders without a single
 * console message (a script error or a Content Security Policy refusal would print one), its own script
 * sorts and filters the table of tables, and values that try to inject markup stay text. The page is
 * loaded with {@code ?sort=...&dir=...}, which the page's script applies by clicking the column's
 * header, so the click handler itself is exercised; the DOM after the script ran is read back with jsoup.
 *
 * <p>Skipped with a reason where no browser is installed; with {@code BROWSER_REQUIRED=true} (set by
 * .ci/run, which installs chromium) a missing browser is a failure instead.
 */
class HtmlReportBrowserTest {
  private static Path browser;
  @TempDir Path dir;

  @BeforeAll
  static void findBrowser() {
    for (String candidate : List.of(String.valueOf(System.getenv("CHROMIUM")), "/usr/bin/chromium",
        "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      Path p = Path.of(candidate);
      if (Files.isExecutable(p)) {
        browser = p;
        return;
      }
    }
    String reason = "no headless browser here (/usr/bin/chromium; apt-get install chromium)";
    if (Boolean.getBoolean("browser.required") || "true".equalsIgnoreCase(System.getenv("BROWSER_REQUIRED"))) {
      throw new AssertionError("the browser test is required here (BROWSER_REQUIRED=true) but " + reason);
    }
    Assumptions.abort(reason);
  }

  /** What the browser made of the page, and what it printed on its console. */
  private record Loaded(Document dom, List<String> console) {}

  private Loaded open(Path page, String query) throws Exception {
    Path profile = Files.createDirectories(dir.resolve("profile-" + System.nanoTime()));
    Path stdout = dir.resolve("dom.html");
    Path stderr = dir.resolve("browser.log");
    Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--dump-dom",
        page.toUri() + query)
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    p.getOutputStream().close();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the browser did not finish within 120 s: " + Files.readString(stderr));
    }
    assertEquals(0, p.exitValue(), Files.readString(stderr));
    List<String> console = new ArrayList<>();
    for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
      if (line.contains(":CONSOLE")) {
        console.add(line);
      }
    }
    return new Loaded(Jsoup.parse(Files.readString(stdout, StandardCharsets.UTF_8)), console);
  }

  private Path report() throws IOException {
    Path file = dir.resolve("comparison_report_20261201_080000_0123abcd.html");
    HtmlReport.write(file, ReportFixture.report(300, dir), ZoneId.of("UTC"));
    return file;
  }

  private static long sourceRows(Element row) {
    return Long.parseLong(row.select("td").get(2).attr("data-sort"));
  }

  @Test
  void rendersWithoutConsoleMessagesAndSortsByAClickedColumn() throws Exception {
    Loaded page = open(report(), "?sort=source_rows&dir=desc");
    assertEquals(List.of(), page.console(), "no console message: no script error, nothing refused");
    List<Element> rows = page.dom().select("#tables tbody tr");
    assertEquals(300, rows.size());
    assertEquals("APP.T003", rows.get(0).selectFirst("td").text(), "the largest table first");
    List<Long> sizes = rows.stream().map(HtmlReportBrowserTest::sourceRows).toList();
    assertEquals(sizes.stream().sorted(Comparator.reverseOrder()).toList(), sizes, "descending by source rows");
    assertEquals("descending", page.dom().selectFirst("th[data-key=source_rows]").attr("aria-sort"));
    assertEquals("Comparison report 0123abcd", page.dom().title(), "no injected script ran");
    assertEquals(0, page.dom().select("img").size(), "no injected element exists");
    assertTrue(page.dom().text().contains(ReportFixture.SCRIPT_BREAK), "the script break is shown as text");
    assertTrue(page.dom().text().contains(ReportFixture.IMG_ONERROR), "the image tag is shown as text");
  }

  @Test
  void sortsTextAscendingAndFilters() throws Exception {
    Loaded page = open(report(), "?sort=table&dir=asc&filter=T01");
    assertEquals(List.of(), page.console());
    List<Element> rows = page.dom().select("#tables tbody tr");
    List<String> names = rows.stream().map(r -> r.selectFirst("td").text()).toList();
    assertEquals(names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), names);
    List<String> shown = rows.stream().filter(r -> !r.hasAttr("hidden")).map(r -> r.selectFirst("td").text()).toList();
    assertEquals(List.of("APP.T010", "APP.T011", "APP.T012", "APP.T013", "APP.T014", "APP.T015", "APP.T016",
        "APP.T017", "APP.T018", "APP.T019"), shown);
    assertEquals("10 of 300 tables", page.dom().getElementById("shown").text());
  }

  @Test
  void filtersByResult() throws Exception {
    Loaded page = open(report(), "?result=failed");
    assertEquals(List.of(), page.console());
    List<String> shown = page.dom().select("#tables tbody tr").stream().filter(r -> !r.hasAttr("hidden"))
        .map(r -> r.selectFirst("td").ownText()).toList();
    assertEquals(List.of("APP.BROKEN"), shown);
  }
}
