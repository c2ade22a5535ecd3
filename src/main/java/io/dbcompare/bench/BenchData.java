package io.dbcompare.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.function.Function;

/**
 * The tables of the comparison bench: {@code t} in a source and a target database of the local
 * PostgreSQL server, the same N rows on both sides (columns bigint key, varchar, numeric, timestamp,
 * text, integer). Row g (1 to N) has the key 2g and values computed from g, so that any row can be
 * written again from its number, and the odd keys between them are free for rows only the target has.
 *
 * <p>Differences are planted in the target in place ({@link #plant}) and taken out again
 * ({@link #restore}), so one build serves every mode: a third of the planted rows deleted (missing in
 * the target), a third updated (different), a third inserted at odd keys (missing in the source).
 */
final class BenchData {
  private final String host;
  private final String port;
  final String user;
  final long rows;

  BenchData(String host, String port, String user, long rows) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.rows = rows;
  }

  String url(String db) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + db;
  }

  Connection connect(String db) throws SQLException {
    return DriverManager.getConnection(url(db), user, "");
  }

  /** Where differences go: conditions on the row number g, one per kind of difference. */
  record Layout(String name, Function<String, String> deleted, Function<String, String> updated,
      Function<String, String> inserted) {

    /**
     * Spread over the whole table: every {@code every}-th row number changes, a third of them per kind,
     * so every chunk holds about the same number of differences.
     */
    static Layout spread(long every) {
      return new Layout("spread", g -> g + " % " + every + " = 1", g -> g + " % " + every + " = 2",
          g -> g + " % " + every + " = 3");
    }

    /** Three contiguous ranges of row numbers, at 20 %, 50 % and 80 % of the table: one per kind. */
    static Layout clustered(long rows, long planted) {
      long each = Math.max(1, planted / 3);
      return new Layout("clustered", g -> range(g, rows / 5, each), g -> range(g, rows / 2, each),
          g -> range(g, rows * 4 / 5, each));
    }

    private static String range(String g, long from, long count) {
      return g + " BETWEEN " + Math.max(1, from) + " AND " + (Math.max(1, from) + count - 1);
    }
  }

  /** What a pattern planted: the counts the comparison must report. */
  record Planted(long missingInTarget, long missingInSource, long different) {
    static final Planted NONE = new Planted(0, 0, 0);

    long total() {
      return missingInTarget + missingInSource + different;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d missing in target, %d missing in source, %d different", missingInTarget,
          missingInSource, different);
    }
  }

  void build(String db) throws SQLException {
    drop(db);
    try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + db);
    }
    try (Connection c = connect(db); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE t (id bigint PRIMARY KEY, name varchar(40) NOT NULL, amount numeric(12,2),"
          + " created timestamp(0), note text, flag integer)");
      st.execute("INSERT INTO t " + generated("true"));
      st.execute("VACUUM ANALYZE t");
      settle(st);
    }
  }

  /** The rows whose number g satisfies {@code condition} (written with {@code g}), as built. */
  private String generated(String condition) {
    return "SELECT 2 * g, 'name ' || g, (g % 100000) * 1.25, timestamp '2020-01-01' + g * interval '1 second',"
        + " CASE WHEN g % 7 = 0 THEN NULL ELSE md5(g::text) END, (g % 3)::int FROM generate_series(1, " + rows
        + ") g WHERE " + condition;
  }

  /** Plants the pattern's differences in {@code db}'s table; returns how many of each kind. */
  Planted plant(String db, Layout p) throws SQLException {
    try (Connection c = connect(db); Statement st = c.createStatement()) {
      long deleted = st.executeUpdate("DELETE FROM t WHERE id % 2 = 0 AND " + p.deleted().apply("(id / 2)"));
      long updated = st.executeUpdate("UPDATE t SET amount = amount + 1 WHERE id % 2 = 0 AND "
          + p.updated().apply("(id / 2)"));
      long inserted = st.executeUpdate("INSERT INTO t SELECT 2 * g + 1, 'extra', 1, NULL, NULL, 0 FROM"
          + " generate_series(1, " + rows + ") g WHERE " + p.inserted().apply("g"));
      st.execute("VACUUM ANALYZE t");
      settle(st);
      return new Planted(deleted, inserted, updated);
    }
  }

  /**
   * Writes the table's dirty pages out now ({@code CHECKPOINT}, as the bench's superuser), so that the
   * server's checkpointer does not flush gigabytes of a freshly built or changed table in the middle of
   * the next measured mode: the floor of a 10M-row run measured 3.6 to 5.5 s without it. A role that
   * may not checkpoint measures without (a note says so).
   */
  private static void settle(Statement st) {
    try {
      st.execute("CHECKPOINT");
    } catch (SQLException e) {
      System.out.println("(no CHECKPOINT after changing the table: " + e.getMessage().strip()
          + "; the server may flush it during the next mode)");
    }
  }

  /** Takes the pattern's differences out again: the table is as built. */
  void restore(String db, Layout p) throws SQLException {
    try (Connection c = connect(db); Statement st = c.createStatement()) {
      st.executeUpdate("DELETE FROM t WHERE id % 2 = 1");
      st.executeUpdate("DELETE FROM t WHERE id % 2 = 0 AND " + p.updated().apply("(id / 2)"));
      st.executeUpdate("INSERT INTO t " + generated("(" + p.deleted().apply("g") + ") OR (" + p.updated().apply("g")
          + ")"));
      st.execute("VACUUM ANALYZE t");
      settle(st);
    }
  }

  void drop(String db) throws SQLException {
    try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    }
  }

  String serverVersion(String db) throws SQLException {
    try (Connection c = connect(db)) {
      return c.getMetaData().getDatabaseProductVersion();
    }
  }
}
