package io.dbcompare.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dbcompare.compare.ChunkBounds;
import io.dbcompare.compare.Side;
import io.dbcompare.config.Platform;
import io.dbcompare.dialect.Dialects;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the driver receives for a DATE key (issue 9, item 1): the LocalDateTime itself through
 * {@code setObject} (ojdbc sends it as TIMESTAMP), at a placeholder written {@code CAST(? AS DATE)}, so
 * Oracle compares DATE with DATE and keeps the column bare for its index.
 */
class DateKeyBindTest {

  /** A PreparedStatement that records its set* calls. */
  static PreparedStatement recorder(List<String> calls) {
    return (PreparedStatement) Proxy.newProxyInstance(DateKeyBindTest.class.getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
          if (method.getName().startsWith("set")) {
            calls.add(method.getName() + "(" + args[0] + ", " + args[1].getClass().getSimpleName() + " " + args[1] + ")");
          }
          return null;
        });
  }

  @Test
  void aDateKeyReachesTheDriverAsTheLocalDateTimeAtACastPlaceholder() throws Exception {
    LocalDateTime day = LocalDateTime.of(2024, 3, 1, 0, 0);
    LocalDateTime later = LocalDateTime.of(2024, 3, 9, 17, 30, 5);
    ChunkBounds b = new ChunkBounds(1, new Object[] {day, "M"}, new Object[] {later, "O'Brien"});
    RangeSql.Query q = RangeSql.chunkQuery(OracleQueryShapesGoldenTest.table(), Side.TARGET, Dialects.of(Platform.ORACLE), b);
    List<String> calls = new ArrayList<>();
    PreparedStatement ps = recorder(calls);
    for (int i = 0; i < q.binds().size(); i++) {
      Values.bind(ps, i + 1, q.binds().get(i));
    }
    assertEquals(List.of("setObject(1, LocalDateTime 2024-03-01T00:00)", "setObject(2, LocalDateTime 2024-03-01T00:00)",
        "setObject(3, LocalDateTime 2024-03-01T00:00)", "setString(4, String M)",
        "setObject(5, LocalDateTime 2024-03-09T17:30:05)", "setObject(6, LocalDateTime 2024-03-09T17:30:05)",
        "setObject(7, LocalDateTime 2024-03-09T17:30:05)", "setString(8, String O'Brien)"), calls);
    // each of those DATE values sits at a CAST(? AS DATE) placeholder, in the same order
    String where = q.sql().substring(q.sql().indexOf(" WHERE "));
    List<String> placeholders = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("CAST\\(\\? AS DATE\\)|\\?").matcher(where);
    while (m.find()) {
      placeholders.add(m.group());
    }
    assertEquals(List.of("CAST(? AS DATE)", "CAST(? AS DATE)", "CAST(? AS DATE)", "?",
        "CAST(? AS DATE)", "CAST(? AS DATE)", "CAST(? AS DATE)", "?"), placeholders);
  }
}
