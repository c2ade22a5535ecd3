package io.dbcompare.config;

/**
 * The {@code oracle:} section of an Oracle database: how the comparison's sessions behave there.
 *
 * @param parallelQuery let Oracle run chunk queries in parallel on tables declared with a degree of
 *     parallelism above 1 (off by default: {@code ALTER SESSION DISABLE PARALLEL QUERY} on every comparison
 *     connection, so that {@code threads} workers do not each start a set of parallel servers)
 */
public record OracleOptions(boolean parallelQuery) {
  public static final OracleOptions DEFAULT = new OracleOptions(false);
}
