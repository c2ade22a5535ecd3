package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.FetchStats;
import io.dbcompare.compare.Row;
import io.dbcompare.compare.RowCursor;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.dialect.Dialects;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The equivalence check of the native row text (issue 13) on a real database: per type, every pair of
 * its edge values is one row, the first value in the source table and the second in the target table;
 * equal native hashes must mean equal canonical values, and the types where equal values print
 * differently (confirmed, never reported) are returned.
 */
final class NativeRowEquivalence {
  /** A column type as CREATE TABLE writes it, as the catalog reports it, its kind and its edge values (SQL). */
  record Type(String ddl, String name, ValueKind kind, List<String> values) {}

  private NativeRowEquivalence() {}

  /**
   * @param schema the schema the tables are created in (as the catalog spells it)
   * @param idType the key column's DDL type and catalog name
   * @param cast how a value literal is written into the DDL type ({@code v::type}, {@code CAST(v AS type)})
   * @param hashPrefix how the chosen hash is reported ({@code each row's own text hashed: ...})
   */
  static Set<String> check(Connection c, DatabaseConfig cfg, String schema, String idType, List<Type> types,
      java.util.function.BiFunction<String, String, String> cast, String hashPrefix) throws Exception {
    try (Statement st = c.createStatement()) {
      for (int i = 0; i < types.size(); i++) {
        Type ty = types.get(i);
        List<String> v = ty.values();
        for (String side : List.of("SRC", "TGT")) {
          st.execute("CREATE TABLE " + schema + ".\"" + side + i + "\" (\"ID\" " + idType + " PRIMARY KEY, \"V\" "
              + ty.ddl() + ")");
          for (int a = 0; a < v.size(); a++) {
            for (int b = 0; b < v.size(); b++) {
              st.execute("INSERT INTO " + schema + ".\"" + side + i + "\" VALUES (" + (a * v.size() + b) + ", "
                  + cast.apply(side.equals("SRC") ? v.get(a) : v.get(b), ty.ddl()) + ")");
            }
          }
        }
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
    Set<String> representation = new TreeSet<>();
    try (Pools pools = new Pools(new ConnectionPool(cfg, Dialects.of(cfg.platform()), 2, 10),
        new ConnectionPool(cfg, Dialects.of(cfg.platform()), 2, 10))) {
      JdbcHashPushdown pushdown = new JdbcHashPushdown(pools, 100, new FetchStats());
      JdbcRowSource rows = new JdbcRowSource(pools, 100);
      ChunkBounds all = new ChunkBounds(0, null, null);
      for (int i = 0; i < types.size(); i++) {
        Type ty = types.get(i);
        TableSpec t = spec(schema, i, idType, ty);
        assertNull(pushdown.nativeRowBlocker(t), ty.ddl() + ": same types on both sides take the native row text");
        assertNull(pushdown.blocker(t), ty.ddl());
        for (Side side : Side.values()) {
          assertNull(pushdown.verify(t, side, all), ty.ddl() + " " + side);
        }
        assertTrue(pushdown.hashing(t).startsWith(hashPrefix), pushdown.hashing(t));
        List<Row> sn = read(pushdown.openHashes(t, Side.SOURCE, all));
        List<Row> tn = read(pushdown.openHashes(t, Side.TARGET, all));
        List<Row> sj = read(rows.open(t, Side.SOURCE, all));
        List<Row> tj = read(rows.open(t, Side.TARGET, all));
        int n = ty.values().size() * ty.values().size();
        assertEquals(n, sn.size(), ty.ddl());
        assertEquals(n, tj.size(), ty.ddl());
        for (int r = 0; r < n; r++) {
          String pair = ty.ddl() + " " + ty.values().get(r / ty.values().size()) + " vs "
              + ty.values().get(r % ty.values().size());
          boolean nativeEqual = sn.get(r).hash().equals(tn.get(r).hash());
          boolean canonicalEqual = sj.get(r).hash().equals(tj.get(r).hash());
          if (nativeEqual) {
            assertTrue(canonicalEqual, pair + ": equal native hashes of values that differ");
          } else if (canonicalEqual) {
            representation.add(ty.ddl());
          }
        }
      }
    }
    return representation;
  }

  private static TableSpec spec(String schema, int i, String idType, Type ty) {
    return new TableSpec(schema + "_T" + i, schema + ".T" + i, new TableRef(schema, "SRC" + i),
        new TableRef(schema, "TGT" + i), List.of(new ColumnSpec("ID", "ID", ValueKind.NUMBER, idType, idType, true),
            new ColumnSpec("V", "V", ty.kind(), ty.name(), ty.name(), false)), 1, Optional.empty(), false);
  }

  static List<Row> read(RowCursor cursor) throws Exception {
    List<Row> out = new ArrayList<>();
    try (cursor) {
      Row r;
      while ((r = cursor.next()) != null) {
        out.add(r);
      }
    }
    return out;
  }
}
