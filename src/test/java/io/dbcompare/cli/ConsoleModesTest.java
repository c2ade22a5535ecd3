package io.dbcompare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console of a real run in-process: the terminal decision is injected (a terminal writing into
 * memory, or none as in CI and pipes).
 */
class ConsoleModesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);
  private static final List<String> TABLES = List.of("A", "B", "C");
  @TempDir Path dir;

  @Test
  void withoutATerminalPlainLinesPerTableNeverPerChunk() throws Exception {
    H2Run h2 = new H2Run(dir, TABLES, "");
    assertEquals(1, h2.run(CLOCK, () -> null));
    List<String> lines = h2.out.lines().toList();
    // 300 rows in chunks of 50: 7 chunks per table, 21 in all, and not one line about a chunk
    assertTrue(lines.stream().noneMatch(l -> l.matches(".*chunk \\d+/\\d+.*")), h2.out);
    assertTrue(lines.contains("[1/3] Processing: APP.A: 7 chunks, up to 350 rows; rows hashed in Java (push-down off)"),
        h2.out);
    assertTrue(lines.contains("[3/3] APP.C: DIFFERENCES: 0 missing in target, 0 missing in source, 1 different"
        + "  300 rows  0 s"), h2.out);
    assertEquals(6, lines.stream().filter(l -> l.startsWith("[")).count(), "a start and an end line per table");
    assertTrue(h2.out.contains("Started:     2026-03-01 09:00:00"), "people's time, to the second: " + h2.out);
    assertTrue(h2.out.contains("Report:        " + dir.resolve("output").resolve("comparison_report_20260301_090000_")),
        h2.out);
  }

  @Test
  void quietPrintsTheFinalSummaryOnly() throws Exception {
    H2Run h2 = new H2Run(dir, TABLES, "");
    assertEquals(1, h2.run(CLOCK, () -> null, "--quiet"));
    assertFalse(h2.out.contains("Processing"), h2.out);
    assertFalse(h2.out.matches("(?sm).*^Session: {5}\\S.*"), "no session block before the run: " + h2.out);
    assertFalse(h2.out.contains("[1/3]"), h2.out);
    assertTrue(h2.out.startsWith("\n================ Comparison summary ================\n"), h2.out);
    assertTrue(h2.out.contains("Tables:        3: 0 identical, 3 with differences, 0 failed, 0 not finished"));
    assertEquals("", h2.err);
  }

  @Test
  void quietStillPrintsErrors() throws Exception {
    H2Run h2 = new H2Run(dir, TABLES, "");
    h2.exec("DROP TABLE APP.B");
    assertEquals(2, h2.run(CLOCK, () -> null, "--quiet"));
    assertTrue(h2.out.startsWith("[2/3] APP.B: FAILED: "), h2.out);
  }

  @Test
  void onATerminalTheRunGoesThroughItAndTheSummaryFollows() throws Exception {
    H2Run h2 = new H2Run(dir, TABLES, "");
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    AtomicInteger asked = new AtomicInteger();
    int code = h2.run(CLOCK, () -> {
      asked.incrementAndGet();
      try {
        Terminal t = new ExternalTerminal("test", "xterm-256color", new ByteArrayInputStream(new byte[0]), screen,
            StandardCharsets.UTF_8);
        t.setSize(new Size(160, 40));
        return t;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertEquals(1, code, h2.out + h2.err);
    assertEquals(1, asked.get());
    String shown = screen.toString(StandardCharsets.UTF_8);
    assertTrue(shown.contains("[2/3] APP.B: DIFFERENCES: 0 missing in target, 0 missing in source, 1 different"),
        shown);
    assertTrue(shown.contains("tables: "), "the status block: " + shown);
    assertFalse(shown.contains("Processing:"), shown);
    assertFalse(h2.out.contains("[2/3]"), "table lines went through the terminal: " + h2.out);
    assertTrue(h2.out.contains("================ Comparison summary"), h2.out);
  }

  @Test
  void progressPlainDoesNotAskForTheTerminalAndLiveWithoutOneSaysSo() throws Exception {
    H2Run h2 = new H2Run(dir, TABLES, "");
    AtomicInteger asked = new AtomicInteger();
    assertEquals(1, h2.run(CLOCK, () -> {
      asked.incrementAndGet();
      return null;
    }, "--progress", "plain"));
    assertEquals(0, asked.get());
    assertTrue(h2.out.contains("[1/3] APP.A: DIFFERENCES"), h2.out);
    assertEquals(1, h2.run(CLOCK, () -> null, "--progress", "live"));
    assertTrue(h2.out.contains("--progress live: the console is not a terminal that can redraw lines"), h2.out);
    assertTrue(h2.out.contains("[1/3] APP.A: DIFFERENCES"), h2.out);
    assertEquals(3, h2.run(CLOCK, () -> null, "--progress", "fancy"));
    assertTrue(h2.err.contains("--progress"), h2.err);
  }
}
