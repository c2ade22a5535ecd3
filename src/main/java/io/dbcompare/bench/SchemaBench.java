package io.dbcompare.bench;

import io.dbcompare.cli.Cli;
import io.dbcompare.config.CompareConfig;
import io.dbcompare.config.ConfigLoader;
import io.dbcompare.discovery.ResolvedTables;
import io.dbcompare.discovery.TableDiscovery;
import io.dbcompare.jdbc.ConnectionPool;
import io.dbcompare.jdbc.Pools;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;

/**
 * {@code scripts/bench --schema N}: a schema of N small tables in two databases of the local PostgreSQL
 * server, compared whole ({@code schemas:}). Measures discovery (the catalogs of both schemas read
 * through the set-based queries, every table listed, matched and keyed) with its catalog round trips,
 * what reading the same catalog the former way costs (JDBC metadata per table: getTables, getColumns,
 * getPrimaryKeys, getIndexInfo on both sides), and the whole comparison through the command line.
 *
 * <p>Options: {@code --schema N} (300 tables), {@code --rows N} per table (10), {@code --threads N} (2),
 * {@code --host}, {@code --port}, {@code --user} (postgres), {@code --keep}.
 */
public final class SchemaBench {
  private int tables = 300;
  private int rows = 10;
  private int threads = 2;
  private String host = "127.0.0.1";
  private String port = "5432";
  private String user = "postgres";
  private boolean keep;

  public static void main(String[] args) throws Exception {
    SchemaBench b = new SchemaBench();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--schema" -> b.tables = Integer.parseInt(args[++i]);
        case "--rows" -> b.rows = Integer.parseInt(args[++i]);
        case "--threads" -> b.threads = Integer.parseInt(args[++i]);
        case "--host" -> b.host = args[++i];
        case "--port" -> b.port = args[++i];
        case "--user" -> b.user = args[++i];
        case "--keep" -> b.keep = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    b.run();
  }

  private String url(String db) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + db;
  }

  private void run() throws Exception {
    String src = "bench_schema_src";
    String tgt = "bench_schema_tgt";
    System.out.printf(Locale.ROOT, "Building %d tables of %d rows in schema hr of %s and %s ...%n", tables, rows, src,
        tgt);
    build(src, false);
    build(tgt, true);
    Path dir = Files.createTempDirectory("schema-bench");
    Path cfgFile = dir.resolve("config.yaml");
    Files.writeString(cfgFile, "source_database:\n  url: \"" + url(src) + "\"\n  username: " + user + "\n"
        + "target_database:\n  url: \"" + url(tgt) + "\"\n  username: " + user + "\n"
        + "comparison:\n  threads: " + threads + "\n  state_dir: state\n  checkpoint_dir: checkpoints\n"
        + "  output_dir: output\n"
        + "schemas:\n  - name: hr\n", StandardCharsets.UTF_8);
    CompareConfig cfg = new ConfigLoader().load(cfgFile);

    long t0 = System.nanoTime();
    int queries;
    ResolvedTables resolved;
    try (Pools pools = pools(cfg)) {
      pools.source().verify();
      pools.target().verify();
      long t1 = System.nanoTime();
      resolved = new TableDiscovery(cfg, pools).resolve();
      double discovery = (System.nanoTime() - t1) / 1e9;
      queries = pools.source().catalog().queries() + pools.target().catalog().queries();
      System.out.printf(Locale.ROOT, "connect: %.2f s%n", (t1 - t0) / 1e9);
      double before = perTableMetadata(src, tgt);
      double total = compare(cfgFile);
      System.out.println();
      System.out.printf(Locale.ROOT, "Machine: %d cores, %s, Java %s; PostgreSQL on %s:%s (loopback); %d tables of"
          + " %d rows per side, threads %d%n%n", Runtime.getRuntime().availableProcessors(),
          System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"),
          host, port, tables, rows, threads);
      System.out.println("| step | seconds | catalog round trips |");
      System.out.println("|---|---|---|");
      System.out.printf(Locale.ROOT, "| discovery (both schemas: tables, columns, keys, unique indexes; %d tables"
          + " matched) | %.2f | %d |%n", resolved.tables().size(), discovery, queries);
      System.out.printf(Locale.ROOT, "| the same catalog read per table with JDBC metadata (before) | %.2f | %d |%n",
          before, tables * 2 * 4);
      System.out.printf(Locale.ROOT, "| whole comparison through the command line (new session, %d tables) | %.2f |"
          + " |%n", tables, total);
    }
    if (!keep) {
      drop(src);
      drop(tgt);
    }
  }

  private static Pools pools(CompareConfig cfg) {
    return new Pools(new ConnectionPool(cfg.source(), 4, 30, 0), new ConnectionPool(cfg.target(), 4, 30, 0));
  }

  /** The former way: four metadata calls per table and side. */
  private double perTableMetadata(String src, String tgt) throws SQLException {
    long t = System.nanoTime();
    for (String db : new String[] {src, tgt}) {
      try (Connection c = DriverManager.getConnection(url(db), user, "")) {
        DatabaseMetaData md = c.getMetaData();
        for (int i = 0; i < tables; i++) {
          String name = name(i);
          for (ResultSet rs : new ResultSet[] {md.getTables(null, "hr", name, null), md.getColumns(null, "hr", name, "%"),
              md.getPrimaryKeys(null, "hr", name), md.getIndexInfo(null, "hr", name, true, true)}) {
            try (rs) {
              while (rs.next()) {
                rs.getString(1);
              }
            }
          }
        }
      }
    }
    return (System.nanoTime() - t) / 1e9;
  }

  private double compare(Path cfgFile) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long t = System.nanoTime();
    int code = new Cli(new PrintWriter(out, true), new PrintWriter(err, true), System::getenv, Clock.systemUTC(), false)
        .run(cfgFile.toString());
    double s = (System.nanoTime() - t) / 1e9;
    String summary = out.toString();
    int at = summary.indexOf("================ Comparison summary");
    System.out.println("compare exit " + code + (at < 0 ? "" : "\n" + summary.substring(at).strip()) + err);
    return s;
  }

  private static String name(int i) {
    return String.format(Locale.ROOT, "t%03d", i);
  }

  private void build(String db, boolean target) throws SQLException {
    drop(db);
    try (Connection c = DriverManager.getConnection(url("postgres"), user, ""); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + db);
    }
    try (Connection c = DriverManager.getConnection(url(db), user, ""); Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA hr");
      for (int i = 0; i < tables; i++) {
        String t = "hr." + name(i);
        st.execute("CREATE TABLE " + t + " (id bigint PRIMARY KEY, name varchar(40) NOT NULL, amount numeric(12,2),"
            + " created timestamp, note text, CONSTRAINT " + name(i) + "_name UNIQUE (name))");
        st.execute("INSERT INTO " + t + " SELECT g, 'name ' || g, g * 1.25, timestamp '2026-01-01' + g * interval"
            + " '1 minute', CASE WHEN g % 3 = 0 THEN NULL ELSE 'note ' || g END FROM generate_series(1, " + rows + ") g");
        if (target && i % 50 == 0) {
          st.execute("UPDATE " + t + " SET amount = amount + 1 WHERE id = 1"); // a few differences
        }
      }
      st.execute("ANALYZE");
    }
  }

  private void drop(String db) throws SQLException {
    try (Connection c = DriverManager.getConnection(url("postgres"), user, ""); Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    }
  }
}
