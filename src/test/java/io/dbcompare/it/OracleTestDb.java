package io.dbcompare.it;

import io.dbcompare.config.Platform;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.OracleContainer;
import org.testcontainers.utility.MountableFile;

/** A schema (user) in an Oracle XE container; sync scripts run through SQL*Plus inside the container. */
public final class OracleTestDb implements TestDb {
  /** The image every Oracle suite runs on. */
  static final String IMAGE = "gvenzl/oracle-xe:21-slim-faststart";
  private static final Pattern NUMBER = Pattern.compile("NUMBER\\((\\d+)(?:,(\\d+))?\\)");
  private final OracleContainer container;
  private final String user;
  private final String password;

  OracleTestDb(OracleContainer container, String user, String password) {
    this.container = container;
    this.user = user;
    this.password = password;
  }

  @Override
  public Platform platform() {
    return Platform.ORACLE;
  }

  @Override
  public String url() {
    return container.getJdbcUrl();
  }

  @Override
  public String user() {
    return user;
  }

  @Override
  public String password() {
    return password;
  }

  @Override
  public String schema() {
    return user.toUpperCase(java.util.Locale.ROOT);
  }

  @Override
  public String type(String logical) {
    Matcher m = NUMBER.matcher(logical);
    if (m.matches()) {
      return logical;
    }
    return switch (logical) {
      case "TS9" -> "TIMESTAMP(9)";
      case "TSTZ" -> "TIMESTAMP(9) WITH TIME ZONE";
      case "TEXT" -> "VARCHAR2(4000)";
      case "BIGTEXT" -> "CLOB";
      case "BYTES" -> "RAW(200)";
      case "BIGBYTES" -> "BLOB";
      case "IDENTITY_ALWAYS" -> "NUMBER GENERATED ALWAYS AS IDENTITY";
      case "DOUBLED_A" -> "NUMBER GENERATED ALWAYS AS (A * 2) VIRTUAL";
      case "UNSUPPORTED" -> "BFILE";
      case "DOUBLE" -> "BINARY_DOUBLE";
      case "INTEGER" -> "NUMBER(10)";
      default -> logical;
    };
  }

  @Override
  public void createTrigger(String table) throws java.sql.SQLException {
    exec("CREATE TRIGGER " + schema() + "." + table + "_NOOP BEFORE INSERT ON " + schema() + "." + table
        + " FOR EACH ROW BEGIN NULL; END;");
  }

  /** Runs the script unchanged in SQL*Plus, as a DBA would; fails on the first error it reports. */
  @Override
  public void runScript(Path script) throws Exception {
    // the whole folder: a master script runs its parts (@@) from the folders beside it
    String folder = "/tmp/scripts_" + System.nanoTime();
    container.copyFileToContainer(MountableFile.forHostPath(script.toAbsolutePath().getParent()), folder);
    String inContainer = folder + "/" + script.getFileName();
    String connect = user + "/\"" + password + "\"@//localhost:1521/" + container.getDatabaseName();
    ExecResult r = container.execInContainer("bash", "-c", "echo EXIT | sqlplus -s -L '" + connect + "' @" + inContainer);
    if (r.getExitCode() != 0 || r.getStdout().contains("ORA-") || r.getStdout().contains("SP2-")) {
      throw new AssertionError("SQL*Plus failed on " + script + " (exit " + r.getExitCode() + "): " + r.getStdout()
          + r.getStderr());
    }
  }
}
