package io.dbcompare.jdbc;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.ColumnSpec;
import io.dbcompare.compare.DeclaredSize;
import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableRef;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.compare.ValueKind;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.DatabaseFacts;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.Dialects;
import io.dbcompare.sync.Golden;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The push-down queries (checksum, key + hash stream, the two samples) of a composite-key table per
 * platform, compared with {@code golden/pushdown_<platform>.sql}. Oracle's show NO_MERGE in the hashed
 * views and no count of negative slices (issue 9 item 8), and the scientific-notation check on an
 * unconstrained NUMBER (item 4); the others keep their shape.
 */
class PushdownSqlGoldenTest {
  /** Per platform: the type names of a key number, a text and an unconstrained number. */
  static final Map<Platform, List<String>> TYPES = Map.of(
      Platform.ORACLE, List.of("NUMBER", "VARCHAR2", "NUMBER"),
      Platform.POSTGRESQL, List.of("int8", "varchar", "numeric"),
      Platform.H2, List.of("BIGINT", "CHARACTER VARYING", "NUMERIC"));

  static TableSpec table(Platform p) {
    List<String> ty = TYPES.get(p);
    DeclaredSize id = new DeclaredSize(10, 0);
    List<ColumnSpec> cols = List.of(
        new ColumnSpec("ID", "ID", ValueKind.NUMBER, ty.get(0), ty.get(0), true, id, id),
        new ColumnSpec("Region", "Region", ValueKind.TEXT, ty.get(1), ty.get(1), true),
        new ColumnSpec("ORDER", "ORDER", ValueKind.TEXT, ty.get(1), ty.get(1), false),
        new ColumnSpec("AMOUNT", "AMOUNT", ValueKind.NUMBER, ty.get(2), ty.get(2), false));
    return new TableSpec("HR_Mixed Case", "HR.Mixed Case", new TableRef("HR", "Mixed Case"),
        new TableRef("HR", "Mixed Case"), cols, 2, Optional.empty(), false);
  }

  static DatabaseFacts facts(Platform p) {
    return p == Platform.ORACLE ? DatabaseFacts.ORACLE_AL32UTF8 : DatabaseFacts.UTF8;
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void matchesGolden(Platform p) throws IOException {
    Dialect d = Dialects.of(p);
    TableSpec t = table(p);
    StringBuilder sb = new StringBuilder();
    ChunkBounds middle = RangeSqlGoldenTest.MIDDLE;
    for (boolean nativeHash : p == Platform.POSTGRESQL ? List.of(false, true) : List.of(false)) {
      PushdownQueries q = PushdownQueries.of(t, Side.SOURCE, d, nativeHash, facts(p)).queries();
      String hash = nativeHash ? " (native hash)" : "";
      add(sb, "checksum" + hash, q.checksum(middle));
      add(sb, "key + hash stream" + hash, q.hashes(middle));
    }
    if (p != Platform.H2) {
      // both sides this platform with the same column types: each row's own text (issue 13)
      PushdownQueries n = PushdownQueries.of(t, Side.SOURCE, d, p == Platform.POSTGRESQL, facts(p), true).queries();
      add(sb, "checksum (native row text)", n.checksum(middle));
      add(sb, "key + hash stream (native row text)", n.hashes(middle));
      add(sb, "sample (native row text)", n.sample(middle, 64));
    }
    PushdownQueries q = PushdownQueries.of(t, Side.SOURCE, d, false, facts(p)).queries();
    add(sb, "sample", q.sample(middle, 64));
    add(sb, "sample of non-ASCII rows", q.nonAsciiSample(middle, 64));
    Golden.check("pushdown_" + p.name().toLowerCase(Locale.ROOT) + ".sql", sb.toString());
  }

  private static void add(StringBuilder sb, String title, RangeSql.Query q) {
    sb.append("-- ").append(title).append('\n').append(q.sql()).append(";\n-- binds: ")
        .append(RangeSqlGoldenTest.binds(q.binds())).append("\n\n");
  }
}
