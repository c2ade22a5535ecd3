package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dbcompare.compare.Side;
import io.dbcompare.compare.TableSpec;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.Dialect;
import io.dbcompare.dialect.Dialects;
import io.dbcompare.sync.Golden;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The push-down queries of speed round 2 for the composite-key table of {@link PushdownSqlGoldenTest}
 * per platform, compared with {@code golden/pushdown_buckets_<platform>.sql}: the checksums of three
 * consecutive chunks in one query (one UNION ALL branch per chunk, each with the bound predicates of its
 * chunk range, so each reads its range through the key's index), the per-bucket checksums of a
 * chunk, and the key + hash stream of some buckets. Oracle's slices are unsigned (one MOD), the others'
 * signed (a second MOD brings them into range). With each row's own text (a same-platform pair), the
 * bucket comes from the key columns' own text, never from the row's, and composite keys work.
 */
class BucketSqlGoldenTest {

  @ParameterizedTest
  @EnumSource(Platform.class)
  void matchesGolden(Platform p) throws IOException {
    Dialect d = Dialects.of(p);
    TableSpec t = PushdownSqlGoldenTest.table(p);
    StringBuilder sb = new StringBuilder();
    for (boolean nativeHash : p == Platform.POSTGRESQL ? List.of(false, true) : List.of(false)) {
      PushdownQueries q = PushdownQueries.of(t, Side.SOURCE, d, nativeHash, PushdownSqlGoldenTest.facts(p)).queries();
      String hash = nativeHash ? " (native hash)" : "";
      add(sb, "checksums of three consecutive chunks" + hash, q.chunkChecksums(List.of(RangeSqlGoldenTest.FIRST,
          RangeSqlGoldenTest.MIDDLE, RangeSqlGoldenTest.LAST)));
      add(sb, "bucket checksums" + hash, q.bucketChecksums(RangeSqlGoldenTest.MIDDLE, 256));
      add(sb, "second level: 4,096 bucket checksums of the rows of two differing buckets of 256" + hash,
          q.bucketChecksums(RangeSqlGoldenTest.MIDDLE, 4096, 256, List.of(3, 200)));
      add(sb, "key + hash stream of three buckets" + hash,
          q.hashesInBuckets(RangeSqlGoldenTest.MIDDLE, 256, List.of(3, 17, 200)));
    }
    if (p != Platform.H2) {
      // a same-platform pair hashing each row's own text: buckets from the key columns' own text alone
      PushdownQueries q = PushdownQueries.of(t, Side.SOURCE, d, p == Platform.POSTGRESQL, PushdownSqlGoldenTest.facts(p),
          true).queries();
      add(sb, "bucket checksums (row's own text)", q.bucketChecksums(RangeSqlGoldenTest.MIDDLE, 256));
      add(sb, "second level (row's own text)", q.bucketChecksums(RangeSqlGoldenTest.MIDDLE, 4096, 256, List.of(3, 200)));
      add(sb, "key + hash stream of three buckets (row's own text)",
          q.hashesInBuckets(RangeSqlGoldenTest.MIDDLE, 256, List.of(3, 17, 200)));
    }
    Golden.check("pushdown_buckets_" + p.name().toLowerCase(Locale.ROOT) + ".sql", sb.toString());
  }

  @Test
  void bucketCountsArePowersOfTwoAndWantedBucketsInRange() {
    PushdownQueries q = PushdownQueries.of(PushdownSqlGoldenTest.table(Platform.ORACLE), Side.SOURCE,
        Dialects.of(Platform.ORACLE), false, PushdownSqlGoldenTest.facts(Platform.ORACLE)).queries();
    assertThrows(IllegalArgumentException.class, () -> q.bucketChecksums(RangeSqlGoldenTest.MIDDLE, 100));
    assertThrows(IllegalArgumentException.class, () -> q.bucketChecksums(RangeSqlGoldenTest.MIDDLE, 4096, 3000, List.of(1)));
    assertThrows(IllegalArgumentException.class, () -> q.bucketChecksums(RangeSqlGoldenTest.MIDDLE, 4096, 256, List.of()));
    assertThrows(IllegalArgumentException.class, () -> q.hashesInBuckets(RangeSqlGoldenTest.MIDDLE, 64, List.of(64)));
    assertThrows(IllegalArgumentException.class, () -> q.hashesInBuckets(RangeSqlGoldenTest.MIDDLE, 64, List.of()));
  }

  private static void add(StringBuilder sb, String title, RangeSql.Query q) {
    sb.append("-- ").append(title).append('\n').append(q.sql()).append(";\n-- binds: ")
        .append(RangeSqlGoldenTest.binds(q.binds())).append("\n\n");
  }
}
