package io.dbcompare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While the engine runs, every write to the console comes through the console reporter: checked on a
 * real run (two H2 tables, several threads) with writers that look at who is writing.
 */
class ConsoleOwnershipTest {
  @TempDir Path dir;

  /** Records writes made while engine code is on the stack (or on an engine thread) without the reporter. */
  private static final class Guarded extends Writer {
    final StringWriter text = new StringWriter();
    final List<String> strangers = new CopyOnWriteArrayList<>();
    final AtomicInteger duringRun = new AtomicInteger();

    @Override
    public void write(char[] buf, int off, int len) {
      check();
      synchronized (text) {
        text.write(buf, off, len);
      }
    }

    private void check() {
      String thread = Thread.currentThread().getName();
      List<String> frames = StackWalker.getInstance().walk(s -> s.map(f -> f.getClassName()).toList());
      boolean live = thread.startsWith("chunk-") || thread.startsWith("finish-") || thread.startsWith("reader-")
          || frames.stream().anyMatch(c -> c.startsWith("io.dbcompare.compare."));
      if (live) {
        duringRun.incrementAndGet();
        if (frames.stream().noneMatch(c -> c.equals("io.dbcompare.report.ConsoleReporter"))) {
          strangers.add(thread + ": " + frames.stream().filter(c -> c.startsWith("io.dbcompare")).toList());
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /**
   * Enough tables for a dozen console lines: the console prints per table (start, end), not per chunk,
   * and the check needs writes made while the engine runs.
   */
  private static final List<String> TABLES = List.of("A", "B", "C", "D", "E", "F");

  private static String url(Path file) {
    return "jdbc:h2:file:" + file + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH";
  }

  private static void fill(String url, boolean changed) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA APP");
      for (String t : TABLES) {
        st.execute("CREATE TABLE APP." + t + " (ID NUMBER(10) PRIMARY KEY, V VARCHAR2(20))");
        st.execute("INSERT INTO APP." + t + " SELECT X, 'v' || X FROM SYSTEM_RANGE(1, 300)");
      }
      if (changed) {
        st.execute("UPDATE APP.B SET V = 'changed' WHERE ID = 7");
      }
    }
  }

  @Test
  void onlyTheConsoleReporterWritesWhileTheEngineRuns() throws Exception {
    String source = url(dir.resolve("source"));
    String target = url(dir.resolve("target"));
    fill(source, false);
    fill(target, true);
    Path cfg = dir.resolve("config.yaml");
    Files.writeString(cfg, "source_database:\n  url: \"" + source + "\"\n  username: sa\n  password: \"\"\n"
        + "target_database:\n  url: \"" + target + "\"\n  username: sa\n  password: \"\"\n"
        + "comparison:\n  chunk_size: 50\n  threads: 3\n  state_dir: state\n  checkpoint_dir: checkpoints\n"
        + "  output_dir: output\n  recheck: { rounds: 2, delay_seconds: 0 }\ntables:\n" + String.join("", TABLES.stream().map(t -> "  - APP." + t + "\n").toList()),
        StandardCharsets.UTF_8);
    Guarded out = new Guarded();
    Guarded err = new Guarded();
    int code = new Cli(new PrintWriter(out, true), new PrintWriter(err, true), k -> null,
        Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC), false).run(cfg.toString());

    assertEquals(1, code, out.text + "\n" + err.text);
    assertTrue(out.duringRun.get() > 10, "the run printed progress: " + out.text);
    assertTrue(out.text.toString().contains("APP.B: DIFFERENCES: 0 missing in target, 0 missing in source, 1 different"),
        out.text.toString());
    assertEquals(List.of(), out.strangers);
    assertEquals(List.of(), err.strangers);
  }
}
