package io.dbcompare.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads one column of the current row as its kind's canonical Java value, where a type needs another
 * driver call than its kind's standard one (a uuid's {@code java.util.UUID} made 16 bytes, a numeric
 * {@code NaN}, an interval's fields). NULL is read as null.
 */
@FunctionalInterface
public interface ValueReader {
  Object read(ResultSet rs, int column) throws SQLException;
}
