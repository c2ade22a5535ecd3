package io.dbcompare.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.google.common.io.BaseEncoding;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * {@code comparison_report_<stamp>_<session8>.html}: one self-contained file a DBA opens on a laptop.
 * Rendered by Mustache.java from {@code html/report.mustache}: the template engine HTML-escapes every
 * value it inserts, so data (values, names, errors) is always text, never markup. The only script is the
 * static {@code html/report.js} (sorting and filtering the table of tables); the page's Content Security
 * Policy allows that script by its hash and nothing else: no network, no other script, no inline event
 * handler, even if something in the data were ever taken for markup.
 */
public final class HtmlReport {
  private static final String BASE = "io/dbcompare/report/html/";
  private static final Mustache TEMPLATE = new DefaultMustacheFactory(BASE).compile("report.mustache");
  private static final String SCRIPT = resource("report.js");
  private static final String SCRIPT_HASH =
      "sha256-" + BaseEncoding.base64().encode(Hashing.sha256().hashString(SCRIPT, StandardCharsets.UTF_8).asBytes());

  private HtmlReport() {}

  public static void write(Path file, RunReport r, ZoneId zone) {
    OutputFile.write(file, render(r, file.toAbsolutePath().getParent(), zone).getBytes(StandardCharsets.UTF_8),
        "HTML report");
  }

  static String render(RunReport r, Path outputDir, ZoneId zone) {
    StringWriter w = new StringWriter();
    TEMPLATE.execute(w, new Object[] {HtmlView.of(r, outputDir, zone),
        Map.of("script", SCRIPT, "scriptHash", SCRIPT_HASH)});
    return w.toString();
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BASE + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
