package io.dbcompare.report;

import java.nio.file.Path;
import java.time.ZoneId;

/** Writes a run's two reports side by side in the output folder. */
public final class RunReports {
  private RunReports() {}

  /** The files written. */
  public record Written(Path html, Path json) {}

  /**
   * {@code comparison_report_<stamp>_<session8>.html} and {@code .json}.
   *
   * @param stamp {@code yyyyMMdd_HHmmss}: the session's start, so that each run replaces the session's report
   * @param zone the zone of the times shown to people in the HTML report (the JSON report is in UTC)
   */
  public static Written write(Path outputDir, RunReport report, String stamp, ZoneId zone) {
    String base = "comparison_report_" + stamp + "_" + report.session().shortId();
    Path json = outputDir.resolve(base + ".json");
    JsonReport.write(json, report);
    Path html = outputDir.resolve(base + ".html");
    HtmlReport.write(html, report, zone);
    return new Written(html, json);
  }
}
