package io.dbcompare.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code comparison.snapshot}: what the loader builds, what it means for the recheck and the session hash. */
class SnapshotSettingsTest {
  private static final String ORACLE_PAIR = """
      source_database:
        url: "jdbc:oracle:thin:@//primary:1521/PROD"
        username: cmp
      target_database:
        url: "jdbc:oracle:thin:@//standby:1521/PROD_ADG"
        username: cmp
      """;
  private static final String PG_PAIR = """
      source_database:
        url: "jdbc:postgresql://a/app"
      target_database:
        url: "jdbc:postgresql://b/app"
      """;
  private static final String TABLES = "tables:\n  - HR.EMP\n";

  @TempDir Path dir;

  private CompareConfig load(String yaml) throws IOException {
    Path f = dir.resolve("config.yaml");
    Files.writeString(f, yaml, StandardCharsets.UTF_8);
    return new ConfigLoader(name -> null).load(f);
  }

  @Test
  void noSnapshotSectionReadsTheCurrentData() throws IOException {
    assertEquals(SnapshotSettings.NONE, load(ORACLE_PAIR + TABLES).snapshot());
    assertEquals(SnapshotSettings.NONE, load(ORACLE_PAIR + "comparison:\n  threads: 2\n" + TABLES).snapshot());
    assertEquals(SnapshotMode.NONE, load(PG_PAIR + "comparison:\n  snapshot: { mode: none }\n" + TABLES)
        .snapshot().mode());
  }

  @Test
  void scnOnAnOraclePairAndExportedOnAPostgresPair() throws IOException {
    assertEquals(SnapshotMode.SCN, load(ORACLE_PAIR + "comparison:\n  snapshot: { mode: SCN }\n" + TABLES)
        .snapshot().mode());
    assertEquals(SnapshotMode.EXPORTED, load(PG_PAIR + "comparison:\n  snapshot:\n    mode: exported\n" + TABLES)
        .snapshot().mode());
  }

  /** The rule the recheck wiring asks: with scn nothing can be in flight; exported keeps the recheck. */
  @Test
  void onlyScnMakesTheRecheckUnneeded() {
    assertTrue(new SnapshotSettings(SnapshotMode.SCN).makesRecheckUnneeded());
    assertFalse(new SnapshotSettings(SnapshotMode.EXPORTED).makesRecheckUnneeded());
    assertFalse(SnapshotSettings.NONE.makesRecheckUnneeded());
  }

  @Test
  void theRecheckAPairGetsIsOffOnlyAtAnScn() {
    RecheckSettings configured = new RecheckSettings(3, 45);
    assertEquals(RecheckSettings.OFF, new SnapshotSettings(SnapshotMode.SCN).effectiveRecheck(configured));
    assertEquals(configured, new SnapshotSettings(SnapshotMode.EXPORTED).effectiveRecheck(configured));
    assertEquals(configured, SnapshotSettings.NONE.effectiveRecheck(configured));
  }

  /**
   * A session read at one SCN must not be resumed reading the current data (nor the other way round),
   * while sessions written before the setting existed keep their hash.
   */
  @Test
  void aSnapshotModeIsPartOfTheComparisonHashAndNoneLeavesItAsItWas() throws IOException {
    String none = load(ORACLE_PAIR + TABLES).comparisonHash();
    String explicitNone = load(ORACLE_PAIR + "comparison:\n  snapshot: { mode: none }\n" + TABLES).comparisonHash();
    String scn = load(ORACLE_PAIR + "comparison:\n  snapshot: { mode: scn }\n" + TABLES).comparisonHash();
    assertEquals(none, explicitNone);
    assertNotEquals(none, scn);
    // the hash of a configuration without the setting, as computed before it existed
    CompareConfig c = load(ORACLE_PAIR + TABLES);
    assertEquals(new CompareConfig(c.file(), c.source(), c.target(), c.settings(), c.sync(), c.tables())
        .comparisonHash(), none);
  }

  @Test
  void otherSettingsKeepTheSnapshot() throws IOException {
    CompareConfig c = load(PG_PAIR + "comparison:\n  snapshot: { mode: exported }\n" + TABLES);
    assertEquals(SnapshotMode.EXPORTED, c.withSettings(c.settings().withoutPushdown()).snapshot().mode());
    assertTrue(c.describe().contains("snapshot: exported"), c.describe());
  }
}
