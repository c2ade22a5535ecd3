package io.dbcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.Hashing;
import com.google.common.io.BaseEncoding;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** Checks of written reports shared by the unit tests and the behaviour suites. */
public final class ReportChecks {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = load();

  private ReportChecks() {}

  private static JsonSchema load() {
    try (InputStream in = ReportChecks.class.getResourceAsStream("/io/dbcompare/report/comparison_report.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the schema finds wrong with a JSON document (empty when it follows the schema). */
  public static Set<ValidationMessage> problems(JsonNode node) {
    return SCHEMA.validate(node);
  }

  /** The JSON report parsed, after it was validated against the documented schema. */
  public static JsonNode validJson(String text) throws IOException {
    JsonNode node = JSON.readTree(text);
    Set<ValidationMessage> problems = SCHEMA.validate(node);
    assertEquals(Set.of(), problems, "the JSON report follows its schema");
    assertEquals(1, node.get("schema_version").asInt());
    return node;
  }

  /**
   * The page's only scripts are its own: one script element whose hash the Content Security Policy
   * names, no other script and no element with an event handler attribute (data never becomes markup).
   */
  public static void onlyItsOwnScript(Document page) {
    Elements scripts = page.select("script");
    assertEquals(1, scripts.size(), "one script: " + scripts);
    String hash = "sha256-" + BaseEncoding.base64().encode(Hashing.sha256().hashString(scripts.get(0).data(),
        StandardCharsets.UTF_8).asBytes());
    String csp = page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
    assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src '" + hash + "'"), csp);
    for (Element e : page.getAllElements()) {
      e.attributes().forEach(a -> assertTrue(!a.getKey().toLowerCase().startsWith("on"),
          "an event handler attribute: " + e));
    }
    assertEquals(0, page.select("img, iframe, object, embed, link[rel=stylesheet]").size(), "nothing is loaded");
  }

  /** The side-by-side cells of a table's differing rows: column, source text, target text per line. */
  public static Elements valueRows(Document page, String tableName) {
    for (Element section : page.select("section.diff")) {
      if (section.selectFirst("h3").text().equals(tableName)) {
        return section.select("table.rows tbody tr");
      }
    }
    throw new AssertionError("no differing rows for " + tableName);
  }
}
