package io.dbcompare.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.testcontainers.containers.OracleContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The behaviour suite against Oracle XE in a container: source and target are two users (schemas) of
 * one database, mapped with target_table. Runs wherever Docker runs; skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class OracleBehaviourTest extends AbstractBehaviourSuite {
  @Container
  static final OracleContainer ORACLE = new OracleContainer("gvenzl/oracle-xe:21-slim-faststart");

  @Override
  protected DatabasePair createDatabases() {
    OracleTestDb source = new OracleTestDb(ORACLE, "CMP_SRC", "Src_pw_4711");
    OracleTestDb target = new OracleTestDb(ORACLE, "CMP_TGT", "Tgt_pw_4712");
    return new DatabasePair() {
      @Override
      public TestDb source() {
        return source;
      }

      @Override
      public TestDb target() {
        return target;
      }

      /** Both users dropped and created again: every test starts from empty schemas. */
      @Override
      public void reset(Path folder) throws Exception {
        try (Connection c = DriverManager.getConnection(ORACLE.getJdbcUrl(), "system", ORACLE.getPassword());
            Statement st = c.createStatement()) {
          for (OracleTestDb db : new OracleTestDb[] {source, target}) {
            try {
              st.execute("DROP USER " + db.user() + " CASCADE");
            } catch (java.sql.SQLException e) {
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
}
