package io.dbcompare.vendor;

import io.dbcompare.compare.ChosenScn;
import java.util.Optional;

/**
 * How a platform whose tables can be read {@code AS OF} a system change number chooses the SCN of a pair
 * ({@code snapshot: scn}). The vendor object gives the SQL and the decision; jdbc runs the SQL.
 */
public interface ScnSource {

  /**
   * A query returning one row about the database it runs on, in the order of {@link DatabaseState}'s
   * components: identifier, unique name, role, open mode, current SCN.
   */
  String databaseSql();

  /**
   * The SCN both sides are read at, or a {@link io.dbcompare.error.CompareException} with code CONFIG
   * (exit 3) naming why this pair cannot be read at one SCN.
   */
  ChosenScn choose(DatabaseState source, DatabaseState target);

  /**
   * The statement a DBA must run when {@link #databaseSql()} failed with this error for {@code user}: the
   * error says a privilege or a view is missing. Empty for any other error.
   */
  Optional<String> grantForDatabaseSql(String sqlState, int vendorCode, String user);
}
