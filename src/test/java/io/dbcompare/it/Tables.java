package io.dbcompare.it;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test tables and configurations for the reliability tests (logical types as in {@link AbstractBehaviourSuite}). */
final class Tables {
  static final String ORDERS = "ID {NUMBER(10)} PRIMARY KEY, NAME {VARCHAR2(50)}, AMOUNT {NUMBER(12,2)}, CREATED {DATE},"
      + " NOTE {VARCHAR2(200)}";
  private static final Pattern LOGICAL = Pattern.compile("\\{([^}]+)}");

  private Tables() {}

  static void create(TestDb db, String table, String cols) throws SQLException {
    StringBuilder sb = new StringBuilder();
    Matcher m = LOGICAL.matcher(cols);
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(db.type(m.group(1))));
    }
    m.appendTail(sb);
    db.exec("CREATE TABLE " + db.schema() + "." + table + " (" + sb + ")");
  }

  static void insert(TestDb db, String table, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    String marks = String.join(", ", Collections.nCopies(rows.get(0).length, "?"));
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement("INSERT INTO " + db.schema() + "." + table + " VALUES (" + marks + ")")) {
      c.setAutoCommit(false);
      int n = 0;
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          ps.setObject(i + 1, row[i]);
        }
        ps.addBatch();
        if (++n % 1000 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
      c.commit();
    }
  }

  /** A row of {@link #ORDERS}. */
  static Object[] order(int id) {
    return new Object[] {id, "name " + id, BigDecimal.valueOf(id * 7L, 2),
        LocalDateTime.of(2020, 1, 1, 8, 30, 15).plusDays(id % 400).plusSeconds(id), id % 5 == 0 ? null : "note " + id};
  }

  static List<Object[]> orders(int from, int to, int step) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = from; i <= to; i += step) {
      rows.add(order(i));
    }
    return rows;
  }

  /** The {@code url/username/password} lines of one side of a configuration. */
  static String database(TestDb d) {
    return database(d.url(), d.user(), d.password());
  }

  static String database(String url, String user, String password) {
    return "  url: \"" + url + "\"\n  username: \"" + user + "\"\n"
        + (password == null ? "" : "  password: \"" + password + "\"\n");
  }

  /** The key the tool gives the source table {@code table} of an {@link #entry} (session entry, file names). */
  static String key(TestDb source, String table) {
    return io.dbcompare.config.TableName.parse(source.schema() + "." + table, "test").key();
  }

  /** A table entry: {@code schema.table} of the source, with the target's schema when it differs. */
  static String entry(TestDb source, TestDb target, String table, String extra) {
    String s = "  - table_name: " + source.schema() + "." + table + "\n";
    if (!source.schema().equals(target.schema())) {
      s += "    target_table: " + target.schema() + "." + table + "\n";
    }
    return s + extra;
  }

  /**
   * The recheck of the test configurations: on, as by default, without its delay (the test databases do
   * not change while a comparison runs, and a test never waits on the wall clock).
   */
  static final String RECHECK_AT_ONCE = "  recheck: { rounds: 2, delay_seconds: 0 }\n";

  /**
   * Writes {@code folder/config.yaml}: the two databases, the comparison settings (with
   * {@link #RECHECK_AT_ONCE} unless they set the recheck) and the tables.
   */
  static Path config(Path folder, String sourceDb, String targetDb, String comparison, String tables)
      throws IOException {
    String yaml = "source_database:\n" + sourceDb + "target_database:\n" + targetDb
        + "comparison:\n  state_dir: state\n  checkpoint_dir: checkpoints\n  output_dir: output\n"
        // before the caller's lines: they may end the comparison section and open another (sync:)
        + (comparison.contains("recheck:") ? "" : RECHECK_AT_ONCE) + comparison
        + "tables:\n" + tables;
    Files.createDirectories(folder);
    Path f = folder.resolve("config.yaml");
    Files.writeString(f, yaml, StandardCharsets.UTF_8);
    return f;
  }

  static List<Path> files(Path folder, String glob) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    try (var ds = Files.newDirectoryStream(folder, glob)) {
      ds.forEach(out::add);
    }
    out.sort(null);
    return out;
  }

  /** The INSERT/UPDATE/DELETE statements of a sync script, without comments and settings. */
  static List<String> statements(Path script) throws IOException {
    return ScriptRunner.statements(Files.readString(script)).stream()
        .filter(s -> s.startsWith("INSERT") || s.startsWith("UPDATE") || s.startsWith("DELETE")).toList();
  }
}
