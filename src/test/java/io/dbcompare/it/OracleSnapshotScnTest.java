package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbcompare.compare.CrashPoints;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.OracleContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@code snapshot: scn} on a real Oracle: two schemas of one database (one DBID, so the source's current
 * SCN is chosen). Rows changed after the SCN was taken do not change the result; a table without the
 * FLASHBACK privilege fails naming the GRANT; a user who cannot read V$DATABASE is refused at start
 * (exit 3) naming the GRANT. Runs wherever Docker runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class OracleSnapshotScnTest {
  @Container
  static final OracleContainer ORACLE = new OracleContainer(OracleTestDb.IMAGE);
  static final String OWNER = "SCN_OWNER";
  static final String CMP = "SCN_CMP";
  static final String BLIND = "SCN_BLIND";
  static final String PASSWORD = "Scn_pw_5521";

  @TempDir Path dir;

  @BeforeAll
  static void schema() throws SQLException {
    try (Connection c = DriverManager.getConnection(ORACLE.getJdbcUrl(), "system", ORACLE.getPassword());
        Statement st = c.createStatement()) {
      for (String u : List.of(OWNER, CMP, BLIND)) {
        st.execute("CREATE USER " + u + " IDENTIFIED BY \"" + PASSWORD + "\" QUOTA UNLIMITED ON USERS");
        st.execute("GRANT CREATE SESSION TO " + u);
      }
      st.execute("GRANT CREATE TABLE TO " + OWNER);
      st.execute("GRANT SELECT ANY DICTIONARY TO " + CMP); // V$DATABASE (the README asks for SELECT ON V_$DATABASE)
    }
    List<String> ddl = new java.util.ArrayList<>();
    for (String t : List.of("SRC", "TGT", "NOFB_SRC", "NOFB_TGT")) {
      ddl.add("CREATE TABLE " + t + " (ID NUMBER PRIMARY KEY, NAME VARCHAR2(20))");
      ddl.add("INSERT INTO " + t + " SELECT LEVEL, 'v' || LEVEL FROM DUAL CONNECT BY LEVEL <= 200");
    }
    ddl.add("COMMIT");
    for (String t : List.of("SRC", "TGT")) {
      ddl.add("GRANT SELECT, FLASHBACK ON " + t + " TO " + CMP);
      ddl.add("GRANT SELECT, FLASHBACK ON " + t + " TO " + BLIND);
    }
    for (String t : List.of("NOFB_SRC", "NOFB_TGT")) {
      ddl.add("GRANT SELECT ON " + t + " TO " + CMP);
    }
    as(OWNER, ddl.toArray(String[]::new));
  }

  private static void as(String user, String... sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(ORACLE.getJdbcUrl(), user, PASSWORD);
        Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  private Path config(String user, String source, String target) throws Exception {
    String db = "  url: \"" + ORACLE.getJdbcUrl() + "\"\n  username: " + user + "\n  password: \"" + PASSWORD + "\"\n";
    String yaml = "source_database:\n" + db + "target_database:\n" + db
        + "comparison:\n  chunk_size: 20\n  threads: 2\n  state_dir: state\n  checkpoint_dir: checkpoints\n"
        + "  output_dir: output\n  max_retries: 1\n  snapshot: { mode: scn }\n"
        + "tables:\n  - table_name: " + OWNER + "." + source + "\n    target_table: " + OWNER + "." + target + "\n";
    Path f = dir.resolve(user + "_" + source + ".yaml");
    Files.writeString(f, yaml, StandardCharsets.UTF_8);
    return f;
  }

  private JsonNode onlySession() throws Exception {
    try (Stream<Path> s = Files.list(dir.resolve("state"))) {
      List<Path> files = s.filter(p -> p.getFileName().toString().matches("oracle_session_.*\\.json")).toList();
      assertEquals(1, files.size(), files.toString());
      return new ObjectMapper().readTree(files.get(0).toFile());
    }
  }

  @Test
  void rowsChangedAfterTheScnWasTakenDoNotChangeTheResult() throws Exception {
    Path cfg = config(CMP, "SRC", "TGT");
    // paused once the SCN is recorded and the chunks are planned; no chunk is read yet
    PausedChild child = PausedChild.start(dir.resolve("child.out"), CrashPoints.PLAN_AFTER_SAVE + ":1",
        cfg.toString());
    child.awaitPause();
    as(OWNER, "UPDATE SRC SET NAME = 'changed' WHERE ID IN (5, 150)", "DELETE FROM TGT WHERE ID = 77",
        "INSERT INTO SRC VALUES (201, 'new')", "COMMIT");
    child.release();
    int exit = child.awaitExit();
    String output = child.output();
    assertEquals(0, exit, "both sides as of one SCN are identical: " + output);
    assertTrue(output.contains("Read point:  SCN "), output);
    String scn = onlySession().get("scn").get("scn").asText();
    assertTrue(output.contains("SCN " + scn + " on both sides"), output);

    CliRunner.Result now = CliRunner.run(config(CMP, "SRC", "TGT").toString());
    assertEquals(1, now.code(), "the changes were real: " + now.all());
  }

  @Test
  void aTableWithoutTheFlashbackPrivilegeFailsNamingTheGrant() throws Exception {
    CliRunner.Result r = CliRunner.run(config(CMP, "NOFB_SRC", "NOFB_TGT").toString());
    assertEquals(2, r.code(), r.all());
    assertTrue(r.all().contains("GRANT FLASHBACK ON " + OWNER + ".NOFB_SRC TO " + CMP), r.all());
  }

  @Test
  void aUserWhoCannotReadVDatabaseIsRefusedAtStart() throws Exception {
    CliRunner.Result r = CliRunner.run(config(BLIND, "SRC", "TGT").toString());
    assertEquals(3, r.code(), r.all());
    assertTrue(r.all().contains("GRANT SELECT ON SYS.V_$DATABASE TO " + BLIND), r.all());
    assertTrue(!Files.exists(dir.resolve("state")) || Files.list(dir.resolve("state")).findAny().isEmpty(),
        "no session was created");
  }
}
