package io.dbcompare.it;

import io.dbcompare.config.Platform;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** An H2 file database in Oracle mode, as the embedded default uses it. */
public final class H2TestDb implements TestDb {
  private final Path file;

  public H2TestDb(Path file) {
    this.file = file;
  }

  @Override
  public Platform platform() {
    return Platform.H2;
  }

  @Override
  public String url() {
    return "jdbc:h2:file:" + file + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH";
  }

  /** Auto-server mode: the first process to open the file serves the others over TCP. */
  @Override
  public String sharedUrl() {
    return url() + ";AUTO_SERVER=TRUE";
  }

  @Override
  public String user() {
    return "sa";
  }

  @Override
  public String password() {
    return "h2-secret-pw";
  }

  @Override
  public String schema() {
    return "APP";
  }

  @Override
  public String type(String logical) {
    return switch (logical) {
      case "TS9" -> "TIMESTAMP(9)";
      case "TSTZ" -> "TIMESTAMP(9) WITH TIME ZONE";
      case "TEXT" -> "VARCHAR2(4000)";
      case "BIGTEXT" -> "CLOB";
      case "BYTES" -> "RAW(200)";
      case "BIGBYTES" -> "BLOB";
      case "IDENTITY_ALWAYS" -> "BIGINT GENERATED ALWAYS AS IDENTITY";
      case "DOUBLED_A" -> "NUMBER(10) GENERATED ALWAYS AS (A * 2)";
      case "UNSUPPORTED" -> "INTERVAL DAY TO SECOND";
      case "DOUBLE" -> "BINARY_DOUBLE";
      default -> logical; // NUMBER(p,s), INTEGER, VARCHAR2(n), CHAR(n), DATE
    };
  }

  @Override
  public void createTrigger(String table) throws SQLException {
    exec("CREATE TRIGGER " + schema() + "." + table + "_NOOP BEFORE INSERT ON " + schema() + "." + table
        + " FOR EACH ROW CALL '" + NoopTrigger.class.getName() + "'");
  }

  @Override
  public void runScript(Path script) throws Exception {
    try (Connection c = connect()) {
      ScriptRunner.run(c, script);
    }
  }
}
