package io.dbcompare.it;

import io.dbcompare.config.Platform;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A database created for the test on the local PostgreSQL server (127.0.0.1:5432, trust auth) and
 * dropped afterwards. Where no server answers, the tests are skipped with the reason, unless the
 * system property {@code pg.required=true} (set by .ci/run) makes that a failure.
 */
public final class PgTestDb implements TestDb {
  static final String HOST = System.getProperty("pg.host", "127.0.0.1");
  static final String PORT = System.getProperty("pg.port", "5432");
  static final String ADMIN_USER = System.getProperty("pg.user", "postgres");
  private static final Pattern NUMBER = Pattern.compile("NUMBER\\((\\d+)(?:,(\\d+))?\\)");
  private final String database;

  private PgTestDb(String database) {
    this.database = database;
  }

  /** Creates a fresh database, or skips (fails in CI) when PostgreSQL is not reachable. */
  public static PgTestDb create(String name) throws SQLException {
    requireServer();
    try (Connection c = DriverManager.getConnection(adminUrl("postgres"), ADMIN_USER, "");
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      st.execute("CREATE DATABASE " + name);
    }
    PgTestDb db = new PgTestDb(name);
    db.exec("CREATE SCHEMA app");
    return db;
  }

  static void requireServer() {
    try (Connection c = DriverManager.getConnection(adminUrl("postgres"), ADMIN_USER, "")) {
      c.isValid(5);
    } catch (SQLException e) {
      String reason = "PostgreSQL is not reachable at " + HOST + ":" + PORT + " as " + ADMIN_USER + " ("
          + e.getMessage() + "); start it or run the H2 suite only";
      if (required()) {
        throw new AssertionError("PostgreSQL tests are required here (PG_REQUIRED=true / -Dpg.required=true) but " + reason, e);
      }
      Assumptions.assumeTrue(false, reason);
    }
  }

  /** CI sets PG_REQUIRED=true (.ci/run): a missing server is then a failure, never a silent skip. */
  static boolean required() {
    return Boolean.getBoolean("pg.required") || "true".equalsIgnoreCase(System.getenv("PG_REQUIRED"));
  }

  static String adminUrl(String db) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + db;
  }

  public void drop() throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl("postgres"), ADMIN_USER, "");
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  /** The database's name on the server. */
  public String database() {
    return database;
  }

  @Override
  public Platform platform() {
    return Platform.POSTGRESQL;
  }

  @Override
  public String url() {
    return adminUrl(database);
  }

  @Override
  public String user() {
    return ADMIN_USER;
  }

  /** Trust authentication ignores it; the suite checks that it never reaches a file. */
  @Override
  public String password() {
    return "pg-secret-pw";
  }

  @Override
  public String schema() {
    return "app";
  }

  @Override
  public String type(String logical) {
    Matcher m = NUMBER.matcher(logical);
    if (m.matches()) {
      return "numeric(" + m.group(1) + (m.group(2) == null ? "" : "," + m.group(2)) + ")";
    }
    return switch (logical) {
      case "DATE" -> "timestamp(0)";
      case "TS9" -> "timestamp(6)";
      case "TSTZ" -> "timestamptz";
      case "TEXT" -> "varchar(4000)";
      case "BIGTEXT" -> "text";
      case "BYTES", "BIGBYTES" -> "bytea";
      case "IDENTITY_ALWAYS" -> "bigint GENERATED ALWAYS AS IDENTITY";
      case "DOUBLED_A" -> "numeric(10) GENERATED ALWAYS AS (a * 2) STORED";
      case "UNSUPPORTED" -> "xml";
      case "DOUBLE" -> "float8";
      case "INTEGER" -> "integer";
      default -> logical.replace("VARCHAR2", "varchar"); // VARCHAR2(n), CHAR(n)
    };
  }

  @Override
  public void createTrigger(String table) throws SQLException {
    exec("CREATE OR REPLACE FUNCTION app.noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
        "CREATE TRIGGER " + table + "_noop BEFORE INSERT ON app." + table + " FOR EACH ROW EXECUTE FUNCTION app.noop()");
  }

  /** Runs the script with psql, unchanged, as a DBA would; over JDBC where psql is not installed. */
  @Override
  public void runScript(Path script) throws Exception {
    String psql = findPsql();
    if (psql == null) {
      try (Connection c = connect()) {
        ScriptRunner.run(c, script);
      }
      return;
    }
    Process p = new ProcessBuilder(psql, "-X", "-q", "-h", HOST, "-p", PORT, "-U", ADMIN_USER, "-d", database,
        "-f", script.toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("psql failed on " + script + ": " + output);
    }
  }

  private static String findPsql() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File f = new File(dir, "psql");
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    return null;
  }
}
