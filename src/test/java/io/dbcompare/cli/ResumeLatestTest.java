package io.dbcompare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --resume} without an id takes the most recent unfinished session of the configuration file. */
class ResumeLatestTest {
  @TempDir Path dir;

  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  private static String sessionOf(String out) {
    Matcher m = Pattern.compile("Session:     (\\S+) \\(").matcher(out);
    assertTrue(m.find(), out);
    return m.group(1);
  }

  @Test
  void theMostRecentUnfinishedSessionIsResumedAndNamed() throws Exception {
    H2Run h2 = new H2Run(dir, List.of("A", "B"), "");
    h2.exec("DROP TABLE APP.B");
    assertEquals(2, h2.run(at("2026-03-01T09:00:00Z"), () -> null));
    String first = sessionOf(h2.out);
    assertEquals(2, h2.run(at("2026-03-01T10:00:00Z"), () -> null));
    String second = sessionOf(h2.out);
    // a finished session of the same file, newer still, is not a candidate
    assertEquals(1, h2.run(at("2026-03-01T11:00:00Z"), () -> null, "--table", "APP.A"));

    h2.exec("CREATE TABLE APP.B (ID NUMBER(10) PRIMARY KEY, V VARCHAR2(20))");
    assertEquals(1, h2.run(at("2026-03-01T12:00:00Z"), () -> null, "--resume", "--retry-failed"));
    assertTrue(h2.out.startsWith("Resuming the most recent unfinished session of " + h2.config + ": " + second
        + " (failed, last update 2026-03-01 10:00:00)\n"), second + " / " + first + ": " + h2.out);
    assertTrue(h2.out.contains("Session:     " + second + " (retrying failed tables)"), h2.out);

    assertEquals(1, h2.run(at("2026-03-01T13:00:00Z"), () -> null, "--resume", "--retry-failed"));
    assertTrue(h2.out.contains("unfinished session of " + h2.config + ": " + first), "then the older one: " + h2.out);

    assertEquals(3, h2.run(at("2026-03-01T14:00:00Z"), () -> null, "--resume"));
    assertEquals("error: --resume without a session id: no unfinished session of " + h2.config + " in "
        + dir.resolve("state") + "; list the sessions with: scripts/compare " + h2.config + " --list-sessions\n",
        h2.err);
  }

  @Test
  void sessionsOfAnotherConfigurationFileAreNotTaken() throws Exception {
    H2Run h2 = new H2Run(dir, List.of("A", "B"), "");
    h2.exec("DROP TABLE APP.B");
    assertEquals(2, h2.run(at("2026-03-01T09:00:00Z"), () -> null));
    Path other = dir.resolve("other.yaml");
    Files.copy(h2.config, other);
    StringBuilderRun r = new StringBuilderRun(other);
    assertEquals(3, r.run("--resume"));
    assertTrue(r.err.contains("no unfinished session of " + other), r.err);
  }

  /** The CLI on another configuration file of the same folders. */
  private static final class StringBuilderRun {
    final Path config;
    String err;

    StringBuilderRun(Path config) {
      this.config = config;
    }

    int run(String... args) {
      java.io.StringWriter o = new java.io.StringWriter();
      java.io.StringWriter e = new java.io.StringWriter();
      String[] all = new String[args.length + 1];
      all[0] = config.toString();
      System.arraycopy(args, 0, all, 1, args.length);
      int code = new Cli(new java.io.PrintWriter(o, true), new java.io.PrintWriter(e, true), k -> null,
          at("2026-03-01T10:00:00Z"), false).run(all);
      err = e.toString();
      return code;
    }
  }
}
