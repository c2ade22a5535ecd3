package io.dbcompare.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The live-source tests' replica: what it replays makes the target equal to the source, exactly once. */
class TriggerReplicaTest {
  private static PgTestDb source;
  private static PgTestDb target;

  @BeforeAll
  static void databases() throws Exception {
    source = PgTestDb.create("replica_src");
    target = PgTestDb.create("replica_tgt");
  }

  @AfterAll
  static void drop() throws Exception {
    if (source != null) {
      source.drop();
      target.drop();
    }
  }

  @Test
  void changesReachTheTargetOnlyWhenReplayedAndThenExactly() throws Exception {
    for (PgTestDb db : new PgTestDb[] {source, target}) {
      db.exec("CREATE TABLE app.acct (id int PRIMARY KEY, name varchar(20), balance numeric(12,2))",
          "INSERT INTO app.acct SELECT g, 'n' || g, g FROM generate_series(1, 100) g");
    }
    try (TriggerReplica replica = TriggerReplica.install(source, target, 0, "acct")) {
      source.exec("UPDATE app.acct SET balance = balance + 1 WHERE id <= 10",
          "DELETE FROM app.acct WHERE id BETWEEN 20 AND 24",
          "INSERT INTO app.acct VALUES (1000, 'new', 5)",
          "UPDATE app.acct SET id = 2000 WHERE id = 50");
      assertTrue(TriggerReplica.pendingChanges(source) >= 17);
      assertNotEquals(digest(source), digest(target), "nothing is replayed before the replica runs");
      assertEquals(4, replica.drain(), "one replayed transaction per source statement");
      assertEquals(digest(source), digest(target));
      assertEquals(0, TriggerReplica.pendingChanges(source));
    }
  }

  static String digest(TestDb db) throws Exception {
    try (Connection c = db.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT md5(string_agg(a::text, ',' ORDER BY id)) FROM app.acct a")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
