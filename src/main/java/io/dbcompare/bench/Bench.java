package io.dbcompare.bench;

import io.dbcompare.bench.BenchData.Layout;
import io.dbcompare.bench.BenchData.Planted;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark behind {@code scripts/bench}: builds a source and a target table of N rows in two
 * databases of the local PostgreSQL server ({@link BenchData}) once, then measures every mode on them in
 * one run and prints one table, the goals of the speed issues with the measured ratios, and whether every
 * mode found exactly the differences planted (the run fails, exit 1, when one did not):
 *
 * <ol>
 *   <li>floor: both databases read their table at once into {@code /dev/null} ({@code COPY ... TO})
 *   <li>plain streaming merge: one ordered JDBC stream per side, merged in Java, no checkpoints
 *   <li>identical: this tool with push-down, identical tables
 *   <li>spread: push-down, {@code --diff-rate} of the rows different, spread over every chunk
 *   <li>clustered: push-down, the same number of rows different in three contiguous key ranges
 *   <li>no-pushdown: this tool with {@code --no-pushdown}, identical tables
 * </ol>
 *
 * <p>The tool runs as a DBA runs it, through {@code scripts/compare} (its JVM options and class-data
 * archive, recorded by one unmeasured warm-up comparison first) with -Xmx256m, and its default configuration: chunk
 * size, threads and fetch size are only set when given. One exception: the recheck's delay is 0 unless
 * {@code --recheck-delay S} is given, so that the modes with differences measure the recheck's reads
 * and not the 10 s waits between its rounds. Differences are planted in the target in place before the
 * spread and clustered modes and taken out after them.
 *
 * <p>Options: {@code --rows N} (1,000,000), {@code --modes a,b,...} (all), {@code --diff-rate R} (0.001),
 * {@code --chunk-size N}, {@code --threads N}, {@code --fetch-size N}, {@code --recheck-delay S} (0),
 * {@code --databases PREFIX} (bench: databases bench_src and bench_tgt), {@code --host}, {@code --port},
 * {@code --user} (postgres), {@code --keep} (do not drop the databases), {@code --set key=value} (a further
 * {@code comparison:} setting, repeatable: {@code --set bisect_factor=4}).
 *
 * <p>{@code --repair}: the target table is empty instead; measures a plain {@code COPY ... TO STDOUT}
 * piped into {@code COPY ... FROM STDIN} between the two databases, then this tool's {@code --repair} of
 * a comparison session ({@link RepairBench}); {@code --rounds N} (3).
 */
public final class Bench {
  /**
   * The modes, in the order they run: those on identical tables first, then those that plant differences
   * (the table lists them by number).
   */
  enum Mode {
    FLOOR("floor", "1. floor: both sides read their table (COPY TO /dev/null)"),
    PLAIN("plain", "2. plain streaming merge (JDBC, Java merge, no checkpoints)"),
    IDENTICAL("identical", "3. table-compare, push-down, identical tables"),
    NO_PUSHDOWN("no-pushdown", "6. table-compare --no-pushdown, identical tables"),
    SPREAD("spread", "4. table-compare, push-down, differences spread over every chunk"),
    CLUSTERED("clustered", "5. table-compare, push-down, differences in 3 contiguous key ranges");

    final String option;
    final String title;

    Mode(String option, String title) {
      this.option = option;
      this.title = title;
    }

    static Mode of(String option) {
      for (Mode m : values()) {
        if (m.option.equals(option)) {
          return m;
        }
      }
      throw new IllegalArgumentException("unknown mode '" + option + "'; the modes are "
          + Arrays.stream(values()).map(m -> m.option).toList());
    }
  }

  private static final double LINK_BYTES_PER_SECOND = 100_000_000 / 8.0;
  /** The two databases are {@code <prefix>_src} and {@code <prefix>_tgt}. */
  private String databases = "bench";

  private long rows = 1_000_000;
  private double diffRate = 0.001;
  private Integer chunkSize;
  private Integer threads;
  private Integer fetchSize;
  /** Further comparison settings, {@code --set key=value} (repeatable). */
  private final java.util.Map<String, String> extra = new java.util.TreeMap<>();
  /** The recheck's delay: 0 unless given, so that the figures are work, not a configured wait. */
  private int recheckDelay = 0;
  private String host = "127.0.0.1";
  private String port = "5432";
  private String user = "postgres";
  private boolean keep;
  private boolean repair;
  private int rounds = 3;
  private String source() {
    return databases + "_src";
  }

  private String target() {
    return databases + "_tgt";
  }

  private Set<Mode> modes = new LinkedHashSet<>(Arrays.asList(Mode.values()));

  public static void main(String[] args) throws Exception {
    if (java.util.Arrays.asList(args).contains("--schema")) {
      SchemaBench.main(args); // a whole schema of small tables: discovery and total time
      return;
    }
    Bench b = new Bench();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rows" -> b.rows = Long.parseLong(args[++i].replace("_", ""));
        case "--diff-rate" -> b.diffRate = Double.parseDouble(args[++i]);
        case "--chunk-size" -> b.chunkSize = Integer.parseInt(args[++i].replace("_", ""));
        case "--threads" -> b.threads = Integer.parseInt(args[++i]);
        case "--fetch-size" -> b.fetchSize = Integer.parseInt(args[++i].replace("_", ""));
        case "--set" -> {
          String kv = args[++i];
          int eq = kv.indexOf('=');
          if (eq <= 0 || !kv.substring(0, eq).matches("[a-z_]+")) {
            throw new IllegalArgumentException("--set takes key=value with a comparison setting's key: " + kv);
          }
          b.extra.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        case "--modes" -> b.modes = modes(args[++i]);
        case "--recheck-delay" -> b.recheckDelay = Integer.parseInt(args[++i]);
        case "--databases" -> b.databases = args[++i];
        case "--host" -> b.host = args[++i];
        case "--port" -> b.port = args[++i];
        case "--user" -> b.user = args[++i];
        case "--keep" -> b.keep = true;
        case "--repair" -> b.repair = true;
        case "--rounds" -> b.rounds = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (b.repair) {
      new RepairBench(b.host, b.port, b.user, b.rows, b.chunkSize == null ? 100_000 : b.chunkSize,
          b.threads == null ? 2 : b.threads, b.keep, b.rounds).run();
    } else if (!b.run()) {
      // only the CLI's Main calls System.exit: an uncaught exception ends the bench with status 1
      throw new IllegalStateException("the counts of a mode were not exact: see COUNTS WRONG above");
    }
  }

  private static Set<Mode> modes(String list) {
    Set<Mode> chosen = new LinkedHashSet<>();
    for (String m : list.split(",")) {
      chosen.add(Mode.of(m.strip()));
    }
    Set<Mode> ordered = new LinkedHashSet<>();
    for (Mode m : Mode.values()) {
      if (chosen.contains(m)) {
        ordered.add(m);
      }
    }
    return ordered;
  }

  /** Runs the chosen modes and prints the report; false when a mode's counts were not exact. */
  private boolean run() throws Exception {
    BenchData data = new BenchData(host, port, user, rows);
    long every = diffRate <= 0 ? 0 : Math.max(4, Math.round(3 / diffRate));
    long planted = diffRate <= 0 ? 0 : Math.max(3, Math.round(rows * diffRate));
    System.out.printf(Locale.ROOT, "Building %,d rows per side in %s and %s ...%n", rows, source(), target());
    long t0 = System.nanoTime();
    data.build(source());
    data.build(target());
    System.out.printf(Locale.ROOT, "built in %.1f s%n", (System.nanoTime() - t0) / 1e9);

    ToolRun tool = new ToolRun(data, source(), target(), chunkSize, threads, fetchSize, recheckDelay, extra);
    System.out.println(ToolRun.launcher() != null ? "The tool runs through " + ToolRun.launcher()
        + " (COMPARE_JAVA_OPTS=-Xmx256m), as a DBA runs it" : "The tool runs as java -Xmx256m (no scripts/compare"
        + " beside the jar)");
    tool.warmUp();
    Map<Mode, Measured> results = new EnumMap<>(Mode.class);
    for (Mode m : modes) {
      Measured r = switch (m) {
        case FLOOR -> PlainReads.floor(data, source(), target());
        case PLAIN -> PlainReads.plainMerge(data, source(), target());
        case IDENTICAL -> tool.run(true, Planted.NONE);
        case NO_PUSHDOWN -> tool.run(false, Planted.NONE);
        case SPREAD -> planted(data, tool, every == 0 ? null : Layout.spread(every));
        case CLUSTERED -> planted(data, tool, planted == 0 ? null : Layout.clustered(rows, planted));
      };
      System.out.printf(Locale.ROOT, "%s: %.1f s%s%n", m.option, r.seconds, r.exact() ? "" : "  COUNTS WRONG");
      results.put(m, r);
    }
    boolean exact = report(data, results);
    if (!keep) {
      data.drop(source());
      data.drop(target());
    }
    return exact;
  }

  /** Plants the layout's differences in the target, compares with push-down, takes them out again. */
  private Measured planted(BenchData data, ToolRun tool, Layout layout) throws Exception {
    if (layout == null) {
      throw new IllegalArgumentException("--diff-rate 0 plants no differences: leave out the spread and clustered"
          + " modes (--modes floor,plain,identical,no-pushdown)");
    }
    Planted p = data.plant(target(), layout);
    try {
      Measured r = tool.run(true, p);
      r.planted = p;
      return r;
    } finally {
      data.restore(target(), layout);
    }
  }

  /** Prints the table, the goals and the count check; true when every mode's counts were exact. */
  private boolean report(BenchData data, Map<Mode, Measured> r) throws Exception {
    System.out.println();
    System.out.printf(Locale.ROOT, "Machine: %d cores, %s, Java %s; PostgreSQL %s on %s:%s (loopback); %,d rows per"
        + " side; differences planted: %.3f%% of the rows; %s%n%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"),
        data.serverVersion(source()), host, port, rows, diffRate * 100, configuration());
    System.out.println("| mode | wall s | rows/s | rows fetched per side (source; target) | bytes fetched (both) "
        + "| 100 Mbit/s transfer s | peak heap MB | differences found (planted) |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (Mode m : List.of(Mode.FLOOR, Mode.PLAIN, Mode.IDENTICAL, Mode.SPREAD, Mode.CLUSTERED, Mode.NO_PUSHDOWN)) {
      Measured x = r.get(m);
      if (x != null) {
        System.out.println("| " + String.join(" | ", cells(m, x)) + " |");
      }
    }
    System.out.println();
    double jvm = ToolRun.jvmStart();
    System.out.printf(Locale.ROOT, "The tool's modes include starting its JVM (%.1f s for 'compare --version').%n%n",
        jvm);
    System.out.println("Goals:");
    Goals g = new Goals(r, rows);
    g.ratio("identical <= 1.6 x floor", Mode.IDENTICAL, Mode.FLOOR, 1.6);
    g.ratio("identical <= 0.8 x plain merge", Mode.IDENTICAL, Mode.PLAIN, 0.8);
    g.ratio("spread <= 2 x floor", Mode.SPREAD, Mode.FLOOR, 2.0);
    g.fetched("spread: rows fetched <= 5 % of the table", Mode.SPREAD, 0.05);
    g.ratio("clustered <= 1.1 x identical", Mode.CLUSTERED, Mode.IDENTICAL, 1.1);
    g.ratio("--no-pushdown <= 1.3 x plain merge", Mode.NO_PUSHDOWN, Mode.PLAIN, 1.3);
    g.heap("peak heap <= 256 MB", 256);
    System.out.println();
    boolean exact = true;
    for (Map.Entry<Mode, Measured> e : r.entrySet()) {
      Measured x = e.getValue();
      if (!x.exact()) {
        exact = false;
        System.out.println("COUNTS WRONG: " + e.getKey().option + " found " + x.found + ", planted " + x.planted);
      }
    }
    System.out.println(exact ? "Counts: exact in every mode (found = planted)." : "Counts: NOT exact (see above).");
    return exact;
  }

  private String configuration() {
    List<String> set = new ArrayList<>();
    if (chunkSize != null) {
      set.add(String.format(Locale.ROOT, "chunk_size %,d", chunkSize));
    }
    if (threads != null) {
      set.add("threads " + threads);
    }
    if (fetchSize != null) {
      set.add(String.format(Locale.ROOT, "fetch_size %,d", fetchSize));
    }
    extra.forEach((k, v) -> set.add(k + " " + v));
    set.add("recheck delay_seconds " + recheckDelay + (recheckDelay == 0 ? " (its rounds read again, without waiting)" : ""));
    return "the tool's defaults except " + String.join(", ", set);
  }

  private List<String> cells(Mode m, Measured x) {
    return List.of(m.title, String.format(Locale.ROOT, "%.1f", x.seconds),
        String.format(Locale.ROOT, "%,.0f", 2.0 * rows / x.seconds), x.fetchedText(),
        x.bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,d", x.bytes),
        x.bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", x.bytes / LINK_BYTES_PER_SECOND),
        x.peakHeapMb < 0 ? "n/a" : Long.toString(x.peakHeapMb), x.differencesText());
  }

  /** The goal lines: each says the goal, the measured value and whether it is met. */
  private record Goals(Map<Mode, Measured> r, long rows) {
    void ratio(String goal, Mode a, Mode b, double limit) {
      if (!r.containsKey(a) || !r.containsKey(b)) {
        line(goal, "not measured (modes " + a.option + " and " + b.option + " are needed)", null);
        return;
      }
      double v = r.get(a).seconds / r.get(b).seconds;
      line(goal, String.format(Locale.ROOT, "%.2f x", v), v <= limit);
    }

    void fetched(String goal, Mode m, double limit) {
      Measured x = r.get(m);
      if (x == null || x.fetched == null) {
        line(goal, "not measured", null);
        return;
      }
      long most = Math.max(x.fetched[0][0] + x.fetched[0][1] + x.fetched[0][2],
          x.fetched[1][0] + x.fetched[1][1] + x.fetched[1][2]);
      double v = (double) most / rows;
      line(goal, String.format(Locale.ROOT, "%.2f %% (%,d rows of the side that fetched more)", v * 100, most),
          v <= limit);
    }

    void heap(String goal, long limitMb) {
      long most = -1;
      for (Measured x : r.values()) {
        most = Math.max(most, x.peakHeapMb);
      }
      if (most < 0) {
        line(goal, "not measured", null);
        return;
      }
      line(goal, most + " MB (the largest of the tool's modes; each runs with -Xmx256m)", most <= limitMb);
    }

    private static void line(String goal, String measured, Boolean met) {
      System.out.printf(Locale.ROOT, "- %-42s %s%s%n", goal + ":", measured,
          met == null ? "" : met ? "  (met)" : "  (NOT met)");
    }
  }

  /** One measured mode. */
  static final class Measured {
    double seconds;
    /** Rows fetched per side (source, target) and kind (aggregate, hash, full); null when not known. */
    long[][] fetched;
    /** For modes that read on the server: what to say instead of the counts. */
    String fetchedNote;
    long bytes = -1;
    long peakHeapMb = -1;
    /** What the mode found; null for the floor, which compares nothing. */
    Planted found;
    Planted planted = Planted.NONE;

    boolean exact() {
      return found == null || found.equals(planted);
    }

    String fetchedText() {
      if (fetchedNote != null) {
        return fetchedNote;
      }
      return String.format(Locale.ROOT, "%s; %s", side(fetched[0]), side(fetched[1]));
    }

    private static String side(long[] f) {
      return String.format(Locale.ROOT, "%,d agg + %,d hash + %,d full", f[0], f[1], f[2]);
    }

    String differencesText() {
      if (found == null) {
        return "n/a";
      }
      String planted = this.planted.toString();
      return found.equals(this.planted) ? found.total() + " (" + planted + ")"
          : "WRONG: " + found + " (" + planted + ")";
    }
  }

  static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  static String classPath() {
    return System.getProperty("java.class.path");
  }
}
