package io.dbcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON report against its schema: stable keys, numbers as numbers, values as canonical text. */
class JsonReportTest {
  @TempDir Path dir;

  @Test
  void followsTheSchemaWithNumbersAsNumbersAndCanonicalValues() throws Exception {
    Path file = dir.resolve("r.json");
    JsonReport.write(file, ReportFixture.report(12, dir));
    JsonNode r = ReportChecks.validJson(Files.readString(file));
    assertEquals(ReportFixture.SESSION, r.at("/session/id").asText());
    assertEquals("resumed", r.at("/run/mode").asText());
    assertEquals("2026-12-01T07:01:00Z", r.at("/run/started_at").asText(), "ISO-8601 UTC");
    assertTrue(r.at("/run/rows_read").isIntegralNumber());
    assertEquals(3600.0, r.at("/run/duration_seconds").asDouble());
    assertEquals(2, r.at("/run/exit_code").asInt());
    assertTrue(r.at("/settings/chunk_size").isIntegralNumber());
    assertTrue(r.at("/settings/pushdown").isBoolean());
    assertEquals(12, r.at("/totals/tables").asInt());
    assertEquals(1, r.at("/totals/failed").asInt());

    JsonNode diffs = r.at("/tables/0");
    assertEquals("APP.DIFFS", diffs.get("source_table").asText());
    assertEquals("differences", diffs.get("result").asText());
    assertTrue(diffs.get("missing_in_target").isIntegralNumber());
    assertEquals(4, diffs.get("in_flight_rows").asLong(), "rows the recheck found in flight");
    assertEquals(1, diffs.get("changing_rows").asLong());
    assertEquals(4, r.at("/totals/in_flight_rows").asLong());
    assertEquals(1, r.at("/totals/changing_rows").asLong());
    JsonNode rows = diffs.at("/differing_rows/rows");
    assertEquals(4, rows.size());
    assertEquals("different", rows.at("/0/kind").asText());
    assertEquals("ID", rows.at("/0/key/0/column").asText());
    assertEquals("1", rows.at("/0/key/0/value").asText());
    assertEquals("NOTE", rows.at("/0/columns/0/column").asText());
    assertEquals(ReportFixture.SCRIPT_BREAK, rows.at("/0/columns/0/source/text").asText());
    assertEquals(ReportFixture.IMG_ONERROR, rows.at("/0/columns/0/target/text").asText());
    assertFalse(rows.at("/0/columns/0/target/truncated").asBoolean());
    JsonNode lob = rows.at("/1/columns/1/source");
    assertTrue(lob.get("truncated").asBoolean());
    assertEquals(310, lob.get("length").asLong());
    assertEquals("missing_in_target", rows.at("/2/kind").asText());
    assertTrue(rows.at("/2/columns/0/target").isNull(), "no row in the target");
    assertTrue(r.at("/tables/1/differing_rows").isNull(), "a failed table has none");
    assertEquals("APP.BROKEN: no such table <script>alert(1)</script>", r.at("/tables/1/error").asText());
  }

  @Test
  void theSchemaRefusesWhatVersion1DoesNotSay() throws Exception {
    Path file = dir.resolve("r.json");
    JsonReport.write(file, ReportFixture.report(3, dir));
    JsonNode r = ReportChecks.validJson(Files.readString(file));
    ((com.fasterxml.jackson.databind.node.ObjectNode) r.get("run")).put("rows_read", "12");
    assertFalse(ReportChecks.problems(r).isEmpty(), "a count as text");
    r = ReportChecks.validJson(Files.readString(file));
    ((com.fasterxml.jackson.databind.node.ObjectNode) r.at("/tables/0")).put("sourceRows", 1);
    assertFalse(ReportChecks.problems(r).isEmpty(), "a key the schema does not name");
    r = ReportChecks.validJson(Files.readString(file));
    ((com.fasterxml.jackson.databind.node.ObjectNode) r.at("/tables/0/differing_rows/rows/1/columns/1/source"))
        .remove("sha256");
    assertFalse(ReportChecks.problems(r).isEmpty(), "a shortened value without its hash");
  }
}
