package io.dbcompare.jdbc;

import io.dbcompare.compare.ChosenScn;
import io.dbcompare.config.DatabaseConfig;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import io.dbcompare.vendor.DatabaseState;
import io.dbcompare.vendor.ScnSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Chooses the SCN a pair is read at ({@code snapshot: scn}): reads what each database says about itself
 * (the vendor object's {@link ScnSource#databaseSql()}) and lets the vendor object decide. Refusals are
 * configuration errors (exit 3), before a session is created.
 */
public final class ScnReader {
  private ScnReader() {}

  public static ChosenScn choose(Pools pools) {
    ScnSource source = scnSource(pools.source());
    scnSource(pools.target());
    return source.choose(read(pools.source()), read(pools.target()));
  }

  private static ScnSource scnSource(ConnectionPool pool) {
    return pool.databaseType().scnSource().orElseThrow(() -> CompareException.config("comparison.snapshot.mode:"
        + " scn: the " + pool.database().side() + " is " + pool.databaseType().displayName()
        + ", which cannot be read AS OF an SCN; use snapshot mode none for this pair"));
  }

  /** The database's identity, role, open mode and current SCN. */
  static DatabaseState read(ConnectionPool pool) {
    ScnSource scn = scnSource(pool);
    DatabaseConfig db = pool.database();
    Connection c = pool.borrow();
    try (PreparedStatement ps = c.prepareStatement(scn.databaseSql()); ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new CompareException(ErrorCode.DATABASE, db.side() + " database: " + scn.databaseSql()
            + " returned no row; the SCN to read at cannot be chosen");
      }
      BigDecimal current = rs.getBigDecimal(5);
      return new DatabaseState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
          current == null ? null : current.toBigIntegerExact());
    } catch (SQLException e) {
      Optional<String> grant = scn.grantForDatabaseSql(e.getSQLState(), e.getErrorCode(), db.username());
      if (grant.isPresent()) {
        throw new CompareException(ErrorCode.CONFIG, db.side() + " database: reading the current SCN for"
            + " snapshot: scn failed: " + firstLine(e) + " (SQLState " + e.getSQLState() + ", code "
            + e.getErrorCode() + "); ask the DBA for " + grant.get()
            + ", or use snapshot mode none", e);
      }
      throw SqlErrors.translate(e, "reading the current SCN (snapshot: scn)", db);
    } finally {
      ConnectionPool.release(c);
    }
  }

  private static String firstLine(SQLException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).strip();
  }
}
