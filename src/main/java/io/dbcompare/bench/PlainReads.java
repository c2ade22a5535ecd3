package io.dbcompare.bench;

import io.dbcompare.bench.Bench.Measured;
import io.dbcompare.bench.BenchData.Planted;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The two yardsticks of the bench: the floor and a plain streaming merge, both without this tool. */
final class PlainReads {
  private PlainReads() {}

  /** Both databases read their whole table at the same time, on the server, into /dev/null. */
  static Measured floor(BenchData data, String source, String target) throws Exception {
    ExecutorService ex = Executors.newFixedThreadPool(2);
    try {
      long t0 = System.nanoTime();
      Future<?> a = ex.submit(() -> copyToNull(data, source));
      Future<?> b = ex.submit(() -> copyToNull(data, target));
      a.get();
      b.get();
      Measured r = new Measured();
      r.seconds = (System.nanoTime() - t0) / 1e9;
      r.fetchedNote = "0; 0 (read on the server)";
      return r;
    } finally {
      ex.shutdown();
    }
  }

  private static Void copyToNull(BenchData data, String db) throws SQLException {
    try (Connection c = data.connect(db); Statement st = c.createStatement()) {
      st.execute("COPY (SELECT * FROM t) TO '/dev/null'");
    }
    return null;
  }

  /**
   * One ordered JDBC stream per side (fetch size 10,000), merged by key in Java; values compared with
   * {@code equals} (numbers by {@code compareTo}); no checkpoints, no hashing. What an ad-hoc script
   * would do.
   */
  static Measured plainMerge(BenchData data, String source, String target) throws Exception {
    long t0 = System.nanoTime();
    try (Connection a = data.connect(source); Connection b = data.connect(target)) {
      a.setAutoCommit(false);
      b.setAutoCommit(false);
      try (PreparedStatement pa = a.prepareStatement("SELECT * FROM t ORDER BY id");
          PreparedStatement pb = b.prepareStatement("SELECT * FROM t ORDER BY id")) {
        pa.setFetchSize(10_000);
        pb.setFetchSize(10_000);
        ExecutorService ex = Executors.newSingleThreadExecutor();
        Future<ResultSet> fb = ex.submit((Callable<ResultSet>) pb::executeQuery);
        ResultSet ra = pa.executeQuery();
        ResultSet rb = fb.get();
        ex.shutdown();
        long missingInTarget = 0;
        long missingInSource = 0;
        long different = 0;
        long bytes = 0;
        long na = 0;
        long nb = 0;
        boolean ha = ra.next();
        boolean hb = rb.next();
        int cols = ra.getMetaData().getColumnCount();
        while (ha || hb) {
          long ka = ha ? ra.getLong(1) : Long.MAX_VALUE;
          long kb = hb ? rb.getLong(1) : Long.MAX_VALUE;
          if (ka < kb) {
            missingInTarget++;
            bytes += size(ra, cols);
            na++;
            ha = ra.next();
          } else if (kb < ka) {
            missingInSource++;
            bytes += size(rb, cols);
            nb++;
            hb = rb.next();
          } else {
            bytes += size(ra, cols) + size(rb, cols);
            for (int i = 2; i <= cols; i++) {
              Object x = ra.getObject(i);
              Object y = rb.getObject(i);
              boolean same = x instanceof BigDecimal dx && y instanceof BigDecimal dy ? dx.compareTo(dy) == 0
                  : Objects.equals(x, y);
              if (!same) {
                different++;
                break;
              }
            }
            na++;
            nb++;
            ha = ra.next();
            hb = rb.next();
          }
        }
        Measured r = new Measured();
        r.seconds = (System.nanoTime() - t0) / 1e9;
        r.fetched = new long[][] {{0, 0, na}, {0, 0, nb}};
        r.bytes = bytes;
        r.found = new Planted(missingInTarget, missingInSource, different);
        return r;
      }
    }
  }

  private static long size(ResultSet rs, int cols) throws SQLException {
    long n = 0;
    for (int i = 1; i <= cols; i++) {
      String s = rs.getString(i);
      n += s == null ? 1 : s.length() + 4;
    }
    return n;
  }
}
