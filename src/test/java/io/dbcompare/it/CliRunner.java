package io.dbcompare.it;

import io.dbcompare.cli.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Runs the real command line in-process (over StringWriters) or in a separate JVM. */
final class CliRunner {
  static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);

  private CliRunner() {}

  /** The outcome of an in-process run. */
  record Result(int code, String out, String err) {
    String all() {
      return out + err;
    }
  }

  static Result run(String... args) {
    return run(name -> null, args);
  }

  static Result run(Function<String, String> env, String... args) {
    return run(env, FIXED, args);
  }

  static Result run(Function<String, String> env, Clock clock, String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = new Cli(new PrintWriter(o, true), new PrintWriter(e, true), env, clock, false).run(args);
    return new Result(code, o.toString(), e.toString());
  }

  /**
   * Starts {@code io.dbcompare.cli.Main} in a separate JVM with this JVM's class path; stdout and stderr
   * go to {@code output}. {@code jvmArgs} come before the main class (e.g. {@code -Dname=value}).
   */
  static Process spawn(Path output, List<String> jvmArgs, String... args) throws IOException {
    return spawn(output, Map.of(), jvmArgs, args);
  }

  /** As {@link #spawn(Path, List, String...)}, with extra environment variables. */
  static Process spawn(Path output, Map<String, String> env, List<String> jvmArgs, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.timezone=UTC"));
    cmd.addAll(jvmArgs);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.dbcompare.cli.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
    pb.environment().putAll(env);
    return pb.start();
  }
}
