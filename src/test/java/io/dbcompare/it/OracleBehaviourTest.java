package io.dbcompare.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.containers.OracleContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The behaviour suite against Oracle XE in a container: source and target are two users (schemas) of
 * one database, mapped with target_table. Runs wherever Docker runs; skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OracleBehaviourTest extends AbstractBehaviourSuite {
  @Container
  static final OracleContainer ORACLE = new OracleContainer("gvenzl/oracle-xe:21-slim-faststart");

  private OracleTestDb source;
  private OracleTestDb target;

  @BeforeAll
  void users() throws Exception {
    source = new OracleTestDb(ORACLE, "CMP_SRC", "Src_pw_4711");
    target = new OracleTestDb(ORACLE, "CMP_TGT", "Tgt_pw_4712");
  }

  /** Each test starts from empty schemas, so no test depends on another. */
  @BeforeEach
  void emptySchemas() throws Exception {
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
        st.execute("GRANT CREATE SESSION, CREATE TABLE TO " + db.user());
      }
    }
  }

  @Override
  protected TestDb source() {
    return source;
  }

  @Override
  protected TestDb target() {
    return target;
  }
}
