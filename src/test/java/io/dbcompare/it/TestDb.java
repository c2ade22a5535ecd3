package io.dbcompare.it;

import io.dbcompare.config.Platform;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One database of a behaviour suite (source or target), with an administrative connection that the
 * test uses to build tables. The tool itself only reads through the URL and user given here.
 */
public interface TestDb {
  Platform platform();

  String url();

  String user();

  String password();

  /** The schema test tables live in. */
  String schema();

  /** The database type for a logical type used by the suite (see {@link AbstractBehaviourSuite}). */
  String type(String logical);

  /** Runs a generated sync script against this database, as a DBA would. */
  void runScript(Path script) throws Exception;

  /** Creates a trigger on a table that does nothing (it only has to exist). */
  void createTrigger(String table) throws SQLException;

  default Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), user(), password());
  }

  /**
   * A URL by which this process and a comparison in another process can use the database at the same
   * time (H2 file databases are opened by one process only, unless in auto-server mode).
   */
  default String sharedUrl() {
    return url();
  }

  /** Runs statements through {@link #sharedUrl()}, while a comparison in another process has it open. */
  default void execShared(String... sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(sharedUrl(), user(), password()); Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }

  default void exec(String... sql) throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }

  default String q(String table) {
    return "\"" + schema() + "\".\"" + table + "\"";
  }
}
