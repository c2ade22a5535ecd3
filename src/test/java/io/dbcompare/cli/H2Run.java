package io.dbcompare.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;

/** Two H2 databases and a configuration in a folder, and the CLI run over them in-process. */
final class H2Run {
  final Path dir;
  final Path config;
  String out;
  String err;

  H2Run(Path dir, List<String> tables, String comparisonExtra) throws Exception {
    this.dir = dir;
    String source = url(dir.resolve("source"));
    String target = url(dir.resolve("target"));
    fill(source, tables, false);
    fill(target, tables, true);
    config = dir.resolve("config.yaml");
    StringBuilder yaml = new StringBuilder("source_database:\n  url: \"" + source + "\"\n  username: sa\n"
        + "  password: \"\"\ntarget_database:\n  url: \"" + target + "\"\n  username: sa\n  password: \"\"\n"
        + "comparison:\n  chunk_size: 50\n  threads: 2\n  state_dir: state\n  checkpoint_dir: checkpoints\n"
        + "  output_dir: output\n  recheck: { rounds: 2, delay_seconds: 0 }\n" + comparisonExtra + "tables:\n");
    for (String t : tables) {
      yaml.append("  - APP.").append(t).append('\n');
    }
    Files.writeString(config, yaml, StandardCharsets.UTF_8);
  }

  static String url(Path file) {
    return "jdbc:h2:file:" + file + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH";
  }

  /** 300 rows per table; in the target, row 7 of every table differs. */
  private static void fill(String url, List<String> tables, boolean changed) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA IF NOT EXISTS APP");
      for (String t : tables) {
        st.execute("CREATE TABLE APP." + t + " (ID NUMBER(10) PRIMARY KEY, V VARCHAR2(20))");
        st.execute("INSERT INTO APP." + t + " SELECT X, 'v' || X FROM SYSTEM_RANGE(1, 300)");
        if (changed) {
          st.execute("UPDATE APP." + t + " SET V = 'changed' WHERE ID = 7");
        }
      }
    }
  }

  void exec(String sqlOnTarget) throws Exception {
    try (Connection c = DriverManager.getConnection(url(dir.resolve("target")), "sa", "");
        Statement st = c.createStatement()) {
      st.execute(sqlOnTarget);
    }
  }

  int run(Clock clock, Supplier<Terminal> terminal, String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = config.toString();
    System.arraycopy(args, 0, all, 1, args.length);
    int code = new Cli(new PrintWriter(o, true), new PrintWriter(e, true), k -> null, clock, false, terminal).run(all);
    out = o.toString();
    err = e.toString();
    return code;
  }
}
