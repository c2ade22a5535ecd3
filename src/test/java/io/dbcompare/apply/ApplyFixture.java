package io.dbcompare.apply;

import io.dbcompare.compare.ChunkResult;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.RowDiff;
import io.dbcompare.compare.RowDiff.DiffKind;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Platform;
import io.dbcompare.config.SyncSettings;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.Dialects;
import io.dbcompare.session.ScriptFile;
import io.dbcompare.session.Session;
import io.dbcompare.session.SessionStatus;
import io.dbcompare.session.SessionStore;
import io.dbcompare.session.TableProgress;
import io.dbcompare.sync.GeneratedScript;
import io.dbcompare.sync.SyncScriptWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A session with one compared table, {@code APP.T (ID, NAME, NOTE)}, whose sync script the real writer
 * wrote into a folder, and an H2 (Oracle mode) database holding the target as the comparison read it.
 * Target ids 1..n with NAME "t<id>"; the source differs: ids 1 and 2 are missing in it (DELETE),
 * ids 3 and 4 have another NAME (UPDATE), ids n+1 and n+2 are missing in the target (INSERT).
 */
final class ApplyFixture {
  static final Dialect H2 = Dialects.of(Platform.H2);
  static final DatabaseConfig DB = new DatabaseConfig("target", "jdbc:h2:mem:x", "sa", "", Platform.H2, Map.of());
  static final TableRef TABLE = new TableRef("APP", "T");
  static final TableSpec SPEC = new TableSpec("APP_T", "APP.T", TABLE, TABLE, List.of(
      new ColumnSpec("ID", "ID", ValueKind.NUMBER, "NUMBER", "NUMERIC", true),
      new ColumnSpec("NAME", "NAME", ValueKind.TEXT, "VARCHAR2", "CHARACTER VARYING", false),
      new ColumnSpec("NOTE", "NOTE", ValueKind.TEXT, "VARCHAR2", "CHARACTER VARYING", false)),
      1, Optional.empty(), false);

  final int rows;
  final Path dir;
  final SessionStore store;
  final Session session;
  final List<GeneratedScript> written;

  ApplyFixture(Path dir, int rows, int batchSize, boolean parts) {
    this.rows = rows;
    this.dir = dir;
    this.store = new SessionStore(dir.resolve("state"), dir.resolve("checkpoints"), Clock.systemUTC());
    this.session = store.create("config.yaml", "hash", "source", "target");
    Path sync = dir.resolve("sync_target_APP_T.sql");
    written = new SyncScriptWriter(H2, new SyncSettings(batchSize, true, 100_000, false, false))
        .write(sync, null, SPEC, List.of(result()), List.of("Session: " + session.sessionId), parts);
    TableProgress t = new TableProgress();
    t.schema = "APP";
    t.table = "T";
    t.targetSchema = "APP";
    t.targetTable = "T";
    t.status = SessionStatus.COMPLETED;
    t.syncScript = sync.toString();
    for (GeneratedScript g : written) {
      t.scripts.add(new ScriptFile(g.kind(), g.phase() == null ? null : g.phase().label(), g.part(),
          g.path().toString(), g.sha256(), g.statements()));
    }
    session.tableProgress.put("APP_T", t);
    store.save(session);
  }

  /** The script a DBA runs (the whole script, or the master of its parts). */
  Path script() {
    return written.get(0).path();
  }

  private static Object[] row(int id, String name) {
    return new Object[] {BigDecimal.valueOf(id), name, id % 2 == 0 ? null : "note " + id};
  }

  private ChunkResult result() {
    List<RowDiff> diffs = new ArrayList<>();
    diffs.add(new RowDiff(DiffKind.MISSING_IN_SOURCE, new Object[] {BigDecimal.ONE}, null, row(1, "t1")));
    diffs.add(new RowDiff(DiffKind.MISSING_IN_SOURCE, new Object[] {BigDecimal.valueOf(2)}, null, row(2, "t2")));
    diffs.add(new RowDiff(DiffKind.DIFFERENT, new Object[] {BigDecimal.valueOf(3)}, row(3, "s3"), row(3, "t3")));
    diffs.add(new RowDiff(DiffKind.DIFFERENT, new Object[] {BigDecimal.valueOf(4)}, row(4, "s4"), row(4, "t4")));
    for (int id = rows + 1; id <= rows + 2; id++) {
      diffs.add(new RowDiff(DiffKind.MISSING_IN_TARGET, new Object[] {BigDecimal.valueOf(id)}, row(id, "s" + id), null));
    }
    return new ChunkResult("APP_T", 0, rows, rows, 2, 2, 2, diffs);
  }

  /** A new in-memory H2 holding the target table as the comparison read it. */
  Connection target() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:h2:mem:apply" + UUID.randomUUID() + ";MODE=Oracle");
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA \"APP\"");
      s.execute("CREATE TABLE \"APP\".\"T\" (\"ID\" NUMBER(10) PRIMARY KEY, \"NAME\" VARCHAR2(50), \"NOTE\" VARCHAR2(50))");
      for (int id = 1; id <= rows; id++) {
        s.execute("INSERT INTO \"APP\".\"T\" VALUES (" + id + ", 't" + id + "', " + (id % 2 == 0 ? "NULL" : "'note " + id
            + "'") + ")");
      }
    }
    c.commit();
    return c;
  }

  /** The target's rows: id to name. */
  static Map<Integer, String> names(Connection c) throws SQLException {
    Map<Integer, String> out = new TreeMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT \"ID\", \"NAME\" FROM \"APP\".\"T\"")) {
      while (rs.next()) {
        out.put(rs.getInt(1), rs.getString(2));
      }
    }
    return out;
  }

  /** The rows the source has: what the target holds after the sync. */
  Map<Integer, String> sourceNames() {
    Map<Integer, String> out = new TreeMap<>();
    for (int id = 3; id <= rows + 2; id++) {
      out.put(id, id == 3 || id == 4 || id > rows ? "s" + id : "t" + id);
    }
    return out;
  }

  static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
    c.commit();
  }
}
