package io.dbcompare.it;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A replica for live-source tests that works on any PostgreSQL server ({@code wal_level = replica}
 * here, and logical replication would need a restart of the shared server): row triggers on the source
 * capture every change into {@code app.change_log}; a replayer thread applies whole source transactions
 * to the target, in commit-dependency order, once their last change is older than the lag, exactly once
 * (the target records what it applied in {@code app.replay_applied}).
 *
 * <p>Transactions are replayed in the order of their last log row: a transaction that waited for a row
 * lock held by another logged its conflicting change after the other committed, so its last sequence
 * number is the greater one (the first one need not be).
 */
final class TriggerReplica implements AutoCloseable {
  private final TestDb source;
  private final TestDb target;
  private final long lagMillis;
  private final Map<String, List<String>> keyColumns = new HashMap<>();
  private final Map<String, List<String>> allColumns = new HashMap<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean running;
  private Thread thread;
  private long replayed;

  private TriggerReplica(TestDb source, TestDb target, long lagMillis) {
    this.source = source;
    this.target = target;
    this.lagMillis = lagMillis;
  }

  /**
   * Installs capture triggers on the given tables of the source's schema (which must exist on both
   * sides with equal contents) and the bookkeeping tables. Nothing is replayed until {@link #start()}.
   */
  static TriggerReplica install(TestDb source, TestDb target, long lagMillis, String... tables) throws SQLException {
    String s = source.schema();
    source.exec(
        "CREATE TABLE " + s + ".change_log (seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
            + " txid xid8 NOT NULL DEFAULT pg_current_xact_id(), logged_at timestamptz NOT NULL DEFAULT clock_timestamp(),"
            + " tbl text NOT NULL, op char(1) NOT NULL, old_row jsonb, new_row jsonb)",
        "CREATE INDEX change_log_txid ON " + s + ".change_log (txid)",
        "CREATE FUNCTION " + s + ".capture_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " INSERT INTO " + s + ".change_log(tbl, op, old_row, new_row) VALUES (TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME,"
            + " left(TG_OP, 1), CASE WHEN TG_OP IN ('UPDATE','DELETE') THEN to_jsonb(OLD) END,"
            + " CASE WHEN TG_OP IN ('INSERT','UPDATE') THEN to_jsonb(NEW) END); RETURN NULL; END $$");
    for (String t : tables) {
      source.exec("CREATE TRIGGER " + t + "_capture AFTER INSERT OR UPDATE OR DELETE ON " + s + "." + t
          + " FOR EACH ROW EXECUTE FUNCTION " + s + ".capture_change()");
    }
    target.exec("CREATE TABLE " + target.schema() + ".replay_applied (txid xid8 PRIMARY KEY, last_seq bigint NOT NULL)");
    return new TriggerReplica(source, target, lagMillis);
  }

  /** Starts replaying in the background, each transaction once its last change is older than the lag. */
  synchronized void start() {
    running = true;
    thread = new Thread(this::loop, "trigger-replica");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops the background replay (what is logged but not replayed stays logged). */
  synchronized void stop() throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.join(60_000);
      thread = null;
    }
    rethrow();
  }

  /** Stops the background replay and applies everything logged so far: the target then equals the source. */
  long drain() throws Exception {
    stop();
    try (Connection src = source.connect(); Connection dst = target.connect()) {
      dst.setAutoCommit(false);
      while (replayOnce(src, dst, 0, 1000) > 0) {
        // until the log is empty
      }
    }
    return replayed;
  }

  /** Source transactions applied to the target so far. */
  synchronized long replayed() {
    return replayed;
  }

  private void loop() {
    try (Connection src = source.connect(); Connection dst = target.connect()) {
      dst.setAutoCommit(false);
      while (running) {
        if (replayOnce(src, dst, lagMillis, 200) == 0) {
          Thread.sleep(20);
        }
      }
    } catch (Throwable e) {
      failure.compareAndSet(null, e);
    }
  }

  private void rethrow() {
    Throwable t = failure.get();
    if (t != null) {
      throw new AssertionError("the test replica failed: " + t, t);
    }
  }

  private int replayOnce(Connection src, Connection dst, long lag, int max) throws SQLException {
    String log = source.schema() + ".change_log";
    List<String[]> txs = new ArrayList<>();
    try (PreparedStatement ps = src.prepareStatement("SELECT txid::text, max(seq) FROM " + log + " GROUP BY txid"
        + " HAVING max(logged_at) <= clock_timestamp() - make_interval(secs => ?) ORDER BY max(seq) LIMIT ?")) {
      ps.setDouble(1, lag / 1000.0);
      ps.setInt(2, max);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          txs.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    for (String[] tx : txs) {
      try (PreparedStatement mark = dst.prepareStatement("INSERT INTO " + target.schema()
          + ".replay_applied(txid, last_seq) VALUES (?::xid8, ?) ON CONFLICT DO NOTHING")) {
        mark.setString(1, tx[0]);
        mark.setLong(2, Long.parseLong(tx[1]));
        if (mark.executeUpdate() == 1) {
          applyTransaction(src, dst, tx[0]);
        }
      }
      dst.commit();
      try (PreparedStatement del = src.prepareStatement("DELETE FROM " + log + " WHERE txid = ?::xid8")) {
        del.setString(1, tx[0]);
        del.executeUpdate();
      }
      synchronized (this) {
        replayed++;
      }
    }
    return txs.size();
  }

  private void applyTransaction(Connection src, Connection dst, String txid) throws SQLException {
    try (PreparedStatement ps = src.prepareStatement("SELECT tbl, op, old_row::text, new_row::text FROM "
        + source.schema() + ".change_log WHERE txid = ?::xid8 ORDER BY seq")) {
      ps.setString(1, txid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          apply(dst, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
        }
      }
    }
  }

  /** One captured row change, applied to the same table of the target's schema; it must touch one row. */
  private void apply(Connection dst, String sourceTable, String op, String oldRow, String newRow) throws SQLException {
    String table = sourceTable.substring(sourceTable.indexOf('.') + 1);
    String qualified = quote(target.schema()) + "." + quote(table);
    loadColumns(dst, table);
    List<String> key = keyColumns.get(table);
    List<String> cols = allColumns.get(table);
    String record = "jsonb_populate_record(NULL::" + qualified + ", ?::jsonb) r";
    String byOldKey = "(" + list("t", key) + ") = (SELECT " + list("r", key) + " FROM " + record + ")";
    String sql;
    String[] args;
    switch (op) {
      case "I" -> {
        sql = "INSERT INTO " + qualified + " SELECT r.* FROM " + record;
        args = new String[] {newRow};
      }
      case "U" -> {
        sql = "UPDATE " + qualified + " t SET (" + list(null, cols) + ") = (SELECT " + list("r", cols) + " FROM "
            + record + ") WHERE " + byOldKey;
        args = new String[] {newRow, oldRow};
      }
      case "D" -> {
        sql = "DELETE FROM " + qualified + " t WHERE " + byOldKey;
        args = new String[] {oldRow};
      }
      default -> throw new SQLException("unknown captured operation " + op);
    }
    try (PreparedStatement ps = dst.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      int n = ps.executeUpdate();
      if (n != 1) {
        throw new SQLException("replaying " + op + " on " + table + " touched " + n + " rows");
      }
    }
  }

  private void loadColumns(Connection dst, String table) throws SQLException {
    if (allColumns.containsKey(table)) {
      return;
    }
    DatabaseMetaData md = dst.getMetaData();
    TreeMap<Integer, String> key = new TreeMap<>();
    try (ResultSet rs = md.getPrimaryKeys(null, target.schema(), table)) {
      while (rs.next()) {
        key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    List<String> cols = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, target.schema(), table, null)) {
      while (rs.next()) {
        cols.add(rs.getString("COLUMN_NAME"));
      }
    }
    if (key.isEmpty() || cols.isEmpty()) {
      throw new SQLException("the test replica needs " + table + " with a primary key on the target");
    }
    keyColumns.put(table, new ArrayList<>(key.values()));
    allColumns.put(table, cols);
  }

  private static String list(String alias, List<String> cols) {
    StringJoiner j = new StringJoiner(", ");
    for (String c : cols) {
      j.add(alias == null ? quote(c) : alias + "." + quote(c));
    }
    return j.toString();
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.join(60_000);
    }
  }

  /** Source rows a statement changes, for a test that waits until some changes are in flight. */
  static long pendingChanges(TestDb source) throws SQLException {
    try (Connection c = source.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + source.schema() + ".change_log")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
