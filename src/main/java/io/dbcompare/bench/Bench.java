package io.dbcompare.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark behind {@code scripts/bench}: builds a source and a target table of N rows with a given
 * rate of differences in two databases of the local PostgreSQL server, then measures, on the same data:
 * the floor (both databases reading their table at once and discarding it), a plain streaming merge
 * (one ordered JDBC stream per side, merged in Java, no checkpoints), and this tool with push-down on
 * and off (each in its own JVM with -Xmx256m). It prints a table that can be pasted into the README.
 *
 * <p>Options: {@code --rows N} (1,000,000), {@code --diff-rate R} (0.001), {@code --chunk-size N}
 * (100,000), {@code --threads N} (2), {@code --host}, {@code --port}, {@code --user} (postgres),
 * {@code --keep} (do not drop the databases).
 *
 * <p>{@code --repair}: the target table is empty instead; measures a plain {@code COPY ... TO STDOUT}
 * piped into {@code COPY ... FROM STDIN} between the two databases, then this tool's {@code --repair} of
 * a comparison session (compare first, not timed against the pipe), the repair in its own JVM with
 * -Xmx256m; {@code --rounds N} (3) interleaved rounds of both, medians compared ({@link RepairBench}).
 */
public final class Bench {
  private static final double LINK_BYTES_PER_SECOND = 100_000_000 / 8.0;

  private long rows = 1_000_000;
  private double diffRate = 0.001;
  private int chunkSize = 100_000;
  private int threads = 2;
  private String host = "127.0.0.1";
  private String port = "5432";
  private String user = "postgres";
  private boolean keep;
  private boolean repair;
  private int rounds = 3;

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
        case "--chunk-size" -> b.chunkSize = Integer.parseInt(args[++i]);
        case "--threads" -> b.threads = Integer.parseInt(args[++i]);
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
      new RepairBench(b.host, b.port, b.user, b.rows, b.chunkSize, b.threads, b.keep, b.rounds).run();
    } else {
      b.run();
    }
  }

  private String url(String db) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + db;
  }

  private void run() throws Exception {
    String src = "bench_src";
    String tgt = "bench_tgt";
    System.out.printf(Locale.ROOT, "Building %,d rows per side, %.3f%% different, in %s and %s ...%n", rows,
        diffRate * 100, src, tgt);
    long t0 = System.nanoTime();
    build(src, false);
    build(tgt, true);
    System.out.printf(Locale.ROOT, "built in %.1f s%n%n", (System.nanoTime() - t0) / 1e9);

    List<String[]> table = new ArrayList<>();
    Result floor = floor(src, tgt);
    table.add(row("1. floor: both sides read their table (COPY TO /dev/null)", floor));
    Result plain = plainMerge(src, tgt);
    table.add(row("2. plain streaming merge (JDBC, Java merge, no checkpoints)", plain));
    Result push = tool(src, tgt, true);
    table.add(row("3. table-compare, push-down on", push));
    Result java = tool(src, tgt, false);
    table.add(row("4. table-compare --no-pushdown", java));

    System.out.println();
    System.out.printf(Locale.ROOT, "Machine: %d cores, %s, Java %s; PostgreSQL %s on %s:%s (loopback); %,d rows per"
        + " side, %.3f%% different; chunk_size %,d, threads %d%n%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"),
        serverVersion(src), host, port, rows, diffRate * 100, chunkSize, threads);
    System.out.println("| mode | wall s | rows/s | rows fetched per side (source; target) | bytes fetched (both) "
        + "| 100 Mbit/s transfer s | peak heap MB |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (String[] r : table) {
      System.out.println("| " + String.join(" | ", r) + " |");
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "push-down: %.2f x floor, %.2f x plain merge; --no-pushdown: %.2f x plain merge%n",
        push.seconds / floor.seconds, push.seconds / plain.seconds, java.seconds / plain.seconds);
    double jvm = jvmStart();
    System.out.printf(Locale.ROOT, "modes 3 and 4 include starting their JVM (%.1f s for 'compare --version');"
        + " without it: push-down %.2f x floor, %.2f x plain merge; --no-pushdown %.2f x plain merge%n", jvm,
        (push.seconds - jvm) / floor.seconds, (push.seconds - jvm) / plain.seconds, (java.seconds - jvm) / plain.seconds);
    System.out.printf(Locale.ROOT, "differences found: push-down %s, --no-pushdown %s, plain merge %d%n",
        push.differences, java.differences, plain.differencesCount);
    if (!keep) {
      drop(src);
      drop(tgt);
    }
  }

  private String[] row(String name, Result r) {
    return new String[] {name, String.format(Locale.ROOT, "%.1f", r.seconds),
        String.format(Locale.ROOT, "%,.0f", 2.0 * rows / r.seconds), r.fetched,
        r.bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,d", r.bytes),
        r.bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", r.bytes / LINK_BYTES_PER_SECOND),
        r.peakHeapMb < 0 ? "n/a" : Long.toString(r.peakHeapMb)};
  }

  /** One measured mode. */
  private static final class Result {
    double seconds;
    String fetched = "";
    long bytes = -1;
    long peakHeapMb = -1;
    String differences = "";
    long differencesCount;
  }

  // ------------------------------------------------------------------ data

  private void build(String db, boolean target) throws SQLException {
    drop(db);
    try (Connection c = DriverManager.getConnection(url("postgres"), user, "");
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + db);
    }
    // a third of the differences of each kind; a rate of 0 plants none
    long every = diffRate <= 0 ? Long.MAX_VALUE : Math.max(3, Math.round(3 / diffRate));
    try (Connection c = DriverManager.getConnection(url(db), user, ""); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE t (id bigint PRIMARY KEY, name varchar(40) NOT NULL, amount numeric(12,2),"
          + " created timestamp(0), note text, flag integer)");
      st.execute("INSERT INTO t SELECT g, 'name ' || g, (g % 100000) * 1.25, timestamp '2020-01-01' + g * interval"
          + " '1 second', CASE WHEN g % 7 = 0 THEN NULL ELSE md5(g::text) END, (g % 3)::int FROM generate_series(1, "
          + rows + ") g");
      if (target && every != Long.MAX_VALUE) {
        st.execute("DELETE FROM t WHERE id % " + every + " = 1");
        st.execute("UPDATE t SET amount = amount + 1 WHERE id % " + every + " = 2");
        st.execute("INSERT INTO t SELECT " + rows + " + g, 'extra', 1, NULL, NULL, 0 FROM generate_series(1, "
            + Math.max(1, rows / every) + ") g");
      }
      st.execute("VACUUM ANALYZE t");
    }
  }

  private void drop(String db) throws SQLException {
    try (Connection c = DriverManager.getConnection(url("postgres"), user, "");
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    }
  }

  private String serverVersion(String db) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(db), user, "")) {
      return c.getMetaData().getDatabaseProductVersion();
    }
  }

  // ------------------------------------------------------------------ 1. floor

  private Result floor(String src, String tgt) throws Exception {
    ExecutorService ex = Executors.newFixedThreadPool(2);
    try {
      long t0 = System.nanoTime();
      Future<?> a = ex.submit(() -> copyToNull(src));
      Future<?> b = ex.submit(() -> copyToNull(tgt));
      a.get();
      b.get();
      Result r = new Result();
      r.seconds = (System.nanoTime() - t0) / 1e9;
      r.fetched = "0; 0 (read on the server)";
      return r;
    } finally {
      ex.shutdown();
    }
  }

  private Void copyToNull(String db) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(db), user, ""); Statement st = c.createStatement()) {
      st.execute("COPY (SELECT * FROM t) TO '/dev/null'");
    }
    return null;
  }

  // ------------------------------------------------------------------ 2. plain merge

  private Result plainMerge(String src, String tgt) throws Exception {
    long t0 = System.nanoTime();
    try (Connection a = DriverManager.getConnection(url(src), user, "");
        Connection b = DriverManager.getConnection(url(tgt), user, "")) {
      a.setAutoCommit(false);
      b.setAutoCommit(false);
      try (PreparedStatement pa = a.prepareStatement("SELECT * FROM t ORDER BY id");
          PreparedStatement pb = b.prepareStatement("SELECT * FROM t ORDER BY id")) {
        pa.setFetchSize(10_000);
        pb.setFetchSize(10_000);
        ExecutorService ex = Executors.newSingleThreadExecutor();
        Future<ResultSet> fb = ex.submit((java.util.concurrent.Callable<ResultSet>) pb::executeQuery);
        ResultSet ra = pa.executeQuery();
        ResultSet rb = fb.get();
        ex.shutdown();
        long diffs = 0;
        long bytes = 0;
        long na = 0;
        long nb = 0;
        boolean ha = ra.next();
        boolean hb = rb.next();
        int cols = ra.getMetaData().getColumnCount();
        while (ha || hb) {
          long ka = ha ? ra.getLong(1) : Long.MAX_VALUE;
          long kb = hb ? rb.getLong(1) : Long.MAX_VALUE;
          if (ka < kb) {
            diffs++;
            bytes += size(ra, cols);
            na++;
            ha = ra.next();
          } else if (kb < ka) {
            diffs++;
            bytes += size(rb, cols);
            nb++;
            hb = rb.next();
          } else {
            bytes += size(ra, cols) + size(rb, cols);
            for (int i = 2; i <= cols; i++) {
              Object x = ra.getObject(i);
              Object y = rb.getObject(i);
              boolean same = x instanceof BigDecimal dx && y instanceof BigDecimal dy ? dx.compareTo(dy) == 0
                  : Objects.equals(x, y);
              if (!same) {
                diffs++;
                break;
              }
            }
            na++;
            nb++;
            ha = ra.next();
            hb = rb.next();
          }
        }
        Result r = new Result();
        r.seconds = (System.nanoTime() - t0) / 1e9;
        r.fetched = String.format(Locale.ROOT, "%,d full; %,d full", na, nb);
        r.bytes = bytes;
        r.differencesCount = diffs;
        return r;
      }
    }
  }

  private static long size(ResultSet rs, int cols) throws SQLException {
    long n = 0;
    for (int i = 1; i <= cols; i++) {
      String s = rs.getString(i);
      n += s == null ? 1 : s.length() + 4;
    }
    return n;
  }

  private static double jvmStart() throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
        System.getProperty("java.class.path"), "io.dbcompare.cli.Main", "--version").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    p.waitFor();
    return (System.nanoTime() - t0) / 1e9;
  }

  // ------------------------------------------------------------------ 3./4. the tool

  private static final Pattern FETCHED = Pattern.compile(
      "Fetched: +source (\\d+) aggregate \\+ (\\d+) hash \\+ (\\d+) full rows \\((\\d+) bytes\\); target (\\d+) aggregate"
          + " \\+ (\\d+) hash \\+ (\\d+) full rows \\((\\d+) bytes\\)");
  private static final Pattern HEAP = Pattern.compile("Peak heap: +(\\d+) MB");
  private static final Pattern DIFFS = Pattern.compile("Differences: +(.*)");

  private Result tool(String src, String tgt, boolean pushdown) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("bench-");
    Path cfg = dir.resolve("config.yaml");
    Files.writeString(cfg, "source_database: { url: \"" + url(src) + "\", username: " + user + ", password: \"\" }\n"
        + "target_database: { url: \"" + url(tgt) + "\", username: " + user + ", password: \"\" }\n"
        + "comparison: { chunk_size: " + chunkSize + ", threads: " + threads + ", pushdown: " + pushdown
        + ", fetch_size: 5000, state_dir: state, checkpoint_dir: checkpoints, output_dir: output }\n"
        + "tables:\n  - table_name: public.t\n", StandardCharsets.UTF_8);
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-Duser.timezone=UTC", "-cp", System.getProperty("java.class.path"), "io.dbcompare.cli.Main", cfg.toString());
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    Result r = new Result();
    r.seconds = (System.nanoTime() - t0) / 1e9;
    if (code > 1) {
      throw new IllegalStateException("the comparison failed (exit " + code + "):\n" + out);
    }
    Matcher m = FETCHED.matcher(out);
    if (m.find()) {
      r.fetched = String.format(Locale.ROOT, "%,d agg + %,d hash + %,d full; %,d agg + %,d hash + %,d full",
          Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
          Long.parseLong(m.group(5)), Long.parseLong(m.group(6)), Long.parseLong(m.group(7)));
      r.bytes = Long.parseLong(m.group(4)) + Long.parseLong(m.group(8));
    }
    Matcher h = HEAP.matcher(out);
    if (h.find()) {
      r.peakHeapMb = Long.parseLong(h.group(1));
    }
    Matcher d = DIFFS.matcher(out);
    if (d.find()) {
      r.differences = d.group(1).strip();
    }
    System.out.printf(Locale.ROOT, "%s: %.1f s, exit %d%n", pushdown ? "push-down" : "--no-pushdown", r.seconds, code);
    return r;
  }
}
