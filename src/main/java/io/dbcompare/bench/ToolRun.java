package io.dbcompare.bench;

import io.dbcompare.bench.Bench.Measured;
import io.dbcompare.bench.BenchData.Planted;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs this tool's comparison as the real CLI in its own JVM ({@code -Xmx256m}) on the bench tables and
 * reads what its summary prints: rows fetched per side and kind, bytes, peak heap and the differences.
 * The configuration is the tool's default except what the bench was given.
 */
final class ToolRun {
  private static final Pattern FETCHED = Pattern.compile(
      "Fetched: +source (\\d+) aggregate \\+ (\\d+) hash \\+ (\\d+) full rows \\((\\d+) bytes\\); target (\\d+) aggregate"
          + " \\+ (\\d+) hash \\+ (\\d+) full rows \\((\\d+) bytes\\)");
  private static final Pattern HEAP = Pattern.compile("Peak heap: +(\\d+) MB");
  private static final Pattern DIFFS = Pattern.compile(
      "Differences: +([\\d,]+) missing in target, ([\\d,]+) missing in source, ([\\d,]+) different");

  private final BenchData data;
  private final String source;
  private final String target;
  private final Integer chunkSize;
  private final Integer threads;
  private final Integer fetchSize;
  private final Integer recheckDelay;
  /** Further {@code comparison:} settings as given ({@code --set key=value}), e.g. bisect_factor. */
  private final java.util.Map<String, String> extra;

  /** A null setting is left to the tool's default. */
  ToolRun(BenchData data, String source, String target, Integer chunkSize, Integer threads, Integer fetchSize,
      Integer recheckDelay, java.util.Map<String, String> extra) {
    this.extra = java.util.Map.copyOf(extra);
    this.recheckDelay = recheckDelay;
    this.data = data;
    this.source = source;
    this.target = target;
    this.chunkSize = chunkSize;
    this.threads = threads;
    this.fetchSize = fetchSize;
  }

  /** One comparison in a new session; fails when the tool fails or its summary cannot be read. */
  Measured run(boolean pushdown, Planted expected) throws IOException, InterruptedException {
    return run(pushdown, expected, "");
  }

  /**
   * Compares the first rows of the table once, unmeasured, before the modes: the launcher records its
   * class-data archive on the first comparison after a build ({@code scripts/compare}), and that
   * one-time cost must not fall on the first mode measured.
   */
  void warmUp() throws IOException, InterruptedException {
    run(true, Planted.NONE, "\n    where: \"id <= 20000\"");
  }

  private Measured run(boolean pushdown, Planted expected, String tableSettings)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("bench-");
    Path cfg = dir.resolve("config.yaml");
    StringBuilder comparison = new StringBuilder("pushdown: " + pushdown);
    if (chunkSize != null) {
      comparison.append(", chunk_size: ").append(chunkSize);
    }
    if (threads != null) {
      comparison.append(", threads: ").append(threads);
    }
    if (fetchSize != null) {
      comparison.append(", fetch_size: ").append(fetchSize);
    }
    if (recheckDelay != null) {
      comparison.append(", recheck: { delay_seconds: ").append(recheckDelay).append(" }");
    }
    for (var e : new java.util.TreeMap<>(extra).entrySet()) {
      comparison.append(", ").append(e.getKey()).append(": ").append(e.getValue());
    }
    Files.writeString(cfg, "source_database: " + database(source) + "\ntarget_database: " + database(target) + "\n"
        + "comparison: { " + comparison + ", state_dir: state, checkpoint_dir: checkpoints, output_dir: output }\n"
        + "tables:\n  - table_name: public.t" + tableSettings + "\n", StandardCharsets.UTF_8);
    long t0 = System.nanoTime();
    Process p = tool(cfg.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    Measured r = new Measured();
    r.seconds = (System.nanoTime() - t0) / 1e9;
    if (code > 1) {
      throw new IllegalStateException("the comparison failed (exit " + code + "), in " + dir + ":\n" + out);
    }
    Matcher f = find(FETCHED, out, dir);
    r.fetched = new long[][] {
        {Long.parseLong(f.group(1)), Long.parseLong(f.group(2)), Long.parseLong(f.group(3))},
        {Long.parseLong(f.group(5)), Long.parseLong(f.group(6)), Long.parseLong(f.group(7))}};
    r.bytes = Long.parseLong(f.group(4)) + Long.parseLong(f.group(8));
    r.peakHeapMb = Long.parseLong(find(HEAP, out, dir).group(1));
    Matcher d = find(DIFFS, out, dir);
    // the summary groups digits (3,334)
    r.found = new Planted(count(d.group(1)), count(d.group(2)), count(d.group(3)));
    r.planted = expected;
    deleteTree(dir);
    return r;
  }

  /** The run's folder (session, checkpoints, reports): kept only when the run failed. */
  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private String database(String db) {
    return "{ url: \"" + data.url(db) + "\", username: " + data.user + ", password: \"\" }";
  }

  static long count(String grouped) {
    return Long.parseLong(grouped.replace(",", ""));
  }

  private static Matcher find(Pattern p, String out, Path dir) {
    Matcher m = p.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("the comparison's summary has no line matching " + p + " (run in " + dir
          + "):\n" + out);
    }
    return m;
  }

  /** The time to start the tool's JVM and print its version: part of every mode that runs the tool. */
  static double jvmStart() throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p = tool("--version").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    p.waitFor();
    return (System.nanoTime() - t0) / 1e9;
  }

  /**
   * The tool as a DBA runs it: {@code scripts/compare} beside the jar's {@code target} folder (its JVM
   * options, its class-data archive) with {@code COMPARE_JAVA_OPTS=-Xmx256m}; the bare JVM where the jar
   * runs outside a checkout.
   */
  static ProcessBuilder tool(String... args) {
    Path launcher = launcher();
    List<String> cmd = new java.util.ArrayList<>();
    ProcessBuilder b = new ProcessBuilder(cmd);
    if (launcher != null) {
      cmd.add(launcher.toString());
      b.environment().put("COMPARE_JAVA_OPTS", "-Xmx256m");
    } else {
      cmd.addAll(List.of(Bench.java().toString(), "-Xmx256m", "-Duser.timezone=UTC", "-cp", Bench.classPath(),
          "io.dbcompare.cli.Main"));
    }
    cmd.addAll(List.of(args));
    return b;
  }

  /** {@code scripts/compare} of the checkout whose {@code target/table-compare.jar} runs the bench, or null. */
  static Path launcher() {
    Path jar = Path.of(Bench.classPath().split(java.io.File.pathSeparator)[0]).toAbsolutePath();
    Path root = jar.getParent() == null ? null : jar.getParent().getParent();
    Path script = root == null ? null : root.resolve("scripts").resolve("compare");
    return script != null && jar.getFileName().toString().equals("table-compare.jar") && Files.isExecutable(script)
        ? script : null;
  }
}
