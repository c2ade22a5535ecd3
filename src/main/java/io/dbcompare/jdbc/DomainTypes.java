package io.dbcompare.jdbc;

import io.dbcompare.dialect.ColumnType;
import io.dbcompare.vendor.DatabaseType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/**
 * A domain column as its base type: PostgreSQL's driver reports a domain as {@code DISTINCT} under the
 * domain's own name, which says nothing of its values; the base type does (a domain over a domain is
 * followed down). An enum base is reported as pgJDBC reports an enum column (VARCHAR under its name).
 */
final class DomainTypes {
  /** Domains over domains deeper than this are refused rather than followed forever. */
  private static final int MAX_DEPTH = 16;

  private DomainTypes() {}

  static ColumnType base(Connection c, DatabaseType type, ColumnType column) throws SQLException {
    Optional<String> sql = type.domainBaseTypeSql();
    if (column.jdbcType() != Types.DISTINCT || sql.isEmpty()) {
      return column;
    }
    ColumnType current = column;
    for (int depth = 0; depth < MAX_DEPTH && current.jdbcType() == Types.DISTINCT; depth++) {
      try (PreparedStatement ps = c.prepareStatement(sql.get())) {
        ps.setString(1, current.typeName());
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return current; // not a domain after all: the dialect names it unsupported
          }
          String kind = rs.getString(2);
          int jdbc = switch (kind) {
            case "d" -> Types.DISTINCT;
            case "e" -> Types.VARCHAR;
            default -> Types.OTHER;
          };
          current = new ColumnType(jdbc, kind.equals("b") ? rs.getString(1) : rs.getString(3), column.size(),
              column.scale());
        }
      }
    }
    return current;
  }
}
