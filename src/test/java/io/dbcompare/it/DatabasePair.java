package io.dbcompare.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.testcontainers.containers.OracleContainer;

/**
 * A source and a target database for a suite, with their lifecycle: created once per test class,
 * emptied before each test (so no test depends on another), dropped at the end.
 */
public abstract class DatabasePair implements AutoCloseable {
  public abstract TestDb source();

  public abstract TestDb target();

  /** Empty databases for the next test; {@code folder} is a fresh temporary folder of that test. */
  public abstract void reset(Path folder) throws Exception;

  @Override
  public void close() throws Exception {
    // nothing to drop by default
  }

  /** Two H2 file databases in Oracle mode, new for every test. */
  public static DatabasePair h2() {
    return new DatabasePair() {
      private H2TestDb source;
      private H2TestDb target;

      @Override
      public TestDb source() {
        return source;
      }

      @Override
      public TestDb target() {
        return target;
      }

      @Override
      public void reset(Path folder) throws Exception {
        source = h2File(folder.resolve("source"));
        target = h2File(folder.resolve("target"));
      }
    };
  }

  /** Two databases of the local PostgreSQL server (skipped, or failed in CI, without one). */
  public static DatabasePair postgres(String prefix) throws Exception {
    String suffix = suffix();
    PgTestDb source = PgTestDb.create(prefix + "_src_" + suffix);
    PgTestDb target = PgTestDb.create(prefix + "_tgt_" + suffix);
    return new DatabasePair() {
      @Override
      public TestDb source() {
        return source;
      }

      @Override
      public TestDb target() {
        return target;
      }

      @Override
      public void reset(Path folder) throws Exception {
        emptySchema(source);
        emptySchema(target);
      }

      @Override
      public void close() throws Exception {
        source.drop();
        target.drop();
      }
    };
  }

  /** A migration: H2 in Oracle mode as the source, the local PostgreSQL server as the target. */
  public static DatabasePair h2ToPostgres(String prefix) throws Exception {
    PgTestDb target = PgTestDb.create(prefix + "_mix_" + suffix());
    return new DatabasePair() {
      private H2TestDb source;

      @Override
      public TestDb source() {
        return source;
      }

      @Override
      public TestDb target() {
        return target;
      }

      @Override
      public void reset(Path folder) throws Exception {
        source = h2File(folder.resolve("source"));
        emptySchema(target);
      }

      @Override
      public void close() throws Exception {
        target.drop();
      }
    };
  }

  /**
   * Two users (schemas) of one Oracle XE container, mapped with target_table; both are dropped and
   * created again for every test, so each starts from empty schemas.
   */
  public static DatabasePair oracle(OracleContainer container) {
    OracleTestDb source = new OracleTestDb(container, "CMP_SRC", "Src_pw_4711");
    OracleTestDb target = new OracleTestDb(container, "CMP_TGT", "Tgt_pw_4712");
    return new DatabasePair() {
      @Override
      public TestDb source() {
        return source;
      }

      @Override
      public TestDb target() {
        return target;
      }

      @Override
      public void reset(Path folder) throws Exception {
        try (Connection c = DriverManager.getConnection(container.getJdbcUrl(), "system", container.getPassword());
            Statement st = c.createStatement()) {
          for (OracleTestDb db : new OracleTestDb[] {source, target}) {
            try {
              st.execute("DROP USER " + db.user() + " CASCADE");
            } catch (SQLException e) {
              if (e.getErrorCode() != 1918) { // ORA-01918: user does not exist
                throw e;
              }
            }
            st.execute("CREATE USER " + db.user() + " IDENTIFIED BY \"" + db.password() + "\" QUOTA UNLIMITED ON USERS");
            st.execute("GRANT CREATE SESSION, CREATE TABLE, CREATE TRIGGER TO " + db.user());
          }
        }
      }
    };
  }

  private static H2TestDb h2File(Path file) throws Exception {
    H2TestDb db = new H2TestDb(file);
    db.exec("CREATE SCHEMA APP");
    return db;
  }

  private static void emptySchema(PgTestDb db) throws Exception {
    db.exec("DROP SCHEMA IF EXISTS app CASCADE", "CREATE SCHEMA app");
  }

  private static String suffix() {
    return Long.toHexString(System.nanoTime() & 0xffffffL) + "_" + ProcessHandle.current().pid();
  }
}
