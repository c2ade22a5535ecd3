package io.dbcompare.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * {@code scripts/bench --repair}: a source table of N rows and an empty target table (same columns and
 * primary key as the comparison bench) in two databases of the local PostgreSQL server, and the time
 * to fill the target: (1) the floor, {@code COPY (SELECT ...) TO STDOUT} of the source streamed into
 * {@code COPY ... FROM STDIN} of the target (text format, as {@code psql -c ... | psql -c ...} would,
 * through the driver's CopyManager); (2) this tool: a comparison session first (timed apart), then
 * {@code --repair ID --yes} in its own JVM with -Xmx256m, timed until it prints {@code Repaired:} (the
 * re-comparison after it is reported apart). The goal: the repair at 50 % or more of the pipe's rate.
 */
final class RepairBench {
  private static final Pattern HEAP = Pattern.compile("Peak heap: +(\\d+) MB");
  private final String host;
  private final String port;
  private final String user;
  private final long rows;
  private final int chunkSize;
  private final int threads;
  private final boolean keep;
  private final int rounds;

  RepairBench(String host, String port, String user, long rows, int chunkSize, int threads, boolean keep,
      int rounds) {
    this.rounds = rounds;
    this.host = host;
    this.port = port;
    this.user = user;
    this.rows = rows;
    this.chunkSize = chunkSize;
    this.threads = threads;
    this.keep = keep;
  }

  private String url(String db) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + db;
  }

  void run() throws Exception {
    String src = "bench_rsrc";
    String tgt = "bench_rtgt";
    System.out.printf(Locale.ROOT, "Building %,d source rows in %s and an empty target table in %s ...%n", rows, src,
        tgt);
    long t0 = System.nanoTime();
    build(src, true);
    build(tgt, false);
    System.out.printf(Locale.ROOT, "built in %.1f s%n%n", (System.nanoTime() - t0) / 1e9);

    Path dir = Files.createTempDirectory("bench-repair-");
    Path cfg = dir.resolve("config.yaml");
    Files.writeString(cfg, "source_database: { url: \"" + url(src) + "\", username: " + user + ", password: \"\" }\n"
        + "target_database: { url: \"" + url(tgt) + "\", username: " + user + ", password: \"\" }\n"
        + "comparison: { chunk_size: " + chunkSize + ", threads: " + threads + ", fetch_size: 5000,"
        + " state_dir: state, checkpoint_dir: checkpoints, output_dir: output }\n"
        + "tables:\n  - table_name: public.t\n", StandardCharsets.UTF_8);
    Child compare = child(List.of(cfg.toString()), null);
    System.out.printf(Locale.ROOT, "comparison (target empty): %.1f s, exit %d%n", compare.seconds, compare.exit);
    if (compare.exit != 1) {
      throw new IllegalStateException("the comparison should find differences:\n" + compare.output);
    }
    Path sessionFile;
    try (var files = Files.list(dir.resolve("state"))) {
      sessionFile = files.filter(p -> p.getFileName().toString().endsWith(".json")).findFirst().orElseThrow();
    }
    String id = sessionFile.getFileName().toString().replace("oracle_session_", "").replace(".json", "");
    byte[] compared = Files.readAllBytes(sessionFile);

    // Rounds of both modes, interleaved: on a machine shared with other work the load changes between
    // runs, and the median of each mode is compared with the median of the other.
    List<Double> pipes = new ArrayList<>();
    List<Double> repairs = new ArrayList<>();
    String heap = "n/a";
    long piped = 0;
    long repaired = 0;
    Child last = null;
    for (int round = 1; round <= rounds; round++) {
      exec(tgt, "TRUNCATE t");
      pipes.add(pipe(src, tgt));
      piped = count(tgt);
      exec(tgt, "TRUNCATE t");
      Files.write(sessionFile, compared); // the session as the comparison left it: nothing repaired yet
      last = child(List.of(cfg.toString(), "--repair", id, "--yes"), "Repaired:");
      if (last.exit != 0) {
        throw new IllegalStateException("the repair did not end with a matching target:\n" + last.output);
      }
      repairs.add(last.untilMarker);
      repaired = count(tgt);
      Matcher h = HEAP.matcher(last.output);
      heap = h.find() ? h.group(1) : "n/a";
      System.out.printf(Locale.ROOT, "round %d: pipe %.1f s, repair %.1f s until 'Repaired:' (%.1f s with the"
          + " re-comparison)%n", round, pipes.get(round - 1), last.untilMarker, last.seconds);
    }
    double pipe = median(pipes);
    double repair = median(repairs);

    System.out.println();
    System.out.printf(Locale.ROOT, "Machine: %d cores, %s, Java %s; PostgreSQL %s on %s:%s (loopback); %,d rows, target"
        + " empty; chunk_size %,d; %d rounds, medians%n%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"),
        version(src), host, port, rows, chunkSize, rounds);
    System.out.println("| mode | wall s (median; best) | rows/s (median) | rows in target | peak heap MB |");
    System.out.println("|---|---|---|---|---|");
    System.out.printf(Locale.ROOT, "| 1. COPY TO STDOUT piped into COPY FROM STDIN | %.1f; %.1f | %,.0f | %,d | n/a |%n",
        pipe, best(pipes), rows / pipe, piped);
    System.out.printf(Locale.ROOT, "| 2. table-compare --repair (own JVM, -Xmx256m; until 'Repaired:') | %.1f; %.1f |"
        + " %,.0f | %,d | %s |%n", repair, best(repairs), rows / repair, repaired, heap);
    System.out.println();
    System.out.printf(Locale.ROOT, "repair: %.0f %% of the pipe's rate by medians, %.0f %% by best runs (goal: 50 %% or"
        + " more); the comparison before it took %.1f s, the re-comparison after it %.1f s%n", 100 * pipe / repair,
        100 * best(pipes) / best(repairs), compare.seconds, last.seconds - last.untilMarker);
    if (!keep) {
      drop(src);
      drop(tgt);
      deleteTree(dir);
    }
  }

  /** The bench's folder: sessions, checkpoints of every row and, up to sync.max_script_rows, scripts. */
  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
  }

  private static double best(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  /** The columns of the comparison bench, with its primary key. */
  private void build(String db, boolean rowsToo) throws SQLException {
    drop(db);
    exec("postgres", "CREATE DATABASE " + db);
    exec(db, "CREATE TABLE t (id bigint PRIMARY KEY, name varchar(40) NOT NULL, amount numeric(12,2),"
        + " created timestamp(0), note text, flag integer)");
    if (rowsToo) {
      exec(db, "INSERT INTO t SELECT g, 'name ' || g, (g % 100000) * 1.25, timestamp '2020-01-01' + g * interval"
          + " '1 second', CASE WHEN g % 7 = 0 THEN NULL ELSE md5(g::text) END, (g % 3)::int FROM generate_series(1, "
          + rows + ") g");
    }
    exec(db, "VACUUM ANALYZE t");
  }

  private double pipe(String src, String tgt) throws Exception {
    ExecutorService ex = Executors.newSingleThreadExecutor();
    try (Connection a = DriverManager.getConnection(url(src), user, "");
        Connection b = DriverManager.getConnection(url(tgt), user, "")) {
      PipedOutputStream out = new PipedOutputStream();
      PipedInputStream in = new PipedInputStream(out, 1 << 20);
      long t0 = System.nanoTime();
      Future<Long> reader = ex.submit(() -> {
        try (out) {
          return a.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT * FROM t) TO STDOUT", out);
        }
      });
      b.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY t FROM STDIN", in);
      reader.get();
      return (System.nanoTime() - t0) / 1e9;
    } finally {
      ex.shutdown();
    }
  }

  /** A child JVM running the CLI. */
  private static final class Child {
    double seconds;
    double untilMarker;
    int exit;
    String output;
  }

  private Child child(List<String> args, String marker) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-Duser.timezone=UTC", "-cp", System.getProperty("java.class.path"), "io.dbcompare.cli.Main"));
    cmd.addAll(args);
    Child c = new Child();
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    StringBuilder sb = new StringBuilder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (marker != null && c.untilMarker == 0 && line.startsWith(marker)) {
          c.untilMarker = (System.nanoTime() - t0) / 1e9;
        }
        sb.append(line).append('\n');
      }
    }
    c.exit = p.waitFor();
    c.seconds = (System.nanoTime() - t0) / 1e9;
    c.output = sb.toString();
    return c;
  }

  private long count(String db) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(db), user, ""); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String version(String db) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(db), user, "")) {
      return c.getMetaData().getDatabaseProductVersion();
    }
  }

  private void exec(String db, String... sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(db), user, ""); Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  private void drop(String db) throws SQLException {
    exec("postgres", "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
  }
}
