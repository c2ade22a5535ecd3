package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.fail;

import io.dbcompare.compare.CrashPoints;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line in a separate JVM that stops at an exact point ({@code -Ddbcompare.pauseAt}, see
 * {@link CrashPoints}) until the test lets it go on: a kill or an interrupt then lands where the test
 * says, not wherever the process happens to be when a poll sees it has got far enough. The output is
 * copied to a file as it comes, and read here line by line.
 */
final class PausedChild {
  /** A hang guard only: every wait here normally ends on an event long before. */
  private static final long GUARD_SECONDS = 120;

  final Process process;
  private final List<String> lines = new ArrayList<>();
  private final Thread copier;
  private boolean ended;

  private PausedChild(Process process, Path output) throws IOException {
    this.process = process;
    Writer file = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
    copier = new Thread(() -> copy(file), "child-output");
    copier.setDaemon(true);
    copier.start();
  }

  /** Starts {@code io.dbcompare.cli.Main} with {@code args}, to pause at {@code point} ({@code name:n}). */
  static PausedChild start(Path output, String point, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.timezone=UTC",
        "-D" + CrashPoints.PAUSE_PROPERTY + "=" + point, "-cp", System.getProperty("java.class.path"),
        "io.dbcompare.cli.Main"));
    cmd.addAll(List.of(args));
    return new PausedChild(new ProcessBuilder(cmd).redirectErrorStream(true).start(), output);
  }

  private void copy(Writer file) {
    try (file; BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        file.write(line);
        file.write('\n');
        file.flush();
        synchronized (this) {
          lines.add(line);
          notifyAll();
        }
      }
    } catch (IOException e) {
      // the process is gone; what was read is in the file
    } finally {
      synchronized (this) {
        ended = true;
        notifyAll();
      }
    }
  }

  /** Waits until the child is paused: it is then alive and stays where it stopped. */
  void awaitPause() throws Exception {
    awaitLine(CrashPoints.PAUSED);
  }

  /** Waits until the child printed a line containing {@code text}; fails if it ends first. */
  synchronized void awaitLine(String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
    while (lines.stream().noneMatch(l -> l.contains(text))) {
      if (ended) {
        fail("the child ended before printing '" + text + "': " + String.join("\n", lines));
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        fail("no '" + text + "' from the child within " + GUARD_SECONDS + " s (hang guard): " + String.join("\n", lines));
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /** Lets a paused child go on (its standard input ends). */
  void release() throws IOException {
    process.getOutputStream().close();
  }

  /** SIGKILL on Unix. */
  void kill() {
    process.destroyForcibly();
  }

  /** Waits for the child to end (hang guard only) and for its output to be in the file; its exit status. */
  int awaitExit() throws Exception {
    if (!process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("the child did not end within " + GUARD_SECONDS + " s (hang guard): " + output());
    }
    copier.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));
    return process.exitValue();
  }

  /** Everything the child printed so far. */
  synchronized String output() {
    return String.join("\n", lines);
  }

  long pid() {
    return process.pid();
  }
}
