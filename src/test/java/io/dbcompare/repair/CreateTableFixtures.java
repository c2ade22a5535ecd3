package io.dbcompare.repair;

import io.dbcompare.compare.TableRef;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.config.Platform;
import io.dbcompare.config.TableConfig;
import io.dbcompare.config.TableName;
import io.dbcompare.dialect.ColumnType;
import io.dbcompare.jdbc.ConnectionPool;
import io.dbcompare.jdbc.TableCatalog;
import io.dbcompare.jdbc.TableCatalog.Column;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Source tables for the CREATE TABLE scripts, one per platform, with every type that maps exactly to
 * each other platform. Oracle's catalog cannot be read here: its columns are written as the thin
 * driver reports them. PostgreSQL's are as pgJDBC reports them (checked against a live server in
 * {@code it.PostgresCreateTableScriptTest}); H2's are read from a live H2 catalog.
 */
final class CreateTableFixtures {
  private CreateTableFixtures() {}

  static TableCatalog.Table oracle() {
    return new TableCatalog.Table(new TableRef("APP", "ORDERS_X"), List.of(
        new Column("ID", new ColumnType(Types.NUMERIC, "NUMBER", 10, 0), false),
        new Column("CODE", new ColumnType(Types.VARCHAR, "VARCHAR2", 20, 0), false),
        new Column("NAME", new ColumnType(Types.NVARCHAR, "NVARCHAR2", 50, 0), true),
        new Column("AMOUNT", new ColumnType(Types.NUMERIC, "NUMBER", 12, 2), true),
        new Column("QTY", new ColumnType(Types.NUMERIC, "NUMBER", 0, -127), true),
        new Column("WHOLE", new ColumnType(Types.NUMERIC, "NUMBER", 0, 0), true),
        new Column("RATIO", new ColumnType(Types.FLOAT, "FLOAT", 126, -127), true),
        new Column("FLAG", new ColumnType(Types.CHAR, "CHAR", 1, 0), false),
        new Column("CREATED", new ColumnType(Types.TIMESTAMP, "DATE", 7, 0), false),
        new Column("UPDATED", new ColumnType(Types.TIMESTAMP, "TIMESTAMP(6)", 11, 6), true),
        new Column("AT_TZ", new ColumnType(-101, "TIMESTAMP(3) WITH TIME ZONE", 13, 3), true),
        new Column("NOTES", new ColumnType(Types.CLOB, "CLOB", 4000, 0), true),
        new Column("RAW_DATA", new ColumnType(Types.VARBINARY, "RAW", 16, 0), true),
        new Column("IMAGE", new ColumnType(Types.BLOB, "BLOB", 4000, 0), true),
        new Column("SCORE", new ColumnType(101, "BINARY_DOUBLE", 8, 0), true),
        new Column("F4", new ColumnType(100, "BINARY_FLOAT", 4, 0), true)),
        List.of("ID"), List.of(List.of("CODE"), List.of("NAME", "CREATED")));
  }

  static TableCatalog.Table postgres() {
    return new TableCatalog.Table(new TableRef("app", "orders_x"), List.of(
        new Column("id", new ColumnType(Types.BIGINT, "int8", 19, 0), false),
        new Column("code", new ColumnType(Types.VARCHAR, "varchar", 20, 0), false),
        new Column("name", new ColumnType(Types.VARCHAR, "varchar", Integer.MAX_VALUE, 0), true),
        new Column("amount", new ColumnType(Types.NUMERIC, "numeric", 12, 2), true),
        new Column("big", new ColumnType(Types.NUMERIC, "numeric", 0, 0), true),
        new Column("small", new ColumnType(Types.SMALLINT, "int2", 5, 0), true),
        new Column("qty", new ColumnType(Types.INTEGER, "int4", 10, 0), true),
        new Column("flag", new ColumnType(Types.CHAR, "bpchar", 1, 0), false),
        new Column("created", new ColumnType(Types.TIMESTAMP, "timestamp", 22, 0), false),
        new Column("updated", new ColumnType(Types.TIMESTAMP, "timestamp", 29, 6), true),
        new Column("day", new ColumnType(Types.DATE, "date", 13, 0), true),
        new Column("at_tz", new ColumnType(Types.TIMESTAMP, "timestamptz", 35, 6), true),
        new Column("notes", new ColumnType(Types.VARCHAR, "text", Integer.MAX_VALUE, 0), true),
        new Column("data", new ColumnType(Types.BINARY, "bytea", Integer.MAX_VALUE, 0), true),
        new Column("score", new ColumnType(Types.DOUBLE, "float8", 17, 17), true),
        new Column("f4", new ColumnType(Types.REAL, "float4", 8, 8), true),
        new Column("active", new ColumnType(Types.BIT, "bool", 1, 0), true)),
        List.of("id"), List.of(List.of("code")));
  }

  /** The H2 source table's DDL (Oracle mode, as the demo and the tests use H2). */
  static final String H2_DDL = "CREATE TABLE APP.ORDERS_X (ID NUMBER(10) PRIMARY KEY, CODE VARCHAR2(20) NOT NULL UNIQUE,"
      + " NAME VARCHAR2(50), AMOUNT NUMBER(12,2), BIG DECFLOAT, SMALL SMALLINT, QTY INTEGER, FLAG CHAR(1) NOT NULL,"
      + " CREATED DATE NOT NULL, UPDATED TIMESTAMP(6), DAY_ONLY TIMESTAMP(0), AT_TZ TIMESTAMP(6) WITH TIME ZONE,"
      + " NOTES CLOB, DATA RAW(16), IMAGE BLOB, SCORE DOUBLE PRECISION, F4 REAL, ACTIVE BOOLEAN)";

  /** The H2 table of {@link #H2_DDL}, read from the catalog of a fresh in-memory database. */
  static TableCatalog.Table h2(String name) throws Exception {
    String url = "jdbc:h2:mem:" + name + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
        java.sql.Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA APP");
      st.execute(H2_DDL);
      DatabaseConfig db = new DatabaseConfig("source", url, "sa", "", Platform.H2, Map.of());
      try (ConnectionPool pool = new ConnectionPool(db, 1, 10, 0)) {
        return TableCatalog.describe(pool, table("APP.ORDERS_X"));
      } finally {
        st.execute("DROP ALL OBJECTS");
      }
    }
  }

  static TableConfig table(String name) {
    TableName n = TableName.parse(name, "test");
    return new TableConfig(n, n, List.of(), Optional.empty(), List.of(), List.of(), Optional.empty());
  }
}
