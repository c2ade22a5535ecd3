package io.dbcompare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in-process: usage errors, configuration errors and the housekeeping actions. */
class CliUsageTest {

  private static final String PASSWORD = "Cli-Secret-5150";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private final Map<String, String> env = new HashMap<>();
  private StringWriter out;
  private StringWriter err;
  private Path config;
  private Path stateDir;

  @BeforeEach
  void setUp() throws IOException {
    env.put("CLI_PW", PASSWORD);
    config = write("config.yaml", validYaml(""));
    stateDir = dir.resolve("state");
  }

  private static String validYaml(String comparisonExtra) {
    return """
        source_database:
          url: "jdbc:h2:mem:cli_src"
          username: sa
          password: "Cli-Secret-5150"
        target_database:
          url: "jdbc:h2:mem:cli_tgt"
          username: sa
          password: "${CLI_PW}"
        comparison:
          state_dir: state
          checkpoint_dir: checkpoints
          output_dir: out
          recheck: { rounds: 2, delay_seconds: 0 }
        """ + comparisonExtra + """
        tables:
          - HR.EMP
        """;
  }

  private Path write(String name, String yaml) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, yaml, StandardCharsets.UTF_8);
    return f;
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return new Cli(new PrintWriter(out), new PrintWriter(err), env::get, CLOCK, false).run(args);
  }

  private List<String> errLines() {
    return err.toString().lines().toList();
  }

  private void assertNothingWritten() throws IOException {
    assertFalse(Files.exists(stateDir), "state folder was created");
    assertFalse(Files.exists(dir.resolve("checkpoints")), "checkpoint folder was created");
    assertFalse(Files.exists(dir.resolve("out")), "output folder was created");
    try (Stream<Path> files = Files.list(dir)) {
      assertTrue(files.allMatch(p -> p.getFileName().toString().endsWith(".yaml")), "only configurations expected");
    }
  }

  private void assertNoStackTrace() {
    assertFalse(err.toString().contains("at io.dbcompare"), err.toString());
    assertFalse(err.toString().contains("\tat "), err.toString());
  }

  // ---------------------------------------------------------------- usage errors

  @Test
  void noArgumentsIsAUsageError() throws IOException {
    assertEquals(3, run());
    assertTrue(errLines().get(0).startsWith("error: "), err.toString());
    assertTrue(err.toString().contains("CONFIG"), err.toString());
    assertTrue(err.toString().contains("--help"), err.toString());
    assertEquals("", out.toString());
    assertNothingWritten();
  }

  @Test
  void unknownOptionIsAUsageError() throws IOException {
    assertEquals(3, run(config.toString(), "--bogus-option"));
    assertTrue(errLines().get(0).startsWith("error: "), err.toString());
    assertTrue(err.toString().contains("--bogus-option"), err.toString());
    assertNoStackTrace();
    assertNothingWritten();
  }

  @Test
  void repairOptionsNeedRepairAndRepairIsUsedAlone() throws IOException {
    assertEquals(3, run(config.toString(), "--yes"));
    assertEquals(List.of("error: --yes and --dry-run need --repair SESSION_ID"), errLines());
    assertEquals(3, run(config.toString(), "--dry-run"));
    assertEquals(List.of("error: --yes and --dry-run need --repair SESSION_ID"), errLines());
    assertEquals(3, run(config.toString(), "--repair", "abc", "--resume", "abc"));
    assertTrue(errLines().get(0).startsWith("error: --repair ID is used alone"), err.toString());
    assertEquals(3, run(config.toString(), "--repair", "abc", "--apply", "abc"));
    assertTrue(errLines().get(0).startsWith("error: --repair ID is used alone"), err.toString());
    assertEquals(3, run(config.toString(), "--repair", "abc", "--allow-edited"));
    assertTrue(errLines().get(0).startsWith("error: --repair ID is used alone"), err.toString());
    assertNothingWritten();
  }

  @Test
  void retryFailedNeedsResume() throws IOException {
    assertEquals(3, run(config.toString(), "--retry-failed"));
    assertEquals(List.of("error: --retry-failed needs --resume SESSION_ID"), errLines());
    assertNothingWritten();
  }

  @Test
  void negativeCleanupIsAUsageError() throws IOException {
    assertEquals(3, run(config.toString(), "--cleanup", "-1"));
    assertEquals(1, errLines().size(), err.toString());
    assertTrue(errLines().get(0).startsWith("error: --cleanup"), err.toString());
    assertTrue(err.toString().contains("-1"), err.toString());
    assertNothingWritten();
  }

  @Test
  void cleanupThatIsNotANumberIsAUsageError() throws IOException {
    assertEquals(3, run(config.toString(), "--cleanup", "soon"));
    assertTrue(errLines().get(0).startsWith("error: "), err.toString());
    assertTrue(err.toString().contains("soon"), err.toString());
    assertNothingWritten();
  }

  @Test
  void cleanupNamesASessionItCannotDateAndLeavesIt() throws IOException {
    Files.createDirectories(stateDir);
    Path dangling = stateDir.resolve("oracle_session_aaaaaaaa-0000-4000-8000-000000000001.json");
    Files.createSymbolicLink(dangling, stateDir.resolve("gone.json"));
    assertEquals(0, run(config.toString(), "--cleanup", "7"));
    List<String> lines = out.toString().lines().toList();
    assertEquals("Removed 0 session(s) older than 7 day(s) and 0 checkpoint file(s).", lines.get(0), out.toString());
    assertEquals(2, lines.size(), out.toString());
    assertTrue(lines.get(1).startsWith("  kept " + dangling + ": left in place: neither its last update nor the"
        + " file's time can be read"), lines.get(1));
    assertTrue(Files.isSymbolicLink(dangling));
  }

  @Test
  void listSessionsWithResumeIsAUsageError() throws IOException {
    assertEquals(3, run(config.toString(), "--list-sessions", "--resume", "abc"));
    assertEquals(1, errLines().size(), err.toString());
    assertTrue(errLines().get(0).startsWith("error: --list-sessions, --status and --cleanup are used alone"),
        err.toString());
    assertNothingWritten();
  }

  @Test
  void twoHousekeepingActionsAreAUsageError() throws IOException {
    assertEquals(3, run(config.toString(), "--status", "abc", "--cleanup", "3"));
    assertTrue(errLines().get(0).startsWith("error: --list-sessions, --status and --cleanup"), err.toString());
    assertNothingWritten();
  }

  @Test
  void tableAndStartFromTableAreExclusive() throws IOException {
    assertEquals(3, run(config.toString(), "--table", "HR.EMP", "--start-from-table", "HR.EMP"));
    assertEquals(List.of("error: give either --table or --start-from-table, not both"), errLines());
    assertNothingWritten();
  }

  // ---------------------------------------------------------------- configuration errors

  @Test
  void configTypoIsOneErrorLineNamingFileAndKey() throws IOException {
    Path bad = write("typo.yaml", validYaml("  chunk_sise: 500\n"));
    assertEquals(3, run(bad.toString()));
    List<String> lines = errLines();
    assertEquals(1, lines.size(), err.toString());
    String line = lines.get(0);
    assertTrue(line.startsWith("error: " + bad + ": "), line);
    assertTrue(line.contains("comparison.chunk_sise"), line);
    assertTrue(line.contains("did you mean 'chunk_size'"), line);
    assertFalse(err.toString().contains(PASSWORD), err.toString());
    assertNoStackTrace();
    assertEquals("", out.toString());
    assertNothingWritten();
  }

  @Test
  void configTypoWithVerboseShowsTheStackTrace() throws IOException {
    Path bad = write("typo.yaml", validYaml("  chunk_sise: 500\n"));
    assertEquals(3, run(bad.toString(), "--verbose"));
    List<String> lines = errLines();
    assertTrue(lines.size() > 1, err.toString());
    assertTrue(lines.get(0).startsWith("error: " + bad + ": comparison.chunk_sise"), err.toString());
    assertTrue(err.toString().contains("at io.dbcompare.config.ConfigLoader"), err.toString());
    assertFalse(err.toString().contains(PASSWORD), err.toString());
    assertNothingWritten();
  }

  @Test
  void configErrorAlsoStopsHousekeepingActions() throws IOException {
    Path bad = write("typo.yaml", validYaml("  threads: 0\n"));
    assertEquals(3, run(bad.toString(), "--list-sessions"));
    assertEquals(1, errLines().size(), err.toString());
    assertTrue(errLines().get(0).startsWith("error: " + bad + ": comparison.threads"), err.toString());
    assertEquals("", out.toString());
    assertNothingWritten();
  }

  @Test
  void missingEnvironmentVariableNamesIt() throws IOException {
    env.remove("CLI_PW");
    assertEquals(3, run(config.toString()));
    assertEquals(1, errLines().size(), err.toString());
    String line = errLines().get(0);
    assertTrue(line.startsWith("error: " + config + ": target_database.password"), line);
    assertTrue(line.contains("CLI_PW"), line);
    assertNothingWritten();
  }

  @Test
  void missingConfigFileIsAConfigError() throws IOException {
    Path missing = dir.resolve("missing.yaml");
    assertEquals(3, run(missing.toString()));
    assertEquals(1, errLines().size(), err.toString());
    assertTrue(errLines().get(0).startsWith("error: " + missing + ": "), err.toString());
    assertTrue(errLines().get(0).contains("not found"), err.toString());
    assertNoStackTrace();
    assertNothingWritten();
  }

  // ---------------------------------------------------------------- help and version

  @Test
  void versionPrintsTheVersion() {
    assertEquals(0, run("--version"));
    assertTrue(out.toString().strip().matches("table-compare \\S+"), out.toString());
    assertFalse(out.toString().contains("unknown"), out.toString());
    assertEquals("", err.toString());
  }

  @Test
  void helpDescribesTheOptions() {
    assertEquals(0, run("--help"));
    String help = out.toString();
    assertTrue(help.contains("--resume"), help);
    assertTrue(help.contains("--retry-failed"), help);
    assertTrue(help.contains("--list-sessions"), help);
    assertTrue(help.contains("CONFIG"), help);
    assertTrue(help.contains("Exit codes"), help);
    assertEquals("", err.toString());
  }

  // ---------------------------------------------------------------- sessions

  @Test
  void listSessionsOnAnEmptyStateFolder() throws IOException {
    assertEquals(0, run(config.toString(), "--list-sessions"));
    assertTrue(out.toString().contains("No sessions"), out.toString());
    assertTrue(out.toString().contains(stateDir.toString()), out.toString());
    assertEquals("", err.toString());
    assertNothingWritten();
  }

  @Test
  void statusOfAnUnknownSession() throws IOException {
    assertEquals(3, run(config.toString(), "--status", "0123abcd"));
    assertEquals(1, errLines().size(), err.toString());
    String line = errLines().get(0);
    assertTrue(line.startsWith("error: no session '0123abcd'"), line);
    assertTrue(line.contains("--list-sessions"), line);
    assertNoStackTrace();
    assertNothingWritten();
  }

  @Test
  void statusWithAnIdThatIsNotHex() throws IOException {
    assertEquals(3, run(config.toString(), "--status", "../etc/passwd"));
    assertEquals(1, errLines().size(), err.toString());
    assertTrue(errLines().get(0).contains("is not a session id"), err.toString());
    assertNothingWritten();
  }

  @Test
  void resumeWithAnIdThatIsNotHex() throws IOException {
    assertEquals(3, run(config.toString(), "--resume", "not-a-hex-id!"));
    assertEquals(1, errLines().size(), err.toString());
    String line = errLines().get(0);
    assertTrue(line.startsWith("error: 'not-a-hex-id!' is not a session id"), line);
    assertFalse(err.toString().contains(PASSWORD), err.toString());
    assertNoStackTrace();
    assertEquals("", out.toString());
    assertNothingWritten();
  }

  @Test
  void sessionIdWithALineBreakStillGivesOneErrorLine() throws IOException {
    assertEquals(3, run(config.toString(), "--status", "abc\nerror: forged"));
    assertEquals(1, errLines().size(), err.toString());
    assertTrue(errLines().get(0).startsWith("error: 'abc\\nerror: forged' is not a session id"), err.toString());
    assertNothingWritten();
  }

  @Test
  void unknownOptionWithALineBreakStillGivesOneErrorLine() {
    assertEquals(3, run(config.toString(), "--bogus\nerror: forged"));
    assertEquals(2, errLines().size(), err.toString());
    assertTrue(errLines().get(0).startsWith("error: "), err.toString());
    assertTrue(errLines().get(0).contains("--bogus\\nerror: forged"), err.toString());
    assertEquals("Run 'compare --help' for usage.", errLines().get(1));
  }

  @Test
  void retryFailedOfAnUnknownSession() throws IOException {
    assertEquals(3, run(config.toString(), "--resume", "deadbeef", "--retry-failed"));
    assertTrue(errLines().get(0).startsWith("error: no session 'deadbeef'"), err.toString());
    assertNothingWritten();
  }
}
