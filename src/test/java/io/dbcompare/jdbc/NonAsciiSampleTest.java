package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.FetchStats;
import io.dbcompare.compare.RowHasher;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.DatabaseFacts;
import io.dbcompare.dialect.Dialects;
import io.dbcompare.it.PgTestDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A database whose SQL counts text in another encoding than UTF-8 encodes ASCII text like Java and
 * non-ASCII text differently (issue 9, item 3). A PostgreSQL database in LATIN1 shows both halves: its
 * text is kept out of push-down, and the sample of non-ASCII rows finds the difference that the first
 * 64 rows (all ASCII) hide.
 */
class NonAsciiSampleTest {

  @Test
  void latin1TextIsHashedInJavaAndOnlyTheNonAsciiSampleSeesWhy() throws Exception {
    PgTestDb.create("tc_nonascii_probe_" + ProcessHandle.current().pid()).drop(); // skips without a server
    String name = "tc_latin1_" + ProcessHandle.current().pid();
    String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
    try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      st.execute("CREATE DATABASE " + name + " ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
    }
    String url = "jdbc:postgresql://127.0.0.1:5432/" + name;
    try {
      try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement st = c.createStatement()) {
        st.execute("CREATE TABLE public.t (id int PRIMARY KEY, s varchar(20))");
        st.execute("INSERT INTO public.t SELECT g, 'ascii ' || g FROM generate_series(1, 100) g");
        st.execute("INSERT INTO public.t VALUES (101, 'caf\u00e9'), (102, 'na\u00efve')");
      }
      TableSpec t = new TableSpec("public_t", "public.t", new TableRef("public", "t"), new TableRef("public", "t"),
          List.of(new ColumnSpec("id", "id", ValueKind.NUMBER, "int4", "int4", true),
              new ColumnSpec("s", "s", ValueKind.TEXT, "varchar", "varchar", false)), 1, Optional.empty(), false);
      DatabaseConfig db = new DatabaseConfig("source", url, "postgres", "", Platform.POSTGRESQL, Map.of());
      try (Pools pools = new Pools(new ConnectionPool(db, Dialects.of(Platform.POSTGRESQL), 2, 10),
          new ConnectionPool(new DatabaseConfig("target", url, "postgres", "", Platform.POSTGRESQL, Map.of()),
              Dialects.of(Platform.POSTGRESQL), 2, 10))) {
        assertEquals("LATIN1", pools.source().facts().characterSet());
        // the canonical encoding (across platforms): LATIN1 text is not pushed down
        String blocker = JdbcHashPushdown.withDigest(pools, 100, new FetchStats()).blocker(t);
        assertNotNull(blocker, "LATIN1 text must not be pushed down");
        assertTrue(blocker.contains("column s (varchar) is hashed in Java: the server encoding LATIN1 is not UTF8"), blocker);

        // between two LATIN1 databases each row's own values are hashed: the same bytes are the same characters
        JdbcHashPushdown same = new JdbcHashPushdown(pools, 100, new FetchStats());
        assertNull(same.blocker(t));
        assertTrue(same.hashing(t).startsWith("each row's own values hashed"), same.hashing(t));
        assertNull(same.verify(t, Side.SOURCE, RangeSqlGoldenTest.ONLY));

        // The queries as a UTF-8 database would get them: the first rows agree, the non-ASCII ones do not.
        PushdownQueries q = PushdownQueries.of(t, Side.SOURCE, Dialects.of(Platform.POSTGRESQL), false, DatabaseFacts.UTF8)
            .queries();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
          assertEquals(0, mismatches(c, t, q.sample(RangeSqlGoldenTest.ONLY, 64)), "64 ASCII rows encode alike");
          assertEquals(2, mismatches(c, t, q.nonAsciiSample(RangeSqlGoldenTest.ONLY, 64)), "octet_length counts LATIN1 bytes");
        }
        // and the push-down check reads that second sample: it reports the first non-ASCII row
        String why = new JdbcHashPushdown(pools, 100, new FetchStats(), false, side -> DatabaseFacts.UTF8)
            .verify(t, Side.SOURCE, RangeSqlGoldenTest.ONLY);
        assertNotNull(why, "a check of the first 64 rows alone passes");
        assertTrue(why.startsWith("row (id=101): the source database encodes 'V3:101V4:caf"), why);
      }
    } finally {
      try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement st = c.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  /** Rows whose database encoding differs from the Java reference. */
  static int mismatches(Connection c, TableSpec t, RangeSql.Query q) throws Exception {
    RowHasher reference = new RowHasher(t.kinds());
    int n = 0;
    int rows = 0;
    try (PreparedStatement ps = c.prepareStatement(q.sql())) {
      for (int i = 0; i < q.binds().size(); i++) {
        Values.bind(ps, i + 1, q.binds().get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Object[] values = Values.readRow(rs, t, Side.SOURCE, Values.readers(t, Side.SOURCE, Dialects.of(Platform.POSTGRESQL)));
          rows++;
          if (!reference.encode(values).equals(rs.getString(values.length + 1))) {
            n++;
          }
        }
      }
    }
    assertTrue(rows > 0, "the sample found rows: " + q.sql());
    return n;
  }
}
