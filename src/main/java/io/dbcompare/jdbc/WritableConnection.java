package io.dbcompare.jdbc;

import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.vendor.DatabaseType;
import io.dbcompare.vendor.DatabaseTypes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The one connection that may write: used by {@code --apply} (to run reviewed sync scripts on the
 * target) and {@code --repair} (to write the differing rows), never by comparing (its pools stay
 * read-only). Auto-commit is off; the caller commits each batch or chunk.
 */
public final class WritableConnection {
  /** The program name a DBA sees for the apply's connection (PostgreSQL application_name...). */
  public static final String APPLY = "table-compare-apply";
  /** The program name of the repair's connection. */
  public static final String REPAIR = "table-compare-repair";

  private WritableConnection() {}

  public static Connection open(DatabaseConfig db, Dialect dialect, int connectTimeoutSeconds) {
    return open(db, dialect, connectTimeoutSeconds, APPLY);
  }

  /** @param program {@link #APPLY} or {@link #REPAIR}: what the connection is for */
  public static Connection open(DatabaseConfig db, Dialect dialect, int connectTimeoutSeconds, String program) {
    String purpose = program.equals(REPAIR) ? "repair tables" : "apply scripts";
    DatabaseType type = DatabaseTypes.of(db);
    Properties props = new Properties();
    props.putAll(db.properties());
    type.addConnectionProperties(props, connectTimeoutSeconds, program);
    if (db.username() != null) {
      props.setProperty("user", db.username());
    }
    if (db.password() != null) {
      props.setProperty("password", db.password());
    }
    String url = type.connectUrl(db.url(), connectTimeoutSeconds);
    Connection c;
    try {
      c = java.sql.DriverManager.getDriver(url).connect(url, props);
      if (c == null) {
        throw new SQLException("no driver accepts the URL");
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "connecting to " + db.describe() + " to " + purpose, db);
    }
    try {
      c.setAutoCommit(false);
      c.setReadOnly(false);
      try (Statement st = c.createStatement()) {
        for (String sql : dialect.sessionSetup()) {
          st.execute(sql);
        }
      }
      c.commit();
      return c;
    } catch (SQLException e) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // the error below says what failed
      }
      throw SqlErrors.translate(e, "preparing the session to " + purpose, db);
    }
  }
}
