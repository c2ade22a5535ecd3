package io.dbcompare.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The rows of a catalog query, every column read as a string (catalog names, types, flags). */
final class CatalogRows {
  private CatalogRows() {}

  /** Executes the prepared statement (its parameters set) and reads all its rows. */
  static List<List<String>> read(PreparedStatement ps) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(row);
      }
    }
    return out;
  }
}
