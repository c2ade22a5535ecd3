package io.dbcompare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dbcompare.config.CompareConfig;
import io.dbcompare.config.ConfigLoader;
import io.dbcompare.config.RecheckSettings;
import io.dbcompare.config.TableConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recheck each table of a run gets: its own or the run's settings, and none at all for a pair read
 * at one SCN ({@code snapshot: scn}: nothing can be in flight), whatever {@code recheck:} says.
 */
class LiveChecksRecheckTest {
  @TempDir Path dir;

  private CompareConfig load(String snapshot) throws Exception {
    String yaml = """
        source_database: { url: "jdbc:oracle:thin:@//primary:1521/PROD" }
        target_database: { url: "jdbc:oracle:thin:@//standby:1521/PROD_ADG" }
        comparison:
          recheck: { rounds: 3, delay_seconds: 20 }
        """ + snapshot + """
        tables:
          - HR.EMP
          - table_name: HR.DEPT
            recheck: { delay_seconds: 60 }
        """;
    Path f = dir.resolve("c.yaml");
    Files.writeString(f, yaml, StandardCharsets.UTF_8);
    return new ConfigLoader(n -> null).load(f);
  }

  @Test
  void atAnScnNoTableIsRechecked() throws Exception {
    CompareConfig scn = load("  snapshot: { mode: scn }\n");
    for (TableConfig t : scn.tables()) {
      assertEquals(RecheckSettings.OFF, LiveChecks.recheckOf(scn, t), t.key());
    }
  }

  @Test
  void otherwiseTheConfiguredRecheck() throws Exception {
    CompareConfig none = load("");
    assertEquals(new RecheckSettings(3, 20), LiveChecks.recheckOf(none, none.tables().get(0)));
    assertEquals(new RecheckSettings(3, 60), LiveChecks.recheckOf(none, none.tables().get(1)));
  }
}
