package io.dbcompare.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Random;

/**
 * Builds the demo: two H2 databases in Oracle mode under a folder ({@code source} and {@code dr}) with
 * HR.EMPLOYEES (50,000 rows), SALES.CUSTOMERS (80,000) and SALES.ORDERS (200,000, composite key), and
 * a known set of differences in the DR copy, then writes {@code config.yaml} for them.
 *
 * <p>Differences per table: rows deleted from DR (missing in target), rows only in DR (missing in
 * source, some beyond both ends of the source's key range) and rows changed in DR (different).
 */
public final class DemoData {
  public static final int EMPLOYEES = 50_000;
  public static final int CUSTOMERS = 80_000;
  public static final int ORDERS = 200_000;

  /** Known differences per table, the same in every demo. */
  public static final int MISSING_IN_TARGET = 12;
  public static final int MISSING_IN_SOURCE = 10;
  public static final int DIFFERENT = 15;

  private DemoData() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "demo").toAbsolutePath();
    create(dir, 1.0);
    System.out.println("Demo databases and " + dir.resolve("config.yaml") + " are ready.");
  }

  /** Creates the databases and config; {@code scale} shrinks the row counts (tests use small ones). */
  public static void create(Path dir, double scale) throws SQLException, IOException {
    Files.createDirectories(dir);
    for (String f : new String[] {"source.mv.db", "dr.mv.db", "source.trace.db", "dr.trace.db"}) {
      Files.deleteIfExists(dir.resolve(f));
    }
    try (Connection src = DriverManager.getConnection(url(dir, "source"), "demo", "");
        Connection dr = DriverManager.getConnection(url(dir, "dr"), "demo", "")) {
      for (Connection c : new Connection[] {src, dr}) {
        try (Statement st = c.createStatement()) {
          st.execute("CREATE SCHEMA HR");
          st.execute("CREATE SCHEMA SALES");
          st.execute("CREATE TABLE HR.EMPLOYEES (EMPLOYEE_ID NUMBER(10) PRIMARY KEY, FIRST_NAME VARCHAR2(50),"
              + " LAST_NAME VARCHAR2(50) NOT NULL, EMAIL VARCHAR2(100), HIRE_DATE DATE, SALARY NUMBER(10,2),"
              + " COMMISSION_PCT NUMBER(4,2), DEPARTMENT_ID NUMBER(6))");
          st.execute("CREATE TABLE SALES.CUSTOMERS (CUSTOMER_ID NUMBER(12) PRIMARY KEY, NAME VARCHAR2(100),"
              + " COUNTRY CHAR(2), CREDIT_LIMIT NUMBER(12,2), CREATED_AT TIMESTAMP(9), \"Status\" VARCHAR2(10),"
              + " NOTES CLOB, AVATAR BLOB)");
          st.execute("CREATE TABLE SALES.ORDERS (ORDER_ID NUMBER(12), LINE_NO NUMBER(4), PRODUCT VARCHAR2(40),"
              + " QTY NUMBER(8), PRICE NUMBER(12,2), ORDERED_AT TIMESTAMP(6), CONSTRAINT ORDERS_PK PRIMARY KEY (ORDER_ID, LINE_NO))");
        }
        c.setAutoCommit(false);
      }
      employees(src, dr, (int) Math.max(100, EMPLOYEES * scale));
      customers(src, dr, (int) Math.max(100, CUSTOMERS * scale));
      orders(src, dr, (int) Math.max(100, ORDERS * scale));
    }
    Files.writeString(dir.resolve("config.yaml"), config(dir), StandardCharsets.UTF_8);
  }

  static String url(Path dir, String name) {
    return "jdbc:h2:file:" + dir.resolve(name) + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH";
  }

  private static String config(Path dir) {
    return """
        # Demo comparison: two H2 databases in Oracle mode (created by scripts/demo).
        source_database:
          url: "%s"
          username: demo
          password: ""
        target_database:
          url: "%s"
          username: demo
          password: ""
        comparison:
          chunk_size: 10000
          threads: 2
          state_dir: state
          checkpoint_dir: checkpoints
          output_dir: output
          # the demo databases do not change during the run: differing rows are read again at once
          # (on a live pair keep the default delay, see "Comparing live databases" in the README)
          recheck: { rounds: 2, delay_seconds: 0 }
        tables:
          - table_name: HR.EMPLOYEES
          - table_name: SALES.CUSTOMERS
          - table_name: SALES.ORDERS
            chunk_size: 25000
        """.formatted(url(dir, "source"), url(dir, "dr"));
  }

  /** Which rows of 1..n the DR copy lacks or changes: evenly spread, deterministic. */
  private static boolean[][] plan(int n, long seed) {
    Random r = new Random(seed);
    boolean[] missing = new boolean[n + 1];
    boolean[] changed = new boolean[n + 1];
    int m = 0;
    while (m < MISSING_IN_TARGET) {
      int i = 1 + r.nextInt(n);
      if (!missing[i]) {
        missing[i] = true;
        m++;
      }
    }
    int c = 0;
    while (c < DIFFERENT) {
      int i = 1 + r.nextInt(n);
      if (!missing[i] && !changed[i]) {
        changed[i] = true;
        c++;
      }
    }
    return new boolean[][] {missing, changed};
  }

  /** Keys only the DR copy has: some inside the source range (gaps), some beyond both ends. */
  private static long extraKey(int i, int n) {
    if (i < 3) {
      return -1 - i; // below the source's smallest key
    }
    if (i < 6) {
      return n + 1000L + i; // above the largest
    }
    return 0; // filled with gap keys by the caller
  }

  private static void employees(Connection src, Connection dr, int n) throws SQLException {
    String sql = "INSERT INTO HR.EMPLOYEES VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    boolean[][] p = plan(n, 1);
    Random r = new Random(11);
    try (PreparedStatement s = src.prepareStatement(sql); PreparedStatement d = dr.prepareStatement(sql)) {
      for (int id = 1; id <= n; id++) {
        Object[] row = {id, "First" + id, "Last" + (id % 977), "user" + id + "@example.com",
            LocalDateTime.of(2000, 1, 1, 9, 0).plusDays(id % 9000).plusSeconds(id % 86_400),
            BigDecimal.valueOf(30_000 + r.nextInt(90_000) * 100L, 2),
            id % 3 == 0 ? null : BigDecimal.valueOf(r.nextInt(40), 2), 10 + id % 27};
        add(s, row);
        if (!p[0][id]) {
          if (p[1][id]) {
            row[5] = ((BigDecimal) row[5]).add(BigDecimal.ONE);
            if (id % 2 == 0) {
              row[6] = row[6] == null ? new BigDecimal("0.10") : null;
            }
          }
          add(d, row);
        }
        flush(id, s, d);
      }
      for (int i = 0; i < MISSING_IN_SOURCE; i++) {
        long key = extraKey(i, n);
        Object[] row = {key == 0 ? n + 1 + i : key, "Ghost", "Only-in-DR", null, null, BigDecimal.TEN, null, 99};
        add(d, row);
      }
      s.executeBatch();
      d.executeBatch();
    }
    src.commit();
    dr.commit();
  }

  private static void customers(Connection src, Connection dr, int n) throws SQLException {
    String sql = "INSERT INTO SALES.CUSTOMERS VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    boolean[][] p = plan(n, 2);
    Random r = new Random(22);
    String[] countries = {"DE", "FR", "US", "GB", "JP", "BR", "IN", "NO"};
    try (PreparedStatement s = src.prepareStatement(sql); PreparedStatement d = dr.prepareStatement(sql)) {
      for (int id = 1; id <= n; id++) {
        String notes = id % 1000 == 0 ? "Long note ".repeat(2000) + id : id % 5 == 0 ? "VIP; it's \"quoted\" & more" : null;
        byte[] avatar = id % 500 == 0 ? bytes(r, 3000) : id % 7 == 0 ? bytes(r, 16) : null;
        Object[] row = {id, "Customer " + id + (id % 11 == 0 ? " Ünïcødé ✓" : ""), countries[id % countries.length],
            BigDecimal.valueOf(r.nextInt(1_000_000), 2),
            LocalDateTime.of(2015, 6, 1, 0, 0).plusSeconds(id * 977L).plusNanos(id * 1_234L % 1_000_000_000L),
            id % 4 == 0 ? "inactive" : "active", notes, avatar};
        add(s, row);
        if (!p[0][id]) {
          if (p[1][id]) {
            switch (id % 3) {
              case 0 -> row[4] = ((LocalDateTime) row[4]).plusNanos(1); // a nanosecond apart
              case 1 -> row[1] = row[1] + " "; // a trailing blank
              default -> row[6] = row[6] == null ? "now set" : row[6] + "!";
            }
          }
          add(d, row);
        }
        flush(id, s, d);
      }
      for (int i = 0; i < MISSING_IN_SOURCE; i++) {
        long key = extraKey(i, n);
        add(d, new Object[] {key == 0 ? n + 1 + i : key, "Only in DR", "XX", BigDecimal.ZERO, null, "active", null, null});
      }
      s.executeBatch();
      d.executeBatch();
    }
    src.commit();
    dr.commit();
  }

  private static void orders(Connection src, Connection dr, int n) throws SQLException {
    String sql = "INSERT INTO SALES.ORDERS VALUES (?, ?, ?, ?, ?, ?)";
    boolean[][] p = plan(n, 3);
    Random r = new Random(33);
    String[] products = {"Widget", "Gadget", "Sprocket", "Gizmo", "Doohickey"};
    try (PreparedStatement s = src.prepareStatement(sql); PreparedStatement d = dr.prepareStatement(sql)) {
      for (int i = 1; i <= n; i++) {
        int order = (i + 3) / 4;
        int line = (i - 1) % 4 + 1;
        Object[] row = {order, line, products[i % products.length], 1 + r.nextInt(20),
            BigDecimal.valueOf(100 + r.nextInt(100_000), 2),
            LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(i * 61L).plusNanos((i % 1000) * 1000L)};
        add(s, row);
        if (!p[0][i]) {
          if (p[1][i]) {
            row[3] = ((Integer) row[3]) + 1;
          }
          add(d, row);
        }
        flush(i, s, d);
      }
      int lastOrder = (n + 3) / 4;
      for (int i = 0; i < MISSING_IN_SOURCE; i++) {
        long key = extraKey(i, n);
        long order = key < 0 ? key : key > 0 ? lastOrder + 1 + i : lastOrder;
        int line = key == 0 ? 100 + i : 1; // extra lines of the last order
        add(d, new Object[] {order, line, "Extra", 1, BigDecimal.ONE, null});
      }
      s.executeBatch();
      d.executeBatch();
    }
    src.commit();
    dr.commit();
  }

  private static byte[] bytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  private static void add(PreparedStatement ps, Object[] row) throws SQLException {
    for (int i = 0; i < row.length; i++) {
      ps.setObject(i + 1, row[i]);
    }
    ps.addBatch();
  }

  private static void flush(int i, PreparedStatement s, PreparedStatement d) throws SQLException {
    if (i % 2000 == 0) {
      s.executeBatch();
      d.executeBatch();
    }
  }
}
