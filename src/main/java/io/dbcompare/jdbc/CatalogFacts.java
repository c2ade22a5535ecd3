package io.dbcompare.jdbc;

import io.dbcompare.compare.DeclaredSize;
import io.dbcompare.compare.TableRef;
import io.dbcompare.dialect.ColumnDetails;
import io.dbcompare.dialect.DatabaseFacts;
import io.dbcompare.vendor.DatabaseType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Runs the vendor object's queries about a database and its columns (the vendor object gives the SQL only). */
final class CatalogFacts {
  private CatalogFacts() {}

  static DatabaseFacts read(Connection c, DatabaseType type) throws SQLException {
    String charset = null;
    String national = null;
    Optional<String> sql = type.characterSetsSql();
    if (sql.isPresent()) {
      try (PreparedStatement ps = c.prepareStatement(sql.get()); ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          charset = rs.getString(1);
          national = rs.getString(2);
        }
      }
    }
    DatabaseMetaData md = c.getMetaData();
    return new DatabaseFacts(charset, national, md.getDatabaseMajorVersion(), md.getDatabaseMinorVersion());
  }

  /** Per exact column name: declared precision, scale and collation; empty where the platform has no query. */
  static Map<String, ColumnDetails> columns(Connection c, DatabaseType type, DatabaseFacts facts, TableRef t)
      throws SQLException {
    Map<String, ColumnDetails> out = new HashMap<>();
    Optional<String> sql = type.columnDetailsSql(facts);
    if (sql.isEmpty()) {
      return out;
    }
    try (PreparedStatement ps = c.prepareStatement(sql.get())) {
      ps.setString(1, t.schema());
      ps.setString(2, t.table());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int p = rs.getInt(2);
          Integer precision = rs.wasNull() ? null : p;
          int s = rs.getInt(3);
          Integer scale = rs.wasNull() ? null : s;
          out.put(rs.getString(1), new ColumnDetails(new DeclaredSize(precision, scale), rs.getString(4)));
        }
      }
    }
    return out;
  }
}
